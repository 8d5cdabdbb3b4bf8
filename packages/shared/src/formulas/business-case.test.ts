import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BusinessCaseInput, PERIODS_PER_YEAR, type BusinessCaseInputIn } from '../contracts/business-case.js';
import { analyzeBusinessCase, annualToPeriodRate, businessCasePeriodDates, shopeeTemplate } from './business-case.js';
import { irr, mirr, npv, presentValue, xnpv } from './finance.js';

const input = (v: Partial<BusinessCaseInputIn> = {}) => BusinessCaseInput.parse({
  periods: 3, startDate: '2026-01-01', discountRate: 0.1, costs: [], benefits: [], ...v,
});
const cost = (id: string, amount: number, from: number, to: number, extra: object = {}) => ({ id, label: `Cost ${id}`, amount, from, to, category: 'technology' as const, ...extra });
const benefit = (id: string, amount: number, from: number, to: number, extra: object = {}) => ({ id, label: `Benefit ${id}`, amount, from, to, category: 'revenue' as const, ...extra });

describe('the Shopee recommendation engine (course example)', () => {
  const template = shopeeTemplate('2026-01-01');
  const a = analyzeBusinessCase(template);

  it('is a valid input as it stands', () => {
    expect(BusinessCaseInput.parse(template)).toEqual(template);
  });

  it('reproduces ROI ≈ 1,700 % and a payback within the first month', () => {
    expect(a.totalCost).toBeCloseTo(2_800_000, 6);
    expect(a.totalBenefit).toBeCloseTo(50_300_000, 6);
    expect(a.roi!).toBeCloseTo((50.3 - 2.8) / 2.8, 10);
    expect(Math.round(a.roi! * 100)).toBe(1_696);
    expect(a.payback.simple!).toBeGreaterThan(0);
    expect(a.payback.simple!).toBeLessThan(1);
    expect(a.payback.simple!).toBeCloseTo(2.8 / (50.3 / 12), 12);
    expect(a.payback.discounted!).toBeGreaterThan(a.payback.simple!);
    expect(a.payback.discounted!).toBeLessThan(1);
    expect(a.npv).toBeGreaterThan(40_000_000);
    expect(a.irr.value).not.toBeNull();
    expect(a.scenarios.pessimistic.roi!).toBeCloseTo((50.3 * 0.7 - 2.8 * 1.2) / (2.8 * 1.2), 10);
  });
});

