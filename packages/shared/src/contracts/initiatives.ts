/**
 * The innovation portfolio (the course's "Template 2"): initiatives with a priority, a why, a budget
 * range, an expected ROI, a status and value / cost scores for the 2×2 chart; each may carry a
 * cost-benefit business case (contracts/business-case.ts) and, once launched, its expected change of
 * a live metric beside the change actually measured.
 */
import { z } from 'zod';
import { BusinessCaseInput, type BusinessCaseAnalysis, type PeriodUnit } from './business-case.js';
import { LiveMetric, type LiveMetricUnit } from './live-metrics.js';

export const INITIATIVE_AREAS = ['ai_ml', 'data_driven_marketing', 'blockchain', 'ar_vr', 'omnichannel', 'sustainability', 'other'] as const;
export const InitiativeArea = z.enum(INITIATIVE_AREAS);
export type InitiativeArea = z.infer<typeof InitiativeArea>;
export const INITIATIVE_PRIORITIES = ['must_have', 'good_to_have'] as const;
export const InitiativePriority = z.enum(INITIATIVE_PRIORITIES);
export type InitiativePriority = z.infer<typeof InitiativePriority>;
export const INITIATIVE_STATUSES = ['idea', 'planned', 'in_progress', 'launched', 'dropped'] as const;
export const InitiativeStatus = z.enum(INITIATIVE_STATUSES);
export type InitiativeStatus = z.infer<typeof InitiativeStatus>;

export const InitiativeDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD')
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), 'not a calendar date');

const Money = z.number().finite().min(0).max(1e13);

export const InitiativeBudget = z.object({
  min: Money,
  max: Money,
  currency: z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as USD'),
}).strict().refine((b) => b.min <= b.max, { path: ['max'], message: 'must not be below min' });
export type InitiativeBudget = z.infer<typeof InitiativeBudget>;

/** "CSAT +10 points in segment S by 2027-06-30": `change` is in the metric's unit (LIVE_METRIC_INFO). */
export const ExpectedChange = z.object({
  metric: LiveMetric,
  segmentId: z.string().min(1).max(64).nullable().default(null),
  change: z.number().finite().min(-1e12).max(1e12),
  by: InitiativeDay.nullable().default(null),
}).strict();
export type ExpectedChange = z.infer<typeof ExpectedChange>;

/** The fields without defaults: a patch names only what it changes. */
const fields = {
  name: z.string().trim().min(1).max(200),
  area: InitiativeArea,
  priority: InitiativePriority,
  why: z.string().max(4000),
  budget: InitiativeBudget.nullable(),
  /** What the proposer expects, as a fraction (2.5 = 250 %); a business case's computed ROI is shown beside it. */
  expectedRoi: z.number().finite().min(-1).max(100_000).nullable(),
  status: InitiativeStatus,
  valueScore: z.number().int().min(1).max(10),
  costScore: z.number().int().min(1).max(10),
  /** A member of the workspace (user id). */
  ownerId: z.string().min(1).max(64).nullable(),
  launchDate: InitiativeDay.nullable(),
  expectedChange: ExpectedChange.nullable(),
};

export const InitiativeInput = z.object({
  name: fields.name,
  area: fields.area.default('other'),
  priority: fields.priority.default('good_to_have'),
  why: fields.why.default(''),
  budget: fields.budget.default(null),
  expectedRoi: fields.expectedRoi.default(null),
  status: fields.status.default('idea'),
  valueScore: fields.valueScore.default(5),
  costScore: fields.costScore.default(5),
  ownerId: fields.ownerId.default(null),
  launchDate: fields.launchDate.default(null),
  expectedChange: fields.expectedChange.default(null),
}).strict();
export type InitiativeInput = z.infer<typeof InitiativeInput>;
export type InitiativeInputIn = z.input<typeof InitiativeInput>;

/** `version`: the version the editor loaded; a stale one answers 409. Omitted: last write wins. */
export const InitiativePatch = z.object(fields).partial().extend({ version: z.number().int().min(0).optional() }).strict();
export type InitiativePatch = z.infer<typeof InitiativePatch>;

export const InitiativeListQuery = z.object({
  status: InitiativeStatus.optional(),
  priority: InitiativePriority.optional(),
  area: InitiativeArea.optional(),
}).strict();
export type InitiativeListQuery = z.infer<typeof InitiativeListQuery>;

/** PUT …/business-case?version=N: the initiative's version the editor loaded (409 when stale); omitted: last write wins. */
export const BusinessCaseQuery = z.object({ version: z.coerce.number().int().min(0).optional() }).strict();
export const BusinessCaseBody = BusinessCaseInput;

/** What the server measured for a benefit driver with `source: 'measured'`, and when. */
export interface DriverMeasurement {
  lineId: string;
  segmentId: string | null;
  customers: number;
  valuePerCustomer: number;
  currency: string;
  /** The CLV's window (local days) and where it came from. */
  from: string; to: string;
  clvMethod: 'predictive' | 'historical';
  measuredAt: string;
}

/** NPV / ROI / payback of an initiative's case, for the list. */
export interface BusinessCaseSummary {
  currency: string;
  periodUnit: PeriodUnit;
  npv: number;
  roi: number | null;
  irr: number | null;
  paybackSimple: number | null;
  paybackDiscounted: number | null;
  totalCost: number;
}

export interface MetricReading { from: string; to: string; value: number | null; n: number }

/** After launch: the metric over [launch, today] against the equally long period before launch. */
export interface ActualChange {
  metric: LiveMetric;
  unit: LiveMetricUnit;
  segmentId: string | null;
  expected: number;
  /** after − baseline; null when either side measured nothing. */
  actual: number | null;
  after: MetricReading;
  baseline: MetricReading;
  currency?: string | null;
}

export interface InitiativeSummary extends InitiativeInput {
  id: string;
  version: number;
  createdAt: string;
  updatedAt: string;
  hasBusinessCase: boolean;
  summary: BusinessCaseSummary | null;
}

export interface Initiative extends InitiativeSummary {
  businessCase: BusinessCaseInput | null;
  businessCaseUpdatedAt: string | null;
  measurements: DriverMeasurement[];
  analysis: BusinessCaseAnalysis | null;
  /** Only for a launched initiative with a launch date and an expected change. */
  actual: ActualChange | null;
}
