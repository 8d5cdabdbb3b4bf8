import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { irr, mirr, npv, payback, presentValue, roi, xirr, xnpv } from './finance.js';

/** Rounds like a printed figure: `digits` decimals. */
const printed = (x: number | null, digits: number) => (x === null ? null : Number(x.toFixed(digits)));
const pct = (x: number | null, digits: number) => (x === null ? null : Number((x * 100).toFixed(digits)));

describe('worked examples from Microsoft\'s Excel documentation', () => {
  it('NPV discounts the first value by one period', () => {
    expect(printed(npv(0.1, [-10_000, 3_000, 4_200, 6_800]), 2)).toBe(1_188.44);
    // The initial outlay happens now: added outside NPV, as the docs do.
    const later = [8_000, 9_200, 10_000, 12_000, 14_500];
    expect(printed(npv(0.08, later) - 40_000, 2)).toBe(1_922.06);
    expect(printed(npv(0.08, [...later, -9_000]) - 40_000, 2)).toBe(-3_749.47);
  });

  it('IRR', () => {
    const five = [-70_000, 12_000, 15_000, 18_000, 21_000];
    expect(pct(irr(five).value, 1)).toBe(-2.1);
    expect(pct(irr([...five, 26_000]).value, 1)).toBe(8.7);
    // Excel needs a guess of −10 % here; the scan finds the one root without it.
    expect(pct(irr(five.slice(0, 3)).value, 1)).toBe(-44.4);
  });

  it('XNPV and XIRR count days / 365 from the first date', () => {
    const values = [-10_000, 2_750, 4_250, 3_250, 2_750];
    const dates = ['2008-01-01', '2008-03-01', '2008-10-30', '2009-02-15', '2009-04-01'];
    expect(printed(xnpv(0.09, values, dates), 2)).toBe(2_086.65);
    const r = xirr(values, dates);
    // Excel prints 0.373362535, the last digit from its Newton iteration's stopping point; the
    // root to 40 digits (mpmath) is 0.37336253351883151…, which we match to 1e-13.
    expect(r.value).toBeCloseTo(0.373362535, 8);
    expect(Math.abs(r.value! - 0.3733625335188315)).toBeLessThan(1e-13);
    expect(pct(r.value, 2)).toBe(37.34);
    expect(r).toMatchObject({ roots: [r.value], signChanges: 1 });
    expect(xnpv(0.09, values, dates.map((d) => new Date(`${d}T00:00:00Z`)))).toBeCloseTo(2_086.65, 2);
  });

  it('MIRR', () => {
    const flows = [-120_000, 39_000, 30_000, 21_000, 37_000, 46_000];
    expect(pct(mirr(flows, 0.1, 0.12), 2)).toBe(12.61);
    expect(pct(mirr(flows.slice(0, 4), 0.1, 0.12), 2)).toBe(-4.8);
    expect(pct(mirr(flows, 0.1, 0.14), 2)).toBe(13.48);
  });
});