describe('analyzeBusinessCase', () => {
  it('spreads lines over their periods with growth, and converts the annual rate per period', () => {
    const a = analyzeBusinessCase(input({
      costs: [cost('c', 1_000, 0, 0), cost('run', 100, 1, 3, { growth: 0.1 })],
      benefits: [benefit('b', 600, 1, 3)],
    }));
    expect(a.costsByPeriod.map((x) => Number(x.toFixed(9)))).toEqual([1_000, 100, 110, 121]);
    expect(a.benefitsByPeriod).toEqual([0, 600, 600, 600]);
    expect(a.flows.map((x) => Number(x.toFixed(9)))).toEqual([-1_000, 500, 490, 479]);
    expect(a.cumulative.map((x) => Number(x.toFixed(9)))).toEqual([-1_000, -500, -10, 469]);
    expect(a.ratePerPeriod).toBe(0.1);
    expect(a.npv).toBeCloseTo(presentValue(0.1, a.flows), 9);
    expect(a.excelNpv).toBeCloseTo(npv(0.1, a.flows), 9);
    expect(a.discountedCumulative[3]).toBeCloseTo(a.npv, 9);
    expect(a.irr).toEqual(irr(a.flows));
    expect(a.mirr).toBeCloseTo(mirr(a.flows, 0.1, 0.1)!, 12);
    expect(a.payback.simple).toBeCloseTo(2 + 10 / 479, 12);
    expect(a.roi).toBeCloseTo((1_800 - 1_331) / 1_331, 12);
    expect(a.dates).toEqual(['2026-01-01', '2027-01-01', '2028-01-01', '2029-01-01']);
    expect(a.xnpv).toBeCloseTo(xnpv(0.1, a.flows, a.dates), 9);
    expect(annualToPeriodRate(0.1, 'month')).toBeCloseTo(1.1 ** (1 / 12) - 1, 15);
    expect(annualToPeriodRate(0.1, 'quarter')).toBeCloseTo(1.1 ** 0.25 - 1, 15);
  });

  it('reports IRR and MIRR annualised for monthly periods: NPV at the IRR as discount rate is zero', () => {
    const base = { periodUnit: 'month' as const, periods: 24, costs: [cost('c', 10_000, 0, 0)], benefits: [benefit('b', 500, 1, 24)] };
    const a = analyzeBusinessCase(input(base));
    const monthly = irr(a.flows).value!;
    expect(a.irr.value).toBeCloseTo((1 + monthly) ** 12 - 1, 12);
    expect(analyzeBusinessCase(input({ ...base, discountRate: a.irr.value! })).npv).toBeCloseTo(0, 6);
    expect(a.mirr).toBeCloseTo((1 + mirr(a.flows, a.ratePerPeriod, a.ratePerPeriod)!) ** 12 - 1, 12);
    const withRates = analyzeBusinessCase(input({ ...base, financeRate: 0.05, reinvestRate: 0.2 }));
    expect(withRates.mirr).toBeCloseTo((1 + mirr(a.flows, 1.05 ** (1 / 12) - 1, 1.2 ** (1 / 12) - 1)!) ** 12 - 1, 12);
    expect(a.xirr.value).toBeGreaterThan(0);
  });

  it('reports every IRR root when a late cost makes the flows change sign twice', () => {
    const a = analyzeBusinessCase(input({ periods: 2, costs: [cost('c', 100, 0, 0), cost('decommission', 132, 2, 2)], benefits: [benefit('b', 230, 1, 1)] }));
    expect(a.irr.value).toBeNull();
    expect(a.irr.signChanges).toBe(2);
    expect(a.irr.roots.map((r) => Number(r.toFixed(10)))).toEqual([0.1, 0.2]);
  });

  it('turns a retention driver into money per period', () => {
    const driver = { kind: 'retention', points: 2, customers: 10_000, valuePerCustomer: 500 };
    const a = analyzeBusinessCase(input({ periodUnit: 'quarter', periods: 4, benefits: [benefit('ret', 1, 1, 4, { category: 'retention', driver })] }));
    expect(a.benefitAmounts).toEqual({ ret: 10_000 * 0.02 * 500 / 4 });
    expect(a.benefitsByPeriod).toEqual([0, 25_000, 25_000, 25_000, 25_000]);
    expect(a.roi).toBeNull();
    expect(a.dates).toEqual(['2026-01-01', '2026-04-01', '2026-07-01', '2026-10-01', '2027-01-01']);
  });

  it('dates periods by calendar months, the day clamped to the month\'s end', () => {
    expect(businessCasePeriodDates('2024-01-31', 'month', 3)).toEqual(['2024-01-31', '2024-02-29', '2024-03-31', '2024-04-30']);
    expect(businessCasePeriodDates('2024-02-29', 'year', 2)).toEqual(['2024-02-29', '2025-02-28', '2026-02-28']);
    expect(businessCasePeriodDates('2025-11-30', 'quarter', 2)).toEqual(['2025-11-30', '2026-02-28', '2026-05-30']);
  });

  it('builds the tornado from ±X % on each line and on the discount rate, largest swing first', () => {
    const a = analyzeBusinessCase(input({
      sensitivityPct: 10,
      costs: [cost('c', 1_000, 0, 0)],
      benefits: [benefit('big', 500, 1, 3), benefit('small', 50, 1, 3)],
    }));
    expect(a.tornado.map((t) => t.key)).toEqual(['big', 'c', 'discountRate', 'small']);
    const pvBig = presentValue(0.1, [0, 500, 500, 500]);
    expect(a.tornado[0]).toMatchObject({ label: 'Benefit big' });
    expect(a.tornado[0].low).toBeCloseTo(a.npv - 0.1 * pvBig, 9);
    expect(a.tornado[0].high).toBeCloseTo(a.npv + 0.1 * pvBig, 9);
    expect(a.tornado[1]).toMatchObject({ label: 'Cost c' });
    expect(a.tornado[1].swing).toBeCloseTo(200, 9);
    const rate = a.tornado.find((t) => t.key === 'discountRate')!;
    expect(rate.label).toBe('Discount rate');
    expect(rate.low).toBeCloseTo(presentValue(0.11, a.flows), 9);
    expect(rate.high).toBeCloseTo(presentValue(0.09, a.flows), 9);
    for (const t of a.tornado) { expect(t.low).toBeLessThanOrEqual(t.high); expect(t.swing).toBeCloseTo(t.high - t.low, 9); }
  });

  it('scenarios move every cost and every benefit by their percentages', () => {
    const a = analyzeBusinessCase(input({
      costs: [cost('c', 1_000, 0, 0)], benefits: [benefit('b', 600, 1, 3)],
      scenarios: { pessimistic: { costPct: 50, benefitPct: -50 }, optimistic: { costPct: 0, benefitPct: 100 } },
    }));
    expect(a.scenarios.base).toMatchObject({ npv: a.npv, roi: a.roi, totalCost: 1_000 });
    expect(a.scenarios.pessimistic).toMatchObject({ totalCost: 1_500, totalBenefit: 900 });
    expect(a.scenarios.pessimistic.npv).toBeCloseTo(presentValue(0.1, [-1_500, 300, 300, 300]), 9);
    expect(a.scenarios.optimistic.npv).toBeCloseTo(presentValue(0.1, [-1_000, 1_200, 1_200, 1_200]), 9);
    expect(a.scenarios.pessimistic.payback.simple).toBeNull();
  });

  it('holds its identities for any valid input (property)', () => {
    const line = fc.record({ amount: fc.integer({ min: 0, max: 100_000 }), from: fc.integer({ min: 0, max: 6 }), len: fc.integer({ min: 0, max: 6 }), growth: fc.constantFrom(0, 0.05, -0.1) });
    fc.assert(fc.property(
      fc.array(line, { maxLength: 4 }), fc.array(line, { maxLength: 4 }), fc.constantFrom('month', 'quarter', 'year'), fc.double({ min: 0, max: 0.5, noNaN: true }),
      (costs, benefits, periodUnit, discountRate) => {
        const mk = (kind: 'c' | 'b') => (l: { amount: number; from: number; len: number; growth: number }, i: number) => ({ id: `${kind}${i}`, amount: l.amount, from: l.from, to: Math.min(12, l.from + l.len), growth: l.growth });
        const a = analyzeBusinessCase(input({
          periods: 12, periodUnit, discountRate,
          costs: costs.map(mk('c')).map((l) => cost(l.id, l.amount, l.from, l.to, { growth: l.growth })),
          benefits: benefits.map(mk('b')).map((l) => benefit(l.id, l.amount, l.from, l.to, { growth: l.growth })),
        }));
        const tol = 1e-6 * (1 + a.totalBenefit + a.totalCost);
        expect(a.flows).toHaveLength(13);
        expect(Math.abs(a.cumulative[12] - (a.totalBenefit - a.totalCost))).toBeLessThanOrEqual(tol);
        expect(Math.abs(a.discountedCumulative[12] - a.npv)).toBeLessThanOrEqual(tol);
        expect(a.tornado).toHaveLength(costs.length + benefits.length + 1);
        for (let i = 1; i < a.tornado.length; i++) expect(a.tornado[i - 1].swing).toBeGreaterThanOrEqual(a.tornado[i].swing);
        // Default scenarios: pessimistic raises costs and cuts benefits, optimistic the reverse.
        expect(a.scenarios.pessimistic.npv).toBeLessThanOrEqual(a.npv + tol);
        expect(a.scenarios.optimistic.npv).toBeGreaterThanOrEqual(a.npv - tol);
        // The IRR roots are the per-period roots of the flows, annualised.
        const perPeriod = irr(a.flows);
        expect(a.irr.roots).toEqual(perPeriod.roots.map((r) => (PERIODS_PER_YEAR[periodUnit] === 1 ? r : (1 + r) ** PERIODS_PER_YEAR[periodUnit] - 1)));
      }), { seed: 21, numRuns: 150 });
  });
});
