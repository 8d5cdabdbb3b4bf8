/**
 * Cost-benefit analysis of one initiative: from the lines an analyst types (contracts/business-case.ts)
 * to flows per period, NPV (app and Excel conventions), IRR, MIRR, XNPV, XIRR, ROI, payback, a
 * tornado of sensitivities and three scenarios.
 *
 * Rates: every rate in and out is ANNUAL. The per-period rate is (1 + annual)^(1 / periodsPerYear) − 1;
 * IRR and MIRR are solved per period on the flows and reported annualised ((1 + r)^periodsPerYear − 1),
 * so NPV at a discountRate equal to the IRR is zero. With periodUnit 'year' they equal Excel's
 * IRR/MIRR of the flows. XIRR is annual by definition (days / 365).
 */
import {
  PERIODS_PER_YEAR, type BenefitLine, type BusinessCaseAnalysis, type BusinessCaseFigures, type BusinessCaseInput,
  type CostLine, type IrrResult, type PeriodUnit,
} from '../contracts/business-case.js';
import { irr, mirr, npv, payback, presentValue, roi, xirr, xnpv } from './finance.js';

/** (1 + annual)^(1 / periodsPerYear) − 1 (yearly periods: the annual rate itself, not rounded through pow). */
export function annualToPeriodRate(annualRate: number, unit: PeriodUnit): number {
  const n = PERIODS_PER_YEAR[unit];
  return n === 1 ? annualRate : (1 + annualRate) ** (1 / n) - 1;
}

/** A per-period rate back to annual: (1 + r)^periodsPerYear − 1. */
function annualise(rate: number, unit: PeriodUnit): number {
  const n = PERIODS_PER_YEAR[unit];
  return n === 1 ? rate : (1 + rate) ** n - 1;
}

/** The amount a benefit line adds in its first period: its driver's money per period, else its amount. */
export function benefitLineAmount(line: BenefitLine, unit: PeriodUnit): number {
  const d = line.driver;
  if (!d) return line.amount;
  return (d.customers * (d.points / 100) * d.valuePerCustomer) / PERIODS_PER_YEAR[unit];
}

/** A line's money in periods 0…periods: `amount` from `from` to `to`, growing by `growth` each period after the first. */
function spread(amount: number, line: CostLine | BenefitLine, periods: number): number[] {
  const out = new Array<number>(periods + 1).fill(0);
  for (let t = line.from; t <= Math.min(line.to, periods); t++) out[t] = amount * (1 + line.growth) ** (t - line.from);
  return out;
}

function sumInto(target: number[], add: number[]): void {
  for (let t = 0; t < target.length; t++) target[t] += add[t];
}

/** Period t's calendar date: startDate plus t months / quarters / years, the day clamped to the month's end (like Excel EDATE). */
export function businessCasePeriodDates(startDate: string, unit: PeriodUnit, periods: number): string[] {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(startDate);
  if (!m) throw new RangeError(`startDate must be YYYY-MM-DD (got ${JSON.stringify(startDate)})`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]) - 1, Number(m[3])];
  const months = 12 / PERIODS_PER_YEAR[unit];
  return Array.from({ length: periods + 1 }, (_, t) => {
    const total = mo + t * months;
    const year = y + Math.floor(total / 12), month = total % 12;
    const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
    return new Date(Date.UTC(year, month, Math.min(d, lastDay))).toISOString().slice(0, 10);
  });
}

interface Scaled { costFactor?: (line: CostLine) => number; benefitFactor?: (line: BenefitLine) => number }

/** Costs and benefits per period, each line's amount multiplied by its factor (1 unless told). */
function byPeriod(input: BusinessCaseInput, scaled: Scaled = {}) {
  const costs = new Array<number>(input.periods + 1).fill(0);
  const benefits = new Array<number>(input.periods + 1).fill(0);
  for (const line of input.costs) sumInto(costs, spread(line.amount * (scaled.costFactor?.(line) ?? 1), line, input.periods));
  for (const line of input.benefits) sumInto(benefits, spread(benefitLineAmount(line, input.periodUnit) * (scaled.benefitFactor?.(line) ?? 1), line, input.periods));
  return { costs, benefits, flows: benefits.map((b, t) => b - costs[t]) };
}

function annualIrr(result: IrrResult, unit: PeriodUnit): IrrResult {
  const roots = result.roots.map((r) => annualise(r, unit));
  return { value: roots.length === 1 ? roots[0] : null, roots, signChanges: result.signChanges };
}

/** The headline figures of one set of costs and benefits per period. */
function figures(input: BusinessCaseInput, costs: number[], benefits: number[], flows: number[], dates: string[]): BusinessCaseFigures {
  const unit = input.periodUnit;
  const rate = annualToPeriodRate(input.discountRate, unit);
  const financeRate = annualToPeriodRate(input.financeRate ?? input.discountRate, unit);
  const reinvestRate = annualToPeriodRate(input.reinvestRate ?? input.discountRate, unit);
  const totalCost = costs.reduce((a, b) => a + b, 0);
  const totalBenefit = benefits.reduce((a, b) => a + b, 0);
  const m = mirr(flows, financeRate, reinvestRate);
  return {
    npv: presentValue(rate, flows),
    excelNpv: npv(rate, flows),
    irr: annualIrr(irr(flows), unit),
    mirr: m === null ? null : annualise(m, unit),
    xnpv: xnpv(input.discountRate, flows, dates),
    xirr: xirr(flows, dates),
    roi: roi(totalBenefit, totalCost),
    totalCost,
    totalBenefit,
    payback: { simple: payback(flows), discounted: payback(flows, { rate }) },
  };
}

