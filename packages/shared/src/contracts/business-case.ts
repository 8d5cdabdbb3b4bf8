/**
 * The cost-benefit model of one initiative: what an analyst types (cost and benefit lines over
 * periods, a discount rate, scenarios) and what `analyzeBusinessCase` (formulas/business-case.ts)
 * answers. Server and web validate with these same schemas, so the form shows the API's errors.
 *
 * Timing convention (stated once, used everywhere): period 0 is "now" and is never discounted;
 * period t ≥ 1 ends t periods later and is discounted by (1 + r)^t, r being the per-period rate
 * derived from the annual `discountRate`. An up-front outlay therefore belongs in period 0. Excel's
 * NPV() instead discounts its first value by one period; `formulas/finance.ts` `npv` keeps that
 * convention for spreadsheet users and the analysis reports it separately (`excelNpv`).
 */
import { z } from 'zod';

export const PERIOD_UNITS = ['month', 'quarter', 'year'] as const;
export const PeriodUnit = z.enum(PERIOD_UNITS);
export type PeriodUnit = z.infer<typeof PeriodUnit>;
export const PERIODS_PER_YEAR: Record<PeriodUnit, number> = { month: 12, quarter: 4, year: 1 };

export const COST_CATEGORIES = ['technology', 'cloud', 'training', 'operations', 'marketing', 'other'] as const;
export const BENEFIT_CATEGORIES = ['revenue', 'retention', 'cost_saving', 'satisfaction', 'other'] as const;

const Amount = z.number().finite().min(0).max(1e13);
const Period = z.number().int().min(0).max(600);

/**
 * A benefit stated as a measured change rather than money: "retention +2 points in segment S".
 * Money per year = customers × points / 100 × valuePerCustomer; per period it is divided by the
 * periods in a year. `customers` and `valuePerCustomer` are the analyst's inputs, or, with
 * `source: 'measured'`, the server fills them from the segment's size and its CLV (customer 360).
 */
export const BenefitDriver = z.object({
  kind: z.literal('retention'),
  points: z.number().finite().min(-100).max(100),
  segmentId: z.string().min(1).max(64).nullable().default(null),
  customers: z.number().finite().min(0).max(1e10),
  valuePerCustomer: Amount,
  source: z.enum(['input', 'measured']).default('input'),
}).strict();
export type BenefitDriver = z.infer<typeof BenefitDriver>;

/**
 * One line of money over periods: `amount` in every period from `from` to `to` (both included),
 * growing by `growth` (a fraction, 0.05 = +5 %) each period after the first. A one-off line has
 * from = to.
 */
const LineBase = z.object({
  id: z.string().min(1).max(64),
  label: z.string().trim().min(1).max(200),
  amount: Amount,
  from: Period,
  to: Period,
  growth: z.number().finite().min(-1).max(10).default(0),
});

export const CostLine = LineBase.extend({ category: z.enum(COST_CATEGORIES) }).strict();
export type CostLine = z.infer<typeof CostLine>;
export const BenefitLine = LineBase.extend({
  category: z.enum(BENEFIT_CATEGORIES),
  /** When set, `amount` is computed from it (see BenefitDriver) and the typed amount is ignored. */
  driver: BenefitDriver.nullable().default(null),
}).strict();
export type BenefitLine = z.infer<typeof BenefitLine>;

/** A scenario moves every cost and every benefit by a percentage (−30 = 30 % less). */
export const ScenarioShift = z.object({
  costPct: z.number().finite().min(-100).max(1000),
  benefitPct: z.number().finite().min(-100).max(1000),
}).strict();
export type ScenarioShift = z.infer<typeof ScenarioShift>;

