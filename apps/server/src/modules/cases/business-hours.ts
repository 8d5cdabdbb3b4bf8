/**
 * Business time for SLA clocks: a team's working hours per weekday in its own time zone, minus its
 * holidays. Pure functions over UTC instants (ms):
 *   businessMsBetween(cal, a, b)  the working time in [a, b);
 *   addBusinessMs(cal, a, d)      the first instant by which d of working time has passed since a;
 *   activeBusinessMs(cal, a, b, pauses) the same as the first, minus paused spans (a case waiting
 *                                 on the customer stops its clock).
 * Hours are local wall times, so a 09:00–18:00 day stays 9 hours across daylight-saving changes,
 * and a day whose hours include the change is as long as the clocks make it (00:00–24:00 on the
 * day clocks go forward is 23 hours). Working intervals are built day by day from local dates.
 */
import { addDays, localDay, wallTimeToUtc } from '../../platform/time/local-day.js';

/** Sunday = 0 … Saturday = 6, as Date#getUTCDay. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

export interface BusinessCalendar {
  timeZone: string;
  /** Per weekday, working spans in local minutes [from, to) within 0–1440, sorted and apart. */
  week: readonly (readonly (readonly [number, number])[])[];
  /** Local dates ('YYYY-MM-DD') without working time. */
  holidays: ReadonlySet<string>;
}

/** Around the clock, every day: the calendar of a team without business hours. */
export function alwaysOpen(timeZone = 'UTC'): BusinessCalendar {
  return { timeZone, week: Array.from({ length: 7 }, () => [[0, 1440] as const]), holidays: new Set() };
}

/** How far ahead addBusinessMs looks for working time before it gives up (a calendar with none). */
const MAX_DAYS = 3 * 366;

function weekdayOf(day: string): Weekday {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay() as Weekday;
}

/** The working intervals [start, end) of one local day, as UTC instants. */
export function workingSpans(cal: BusinessCalendar, day: string): [number, number][] {
  if (cal.holidays.has(day)) return [];
  const out: [number, number][] = [];
  for (const [from, to] of cal.week[weekdayOf(day)]) {
    const start = wallTimeToUtc(day, from, cal.timeZone);
    const end = to >= 1440 ? wallTimeToUtc(addDays(day, 1), 0, cal.timeZone) : wallTimeToUtc(day, to, cal.timeZone);
    // A span inside a skipped hour (clocks forward) has no length.
    if (end > start) out.push([start, end]);
  }
  return out;
}

/** Working time (ms) in [a, b). */
export function businessMsBetween(cal: BusinessCalendar, a: number, b: number): number {
  if (!(b > a)) return 0;
  let total = 0;
  // From the local day before a's (a span can end after midnight UTC) to b's.
  const last = localDay(new Date(b).toISOString(), cal.timeZone);
  for (let day = addDays(localDay(new Date(a).toISOString(), cal.timeZone), -1); day <= last; day = addDays(day, 1)) {
    for (const [s, e] of workingSpans(cal, day)) total += Math.max(0, Math.min(e, b) - Math.max(s, a));
  }
  return total;
}

/**
 * The first instant t with businessMsBetween(cal, a, t) = d (d > 0): when an SLA of d working time
 * started at a falls due. Null when the calendar has no working time within three years.
 */
export function addBusinessMs(cal: BusinessCalendar, a: number, d: number): number | null {
  if (d <= 0) return a;
  let left = d;
  let day = addDays(localDay(new Date(a).toISOString(), cal.timeZone), -1);
  for (let i = 0; i < MAX_DAYS; i++, day = addDays(day, 1)) {
    for (const [s, e] of workingSpans(cal, day)) {
      const from = Math.max(s, a);
      if (e <= from) continue;
      if (e - from >= left) return from + left;
      left -= e - from;
    }
  }
  return null;
}

/** Working time in [a, b) outside the paused spans (each [from, to), to null while still paused). */
export function activeBusinessMs(cal: BusinessCalendar, a: number, b: number, pauses: readonly (readonly [number, number | null])[]): number {
  let total = businessMsBetween(cal, a, b);
  // Overlapping pauses count once: merge them first.
  const merged: [number, number][] = [];
  for (const [from, to] of [...pauses].map(([f, t]) => [Math.max(f, a), Math.min(t ?? b, b)] as [number, number]).filter(([f, t]) => t > f).sort((x, y) => x[0] - y[0])) {
    const prev = merged[merged.length - 1];
    if (prev && from <= prev[1]) prev[1] = Math.max(prev[1], to);
    else merged.push([from, to]);
  }
  for (const [from, to] of merged) total -= businessMsBetween(cal, from, to);
  return total;
}
