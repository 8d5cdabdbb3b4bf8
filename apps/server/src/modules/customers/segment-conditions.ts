/**
 * Segment membership, pure: does a person (their facts, resolved over every merged profile) meet a
 * definition at a given instant? The worker, the preview and the full build all call `matches`, so
 * a live segment and a rebuild of it cannot disagree. What a definition needs loaded (event counts
 * per window, latest scores) is named by `needsOf`, keyed the way the facts carry it.
 */
import type { SegmentCondition, SegmentGroup, TraitValue } from '@touchpoint/shared';

type EventCondition = Extract<SegmentCondition, { kind: 'event' }>;
type MetricCondition = Extract<SegmentCondition, { kind: 'metric' }>;
type TraitCondition = Extract<SegmentCondition, { kind: 'trait' }>;
type ProfileCondition = Extract<SegmentCondition, { kind: 'profile' }>;

export interface PersonFacts {
  /** Root profile id. */
  id: string;
  traits: Record<string, TraitValue>;
  consents: Record<string, { granted: boolean; at: string }>;
  orderCount: number;
  revenue: Record<string, number>;
  firstSeenAt: string | null; lastSeenAt: string | null;
  churnRisk: number | null;
  /** By `eventCountKey`: events over all the person's profiles in the condition's window. */
  eventCounts: Map<string, number>;
  /** By `scoreKey`: the latest answer of the metric in the window, if any. */
  latestScores: Map<string, number>;
}

const DAY_MS = 86_400_000;

export const eventCountKey = (c: Pick<EventCondition, 'type' | 'name' | 'days'>) => `${c.type}\u0001${c.type === 'order' ? '' : c.name ?? ''}\u0001${c.days ?? ''}`;
export const scoreKey = (c: Pick<MetricCondition, 'metric' | 'days'>) => `${c.metric}\u0001${c.days ?? ''}`;

export interface Needs { events: EventCondition[]; metrics: MetricCondition[]; timeRelative: boolean }

/** The event windows and scores a definition reads, once each, and whether time alone can change it. */
export function needsOf(def: SegmentGroup): Needs {
  const events = new Map<string, EventCondition>(), metrics = new Map<string, MetricCondition>();
  let timeRelative = false;
  const walk = (g: SegmentGroup) => {
    for (const c of g.conditions) {
      if (c.kind === 'group') walk(c);
      else if (c.kind === 'event') { events.set(eventCountKey(c), c); if (c.days) timeRelative = true; }
      else if (c.kind === 'metric') { metrics.set(scoreKey(c), c); if (c.days) timeRelative = true; }
      else if (c.kind === 'trait' && (c.op === 'within_days')) timeRelative = true;
      else if (c.kind === 'profile' && c.field.startsWith('days_since')) timeRelative = true;
    }
  };
  walk(def);
  return { events: [...events.values()], metrics: [...metrics.values()], timeRelative };
}

export function matches(def: SegmentGroup, p: PersonFacts, now: number): boolean {
  if (def.match === 'all') return def.conditions.every((c) => (c.kind === 'group' ? matches(c, p, now) : holds(c, p, now)));
  return def.conditions.some((c) => (c.kind === 'group' ? matches(c, p, now) : holds(c, p, now)));
}

function holds(c: SegmentCondition, p: PersonFacts, now: number): boolean {
  switch (c.kind) {
    case 'trait': return traitHolds(c, p.traits[c.key], now);
    case 'event': return countHolds(c.op, p.eventCounts.get(eventCountKey(c)) ?? 0, c.count);
    case 'profile': return profileHolds(c, p, now);
    case 'consent': {
      const given = p.consents[c.purpose];
      return c.state === 'unknown' ? !given : !!given && given.granted === (c.state === 'granted');
    }
    case 'metric': {
      const score = p.latestScores.get(scoreKey(c));
      if (score === undefined) return false;
      if (c.band !== undefined && !inBand(c.metric, c.band, score)) return false;
      return (c.min === undefined || score >= c.min) && (c.max === undefined || score <= c.max);
    }
  }
}

function countHolds(op: EventCondition['op'], n: number, want: number): boolean {
  return op === 'at_least' ? n >= want : op === 'at_most' ? n <= want : n === want;
}

