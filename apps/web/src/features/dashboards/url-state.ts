/**
 * The dashboard's filters live in the query string, so a copied link reproduces the view:
 *   ?range=90d | ?from=2026-01-01&to=2026-03-31   (a preset, or a custom range; default: 30d)
 *   &tz=Asia/Taipei                              (default: the workspace's metric time zone)
 *   &survey=id1,id2 &channel=web,email           (default: all)
 *   &meta=plan=pro                               (one metadata key=value)
 *   &segment=<id>                                (answers of one customer segment's members)
 *   &compare=off                                 (the previous-period comparison is on by default)
 * The dashboard itself is in the path (/w/:wid/dashboards/:id). Defaults are left out, so one view
 * has one URL. Anything malformed decodes to the default rather than an error: links get edited.
 */
import { RANGE_PRESETS, daysBetween, isDay, presetRange, type RangePreset } from './periods';

export interface DashboardView {
  range: RangePreset | 'custom';
  /** Only for range 'custom': local days, both inclusive. */
  from: string | null;
  to: string | null;
  /** null: the workspace's metric time zone. */
  tz: string | null;
  surveys: string[];
  channels: string[];
  meta: { key: string; value: string } | null;
  /** A customer segment's id: only its members' answers. */
  segment: string | null;
  compare: boolean;
}

export const DEFAULT_VIEW: DashboardView = { range: '30d', from: null, to: null, tz: null, surveys: [], channels: [], meta: null, segment: null, compare: true };

/** The server's limits (metrics.routes.ts). */
export const MAX_RANGE_DAYS = 3700;
export const MAX_LIST = 50;
const ID = /^[A-Za-z0-9_-]{1,64}$/;
const CHANNEL = /^[A-Za-z0-9_-]{1,40}$/;
export const META_KEY = /^[A-Za-z0-9_.:-]{1,64}$/;
export const META_VALUE_MAX = 500;

export function isTimeZone(tz: string): boolean {
  if (!tz || tz.length > 64) return false;
  try { new Intl.DateTimeFormat('en', { timeZone: tz }); return true; } catch { return false; }
}

function list(raw: string | null, pattern: RegExp): string[] {
  if (!raw) return [];
  const out: string[] = [];
  for (const part of raw.split(',')) {
    const v = part.trim();
    if (pattern.test(v) && !out.includes(v) && out.length < MAX_LIST) out.push(v);
  }
  return out;
}

export function decodeView(search: string | URLSearchParams): DashboardView {
  const q = typeof search === 'string' ? new URLSearchParams(search) : search;
  const view: DashboardView = { ...DEFAULT_VIEW, surveys: [], channels: [] };
  const from = q.get('from'), to = q.get('to'), range = q.get('range');
  if (isDay(from) && isDay(to) && from <= to && daysBetween(from, to) < MAX_RANGE_DAYS) Object.assign(view, { range: 'custom', from, to });
  else if ((RANGE_PRESETS as readonly string[]).includes(range ?? '')) view.range = range as RangePreset;
  const tz = q.get('tz');
  if (tz && isTimeZone(tz)) view.tz = tz;
  view.surveys = list(q.get('survey'), ID);
  view.channels = list(q.get('channel'), CHANNEL);
  const meta = q.get('meta');
  const eq = meta ? meta.indexOf('=') : -1;
  if (meta && eq > 0) {
    const key = meta.slice(0, eq), value = meta.slice(eq + 1);
    if (META_KEY.test(key) && value.length >= 1 && value.length <= META_VALUE_MAX) view.meta = { key, value };
  }
  const segment = q.get('segment');
  if (segment && ID.test(segment)) view.segment = segment;
  view.compare = q.get('compare') !== 'off';
  return view;
}

/** The query string of a view, without '?'; '' for the default view. */
export function encodeView(view: DashboardView): string {
  const q = new URLSearchParams();
  if (view.range === 'custom' && view.from && view.to) { q.set('from', view.from); q.set('to', view.to); }
  else if (view.range !== 'custom' && view.range !== DEFAULT_VIEW.range) q.set('range', view.range);
  if (view.tz) q.set('tz', view.tz);
  if (view.surveys.length) q.set('survey', view.surveys.join(','));
  if (view.channels.length) q.set('channel', view.channels.join(','));
  if (view.meta) q.set('meta', `${view.meta.key}=${view.meta.value}`);
  if (view.segment) q.set('segment', view.segment);
  if (!view.compare) q.set('compare', 'off');
  return q.toString();
}

/** The days the view covers, given today's date in its time zone. */
export function resolveRange(view: DashboardView, today: string): { from: string; to: string } {
  if (view.range === 'custom' && view.from && view.to) return { from: view.from, to: view.to };
  return presetRange(view.range === 'custom' ? DEFAULT_VIEW.range as RangePreset : view.range, today);
}

/** Query parameters the metrics and open-text endpoints take for a view (tile specifics added by the caller). */
export function filterQuery(view: DashboardView, range: { from: string; to: string }): Record<string, string | undefined> {
  return {
    from: range.from,
    to: range.to,
    tz: view.tz ?? undefined,
    survey: view.surveys.length ? view.surveys.join(',') : undefined,
    channel: view.channels.length ? view.channels.join(',') : undefined,
    meta: view.meta ? `${view.meta.key}=${view.meta.value}` : undefined,
    segment: view.segment ?? undefined,
  };
}
