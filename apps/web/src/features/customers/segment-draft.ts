/**
 * The segment builder's working copy of a definition. Inputs hold what the analyst typed (text),
 * so a half-typed number is not lost or coerced while they type; `toDefinition` turns the draft
 * into the contract's shape and `draftIssues` says what is still missing, at the same paths the
 * server uses (definition.conditions[0].value), so one error map serves both. Pure: no React.
 */
import {
  CONSENT_PURPOSES, METHOD_TRAITS, METRIC_BANDS, TraitKey,
  type ConsentPurpose, type SegmentCondition, type SegmentDefinition, type SegmentGroup, type SegmentMethod, type TraitOp,
} from '@touchpoint/shared';

/** The contract's limits (segments.ts keeps them private); the server checks them again. */
export const MAX_DEPTH = 3;
export const MAX_CONDITIONS = 50;
export const PROFILE_OPS = ['gt', 'gte', 'lt', 'lte', 'between', 'eq'] as const;
export type ProfileOp = (typeof PROFILE_OPS)[number];
export type EventType = 'any' | 'track' | 'page' | 'order';
export type EventOp = 'at_least' | 'at_most' | 'exactly';
export type ProfileField = 'order_count' | 'revenue' | 'days_since_last_seen' | 'days_since_first_seen' | 'churn_risk';
export type Metric = keyof typeof METRIC_BANDS;
export type ConsentState = 'granted' | 'refused' | 'unknown';

export interface TraitDraft { uid: string; kind: 'trait'; method: SegmentMethod; key: string; op: TraitOp; text: string; text2: string }
export interface EventDraft { uid: string; kind: 'event'; type: EventType; name: string; op: EventOp; count: string; days: string }
export interface ProfileDraft { uid: string; kind: 'profile'; field: ProfileField; op: ProfileOp; text: string; text2: string; currency: string }
/** band '' means "a score range" (min and/or max). */
export interface MetricDraft { uid: string; kind: 'metric'; metric: Metric; band: string; min: string; max: string; days: string }
export interface ConsentDraft { uid: string; kind: 'consent'; purpose: ConsentPurpose; state: ConsentState }
export type ConditionDraft = TraitDraft | EventDraft | ProfileDraft | MetricDraft | ConsentDraft;
export interface GroupDraft { uid: string; kind: 'group'; match: 'all' | 'any'; conditions: DraftNode[] }
export type DraftNode = ConditionDraft | GroupDraft;

/** What the value input of a trait operator looks like. */
export type ValueShape = 'none' | 'one' | 'two' | 'list' | 'days' | 'date';
export const TRAIT_VALUE_SHAPE: Record<TraitOp, ValueShape> = {
  eq: 'one', neq: 'one', contains: 'one', gt: 'one', gte: 'one', lt: 'one', lte: 'one',
  in: 'list', not_in: 'list', between: 'two', exists: 'none', not_exists: 'none', within_days: 'days', before: 'date', after: 'date',
};

let seq = 0;
/** React keys for rows: stable while rows move, unrelated to positions (which are the paths). */
const uid = () => `n${++seq}`;

export const emptyGroup = (match: 'all' | 'any' = 'all'): GroupDraft => ({ uid: uid(), kind: 'group', match, conditions: [] });

/** A sensible first operator: ages are ranges, incomes thresholds, lists of interests are searched. */
function defaultTraitOp(key: string): TraitOp {
  if (key === 'age') return 'between';
  if (key === 'income') return 'gte';
  if ((METHOD_TRAITS.psychographic as readonly string[]).includes(key)) return 'contains';
  return 'eq';
}

export type PickerChoice =
  | { kind: 'trait'; method: SegmentMethod; key: string }
  | { kind: 'event' } | { kind: 'profile' } | { kind: 'metric' } | { kind: 'consent' };

export function newCondition(c: PickerChoice): ConditionDraft {
  switch (c.kind) {
    case 'trait': return { uid: uid(), kind: 'trait', method: c.method, key: c.key, op: defaultTraitOp(c.key), text: '', text2: '' };
    case 'event': return { uid: uid(), kind: 'event', type: 'order', name: '', op: 'at_least', count: '1', days: '30' };
    case 'profile': return { uid: uid(), kind: 'profile', field: 'order_count', op: 'gte', text: '', text2: '', currency: '' };
    case 'metric': return { uid: uid(), kind: 'metric', metric: 'nps', band: 'promoter', min: '', max: '', days: '' };
    case 'consent': return { uid: uid(), kind: 'consent', purpose: CONSENT_PURPOSES[0], state: 'granted' };
  }
}

// ── between draft and definition ────────────────────────────────────────────────────────────

const str = (v: unknown) => (v === undefined || v === null ? '' : String(v));

