import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { churnSeries, historicalClv, perMember, pooledChurn, predictiveClv, repeatPurchaseRate, repeatRateOf, retentionTriangle, type CohortCell } from './customer-kpis.js';

/** People as the sets of month indexes they were active in (what the SQL groups by). */
const people = (months: number) => fc.array(fc.uniqueArray(fc.integer({ min: 0, max: months - 1 }), { minLength: 1, maxLength: months }), { maxLength: 40 });

/** The cells the SQL computes: cohort = first active month, then one count per active month. */
function cellsOf(ps: readonly number[][]): CohortCell[] {
  const counts = new Map<string, CohortCell>();
  for (const p of ps) {
    const first = Math.min(...p);
    for (const m of p) {
      const key = `${first}:${m}`;
      const cell = counts.get(key) ?? { cohort: first, month: m, people: 0 };
      cell.people++;
      counts.set(key, cell);
    }
  }
  return [...counts.values()];
}

describe('cohort retention', () => {
  it('builds the triangle from counts', () => {
    const rows = retentionTriangle(3, [
      { cohort: 0, month: 0, people: 4 }, { cohort: 0, month: 1, people: 2 }, { cohort: 0, month: 2, people: 1 },
      { cohort: 1, month: 1, people: 2 }, { cohort: 1, month: 2, people: 2 },
    ]);
    expect(rows.map((r) => r.size)).toEqual([4, 2, 0]);
    expect(rows[0].retention).toEqual([1, 0.5, 0.25]);
    expect(rows[1].retention).toEqual([1, 1]);
    expect(rows[2]).toMatchObject({ people: [0], retention: [null] });
  });

  it('retention is within 0…1, the triangle shrinks by one per cohort, and a cohort\'s size is its month-0 actives', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 8 }).chain((n) => fc.tuple(fc.constant(n), people(n))), ([n, ps]) => {
      const rows = retentionTriangle(n, cellsOf(ps));
      rows.forEach((row, c) => {
        expect(row.people).toHaveLength(n - c);
        expect(row.size).toBe(ps.filter((p) => Math.min(...p) === c).length);
        for (const r of row.retention) if (r !== null) { expect(r).toBeGreaterThanOrEqual(0); expect(r).toBeLessThanOrEqual(1); }
        if (row.size) expect(row.retention[0]).toBe(1);
      });
      expect(rows.reduce((a, r) => a + r.size, 0)).toBe(ps.length);
    }));
  });
});

describe('churn', () => {
  it('is the share of last month\'s actives not active this month', () => {
    expect(churnSeries([10, 8, 0, 5], [6, 0, 0, 0])).toEqual([
      { churn: null, retention: null }, { churn: 0.4, retention: 0.6 }, { churn: 1, retention: 0 }, { churn: null, retention: null },
    ]);
    expect(pooledChurn([{ active: 10, kept: 6 }, { active: 10, kept: 8 }])).toBeCloseTo(0.3, 12);
    expect(pooledChurn([])).toBeNull();
  });

  it('churn + retention = 1 and both lie within 0…1, as counted from people', () => {
    fc.assert(fc.property(fc.integer({ min: 2, max: 8 }).chain((n) => fc.tuple(fc.constant(n), people(n))), ([n, ps]) => {
      const active = Array.from({ length: n }, (_, m) => ps.filter((p) => p.includes(m)).length);
      const kept = Array.from({ length: n }, (_, m) => ps.filter((p) => p.includes(m) && p.includes(m + 1)).length);
      churnSeries(active, kept).forEach((x, m) => {
        if (x.churn === null) { expect(m === 0 || active[m - 1] === 0).toBe(true); return; }
        expect(x.churn + x.retention!).toBeCloseTo(1, 12);
        expect(x.churn).toBeGreaterThanOrEqual(0);
        expect(x.churn).toBeLessThanOrEqual(1);
      });
    }));
  });
});

describe('repeat-purchase rate', () => {
  it('counts people with two orders or more among buyers', () => {
    expect(repeatRateOf([0, 1, 2, 5])).toBeCloseTo(2 / 3, 12);
    expect(repeatRateOf([0, 0])).toBeNull();
    expect(repeatPurchaseRate(4, 1)).toBe(0.25);
  });

  it('never falls when somebody places another order', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 1, maxLength: 50 }), fc.nat(), (counts, pick) => {
      const i = pick % counts.length;
      const before = repeatRateOf(counts);
      const after = repeatRateOf(counts.map((n, j) => (j === i ? n + 1 : n)))!;
      expect(after).toBeGreaterThanOrEqual(0);
      expect(after).toBeLessThanOrEqual(1);
      // A first order adds a buyer (the rate may fall); any later order can only raise it.
      if (counts[i] >= 1) expect(after).toBeGreaterThanOrEqual(before!);
      if (counts[i] === 1) expect(after).toBeGreaterThan(before!);
    }));
  });
});

describe('CLV', () => {
  it('historical: revenue per person and per buyer', () => {
    expect(historicalClv(900, 6, 3)).toEqual({ revenue: 900, people: 6, buyers: 3, perPerson: 150, perBuyer: 300 });
    expect(historicalClv(0, 0, 0)).toMatchObject({ perPerson: null, perBuyer: null });
  });

  it('predictive: AOV × purchases per month × 1 / churn, with its inputs', () => {
    const p = predictiveClv({ revenue: 1200, orders: 12, buyers: 4, months: 3, monthlyChurn: 0.25 });
    expect(p).toMatchObject({ averageOrderValue: 100, purchasesPerMonth: 1, expectedLifetimeMonths: 4, value: 400 });
    expect(predictiveClv({ revenue: 1200, orders: 12, buyers: 4, months: 3, monthlyChurn: 0 }).value).toBeNull();
    expect(predictiveClv({ revenue: 0, orders: 0, buyers: 0, months: 3, monthlyChurn: 0.5 })).toMatchObject({ value: null, averageOrderValue: null, purchasesPerMonth: null });
  });

  it('predictive CLV equals revenue per buyer per month times the lifetime', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 1, max: 100 }), fc.double({ min: 0, max: 1e6, noNaN: true }), fc.double({ min: 0.5, max: 36, noNaN: true }), fc.double({ min: 0.01, max: 1, noNaN: true }),
      (orders, buyers, revenue, months, churn) => {
        const p = predictiveClv({ revenue, orders, buyers: Math.min(buyers, orders), months, monthlyChurn: churn });
        expect(p.value!).toBeCloseTo(revenue / Math.min(buyers, orders) / months / churn, 6);
      }));
  });

  it('revenue per member', () => {
    expect(perMember(300, 4)).toBe(75);
    expect(perMember(300, 0)).toBeNull();
  });
});