/** NPS 9–10 / 7–8 / 0–6; CSAT 4–5 / 3 / 1–2; CES (1–7, 5–7 "easy" as the CES metric counts it) 5–7 / 4 / 1–3. */
export function inBand(metric: 'nps' | 'csat' | 'ces', band: string, s: number): boolean {
  if (metric === 'nps') return band === 'promoter' ? s >= 9 : band === 'passive' ? s >= 7 && s <= 8 : s <= 6;
  if (metric === 'csat') return band === 'satisfied' ? s >= 4 : band === 'neutral' ? s === 3 : s <= 2;
  return band === 'easy' ? s >= 5 : band === 'neutral' ? s === 4 : s <= 3;
}

function profileHolds(c: ProfileCondition, p: PersonFacts, now: number): boolean {
  let x: number | null;
  switch (c.field) {
    case 'order_count': x = p.orderCount; break;
    case 'revenue': x = c.currency ? p.revenue[c.currency] ?? 0 : Math.max(0, ...Object.values(p.revenue)); break;
    case 'days_since_last_seen': x = p.lastSeenAt ? (now - Date.parse(p.lastSeenAt)) / DAY_MS : null; break;
    case 'days_since_first_seen': x = p.firstSeenAt ? (now - Date.parse(p.firstSeenAt)) / DAY_MS : null; break;
    case 'churn_risk': x = p.churnRisk; break;
  }
  return x !== null && compare(c.op, x, c.value);
}

function compare(op: 'gt' | 'gte' | 'lt' | 'lte' | 'between' | 'eq', x: number, v: number | readonly [number, number]): boolean {
  if (Array.isArray(v)) return x >= Math.min(v[0], v[1]) && x <= Math.max(v[0], v[1]);
  const w = v as number;
  return op === 'gt' ? x > w : op === 'gte' ? x >= w : op === 'lt' ? x < w : op === 'lte' ? x <= w : x === w;
}

type Scalar = string | number | boolean;
const norm = (v: Scalar) => (typeof v === 'string' ? v.trim().toLowerCase() : v);
const equal = (a: Scalar, b: Scalar) => {
  if (typeof a === 'number' && typeof b === 'string' && b.trim() !== '' && Number.isFinite(Number(b))) return a === Number(b);
  return norm(a) === norm(b);
};
/** A number, or an ISO date's time, so `gt` works on ages and on sign-up dates alike. */
const ordinal = (v: Scalar): number | null => (typeof v === 'number' ? v : typeof v === 'string' && /^\d{4}-\d{2}-\d{2}/.test(v) && !Number.isNaN(Date.parse(v)) ? Date.parse(v) : null);

/**
 * A list trait matches eq / in / contains when any element does, and neq / not_in when none does.
 * A missing trait meets only not_exists, neq and not_in ("country is not TW" includes the unknown).
 */
function traitHolds(c: TraitCondition, value: TraitValue | undefined, now: number): boolean {
  const present = value !== undefined && value !== null && !(Array.isArray(value) && value.length === 0);
  if (c.op === 'exists') return present;
  if (c.op === 'not_exists') return !present;
  const want = c.value as Scalar | Scalar[];
  const wants = Array.isArray(want) ? want : [want];
  if (!present) return c.op === 'neq' || c.op === 'not_in';
  const items: Scalar[] = Array.isArray(value) ? value : [value as Scalar];
  const any = (f: (x: Scalar) => boolean) => items.some(f);
  switch (c.op) {
    case 'eq': return any((x) => equal(x, wants[0]));
    case 'neq': return !any((x) => equal(x, wants[0]));
    case 'in': return any((x) => wants.some((w) => equal(x, w)));
    case 'not_in': return !any((x) => wants.some((w) => equal(x, w)));
    case 'contains': return any((x) => String(norm(x)).includes(String(norm(wants[0]))));
    case 'within_days': return any((x) => { const t = ordinal(x); return typeof x === 'string' && t !== null && t <= now && t >= now - (wants[0] as number) * DAY_MS; });
    default: {
      const ranks = (c.op === 'between' ? wants : [wants[0]]).map(ordinal);
      if (ranks.some((r) => r === null)) return false;
      return any((x) => {
        const t = ordinal(x);
        if (t === null) return false;
        if (c.op === 'between') return t >= Math.min(ranks[0]!, ranks[1]!) && t <= Math.max(ranks[0]!, ranks[1]!);
        const w = ranks[0]!;
        return c.op === 'gt' || c.op === 'after' ? t > w : c.op === 'gte' ? t >= w : c.op === 'lt' || c.op === 'before' ? t < w : t <= w;
      });
    }
  }
}