function conditionDraft(c: SegmentCondition): ConditionDraft {
  switch (c.kind) {
    case 'trait': {
      const list = Array.isArray(c.value) ? c.value : [];
      const text = c.op === 'in' || c.op === 'not_in' ? list.map(str).join(', ') : Array.isArray(c.value) ? str(list[0]) : str(c.value);
      return { uid: uid(), kind: 'trait', method: c.method, key: c.key, op: c.op, text, text2: c.op === 'between' ? str(list[1]) : '' };
    }
    case 'event': return { uid: uid(), kind: 'event', type: c.type, name: c.name ?? '', op: c.op, count: str(c.count), days: str(c.days) };
    case 'profile': {
      const [a, b] = Array.isArray(c.value) ? c.value : [c.value, undefined];
      return { uid: uid(), kind: 'profile', field: c.field, op: c.op, text: str(a), text2: str(b), currency: c.currency ?? '' };
    }
    case 'metric': return { uid: uid(), kind: 'metric', metric: c.metric, band: c.band ?? '', min: str(c.min), max: str(c.max), days: str(c.days) };
    case 'consent': return { uid: uid(), kind: 'consent', purpose: c.purpose, state: c.state };
  }
}

export function fromDefinition(g: SegmentGroup): GroupDraft {
  return { uid: uid(), kind: 'group', match: g.match, conditions: g.conditions.map((c) => (c.kind === 'group' ? fromDefinition(c) : conditionDraft(c))) };
}

/** A number as typed ("1,200" and " 3 " too); NaN when it is not one. */
export function parseNumber(text: string): number {
  const t = text.replace(/[,\s]/g, '');
  return t === '' ? NaN : Number(t);
}

/** Comma, 、 (Chinese enumeration comma) or newline separated values, blanks dropped. */
export function splitList(text: string): string[] {
  return text.split(/[,，、\n]/).map((s) => s.trim()).filter(Boolean);
}

/**
 * A typed trait value. Equality keeps text (the server matches "31" against a stored 31, but not a
 * typed 7 against a stored "007"), except yes/no for boolean traits; comparisons want numbers.
 */
export function traitScalar(text: string, forComparison: boolean): string | number | boolean {
  const t = text.trim();
  if (t === 'true' || t === 'false') return t === 'true';
  if (forComparison && Number.isFinite(parseNumber(t))) return parseNumber(t);
  return t;
}

const optionalInt = (text: string) => (text.trim() === '' ? undefined : parseNumber(text));

function conditionOf(d: ConditionDraft): SegmentCondition {
  switch (d.kind) {
    case 'trait': {
      const shape = TRAIT_VALUE_SHAPE[d.op];
      const compare = ['gt', 'gte', 'lt', 'lte', 'between'].includes(d.op);
      const value = shape === 'none' ? undefined
        : shape === 'list' ? splitList(d.text).map((v) => traitScalar(v, false))
        : shape === 'two' ? [traitScalar(d.text, true), traitScalar(d.text2, true)]
        : shape === 'days' ? parseNumber(d.text)
        : traitScalar(d.text, compare);
      return { kind: 'trait', method: d.method, key: d.key.trim(), op: d.op, ...(value === undefined ? {} : { value }) } as SegmentCondition;
    }
    case 'event': {
      const name = d.type === 'order' || d.type === 'any' ? '' : d.name.trim();
      const days = optionalInt(d.days);
      return { kind: 'event', method: 'behavioural', type: d.type, op: d.op, count: parseNumber(d.count), ...(name ? { name } : {}), ...(days === undefined ? {} : { days }) };
    }
    case 'profile': {
      const value: number | [number, number] = d.op === 'between' ? [parseNumber(d.text), parseNumber(d.text2)] : parseNumber(d.text);
      const currency = d.field === 'revenue' ? d.currency.trim().toUpperCase() : '';
      return { kind: 'profile', method: 'behavioural', field: d.field, op: d.op, value, ...(currency ? { currency } : {}) };
    }
    case 'metric': {
      const min = optionalInt(d.min), max = optionalInt(d.max), days = optionalInt(d.days);
      return {
        kind: 'metric', method: 'behavioural', metric: d.metric,
        ...(d.band ? { band: d.band } : { ...(min === undefined ? {} : { min }), ...(max === undefined ? {} : { max }) }),
        ...(days === undefined ? {} : { days }),
      };
    }
    case 'consent': return { kind: 'consent', method: 'behavioural', purpose: d.purpose, state: d.state };
  }
}

/** The definition to send; positions are kept, so draft paths and server paths agree. */
export function toDefinition(g: GroupDraft): SegmentDefinition {
  return { kind: 'group', match: g.match, conditions: g.conditions.map((c) => (c.kind === 'group' ? toDefinition(c) : conditionOf(c))) };
}

// ── what is still missing ───────────────────────────────────────────────────────────────────

/** code is a translation key under segments.issue. */
export interface DraftIssue { path: string; code: 'required' | 'number' | 'wholeNumber' | 'days' | 'traitKey' | 'currency' | 'bandOrRange' | 'depth' | 'tooMany' }

export const pathOf = (indices: readonly number[]) => `definition${indices.map((i) => `.conditions[${i}]`).join('')}`;

