import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ces, csat, nps, npsFromCounts, wilson } from './scores.js';

describe('NPS', () => {
  it('follows the definition: promoters 9–10 minus detractors 0–6, passives in the denominator', () => {
    const r = nps([10, 9, 8, 7, 6, 0, 10, 10]);
    expect(r).toMatchObject({ n: 8, promoters: 4, passives: 2, detractors: 2 });
    expect(r.nps).toBeCloseTo(25);
  });
  it('is null without answers and ±100 at the extremes', () => {
    expect(nps([]).nps).toBeNull();
    expect(nps([10, 9]).nps).toBe(100);
    expect(nps([0, 6]).nps).toBe(-100);
  });
  it('always lies in [-100, 100] with the interval around it (property)', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 1, maxLength: 500 }), (scores) => {
      const r = nps(scores);
      expect(r.nps!).toBeGreaterThanOrEqual(-100);
      expect(r.nps!).toBeLessThanOrEqual(100);
      expect(r.ci!.low).toBeLessThanOrEqual(r.nps! + 1e-9);
      expect(r.ci!.high).toBeGreaterThanOrEqual(r.nps! - 1e-9);
      expect(r.promoters + r.passives + r.detractors).toBe(scores.length);
    }));
  });
  it('interval matches the +1/0/−1 variance formula', () => {
    // 50 promoters, 30 passives, 20 detractors: mean 0.3, var = 0.7 − 0.09 = 0.61
    const r = npsFromCounts(50, 30, 20);
    const half = 1.959963984540054 * Math.sqrt(0.61 / 100) * 100;
    expect(r.ci!.low).toBeCloseTo(30 - half, 6);
    expect(r.ci!.high).toBeCloseTo(30 + half, 6);
  });
});

describe('CSAT and Wilson', () => {
  it('is the share of 4–5 answers', () => {
    expect(csat([5, 4, 3, 2]).csat).toBe(50);
    expect(csat([]).csat).toBeNull();
  });
  it('Wilson interval matches a known value (k=81, n=263)', () => {
    const w = wilson(81, 263)!;
    expect(w.low).toBeCloseTo(0.2553, 3);
    expect(w.high).toBeCloseTo(0.3662, 3);
  });
  it('Wilson interval stays within [0, 1] and contains p (property)', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 10_000 }), fc.double({ min: 0, max: 1, noNaN: true }), (n, share) => {
      const k = Math.round(share * n);
      const w = wilson(k, n)!;
      expect(w.low).toBeGreaterThanOrEqual(0);
      expect(w.high).toBeLessThanOrEqual(1);
      expect(w.low).toBeLessThanOrEqual(k / n + 1e-12);
      expect(w.high).toBeGreaterThanOrEqual(k / n - 1e-12);
    }));
  });
});

describe('CES', () => {
  it('gives the mean on 1–7 and the share of 5–7', () => {
    const r = ces([7, 5, 3, 1]);
    expect(r.mean).toBe(4);
    expect(r.easyShare).toBe(50);
  });
});
