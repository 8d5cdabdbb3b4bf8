import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { activeBusinessMs, addBusinessMs, alwaysOpen, businessMsBetween, workingSpans, type BusinessCalendar } from './business-hours.js';
import { wallTimeToUtc } from '../../platform/time/local-day.js';

const H = 3_600_000;
const at = (iso: string) => Date.parse(iso);
const officeWeek = (from = 9 * 60, to = 18 * 60) => [[], [[from, to]], [[from, to]], [[from, to]], [[from, to]], [[from, to]], []] as [number, number][][];
const office = (timeZone: string, holidays: string[] = []): BusinessCalendar => ({ timeZone, week: officeWeek(), holidays: new Set(holidays) });

// Zones with and without daylight saving, east and west, a half-hour one and one with a 30-minute DST.
const ZONES = ['UTC', 'Asia/Taipei', 'Asia/Shanghai', 'Europe/London', 'America/New_York', 'Australia/Sydney', 'Asia/Kolkata', 'Australia/Lord_Howe', 'America/Sao_Paulo'];

const arbSpans = fc.array(fc.tuple(fc.integer({ min: 0, max: 1440 }), fc.integer({ min: 0, max: 1440 })), { maxLength: 3 }).map((pairs) => {
  // Sorted, non-overlapping, non-empty spans from random pairs.
  const cuts = [...new Set(pairs.flat())].sort((a, b) => a - b);
  const out: [number, number][] = [];
  for (let i = 0; i + 1 < cuts.length; i += 2) out.push([cuts[i], cuts[i + 1]]);
  return out;
});
const arbCalendar: fc.Arbitrary<BusinessCalendar> = fc.record({
  timeZone: fc.constantFrom(...ZONES),
  week: fc.array(arbSpans, { minLength: 7, maxLength: 7 }),
  holidays: fc.array(fc.integer({ min: 0, max: 800 }), { maxLength: 20 }).map((ds) => new Set(ds.map((d) => new Date(at('2025-01-01T00:00:00Z') + d * 24 * H).toISOString().slice(0, 10)))),
}).filter((c) => c.week.some((d) => d.length > 0));
// Instants from 2025 to early 2027, across several DST changes in every zone above.
const arbInstant = fc.integer({ min: at('2025-01-01T00:00:00Z'), max: at('2027-03-01T00:00:00Z') });
const SEED = { seed: 20261124, numRuns: 150 };

describe('wall times in a zone', () => {
  it('maps a skipped time to the jump and a repeated time to its first occurrence', () => {
    // New York, 2026-03-08: 02:00 → 03:00 (EST −5 → EDT −4); 2026-11-01: 02:00 → 01:00.
    expect(new Date(wallTimeToUtc('2026-03-08', 150, 'America/New_York')).toISOString()).toBe('2026-03-08T07:00:00.000Z');
    expect(new Date(wallTimeToUtc('2026-03-08', 180, 'America/New_York')).toISOString()).toBe('2026-03-08T07:00:00.000Z');
    expect(new Date(wallTimeToUtc('2026-11-01', 90, 'America/New_York')).toISOString()).toBe('2026-11-01T05:30:00.000Z');
    expect(new Date(wallTimeToUtc('2026-11-24', 9 * 60, 'Asia/Taipei')).toISOString()).toBe('2026-11-24T01:00:00.000Z');
    expect(new Date(wallTimeToUtc('2026-11-24', 9 * 60 + 15, 'Asia/Kolkata')).toISOString()).toBe('2026-11-24T03:45:00.000Z');
  });
});