function conditionIssues(d: ConditionDraft, at: string): DraftIssue[] {
  const out: DraftIssue[] = [];
  const need = (field: string, text: string, kind: 'text' | 'number' | 'whole' | 'days' | 'optionalDays') => {
    const t = text.trim();
    if (!t) { if (kind !== 'optionalDays') out.push({ path: `${at}.${field}`, code: 'required' }); return; }
    const n = parseNumber(t);
    if (kind === 'number' && !Number.isFinite(n)) out.push({ path: `${at}.${field}`, code: 'number' });
    if (kind === 'whole' && !(Number.isInteger(n) && n >= 0)) out.push({ path: `${at}.${field}`, code: 'wholeNumber' });
    if ((kind === 'days' || kind === 'optionalDays') && !(Number.isInteger(n) && n >= 1 && n <= 36500)) out.push({ path: `${at}.${field}`, code: 'days' });
  };
  switch (d.kind) {
    case 'trait': {
      if (!TraitKey.safeParse(d.key.trim()).success) out.push({ path: `${at}.key`, code: d.key.trim() ? 'traitKey' : 'required' });
      const shape = TRAIT_VALUE_SHAPE[d.op];
      if (shape === 'days') need('value', d.text, 'days');
      else if (shape === 'list') { if (!splitList(d.text).length) out.push({ path: `${at}.value`, code: 'required' }); }
      else if (shape === 'two') { if (!d.text.trim() || !d.text2.trim()) out.push({ path: `${at}.value`, code: 'required' }); }
      else if (shape !== 'none') need('value', d.text, 'text');
      break;
    }
    case 'event':
      if (d.type !== 'order' && d.type !== 'any' && !d.name.trim()) out.push({ path: `${at}.name`, code: 'required' });
      need('count', d.count, 'whole');
      need('days', d.days, 'optionalDays');
      break;
    case 'profile':
      if (d.op === 'between') { need('value', d.text, 'number'); if (!out.length) need('value', d.text2, 'number'); }
      else need('value', d.text, 'number');
      if (d.field === 'revenue' && d.currency.trim() && !/^[A-Za-z]{3}$/.test(d.currency.trim())) out.push({ path: `${at}.currency`, code: 'currency' });
      break;
    case 'metric':
      if (!d.band) {
        if (!d.min.trim() && !d.max.trim()) out.push({ path: `${at}.band`, code: 'bandOrRange' });
        if (d.min.trim()) need('min', d.min, 'number');
        if (d.max.trim()) need('max', d.max, 'number');
      }
      need('days', d.days, 'optionalDays');
      break;
    case 'consent': break;
  }
  return out;
}

export function draftIssues(root: GroupDraft): DraftIssue[] {
  const out: DraftIssue[] = [];
  const walk = (g: GroupDraft, indices: number[]) => {
    if (indices.length + 1 >= MAX_DEPTH && g.conditions.some((c) => c.kind === 'group')) out.push({ path: pathOf(indices), code: 'depth' });
    g.conditions.forEach((c, i) => (c.kind === 'group' ? walk(c, [...indices, i]) : out.push(...conditionIssues(c, pathOf([...indices, i])))));
  };
  walk(root, []);
  if (countConditions(root) > MAX_CONDITIONS) out.push({ path: 'definition', code: 'tooMany' });
  return out;
}

export function countConditions(g: GroupDraft): number {
  return g.conditions.reduce((n, c) => n + (c.kind === 'group' ? countConditions(c) : 1), 0);
}

// ── edits by position ───────────────────────────────────────────────────────────────────────

/** A copy of `root` with the node at `indices` replaced by fn(node); [] is the root itself. */
export function updateAt(root: GroupDraft, indices: readonly number[], fn: (n: DraftNode) => DraftNode): GroupDraft {
  if (!indices.length) return fn(root) as GroupDraft;
  const [i, ...rest] = indices;
  const child = root.conditions[i];
  if (!child) return root;
  const next = rest.length ? (child.kind === 'group' ? updateAt(child, rest, fn) : child) : fn(child);
  return { ...root, conditions: root.conditions.map((c, j) => (j === i ? next : c)) };
}

export function removeAt(root: GroupDraft, indices: readonly number[]): GroupDraft {
  if (!indices.length) return root;
  const parent = indices.slice(0, -1), last = indices[indices.length - 1];
  return updateAt(root, parent, (g) => ({ ...(g as GroupDraft), conditions: (g as GroupDraft).conditions.filter((_, j) => j !== last) }));
}

/** Appends to the group at `indices`; a group only where it would stay within MAX_DEPTH. */
export const canNestIn = (indices: readonly number[]) => indices.length + 2 <= MAX_DEPTH;

export function appendTo(root: GroupDraft, indices: readonly number[], node: DraftNode): GroupDraft {
  if (node.kind === 'group' && !canNestIn(indices)) return root;
  return updateAt(root, indices, (g) => ({ ...(g as GroupDraft), conditions: [...(g as GroupDraft).conditions, node] }));
}