describe('numpy-financial examples (flows[0] at t = 0)', () => {
  it('npv is our presentValue', () => {
    expect(printed(presentValue(0.08, [-40_000, 5_000, 8_000, 12_000, 30_000]), 5)).toBe(3_065.22267);
    expect(printed(presentValue(0.05, [-15_000, 1_500, 2_500, 3_500, 4_500, 6_000]), 2)).toBe(122.89);
    expect(presentValue(0.08, [-40_000, 5_000, 8_000, 12_000, 30_000])).toBeCloseTo(1.08 * npv(0.08, [-40_000, 5_000, 8_000, 12_000, 30_000]), 8);
  });

  it('irr with one root', () => {
    expect(printed(irr([-100, 39, 59, 55, 20]).value, 5)).toBe(0.28095);
    expect(printed(irr([-100, 0, 0, 74]).value, 4)).toBe(-0.0955);
    expect(printed(irr([-100, 100, 0, 7]).value, 5)).toBe(0.06206);
  });

  it('irr with several roots reports all of them; numpy\'s single answer is among them', () => {
    const two = irr([-100, 100, 0, -7]);
    expect(two.value).toBeNull();
    expect(two.signChanges).toBe(2);
    expect(two.roots.map((r) => printed(r, 4))).toEqual([-0.6789, -0.0833]);
    const three = irr([-5, 10.5, 1, -8, 1]);
    expect(three.value).toBeNull();
    expect(three.signChanges).toBe(3);
    expect(three.roots.map((r) => printed(r, 4))).toEqual([-0.8702, 0.0886, 0.7096]);
  });

  it('mirr (numpy-financial test suite)', () => {
    expect(printed(mirr([-4_500, -800, 800, 800, 600, 600, 800, 800, 700, 3_000], 0.08, 0.055), 4)).toBe(0.0666);
    expect(printed(mirr([-120_000, 39_000, 30_000, 21_000, 37_000, 46_000], 0.1, 0.12), 6)).toBe(0.126094);
    expect(printed(mirr([100, 200, -50, 300, -200], 0.05, 0.06), 4)).toBe(0.3428);
    expect(mirr([39_000, 30_000, 21_000, 37_000, 46_000], 0.1, 0.12)).toBeNull();
  });
});

describe('irr edge cases', () => {
  it('−100, 230, −132 has two IRRs, 10 % and 20 %', () => {
    const r = irr([-100, 230, -132]);
    expect(r.value).toBeNull();
    expect(r.signChanges).toBe(2);
    expect(r.roots[0]).toBeCloseTo(0.1, 12);
    expect(r.roots[1]).toBeCloseTo(0.2, 12);
  });

  it('finds a root where NPV only touches zero', () => {
    expect(irr([-100, 200, -100])).toEqual({ value: 0, roots: [0], signChanges: 2 });
    const touch = irr([-1, 2.2, -1.21]);
    expect(touch.roots).toHaveLength(1);
    expect(touch.value).toBeCloseTo(0.1, 7);
  });

  it('no sign change or no real root: null and []', () => {
    expect(irr([100, 50])).toEqual({ value: null, roots: [], signChanges: 0 });
    expect(irr([0, 0])).toEqual({ value: null, roots: [], signChanges: 0 });
    // −1 + 1·x − 1·x²: two sign changes, no real root.
    expect(irr([-1, 1, -1])).toEqual({ value: null, roots: [], signChanges: 2 });
  });

  it('finds very large and very negative rates', () => {
    expect(irr([-1, 1_000_001]).value! / 1e6).toBeCloseTo(1, 9);
    expect(irr([-1_000, 1]).value).toBeCloseTo(-0.999, 12);
  });

  it('stays finite and fast on 601 monthly flows', () => {
    const flows = Array.from({ length: 601 }, (_, t) => (t === 0 ? -1_000 : 10));
    const started = performance.now();
    const r = irr(flows);
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(Math.abs(presentValue(r.value!, flows))).toBeLessThan(1e-8);
  });
});

describe('payback and roi', () => {
  it('interpolates within the period the cumulative flow turns non-negative for good', () => {
    expect(payback([-100, 30, 40, 50])).toBe(2.6);
    expect(payback([-100, 30, 40, 50], { rate: 0.1 })).toBeNull();
    expect(payback([-100, 60, 60], { rate: 0.1 })).toBeCloseTo(1 + (100 - 60 / 1.1) / (60 / 1.21), 12);
    expect(payback([5, -1])).toBe(0);
    // Turns positive at t = 1, negative again at t = 2: payback counts from the last crossing.
    expect(payback([-10, 20, -15, 10])).toBe(2.5);
    expect(payback([-10, 5])).toBeNull();
  });

  it('roi is (gain − cost) / cost, gain being the total benefit', () => {
    expect(roi(150, 100)).toBe(0.5);
    expect(roi(50.3, 2.8)).toBeCloseTo(16.9642857, 6);
    expect(roi(10, 0)).toBeNull();
  });
});