describe('business hours', () => {
  it('counts office hours across a weekend, a holiday and the night', () => {
    const cal = office('Asia/Taipei', ['2026-12-25']);
    // Thu 24 Dec 17:00 Taipei → Mon 28 Dec 10:00: 1 h Thursday, Friday a holiday, 1 h Monday.
    expect(businessMsBetween(cal, at('2026-12-24T09:00:00Z'), at('2026-12-28T02:00:00Z'))).toBe(2 * H);
    // 4 working hours from Thursday 17:00 fall due Monday 12:00 Taipei.
    expect(new Date(addBusinessMs(cal, at('2026-12-24T09:00:00Z'), 4 * H)!).toISOString()).toBe('2026-12-28T04:00:00.000Z');
    // Started outside hours: the clock starts at the next opening.
    expect(new Date(addBusinessMs(cal, at('2026-12-26T03:00:00Z'), 30 * 60_000)!).toISOString()).toBe('2026-12-28T01:30:00.000Z');
  });

  it('keeps a 9-to-6 day 9 hours long on the days clocks change, and a whole day as long as the clocks make it', () => {
    const ny = office('America/New_York');
    // The week of 2026-03-08 (Sunday, clocks forward) and of 2026-11-01 (Sunday, clocks back).
    expect(businessMsBetween(ny, at('2026-03-07T00:00:00Z'), at('2026-03-14T00:00:00Z'))).toBe(5 * 9 * H);
    expect(businessMsBetween(ny, at('2026-10-31T00:00:00Z'), at('2026-11-07T00:00:00Z'))).toBe(5 * 9 * H);
    const allDay = alwaysOpen('America/New_York');
    expect(workingSpans(allDay, '2026-03-08').reduce((t, [s, e]) => t + e - s, 0)).toBe(23 * H);
    expect(workingSpans(allDay, '2026-11-01').reduce((t, [s, e]) => t + e - s, 0)).toBe(25 * H);
    // Friday 18:30 EST (23:30 UTC), one working minute: Monday 9:01 EDT, which is 13:01 UTC (9:01 EST was 14:01).
    expect(new Date(addBusinessMs(ny, at('2026-03-06T23:30:00Z'), 60_000)!).toISOString()).toBe('2026-03-09T13:01:00.000Z');
  });

  it('gives up on a calendar without working time, and pauses stop the clock', () => {
    const closed: BusinessCalendar = { timeZone: 'UTC', week: Array.from({ length: 7 }, () => []), holidays: new Set() };
    expect(addBusinessMs(closed, at('2026-01-01T00:00:00Z'), H)).toBeNull();
    const cal = alwaysOpen();
    const a = at('2026-01-01T00:00:00Z');
    expect(activeBusinessMs(cal, a, a + 10 * H, [[a + H, a + 3 * H], [a + 2 * H, a + 4 * H], [a + 9 * H, null]])).toBe(10 * H - 3 * H - H);
  });

  it('is additive over any split point (property)', () => {
    fc.assert(fc.property(arbCalendar, arbInstant, fc.integer({ min: 0, max: 40 * 24 * H }), fc.double({ min: 0, max: 1, noNaN: true }), (cal, a, len, cut) => {
      const b = a + len, m = a + Math.floor(len * cut);
      expect(businessMsBetween(cal, a, m) + businessMsBetween(cal, m, b)).toBe(businessMsBetween(cal, a, b));
    }), SEED);
  });

  it('due = the first instant by which the duration has passed, in every zone across DST (property)', () => {
    fc.assert(fc.property(arbCalendar, arbInstant, fc.integer({ min: 1, max: 60 * H }), (cal, a, d) => {
      const due = addBusinessMs(cal, a, d);
      expect(due).not.toBeNull();
      expect(businessMsBetween(cal, a, due!)).toBe(d);
      // Minimal: a millisecond earlier, less has passed.
      expect(businessMsBetween(cal, a, due! - 1)).toBeLessThan(d);
    }), SEED);
  });

  it('is monotone in the duration and never counts more than the wall-clock time (property)', () => {
    fc.assert(fc.property(arbCalendar, arbInstant, fc.integer({ min: 1, max: 30 * H }), fc.integer({ min: 0, max: 30 * H }), (cal, a, d1, extra) => {
      expect(addBusinessMs(cal, a, d1)!).toBeLessThanOrEqual(addBusinessMs(cal, a, d1 + extra)!);
      expect(businessMsBetween(cal, a, a + d1)).toBeLessThanOrEqual(d1);
    }), SEED);
  });

  it('does not depend on how the zone is named: Asia/Taipei and Etc/GMT-8 agree (property)', () => {
    fc.assert(fc.property(arbCalendar, arbInstant, fc.integer({ min: 1, max: 50 * H }), (cal, a, d) => {
      const taipei = { ...cal, timeZone: 'Asia/Taipei' }, fixed = { ...cal, timeZone: 'Etc/GMT-8' };
      expect(addBusinessMs(taipei, a, d)).toBe(addBusinessMs(fixed, a, d));
    }), SEED);
  });

  it('counts every 9-to-6 weekday as 9 hours in any week of any zone, clocks changing or not (property)', () => {
    fc.assert(fc.property(fc.constantFrom(...ZONES), fc.integer({ min: 0, max: 110 }), (zone, week) => {
      const cal = office(zone);
      // Monday 00:00 local of that week, through the next Monday.
      const monday = new Date(at('2025-01-06T00:00:00Z') + week * 7 * 24 * H).toISOString().slice(0, 10);
      const start = wallTimeToUtc(monday, 0, zone);
      const end = wallTimeToUtc(new Date(Date.parse(monday) + 7 * 24 * H).toISOString().slice(0, 10), 0, zone);
      expect(businessMsBetween(cal, start, end)).toBe(5 * 9 * H);
    }), SEED);
  });
});
