/**
 * Strategy records: the CX evaluation framework (gap analysis, the course's "Template 4") here; SMART
 * goals with progress read live in `strategy-goals.ts`, the target-market worksheet (the course's
 * "Template 3") in `strategy-worksheets.ts`. Server and web
 * validate with these same schemas, so a form shows the API's field paths.
 */
import { z } from 'zod';
import { LiveMetric } from './live-metrics.js';

/** A calendar date, YYYY-MM-DD (a real one: 2026-02-30 is refused). */
export const StrategyDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD').refine((s) => {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}, 'not a calendar date');

/** Shared by the strategy contracts (gap analyses here, goals and worksheets beside). */
export const StrategyText = (max: number) => z.string().max(max);
export const StrategyRowId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'letters, digits, _ and - (1–64)');
export const StrategyAmount = z.number().finite().min(-1e12).max(1e12);
export const StrategyRef = z.string().min(1).max(64);

// ───────────────────────────── Gap analysis ─────────────────────────────

export const GAP_CRITERIA = ['customer_feedback', 'performance_metrics', 'app_features', 'support_availability', 'strategic_adjustments', 'custom'] as const;
export const GapCriterion = z.enum(GAP_CRITERIA);
export type GapCriterion = z.infer<typeof GapCriterion>;

export const GAP_PRIORITIES = ['high', 'medium', 'low'] as const;
export const StrategyPriority = z.enum(GAP_PRIORITIES);
export type StrategyPriority = z.infer<typeof StrategyPriority>;

/** A typed number with its unit as shown ("NPS", "%", "h a day"). */
export const GapNumber = z.object({ kind: z.literal('number'), value: StrategyAmount, unit: StrategyText(40).default('') }).strict();
/** A typed description ("basic search, no personalisation"). */
export const GapText = z.object({ kind: z.literal('text'), text: z.string().trim().min(1).max(2000) }).strict();
/**
 * Current state read live from one of our metrics when the analysis is read; `fallback` is the typed
 * number shown (and marked as such) while the metric has nothing measured in the period.
 */
export const GapLive = z.object({
  kind: z.literal('live'),
  metric: LiveMetric,
  segmentId: StrategyRef.nullable().default(null),
  fallback: StrategyAmount.nullable().default(null),
}).strict();

export const GapCurrent = z.discriminatedUnion('kind', [GapLive, GapNumber, GapText]);
export type GapCurrent = z.infer<typeof GapCurrent>;
export const GapBenchmark = z.discriminatedUnion('kind', [GapNumber, GapText]);
export type GapBenchmark = z.infer<typeof GapBenchmark>;

export const GapRowInput = z.object({
  /** Kept across edits; the server gives new rows one. */
  id: StrategyRowId.optional(),
  criterion: GapCriterion,
  customLabel: StrategyText(200).nullable().default(null),
  current: GapCurrent,
  benchmark: GapBenchmark.nullable().default(null),
  competitor: StrategyText(200).nullable().default(null),
  source: StrategyText(500).nullable().default(null),
  /** For typed numbers: is more better? (Live rows take it from the metric.) */
  higherIsBetter: z.boolean().default(true),
  improvement: StrategyText(2000).default(''),
  benefit: StrategyText(2000).default(''),
  /** Expected return as a number, e.g. a percentage ROI, when one is known. */
  roi: StrategyAmount.nullable().default(null),
  priority: StrategyPriority.default('medium'),
  owner: StrategyText(200).nullable().default(null),
  /** An initiative's id (free text: the record may live elsewhere). */
  initiativeId: StrategyText(64).nullable().default(null),
}).strict().superRefine((r, ctx) => {
  if (r.criterion === 'custom' && !r.customLabel?.trim()) ctx.addIssue({ code: 'custom', path: ['customLabel'], message: 'a custom criterion needs a label' });
});
export type GapRowInput = z.input<typeof GapRowInput>;
export type GapRowStored = z.output<typeof GapRowInput> & { id: string };

/** The period live values are read over: the last N local days, or fixed dates. */
export const GapPeriod = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('last_days'), days: z.number().int().min(1).max(730) }).strict(),
  z.object({ kind: z.literal('range'), from: StrategyDay, to: StrategyDay }).strict(),
]).refine((p) => p.kind !== 'range' || p.from <= p.to, { message: 'ends before it starts', path: ['to'] });
export type GapPeriod = z.infer<typeof GapPeriod>;

export const MAX_GAP_ROWS = 50;

export const GapAnalysisInput = z.object({
  name: z.string().trim().min(1).max(200),
  period: GapPeriod.default({ kind: 'last_days', days: 90 }),
  rows: z.array(GapRowInput).max(MAX_GAP_ROWS).default([]),
}).strict();
export type GapAnalysisInput = z.input<typeof GapAnalysisInput>;

export const GapAnalysisPatch = z.object({
  name: z.string().trim().min(1).max(200).optional(),
  period: GapPeriod.optional(),
  /** The whole list, in display order. */
  rows: z.array(GapRowInput).max(MAX_GAP_ROWS).optional(),
  /** The version the editor loaded: a stale one answers 409. */
  version: z.number().int().min(1).optional(),
}).strict();
export type GapAnalysisPatch = z.input<typeof GapAnalysisPatch>;

/** The current state as shown: live value, the typed fallback, or what was typed. */
export interface GapResolved {
  source: 'live' | 'fallback' | 'typed';
  value: number | null;
  text: string | null;
  unit: string;
  /** Live rows: what the value stands on, and its range. */
  n?: number;
  from?: string;
  to?: string;
}

/**
 * Where both sides are numbers. `difference` = benchmark − current. `shortfall` is how far we are
 * behind, in the metric's good direction: positive = behind, negative = ahead (for lower-is-better
 * numbers it is current − benchmark). `percentOfBenchmark` = shortfall ÷ |benchmark| × 100.
 */
export interface GapComputed {
  difference: number;
  shortfall: number;
  percentOfBenchmark: number | null;
  standing: 'behind' | 'ahead' | 'level';
  higherIsBetter: boolean;
}

export type GapRow = GapRowStored & { resolved: GapResolved; gap: GapComputed | null };

export interface GapAnalysis {
  id: string;
  name: string;
  period: GapPeriod;
  /** The local days the period stood for when read. */
  range: { from: string; to: string };
  rows: GapRow[];
  version: number;
  createdAt: string;
  updatedAt: string;
}
export interface GapAnalysisSummary { id: string; name: string; rowCount: number; version: number; updatedAt: string }
