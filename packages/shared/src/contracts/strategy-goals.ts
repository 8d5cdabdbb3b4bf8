/** SMART goals: a metric read live (or check-ins), a baseline, a target and a deadline; progress and status by projection. */
import { z } from 'zod';
import { LiveMetric, type LiveMetricUnit } from './live-metrics.js';
import { StrategyAmount, StrategyRef, StrategyDay, StrategyText } from './strategy.js';

// ───────────────────────────── SMART goals ─────────────────────────────

export const GOAL_STATUSES = ['not_started', 'no_data', 'on_track', 'at_risk', 'off_track', 'achieved', 'missed'] as const;
export type GoalStatus = (typeof GOAL_STATUSES)[number];

/** The course's SMART goal examples; `change` is relative to the baseline (+10 = +10 %). */
export const GOAL_TEMPLATES = [
  { key: 'csat_up_10', metric: 'csat', change: 10, unit: 'percent', higherIsBetter: true },
  { key: 'retention_up_20', metric: 'retention', change: 20, unit: 'percent', higherIsBetter: true },
  { key: 'new_customers_up_15', metric: 'active_customers', change: 15, unit: 'count', higherIsBetter: true },
  { key: 'cost_down_10', metric: null, change: -10, unit: 'money', higherIsBetter: false },
  { key: 'decision_accuracy_up_20', metric: null, change: 20, unit: 'percent', higherIsBetter: true },
] as const satisfies readonly { key: string; metric: LiveMetric | null; change: number; unit: LiveMetricUnit; higherIsBetter: boolean }[];
export type GoalTemplateKey = (typeof GOAL_TEMPLATES)[number]['key'];
export const GoalTemplateKey = z.enum(GOAL_TEMPLATES.map((t) => t.key) as [GoalTemplateKey, ...GoalTemplateKey[]]);

const GoalFields = {
  title: z.string().trim().min(1).max(200),
  /** null: a manual goal, its values entered as check-ins (e.g. cost, decision accuracy). */
  metric: LiveMetric.nullable().default(null),
  segmentId: StrategyRef.nullable().default(null),
  /** Manual goals: the unit shown ("TWD", "%"); live goals take the metric's. */
  unit: StrategyText(40).default(''),
  /** Manual goals: is more better? Live goals take the metric's direction. */
  higherIsBetter: z.boolean().default(true),
  /** Omitted on a live goal: read over the 30 days before the start date. */
  baselineValue: StrategyAmount.nullable().optional(),
  baselineDate: StrategyDay.optional(),
  startDate: StrategyDay,
  deadline: StrategyDay,
  ownerId: StrategyRef.nullable().default(null),
  /** The SMART notes: Specific, Measurable, Achievable, Relevant, Time-bound. */
  specific: StrategyText(2000).default(''),
  measurable: StrategyText(2000).default(''),
  achievable: StrategyText(2000).default(''),
  relevant: StrategyText(2000).default(''),
  timeBound: StrategyText(2000).default(''),
  template: GoalTemplateKey.nullable().default(null),
};

export const GoalCheckInInput = z.object({
  date: StrategyDay,
  value: StrategyAmount,
  note: StrategyText(500).default(''),
}).strict();
export type GoalCheckInInput = z.input<typeof GoalCheckInInput>;

export const GoalInput = z.object({
  ...GoalFields,
  /** The target; or give `targetChangePercent` (relative to the baseline) instead. */
  target: StrategyAmount.optional(),
  targetChangePercent: z.number().finite().min(-100).max(10_000).optional(),
  /** Manual goals: values already known. */
  checkIns: z.array(GoalCheckInInput).max(200).default([]),
}).strict().superRefine((g, ctx) => {
  if (g.metric !== null && g.checkIns.length) ctx.addIssue({ code: 'custom', path: ['checkIns'], message: 'a live goal reads its values; check-ins are for manual goals' });
  if (g.target === undefined && g.targetChangePercent === undefined) ctx.addIssue({ code: 'custom', path: ['target'], message: 'a target, or a change in percent of the baseline' });
  if (g.target !== undefined && g.targetChangePercent !== undefined) ctx.addIssue({ code: 'custom', path: ['targetChangePercent'], message: 'give a target or a change, not both' });
  if (g.deadline <= g.startDate) ctx.addIssue({ code: 'custom', path: ['deadline'], message: 'the deadline comes after the start date' });
  if (g.metric === null && (g.baselineValue === undefined || g.baselineValue === null)) ctx.addIssue({ code: 'custom', path: ['baselineValue'], message: 'a manual goal needs a baseline value' });
});
export type GoalInput = z.input<typeof GoalInput>;

export const GoalPatch = z.object({
  title: GoalFields.title.optional(),
  segmentId: StrategyRef.nullable().optional(),
  unit: StrategyText(40).optional(),
  higherIsBetter: z.boolean().optional(),
  baselineValue: StrategyAmount.nullable().optional(),
  baselineDate: StrategyDay.optional(),
  target: StrategyAmount.optional(),
  startDate: StrategyDay.optional(),
  deadline: StrategyDay.optional(),
  ownerId: StrategyRef.nullable().optional(),
  specific: StrategyText(2000).optional(),
  measurable: StrategyText(2000).optional(),
  achievable: StrategyText(2000).optional(),
  relevant: StrategyText(2000).optional(),
  timeBound: StrategyText(2000).optional(),
  version: z.number().int().min(1).optional(),
}).strict();
export type GoalPatch = z.input<typeof GoalPatch>;


export const GoalBaselineQuery = z.object({
  metric: LiveMetric,
  startDate: StrategyDay,
  segmentId: StrategyRef.optional(),
}).strict();

export interface GoalCheckIn { id: string; date: string; value: number; note: string }
export interface GoalPoint { from: string; to: string; value: number | null; n: number }

export interface GoalProgress {
  /** Live goals: the last 30 days up to today (or the deadline); manual: the latest check-in. */
  current: { value: number | null; n: number; from: string | null; to: string | null; source: 'live' | 'manual' };
  /** (current − baseline) ÷ (target − baseline) × 100; null without both. */
  percent: number | null;
  /** The same clamped to 0–100, for a bar. */
  percentDisplay: number;
  status: GoalStatus;
  /** Periods since the start (at most 12) or the check-ins. */
  series: GoalPoint[];
  /** The straight line fitted through the series (with the baseline), at the start and the deadline. */
  projection: { atDeadline: number; line: { date: string; value: number }[] } | null;
  /** How far the projection gets: (projection − baseline) ÷ (target − baseline). */
  projectedShare: number | null;
}

export interface Goal {
  id: string;
  title: string;
  metric: LiveMetric | null;
  segmentId: string | null;
  unit: string;
  higherIsBetter: boolean;
  baseline: { value: number | null; date: string };
  target: number;
  startDate: string;
  deadline: string;
  ownerId: string | null;
  specific: string; measurable: string; achievable: string; relevant: string; timeBound: string;
  template: GoalTemplateKey | null;
  checkIns: GoalCheckIn[];
  progress: GoalProgress;
  version: number;
  createdAt: string;
  updatedAt: string;
}