function cumulate(values: number[]): number[] {
  let sum = 0;
  return values.map((v) => (sum += v));
}

/**
 * The tornado: each cost line, each benefit line and the discount rate moved by −X % and +X %
 * (X = sensitivityPct) one at a time; low/high are the smaller/larger of the two NPVs. NPV is linear
 * in each line's amount, so a line moved by ±X % moves NPV by ±X % of that line's own present value
 * (one pass per line, not one whole analysis per bar).
 */
function tornado(input: BusinessCaseInput, baseNpv: number, baseFlows: number[]): BusinessCaseAnalysis['tornado'] {
  const x = input.sensitivityPct / 100;
  const rate = annualToPeriodRate(input.discountRate, input.periodUnit);
  const bar = (key: string, label: string, a: number, b: number) => ({ key, label, low: Math.min(a, b), high: Math.max(a, b), swing: Math.abs(a - b) });
  const lineBar = (line: CostLine | BenefitLine, amount: number, sign: 1 | -1) => {
    const pv = sign * presentValue(rate, spread(amount, line, input.periods));
    return bar(line.id, line.label, baseNpv - x * pv, baseNpv + x * pv);
  };
  // Moved relative to itself (10 % ± 20 % = 8 %…12 %), kept above −99 % like the input itself.
  const atRate = (annual: number) => presentValue(annualToPeriodRate(Math.max(-0.99, annual), input.periodUnit), baseFlows);
  const bars = [
    ...input.costs.map((line) => lineBar(line, line.amount, -1)),
    ...input.benefits.map((line) => lineBar(line, benefitLineAmount(line, input.periodUnit), 1)),
    bar('discountRate', 'Discount rate', atRate(input.discountRate * (1 - x)), atRate(input.discountRate * (1 + x))),
  ];
  return bars.sort((a, b) => b.swing - a.swing);
}

/** Every figure of a business case; see the contract (contracts/business-case.ts) for each field. */
export function analyzeBusinessCase(input: BusinessCaseInput): BusinessCaseAnalysis {
  const unit = input.periodUnit;
  const rate = annualToPeriodRate(input.discountRate, unit);
  const dates = businessCasePeriodDates(input.startDate, unit, input.periods);
  const base = byPeriod(input);
  const scenario = (shift: { costPct: number; benefitPct: number }) => {
    const s = byPeriod(input, { costFactor: () => 1 + shift.costPct / 100, benefitFactor: () => 1 + shift.benefitPct / 100 });
    return figures(input, s.costs, s.benefits, s.flows, dates);
  };
  const baseFigures = figures(input, base.costs, base.benefits, base.flows, dates);
  return {
    ...baseFigures,
    currency: input.currency,
    ratePerPeriod: rate,
    dates,
    costsByPeriod: base.costs,
    benefitsByPeriod: base.benefits,
    flows: base.flows,
    cumulative: cumulate(base.flows),
    discountedCumulative: cumulate(base.flows.map((f, t) => f / (1 + rate) ** t)),
    benefitAmounts: Object.fromEntries(input.benefits.map((l) => [l.id, benefitLineAmount(l, unit)])),
    tornado: tornado(input, baseFigures.npv, base.flows),
    scenarios: {
      pessimistic: scenario(input.scenarios.pessimistic),
      base: baseFigures,
      optimistic: scenario(input.scenarios.optimistic),
    },
  };
}

/**
 * The course's worked example: Shopee's recommendation engine. $2.8 M up front (build 2.0, cloud 0.5,
 * training 0.2, maintenance 0.1) against ≈ $50 M extra revenue and $0.3 M savings a year, spread over
 * 12 months at 10 % a year. ROI = (50.3 − 2.8) / 2.8 ≈ 1,696 %; simple payback ≈ 0.67 months.
 */
export function shopeeTemplate(startDate: string): BusinessCaseInput {
  const once = (id: string, label: string, amount: number, category: CostLine['category']): CostLine => ({ id, label, amount, from: 0, to: 0, growth: 0, category });
  const monthly = (id: string, label: string, perYear: number, category: BenefitLine['category']): BenefitLine => ({ id, label, amount: perYear / 12, from: 1, to: 12, growth: 0, category, driver: null });
  return {
    currency: 'USD',
    periodUnit: 'month',
    periods: 12,
    startDate,
    discountRate: 0.1,
    financeRate: null,
    reinvestRate: null,
    costs: [
      once('build', 'Recommendation engine build', 2_000_000, 'technology'),
      once('cloud', 'Cloud infrastructure', 500_000, 'cloud'),
      once('training', 'Staff training', 200_000, 'training'),
      once('maintenance', 'Maintenance', 100_000, 'operations'),
    ],
    benefits: [
      monthly('revenue', 'Extra revenue from recommendations', 50_000_000, 'revenue'),
      monthly('savings', 'Operating cost savings', 300_000, 'cost_saving'),
    ],
    sensitivityPct: 20,
    scenarios: { pessimistic: { costPct: 20, benefitPct: -30 }, optimistic: { costPct: -10, benefitPct: 20 } },
  };
}