describe('input checks', () => {
  it('throws RangeError with a message saying what is wrong', () => {
    expect(() => npv(0.1, [])).toThrow(/at least one cash flow/);
    expect(() => presentValue(-1, [1])).toThrow(RangeError);
    expect(() => npv(-1.5, [1])).toThrow(/greater than −1/);
    expect(() => npv(Number.NaN, [1])).toThrow(/finite/);
    expect(() => irr([1, Number.POSITIVE_INFINITY])).toThrow(/values\[1\]/);
    expect(() => mirr([-1, 2], -1, 0.1)).toThrow(/financeRate/);
    expect(() => payback([])).toThrow(RangeError);
    expect(() => payback([-1, 2], { rate: -2 })).toThrow(RangeError);
    expect(() => xnpv(0.1, [-1, 2], ['2026-01-01'])).toThrow(/same length/);
    expect(() => xnpv(0.1, [-1, 2], ['2026-01-01', '2026-02-30'])).toThrow(/not a calendar date/);
    expect(() => xirr([-1, 2], ['2026-01-01', '01/02/2026'])).toThrow(/YYYY-MM-DD/);
    expect(() => xirr([-1, 2], ['2026-01-01', new Date(Number.NaN)])).toThrow(/invalid Date/);
    expect(() => xnpv(0.1, [-1, 2], ['2026-01-01', '2025-12-31'])).toThrow(/precedes the first date/);
    expect(() => roi(Number.NaN, 1)).toThrow(RangeError);
  });
});

