/** Grouping local days into reporting periods. */
import { addDays } from '../../platform/time/local-day.js';

export const INTERVALS = ['day', 'week', 'month', 'total'] as const;
export type Interval = (typeof INTERVALS)[number];

/** The period a local day falls in: the day, its ISO week's Monday, 'YYYY-MM', or 'total'. */
export function periodOf(day: string, interval: Interval): string {
  if (interval === 'day') return day;
  if (interval === 'month') return day.slice(0, 7);
  if (interval === 'total') return 'total';
  const [y, m, d] = day.split('-').map(Number);
  const weekday = (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7; // Monday = 0
  return addDays(day, -weekday);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The range of the same length just before [from, to] (both inclusive). */
export function previousRange(from: string, to: string): { from: string; to: string } {
  const length = daysBetween(from, to) + 1;
  return { from: addDays(from, -length), to: addDays(from, -1) };
}
