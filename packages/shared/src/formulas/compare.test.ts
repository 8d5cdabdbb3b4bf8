import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareCes, compareCsat, compareNps, logGamma, studentTQuantile975, twoSidedNormal, twoSidedStudentT } from './compare.js';

describe('distributions (reference values from SciPy)', () => {
  it('normal and Student t tails', () => {
    expect(twoSidedNormal(0)).toBeCloseTo(1, 6);
    expect(twoSidedNormal(1.959963984540054)).toBeCloseTo(0.05, 6);
    expect(twoSidedNormal(2.124)).toBeCloseTo(0.0336701, 6);
    expect(twoSidedStudentT(2.5, 4.2)).toBeCloseTo(0.0638154, 6);
    expect(twoSidedStudentT(2.3015722936813154, 42.0014171571866)).toBeCloseTo(0.0263879, 6);
    for (const [df, q] of [[1, 12.70620474], [10, 2.22813885], [30, 2.04227246], [7.3, 2.34506674]]) expect(studentTQuantile975(df)).toBeCloseTo(q, 5);
    expect(logGamma(5)).toBeCloseTo(Math.log(24), 10);
    expect(logGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 10);
  });
});

describe('comparisons', () => {
  it('CSAT: pooled z-test and Newcombe\'s interval (his 1998 example, 56/70 against 48/80)', () => {
    const c = compareCsat({ satisfied: 48, n: 80 }, { satisfied: 56, n: 70 });
    expect(c.delta).toBeCloseTo(20, 6);
    expect(c.ci!.low).toBeCloseTo(5.24, 2);
    expect(c.ci!.high).toBeCloseTo(33.39, 2);
    const d = compareCsat({ satisfied: 45, n: 100 }, { satisfied: 60, n: 100 });
    expect(d.statistic).toBeCloseTo(2.1240, 3);
    expect(d.pValue).toBeCloseTo(0.0337, 3);
    expect(d.significant).toBe(true);
  });

  it('CES: Welch\'s t-test', () => {
    const c = compareCes({ n: 20, sum: 90, sumSquares: 450 }, { n: 25, sum: 140, sumSquares: 850 });
    expect(c.delta).toBeCloseTo(1.1, 10);
    expect(c.statistic).toBeCloseTo(2.3015723, 6);
    expect(c.pValue).toBeCloseTo(0.0263879, 6);
    expect(c.ci!.high - c.delta!).toBeCloseTo(0.9645092, 5);
  });

  it('NPS: a 10-point rise on 2,000 answers each is significant, on 50 each it is not', () => {
    const big = compareNps({ promoters: 800, passives: 600, detractors: 600 }, { promoters: 900, passives: 600, detractors: 500 });
    expect(big.delta).toBeCloseTo(10, 10);
    expect(big.significant).toBe(true);
    const small = compareNps({ promoters: 20, passives: 15, detractors: 15 }, { promoters: 22, passives: 16, detractors: 12 });
    expect(small.significant).toBe(false);
    expect(compareNps({ promoters: 1, passives: 0, detractors: 0 }, { promoters: 5, passives: 0, detractors: 0 }).delta).toBeNull();
  });

  it('NPS: the interval of a difference stays within −200…200 on tiny samples', () => {
    const c = compareNps({ promoters: 1, passives: 0, detractors: 1 }, { promoters: 2, passives: 0, detractors: 0 });
    expect(c.delta).toBe(100);
    expect(c.ci).toEqual({ low: expect.closeTo(100 - 138.59, 1), high: 200 });
  });

  const counts = fc.record({ promoters: fc.nat(500), passives: fc.nat(500), detractors: fc.nat(500) });
  it('swapping the two samples negates the delta and keeps the p-value; p is in [0, 1]; the interval holds the delta', () => {
    fc.assert(fc.property(counts, counts, (a, b) => {
      const ab = compareNps(a, b), ba = compareNps(b, a);
      if (ab.delta === null) { expect(ba.delta).toBeNull(); return; }
      expect(ab.delta + ba.delta!).toBeCloseTo(0, 9);
      expect(ab.pValue).toBeCloseTo(ba.pValue!, 9);
      expect(ab.pValue).toBeGreaterThanOrEqual(0);
      expect(ab.pValue).toBeLessThanOrEqual(1);
      expect(ab.ci!.low).toBeLessThanOrEqual(ab.delta + 1e-9);
      expect(ab.ci!.high).toBeGreaterThanOrEqual(ab.delta - 1e-9);
      // Two NPS values differ by at most 200 points: so does the interval (small n used to run past it).
      expect(ab.ci!.low).toBeGreaterThanOrEqual(-200);
      expect(ab.ci!.high).toBeLessThanOrEqual(200);
      // Significant exactly when the 95 % interval of the difference excludes zero (same z-test).
      if (Math.abs(ab.pValue! - 0.05) > 1e-6) expect(ab.significant).toBe(ab.ci!.low > 0 || ab.ci!.high < 0);
    }));
    const props = fc.tuple(fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 1, max: 1000 })).chain(([n1, n2]) =>
      fc.tuple(fc.constant(n1), fc.nat(n1), fc.constant(n2), fc.nat(n2)));
    fc.assert(fc.property(props, ([n1, k1, n2, k2]) => {
      const ab = compareCsat({ satisfied: k1, n: n1 }, { satisfied: k2, n: n2 }), ba = compareCsat({ satisfied: k2, n: n2 }, { satisfied: k1, n: n1 });
      expect(ab.delta! + ba.delta!).toBeCloseTo(0, 9);
      expect(ab.pValue).toBeCloseTo(ba.pValue!, 9);
      expect(ab.ci!.low).toBeLessThanOrEqual(ab.delta! + 1e-9);
      expect(ab.ci!.high).toBeGreaterThanOrEqual(ab.delta! - 1e-9);
      expect(ab.ci!.low).toBeGreaterThanOrEqual(-100 - 1e-9);
      expect(ab.ci!.high).toBeLessThanOrEqual(100 + 1e-9);
    }));
  });
});
