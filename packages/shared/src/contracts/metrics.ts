import { z } from 'zod';

/**
 * The numbers a dashboard can show. cx_index is the workspace's weighted composite; sentiment is
 * the mean sentiment score (−1…1) of the analysed open-text answers in the filter.
 */
export const METRICS = ['nps', 'csat', 'ces', 'sentiment', 'cx_index', 'responses'] as const;
export const MetricName = z.enum(METRICS);
export type MetricName = z.infer<typeof MetricName>;

export const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD')
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), 'not a calendar date');
export const MetaKeyName = z.string().regex(/^[A-Za-z0-9_.:-]{1,64}$/, 'letters, digits, _ . : - (1–64)');
/** `trait:<key>`: a customer trait of the person who answered (Customer 360), e.g. trait:plan. */
export const BreakdownName = z.string().regex(/^(channel|survey|touchpoint|language|meta:[A-Za-z0-9_.:-]{1,64}|trait:[A-Za-z][A-Za-z0-9_.]{0,63})$/, 'channel, survey, touchpoint, language, meta:<key> or trait:<key>');

/** Customer KPI tiles (GET …/customers/kpis): cohort retention, churn trend, CLV, repeat-purchase rate, revenue by segment. */
export const CUSTOMER_TILE_TYPES = ['cohort_retention', 'churn_trend', 'clv', 'repeat_rate', 'segment_revenue'] as const;
/** Closed-loop tiles (GET …/cases/metrics): the loop's five numbers, the root-cause Pareto, the rates by team, agent or theme. */
export const LOOP_TILE_TYPES = ['loop_kpis', 'loop_pareto', 'loop_breakdown'] as const;
/** What a loop breakdown tile compares (the `by` of GET …/cases/metrics). */
export const LOOP_TILE_GROUPS = ['team', 'agent', 'theme'] as const;
export const TILE_TYPES = ['value', 'trend', 'breakdown', 'distribution', 'volume', 'open_text', 'drivers', ...CUSTOMER_TILE_TYPES, ...LOOP_TILE_TYPES] as const;
/** One tile of a dashboard. The dashboard's filters apply to every tile. */
export const Tile = z.object({
  id: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/),
  type: z.enum(TILE_TYPES),
  metric: MetricName.default('nps'),
  /** trend/volume: the period; breakdown: ignored. */
  interval: z.enum(['day', 'week', 'month']).default('week'),
  /** breakdown tiles: the segment to split by. */
  by: BreakdownName.optional(),
  /** customer tiles: active means any event or an order (cohorts, churn); the revenue currency (default: the largest). */
  basis: z.enum(['activity', 'order']).optional(),
  currency: z.string().regex(/^[A-Z]{3}$/).optional(),
  /** loop_breakdown tiles: compare teams, agents or themes (default: team). */
  loopBy: z.enum(LOOP_TILE_GROUPS).optional(),
  title: z.string().trim().max(120).optional(),
  size: z.enum(['s', 'm', 'l']).default('m'),
}).strict();
export type Tile = z.infer<typeof Tile>;

export const DashboardInput = z.object({
  name: z.string().trim().min(1).max(120),
  tiles: z.array(Tile).max(24).refine((t) => new Set(t.map((x) => x.id)).size === t.length, 'tile ids must be unique')
    .superRefine((tiles, ctx) => tiles.forEach((x, i) => {
      // Driver analysis is defined on the three scores (formulas/drivers.ts).
      if (x.type === 'drivers' && !['nps', 'csat', 'ces'].includes(x.metric)) ctx.addIssue({ code: 'custom', path: [i, 'metric'], message: 'a drivers tile shows nps, csat or ces' });
    })),
}).strict();
export type DashboardInput = z.infer<typeof DashboardInput>;
export interface Dashboard extends DashboardInput { id: string; createdAt: string; updatedAt: string }

/** A sentiment value is a mean score on −1…1 (the other metrics use up to ±100). */
const sentimentInRange = (x: { metric: string; value: number }, ctx: z.RefinementCtx) => {
  if (x.metric === 'sentiment' && Math.abs(x.value) > 1) ctx.addIssue({ code: 'custom', path: ['value'], message: 'a sentiment score is between -1 and 1' });
};

/** "NPS ≥ 50 by 2027-06-30", for the whole workspace or one survey. */
export const TargetInput = z.object({
  metric: z.enum(['nps', 'csat', 'ces', 'sentiment', 'cx_index']),
  operator: z.enum(['>=', '<=']),
  value: z.number().min(-100).max(100),
  due: Day,
  surveyId: z.string().min(1).max(64).nullable().default(null),
}).strict().superRefine(sentimentInRange);
export type TargetInput = z.infer<typeof TargetInput>;
export interface Target extends TargetInput { id: string; createdAt: string }

/** A reference value someone found (industry report, competitor study), with where and when. */
export const BenchmarkInput = z.object({
  metric: z.enum(['nps', 'csat', 'ces', 'sentiment', 'cx_index']),
  kind: z.enum(['industry', 'competitor']),
  label: z.string().trim().min(1).max(120),
  value: z.number().min(-100).max(100),
  source: z.string().trim().min(1).max(500),
  asOf: Day,
}).strict().superRefine(sentimentInRange);
export type BenchmarkInput = z.infer<typeof BenchmarkInput>;
export interface Benchmark extends BenchmarkInput { id: string; createdAt: string }

/** Composite CX index weights over normalised components (0–100 each). */
export const CX_COMPONENTS = ['nps', 'csat', 'ces', 'sentiment'] as const;
/** sentiment may be left out (0): versions saved before it joined the index read that way. */
export const CxIndexWeights = z.object({
  nps: z.number().min(0).max(100),
  csat: z.number().min(0).max(100),
  ces: z.number().min(0).max(100),
  sentiment: z.number().min(0).max(100).default(0),
}).strict().refine((w) => w.nps + w.csat + w.ces + w.sentiment > 0, 'at least one weight must be above 0');
export type CxIndexWeights = z.infer<typeof CxIndexWeights>;
export interface CxIndexVersion { version: number; weights: CxIndexWeights; createdAt: string; createdBy: string }

/** A recount running after a settings change: responses counted so far, and how many there were when it started. */
export const RecountProgress = z.object({
  done: z.number().int().min(0),
  total: z.number().int().min(0),
  startedAt: z.string(),
});
export type RecountProgress = z.infer<typeof RecountProgress>;

/** GET/PUT …/metrics/settings: the time zone and analysed keys, and the recount while one runs. */
export const MetricSettingsView = z.object({
  timeZone: z.string(),
  dimensions: z.array(z.string()),
  /** null: never saved (the defaults). */
  updatedAt: z.string().nullable(),
  /** Set while the metrics are being recounted: numbers are then computed from the responses (exact, slower). */
  recount: RecountProgress.nullable(),
});
export type MetricSettingsView = z.infer<typeof MetricSettingsView>;