describe('properties', () => {
  const money = fc.integer({ min: -10_000, max: 10_000 });
  const flows = fc.array(money, { minLength: 2, maxLength: 12 });

  it('NPV at every reported IRR root is zero, and there are no more roots than sign changes', () => {
    fc.assert(fc.property(flows, (f) => {
      const r = irr(f);
      expect(r.roots.length).toBeLessThanOrEqual(r.signChanges);
      expect(r.value).toBe(r.roots.length === 1 ? r.roots[0] : null);
      for (const root of r.roots) {
        const scale = f.reduce((a, v, t) => a + Math.abs(v) / (1 + root) ** t, 0);
        expect(Math.abs(presentValue(root, f))).toBeLessThanOrEqual(1e-9 * scale);
      }
    }), { seed: 7, numRuns: 300 });
  });

  it('XNPV at every reported XIRR root is zero', () => {
    const dated = fc.array(fc.tuple(money, fc.integer({ min: 0, max: 800 })), { minLength: 2, maxLength: 8 });
    fc.assert(fc.property(dated, (rows) => {
      let day = Date.UTC(2024, 0, 1);
      const dates = rows.map(([, gap], i) => new Date((day += (i ? gap : 0) * 86_400_000)));
      const values = rows.map(([v]) => v);
      const r = xirr(values, dates);
      for (const root of r.roots) {
        const scale = values.reduce((a, v, i) => a + Math.abs(v) / (1 + root) ** ((dates[i].getTime() - dates[0].getTime()) / 86_400_000 / 365), 0);
        expect(Math.abs(xnpv(root, values, dates))).toBeLessThanOrEqual(1e-9 * scale);
      }
    }), { seed: 11, numRuns: 200 });
  });

  it('finds every root of flows built from known rates, and no others', () => {
    // Σ v_t x^t with x = 1 / (1 + r): flows whose polynomial is Π (x − 1/(1 + r_i)), times x² + 1
    // (two complex roots, no real rate) half of the time.
    const rates = fc.uniqueArray(fc.integer({ min: -50, max: 200 }), { minLength: 1, maxLength: 4, selector: (k) => Math.round(k / 2) })
      .map((ks) => ks.map((k) => k / 100).sort((a, b) => a - b));
    fc.assert(fc.property(rates, fc.boolean(), (rs, complex) => {
      let poly = [1];
      const times = (p: number[], q: number[]) => p.flatMap((a, i) => q.map((b, j) => [i + j, a * b] as const))
        .reduce((acc, [k, v]) => { acc[k] = (acc[k] ?? 0) + v; return acc; }, new Array<number>(p.length + q.length - 1).fill(0));
      for (const r of rs) poly = times(poly, [-1 / (1 + r), 1]);
      if (complex) poly = times(poly, [1, 0, 1]);
      const found = irr(poly.map((v) => v * 1_000));
      expect(found.roots).toHaveLength(rs.length);
      found.roots.forEach((root, i) => expect(root).toBeCloseTo(rs[i], 6));
      expect(found.value === null).toBe(rs.length !== 1);
    }), { seed: 19, numRuns: 300 });
  });

  it('IRR recovers the rate an annuity was priced at', () => {
    fc.assert(fc.property(fc.double({ min: -0.5, max: 3, noNaN: true }), fc.integer({ min: 1, max: 40 }), fc.double({ min: 1, max: 1e6, noNaN: true }), (r0, n, payment) => {
      const price = Array.from({ length: n }, (_, t) => payment / (1 + r0) ** (t + 1)).reduce((a, b) => a + b, 0);
      const r = irr([-price, ...Array<number>(n).fill(payment)]);
      expect(r.roots).toHaveLength(1);
      expect(r.value!).toBeCloseTo(r0, 8);
    }), { seed: 3, numRuns: 300 });
  });

  it('presentValue at 0 % is the plain sum, and equals (1 + r) · Excel npv', () => {
    fc.assert(fc.property(flows, fc.double({ min: -0.9, max: 5, noNaN: true }), (f, rate) => {
      expect(presentValue(0, f)).toBe(f.reduce((a, b) => a + b, 0));
      const scale = f.reduce((a, v) => a + Math.abs(v), 0) * Math.max(1, (1 + rate) ** -f.length);
      expect(Math.abs(presentValue(rate, f) - (1 + rate) * npv(rate, f))).toBeLessThanOrEqual(1e-9 * scale);
    }), { seed: 5 });
  });

  it('XNPV with dates 365 days apart equals presentValue', () => {
    fc.assert(fc.property(flows, fc.double({ min: -0.5, max: 2, noNaN: true }), (f, rate) => {
      const dates = f.map((_, t) => new Date(Date.UTC(2001, 0, 1) + t * 365 * 86_400_000));
      const scale = f.reduce((a, v, t) => a + Math.abs(v) / (1 + rate) ** t, 0);
      expect(Math.abs(xnpv(rate, f, dates) - presentValue(rate, f))).toBeLessThanOrEqual(1e-9 * Math.max(1, scale));
    }), { seed: 9 });
  });

  const asNumber = (p: number | null) => p ?? Number.POSITIVE_INFINITY;

  it('raising any flow never lengthens payback, simple or discounted', () => {
    fc.assert(fc.property(flows, fc.nat(), fc.integer({ min: 0, max: 5_000 }), fc.option(fc.double({ min: 0, max: 1, noNaN: true })), (f, at, raise, rate) => {
      const i = at % f.length;
      const raised = f.map((v, t) => (t === i ? v + raise : v));
      const opts = rate === null ? {} : { rate };
      expect(asNumber(payback(raised, opts))).toBeLessThanOrEqual(asNumber(payback(f, opts)) + 1e-12);
    }), { seed: 13, numRuns: 500 });
  });

  it('discounted payback is never shorter than simple payback for a positive rate (outlays first, then returns)', () => {
    // With a loss after the returns, discounting shrinks the loss and can pay back sooner:
    // the property holds for conventional flows.
    const conventional = fc.tuple(fc.array(fc.integer({ min: -10_000, max: -1 }), { minLength: 1, maxLength: 4 }), fc.array(fc.integer({ min: 0, max: 10_000 }), { maxLength: 10 }))
      .map(([out, back]) => [...out, ...back]);
    fc.assert(fc.property(conventional, fc.double({ min: 0.0001, max: 1, noNaN: true }), (f, rate) => {
      expect(asNumber(payback(f, { rate }))).toBeGreaterThanOrEqual(asNumber(payback(f)) - 1e-12);
    }), { seed: 17, numRuns: 500 });
  });
});
