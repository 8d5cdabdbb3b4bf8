/**
 * Calendar days and wall times in an IANA time zone, fast enough to run for every stored response
 * (metrics bucket by local day; SLA clocks count business hours in a team's zone).
 * Every zone in use today is offset from UTC by a multiple of 15 minutes, so the local date is
 * the same for a whole UTC quarter-hour: it is computed once per (zone, quarter-hour) and cached.
 */
const QUARTER_HOUR = 15 * 60 * 1000;
const formatters = new Map<string, Intl.DateTimeFormat>();
const cache = new Map<string, string>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, f);
  }
  return f;
}

export function isValidTimeZone(timeZone: string): boolean {
  try { formatter(timeZone); return true; } catch { return false; }
}

/** 'YYYY-MM-DD' of an ISO-8601 UTC instant, in `timeZone`. */
export function localDay(iso: string, timeZone: string): string {
  if (timeZone === 'UTC' && iso.endsWith('Z')) return iso.slice(0, 10);
  const slot = Math.floor(Date.parse(iso) / QUARTER_HOUR);
  const id = `${timeZone}|${slot}`;
  let day = cache.get(id);
  if (day === undefined) {
    day = dayOfMs(slot * QUARTER_HOUR, timeZone);
    if (cache.size > 200_000) cache.clear(); // a year of quarter-hours in a handful of zones
    cache.set(id, day);
  }
  return day;
}

function dayOfMs(ms: number, timeZone: string): string {
  const parts = formatter(timeZone).formatToParts(new Date(ms));
  const get = (t: string) => parts.find((p) => p.type === t)!.value;
  return `${get('year')}-${get('month')}-${get('day')}`;
}

const offsetFormatters = new Map<string, Intl.DateTimeFormat>();
const offsets = new Map<string, number>();

/** Minutes east of UTC of `timeZone` at instant `ms` (cached per zone and UTC quarter-hour, as localDay). */
export function offsetMinutes(ms: number, timeZone: string): number {
  const slot = Math.floor(ms / QUARTER_HOUR);
  const id = `${timeZone}|${slot}`;
  let offset = offsets.get(id);
  if (offset === undefined) {
    let f = offsetFormatters.get(timeZone);
    if (!f) {
      f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
      offsetFormatters.set(timeZone, f);
    }
    const at = slot * QUARTER_HOUR;
    const parts = f.formatToParts(new Date(at));
    const get = (t: string) => Number(parts.find((p) => p.type === t)!.value);
    offset = Math.round((Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second')) - at) / 60_000);
    if (offsets.size > 200_000) offsets.clear();
    offsets.set(id, offset);
  }
  return offset;
}

/**
 * The UTC instant (ms) of local wall time `minute` (0–1440) of day `day` in `timeZone`. A time
 * that happens twice (clocks going back) is its first occurrence; a time that does not happen
 * (clocks going forward) is the instant the clocks jumped, i.e. the first one after the gap.
 */
export function wallTimeToUtc(day: string, minute: number, timeZone: string): number {
  const [y, m, d] = day.split('-').map(Number);
  const wall = Date.UTC(y, m - 1, d) + minute * 60_000;
  // Offsets in force well before and well after: zones change offset at most once in 28 hours.
  const before = offsetMinutes(wall - 14 * 3_600_000, timeZone), after = offsetMinutes(wall + 14 * 3_600_000, timeZone);
  const early = wall - before * 60_000, late = wall - after * 60_000;
  const fits = (t: number, off: number) => offsetMinutes(t, timeZone) === off;
  const candidates = [early, late].filter((t, i) => fits(t, i === 0 ? before : after));
  if (candidates.length) return Math.min(...candidates);
  // In the gap: the transition lies between the two readings; find it to the quarter-hour
  // (every zone in use changes offset on a quarter-hour).
  // In quarter-hour slots: lo has the old offset, hi the new one.
  let lo = Math.floor(Math.min(early, late) / QUARTER_HOUR), hi = Math.ceil(Math.max(early, late) / QUARTER_HOUR);
  while (hi - lo > 1) {
    const mid = lo + Math.floor((hi - lo) / 2);
    if (offsetMinutes(mid * QUARTER_HOUR, timeZone) === before) lo = mid; else hi = mid;
  }
  return hi * QUARTER_HOUR;
}

/**
 * The UTC instant (ISO) at which local day `day` ('YYYY-MM-DD') starts in `timeZone`: the first
 * instant whose local date is that day (a day that starts inside a DST gap starts at its end).
 */
export function startOfLocalDay(day: string, timeZone: string): string {
  const [y, m, d] = day.split('-').map(Number);
  const wall = Date.UTC(y, m - 1, d);
  // Two passes settle the offset around a transition; then step to the first instant of the day.
  let guess = wall - offsetMinutes(wall, timeZone) * 60_000;
  guess = wall - offsetMinutes(guess, timeZone) * 60_000;
  while (dayOfMs(guess - QUARTER_HOUR, timeZone) === day) guess -= QUARTER_HOUR;
  while (dayOfMs(guess, timeZone) < day) guess += QUARTER_HOUR;
  return new Date(guess).toISOString();
}

/** 'YYYY-MM-DD' plus `n` calendar days. */
export function addDays(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}
