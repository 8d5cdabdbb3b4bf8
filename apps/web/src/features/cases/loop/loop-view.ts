/**
 * The loop metrics page's view in the query string, so a copied link shows the same numbers:
 *   ?from=2026-01-01&to=2026-01-31   (local days, both inclusive; default: the last 30 days)
 *   &by=agent                        (team | agent | theme; default: team)
 * Defaults are left out; anything malformed reads as the default (links get edited). Pure.
 */
import { addDays, daysBetween, isDay } from '../../dashboards/periods';

export const GROUP_BYS = ['team', 'agent', 'theme'] as const;
export type GroupBy = (typeof GROUP_BYS)[number];
export const PERIOD_PRESETS = [7, 30, 90] as const;
export const DEFAULT_DAYS = 30;
/** Ten years: what a sane period picker allows; the server checks its own limit. */
export const MAX_DAYS = 3660;

export interface LoopView { from: string; to: string; by: GroupBy }

export function lastDays(today: string, days: number): { from: string; to: string } {
  return { from: addDays(today, -(days - 1)), to: today };
}

export function decodeLoopView(search: URLSearchParams, today: string): LoopView {
  const from = search.get('from'), to = search.get('to'), by = search.get('by');
  const period = isDay(from) && isDay(to) && from <= to && daysBetween(from, to) < MAX_DAYS ? { from, to } : lastDays(today, DEFAULT_DAYS);
  return { ...period, by: (GROUP_BYS as readonly string[]).includes(by ?? '') ? (by as GroupBy) : 'team' };
}

/** The query string without '?' ('' for the default view of `today`). */
export function encodeLoopView(view: LoopView, today: string): string {
  const q = new URLSearchParams();
  const def = lastDays(today, DEFAULT_DAYS);
  if (view.from !== def.from || view.to !== def.to) { q.set('from', view.from); q.set('to', view.to); }
  if (view.by !== 'team') q.set('by', view.by);
  return q.toString();
}

/** Which preset (7/30/90 days to today) a period is, if any, to highlight its button. */
export function presetOf(view: Pick<LoopView, 'from' | 'to'>, today: string): number | null {
  if (view.to !== today) return null;
  return PERIOD_PRESETS.find((d) => lastDays(today, d).from === view.from) ?? null;
}

/** The page's path; the inbox links here (see LoopMetricsLink). */
export function loopMetricsPath(wid: string, view?: Partial<LoopView>): string {
  const q = new URLSearchParams();
  if (view?.from && view.to) { q.set('from', view.from); q.set('to', view.to); }
  if (view?.by && view.by !== 'team') q.set('by', view.by);
  const s = q.toString();
  return `/w/${encodeURIComponent(wid)}/cases/loop${s ? `?${s}` : ''}`;
}
