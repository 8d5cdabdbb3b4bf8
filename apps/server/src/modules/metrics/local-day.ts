/**
 * Calendar days in an IANA time zone, fast enough to run for every stored response.
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

/** Minutes east of UTC of `timeZone` at instant `ms`. */
function offsetMinutes(ms: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' }).formatToParts(new Date(ms));
  const get = (t: string) => Number(parts.find((p) => p.type === t)!.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((asUtc - Math.floor(ms / 1000) * 1000) / 60_000);
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
