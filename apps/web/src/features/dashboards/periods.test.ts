import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, addMonths, isDay, periodOf, periodsBetween, presetRange, previousRange, todayIn } from './periods';

const day = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2040-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

describe('days', () => {
  it('knows real calendar days', () => {
    expect(isDay('2026-02-28')).toBe(true);
    expect(isDay('2028-02-29')).toBe(true);
    expect(isDay('2026-02-29')).toBe(false);
    expect(isDay('2026-13-01')).toBe(false);
    expect(isDay('2026-1-01')).toBe(false);
    expect(isDay(null)).toBe(false);
  });
  it('adds days and months across month and year ends', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addMonths('2026-11-23', -11)).toBe('2025-12-01');
    expect(addMonths('2026-01-15', -1)).toBe('2025-12-01');
    expect(addMonths('2026-12-15', 1)).toBe('2027-01-01');
  });
  it('reads today on the wall clock of a time zone', () => {
    const now = new Date('2026-11-23T20:30:00Z');
    expect(todayIn('UTC', now)).toBe('2026-11-23');
    expect(todayIn('Asia/Taipei', now)).toBe('2026-11-24');
    expect(todayIn('America/Los_Angeles', now)).toBe('2026-11-23');
    expect(todayIn('Not/AZone', now)).toBe('2026-11-23');
  });
});

describe('presets', () => {
  const today = '2026-11-23';
  it('end today and include it', () => {
    expect(presetRange('7d', today)).toEqual({ from: '2026-11-17', to: today });
    expect(presetRange('30d', today)).toEqual({ from: '2026-10-25', to: today });
    expect(presetRange('90d', today)).toEqual({ from: '2026-08-26', to: today });
    expect(presetRange('quarter', today)).toEqual({ from: '2026-10-01', to: today });
    expect(presetRange('quarter', '2026-03-31')).toEqual({ from: '2026-01-01', to: '2026-03-31' });
    expect(presetRange('quarter', '2026-04-01')).toEqual({ from: '2026-04-01', to: '2026-04-01' });
    expect(presetRange('12m', today)).toEqual({ from: '2025-12-01', to: today });
  });
  it('are never empty and never start after today, for any day', () => {
    fc.assert(fc.property(day, fc.constantFrom('7d', '30d', '90d', 'quarter', '12m' as const), (d, p) => {
      const r = presetRange(p, d);
      expect(isDay(r.from)).toBe(true);
      expect(r.from <= r.to).toBe(true);
      expect(r.to).toBe(d);
    }));
  });
  it('the previous range has the same length and ends the day before', () => {
    expect(previousRange('2026-10-25', '2026-11-23')).toEqual({ from: '2026-09-25', to: '2026-10-24' });
  });
});

describe('periods', () => {
  it('weeks start on Monday (ISO), months are YYYY-MM', () => {
    expect(periodOf('2026-11-23', 'week')).toBe('2026-11-23'); // a Monday
    expect(periodOf('2026-11-29', 'week')).toBe('2026-11-23'); // the Sunday after
    expect(periodOf('2026-01-01', 'week')).toBe('2025-12-29');
    expect(periodOf('2026-11-29', 'month')).toBe('2026-11');
    expect(periodOf('2026-11-29', 'day')).toBe('2026-11-29');
  });
  it('lists every period of a range, oldest first', () => {
    expect(periodsBetween('2026-11-20', '2026-11-23', 'day')).toEqual(['2026-11-20', '2026-11-21', '2026-11-22', '2026-11-23']);
    expect(periodsBetween('2026-11-20', '2026-12-01', 'week')).toEqual(['2026-11-16', '2026-11-23', '2026-11-30']);
    expect(periodsBetween('2025-11-20', '2026-02-01', 'month')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(periodsBetween('2026-11-23', '2026-11-20', 'day')).toEqual([]);
  });
  it('every day of the range falls in a listed period, and periods are distinct and sorted', () => {
    fc.assert(fc.property(day, fc.integer({ min: 0, max: 400 }), fc.constantFrom('day', 'week', 'month' as const), (from, len, interval) => {
      const to = addDays(from, len);
      const ps = periodsBetween(from, to, interval);
      expect([...ps].sort()).toEqual(ps);
      expect(new Set(ps).size).toBe(ps.length);
      for (let d = from; d <= to; d = addDays(d, 17)) expect(ps).toContain(periodOf(d, interval));
      expect(ps).toContain(periodOf(to, interval));
    }), { numRuns: 60 });
  });
});