export const BusinessCaseInput = z.object({
  currency: z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as USD').default('USD'),
  periodUnit: PeriodUnit.default('year'),
  /** The horizon: periods 0…periods. */
  periods: z.number().int().min(1).max(600),
  /** The date period 0 starts (dated flows for XNPV / XIRR: period t is t units later). */
  startDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD'),
  /** Annual discount rate as a fraction (0.08 = 8 %). */
  discountRate: z.number().finite().min(-0.99).max(10),
  /** MIRR: the rate paid on money borrowed for the outlays, and earned on reinvested gains (annual; default: discountRate). */
  financeRate: z.number().finite().min(-0.99).max(10).nullable().default(null),
  reinvestRate: z.number().finite().min(-0.99).max(10).nullable().default(null),
  costs: z.array(CostLine).max(200),
  benefits: z.array(BenefitLine).max(200),
  /** Tornado: every input moved by ± this percentage. */
  sensitivityPct: z.number().finite().min(1).max(100).default(20),
  scenarios: z.object({
    pessimistic: ScenarioShift.default({ costPct: 20, benefitPct: -30 }),
    optimistic: ScenarioShift.default({ costPct: -10, benefitPct: 20 }),
  }).strict().default({ pessimistic: { costPct: 20, benefitPct: -30 }, optimistic: { costPct: -10, benefitPct: 20 } }),
}).strict().superRefine((v, ctx) => {
  const lines = [...v.costs.map((l, i) => ['costs', i, l] as const), ...v.benefits.map((l, i) => ['benefits', i, l] as const)];
  const ids = new Set<string>();
  for (const [kind, i, l] of lines) {
    if (l.from > l.to) ctx.addIssue({ code: 'custom', path: [kind, i, 'to'], message: 'must not be before from' });
    if (l.to > v.periods) ctx.addIssue({ code: 'custom', path: [kind, i, 'to'], message: `must be within the horizon (0…${v.periods})` });
    if (ids.has(l.id)) ctx.addIssue({ code: 'custom', path: [kind, i, 'id'], message: 'line ids must be unique' });
    ids.add(l.id);
  }
});
export type BusinessCaseInput = z.infer<typeof BusinessCaseInput>;
export type BusinessCaseInputIn = z.input<typeof BusinessCaseInput>;

/** IRR is reported as every root found; `value` only when there is exactly one. */
export interface IrrResult { value: number | null; roots: number[]; signChanges: number }

export interface PaybackResult {
  /** Periods (fractional, linear within the period) until the cumulative flow turns ≥ 0 and stays; null if never within the horizon. */
  simple: number | null;
  discounted: number | null;
}

export interface BusinessCaseFigures {
  npv: number;
  /** IRR, MIRR and XIRR below are annual rates, like discountRate: solved per period, then (1 + r)^periodsPerYear − 1,
   *  so NPV at a discount rate equal to the IRR is 0, and yearly periods give Excel IRR / MIRR of the flows. */
  /** Excel NPV(rate, flows 0…N): every flow discounted, the first by one period. */
  excelNpv: number;
  irr: IrrResult;
  mirr: number | null;
  xnpv: number;
  xirr: IrrResult;
  /** (total benefits − total costs) / total costs, undiscounted; null without costs. */
  roi: number | null;
  totalCost: number;
  totalBenefit: number;
  payback: PaybackResult;
}

export interface BusinessCaseAnalysis extends BusinessCaseFigures {
  currency: string;
  ratePerPeriod: number;
  /** Period t's date (YYYY-MM-DD), t = 0…periods. */
  dates: string[];
  costsByPeriod: number[];
  benefitsByPeriod: number[];
  /** benefits − costs per period. */
  flows: number[];
  cumulative: number[];
  discountedCumulative: number[];
  /** Benefit amounts per line after drivers were applied (line id → per-period amount in its first period). */
  benefitAmounts: Record<string, number>;
  /** One bar per input (each line's amount, and the discount rate), sorted by swing, largest first. */
  tornado: { key: string; label: string; low: number; high: number; swing: number }[];
  scenarios: Record<'pessimistic' | 'base' | 'optimistic', BusinessCaseFigures>;
}
