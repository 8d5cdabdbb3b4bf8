/**
 * Calendar arithmetic on local days ('YYYY-MM-DD', no time, no zone): the date-range presets of
 * the filter bar and the reporting periods of the trend and volume tiles. Periods are the same
 * as the server's (apps/server/src/modules/metrics/periods.ts): the day, the Monday of its ISO
 * week, or 'YYYY-MM'.
 */
export const RANGE_PRESETS = ['7d', '30d', '90d', 'quarter', '12m'] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];
export type PeriodInterval = 'day' | 'week' | 'month';

const DAY_MS = 86_400_000;
const toMs = (day: string) => Date.parse(`${day}T00:00:00Z`);
const fromMs = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** A real calendar day written as YYYY-MM-DD (not 2026-02-30). */
export function isDay(s: unknown): s is string {
  if (typeof s !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const ms = toMs(s);
  return !Number.isNaN(ms) && fromMs(ms) === s;
}

export function addDays(day: string, n: number): string {
  return fromMs(toMs(day) + n * DAY_MS);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((toMs(to) - toMs(from)) / DAY_MS);
}

/** The first day of the month `n` months after the month of `day` (n may be negative). */
export function addMonths(day: string, n: number): string {
  const y = Number(day.slice(0, 4)), m = Number(day.slice(5, 7)) - 1 + n;
  return fromMs(Date.UTC(y + Math.floor(m / 12), ((m % 12) + 12) % 12, 1));
}

/** Today's date on the wall clock of an IANA time zone (UTC if the zone is unknown). */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  try {
    // en-CA writes dates as YYYY-MM-DD.
    return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
  } catch {
    return now.toISOString().slice(0, 10);
  }
}

/**
 * The days a preset covers, both inclusive, ending today: the last 7/30/90 days (today included),
 * this quarter so far, or the last 12 calendar months (this month so far and the 11 before it).
 */
export function presetRange(preset: RangePreset, today: string): { from: string; to: string } {
  switch (preset) {
    case '7d': return { from: addDays(today, -6), to: today };
    case '30d': return { from: addDays(today, -29), to: today };
    case '90d': return { from: addDays(today, -89), to: today };
    case 'quarter': {
      const month = Number(today.slice(5, 7)) - 1;
      return { from: `${today.slice(0, 4)}-${String(month - (month % 3) + 1).padStart(2, '0')}-01`, to: today };
    }
    case '12m': return { from: addMonths(today, -11), to: today };
  }
}

/** The range of the same length just before [from, to], as the server compares it. */
export function previousRange(from: string, to: string): { from: string; to: string } {
  const length = daysBetween(from, to) + 1;
  return { from: addDays(from, -length), to: addDays(from, -1) };
}

/** The period a day falls in: the day itself, the Monday of its ISO week, or 'YYYY-MM'. */
export function periodOf(day: string, interval: PeriodInterval): string {
  if (interval === 'day') return day;
  if (interval === 'month') return day.slice(0, 7);
  const weekday = (new Date(toMs(day)).getUTCDay() + 6) % 7; // Monday = 0
  return addDays(day, -weekday);
}

/** Every period that overlaps [from, to], oldest first, so charts show empty periods as gaps. */
export function periodsBetween(from: string, to: string, interval: PeriodInterval, max = 1200): string[] {
  const out: string[] = [];
  if (!isDay(from) || !isDay(to) || from > to) return out;
  let p = periodOf(from, interval);
  const last = periodOf(to, interval);
  while (p <= last && out.length < max) {
    out.push(p);
    p = interval === 'day' ? addDays(p, 1) : interval === 'week' ? addDays(p, 7) : addMonths(`${p}-01`, 1).slice(0, 7);
  }
  return out;
}
