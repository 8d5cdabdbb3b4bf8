/**
 * A team's weekly hours as the editor holds them (typed "9" or "0930" stays until it is read) and
 * the contract's shape: seven lists of { from, to } spans, Sunday first, "HH:MM" local time, an
 * empty list meaning closed. Errors are keyed by the server's paths (hours[1][0].to). Pure.
 */
import type { TeamInput } from '@touchpoint/shared';

export interface SpanDraft { from: string; to: string }
/** Sunday first, like the contract. */
export type WeekDraft = SpanDraft[][];

export const MAX_SPANS = 4;
export const MONDAY = 1;
/** Monday to Friday, as indexes of a Sunday-first week. */
export const WEEKDAYS = [1, 2, 3, 4, 5] as const;

/** The usual office week: Monday to Friday 09:00–18:00. */
export function officeWeek(): WeekDraft {
  return Array.from({ length: 7 }, (_, d) => (d >= 1 && d <= 5 ? [{ from: '09:00', to: '18:00' }] : []));
}

export function weekDraft(hours: TeamInput['hours']): WeekDraft {
  return Array.from({ length: 7 }, (_, d) => (hours[d] ?? []).map((s) => ({ from: s.from, to: s.to })));
}

/**
 * A wall time as typed → "HH:MM", or null when it is not one. Accepts 9, 09, 9:30, 0930, 9.30 and
 * 24:00 (the end of the day; a span can run to midnight).
 */
export function normaliseTime(text: string): string | null {
  const t = text.trim().replace(/[.：]/g, ':');
  const m = /^(\d{1,2})(?::?(\d{2}))?$/.exec(t);
  if (!m) return null;
  const h = Number(m[1]), min = Number(m[2] ?? '0');
  if (min > 59 || h > 24 || (h === 24 && min !== 0)) return null;
  return `${String(h).padStart(2, '0')}:${String(min).padStart(2, '0')}`;
}

/**
 * The contract's hours, or the problems at their paths. Each day's spans are sorted by start and
 * must not overlap (the server only checks from < to; two overlapping spans would be a typo).
 */
export function weekToHours(week: WeekDraft): { hours: TeamInput['hours'] | null; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const hours = week.map((spans, d) => {
    const read = spans.map((s, i) => {
      const from = normaliseTime(s.from), to = normaliseTime(s.to);
      if (!from) errors[`hours[${d}][${i}].from`] = 'HH:MM';
      if (!to) errors[`hours[${d}][${i}].to`] = 'HH:MM';
      if (from && to && from >= to) errors[`hours[${d}][${i}].to`] = 'from before to';
      if (from === '24:00') errors[`hours[${d}][${i}].from`] = 'HH:MM';
      return { from: from ?? '', to: to ?? '', at: i };
    });
    if (spans.length > MAX_SPANS) errors[`hours[${d}]`] = `at most ${MAX_SPANS}`;
    const sorted = [...read].sort((a, b) => a.from.localeCompare(b.from));
    for (let i = 1; i < sorted.length; i++) {
      if (sorted[i].from && sorted[i - 1].to && sorted[i].from < sorted[i - 1].to) errors[`hours[${d}][${sorted[i].at}].from`] = 'overlaps another span';
    }
    return sorted.map(({ from, to }) => ({ from, to }));
  });
  return Object.keys(errors).length ? { hours: null, errors } : { hours, errors };
}

/** Monday's spans copied to Tuesday–Friday (Monday itself and the weekend untouched). */
export function copyMondayToWeekdays(week: WeekDraft): WeekDraft {
  return week.map((spans, d) => ((WEEKDAYS as readonly number[]).includes(d) && d !== MONDAY ? week[MONDAY].map((s) => ({ ...s })) : spans));
}

/** Working minutes in a week of valid hours, for the "40 h a week" line under the editor. */
export function weeklyMinutes(hours: TeamInput['hours']): number {
  const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
  return hours.flat().reduce((sum, s) => sum + minutes(s.to) - minutes(s.from), 0);
}

/** Holidays as a sorted list of unique YYYY-MM-DD days. */
export function addHoliday(list: readonly string[], day: string): string[] {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || list.includes(day)) return [...list];
  return [...list, day].sort();
}

/** The name of a weekday (0 = Sunday) in a locale: 2023-01-01 was a Sunday. */
export function weekdayName(locale: string, day: number, width: 'long' | 'short' = 'long'): string {
  return new Intl.DateTimeFormat(locale, { weekday: width, timeZone: 'UTC' }).format(Date.UTC(2023, 0, 1 + day));
}

/**
 * A week in one line for the team list, Monday first as people read a working week: runs of days
 * with the same spans are joined ("Mon–Fri 09:00–18:00 · Sat 10:00–14:00"); closed days are left out.
 */
export function hoursSummary(hours: TeamInput['hours'], dayName: (day: number) => string): string {
  const order = [1, 2, 3, 4, 5, 6, 0];
  const text = (d: number) => hours[d].map((s) => `${s.from}–${s.to}`).join(', ');
  const parts: string[] = [];
  for (let i = 0; i < order.length;) {
    let j = i;
    while (j + 1 < order.length && text(order[j + 1]) === text(order[i])) j++;
    if (hours[order[i]].length) parts.push(`${i === j ? dayName(order[i]) : `${dayName(order[i])}–${dayName(order[j])}`} ${text(order[i])}`);
    i = j + 1;
  }
  return parts.join(' · ');
}
