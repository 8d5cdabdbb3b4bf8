/**
 * Metric alerts: a rule watches one number (NPS, CSAT, CES, sentiment or the response count) for one
 * segment and fires when it crosses a threshold or leaves its normal range. Server and web app
 * validate with these same schemas, so the form shows the errors the API would give.
 */
import { z } from 'zod';
import { Channel } from './response.js';

export const ALERT_METRICS = ['nps', 'csat', 'ces', 'sentiment', 'responses'] as const;
export const AlertMetric = z.enum(ALERT_METRICS);
export type AlertMetric = z.infer<typeof AlertMetric>;

export const ALERT_KINDS = ['threshold', 'anomaly'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

/** Values each metric can take: a threshold outside its range could never be crossed. */
export const ALERT_METRIC_RANGE: Record<AlertMetric, { min: number; max: number }> = {
  nps: { min: -100, max: 100 },
  csat: { min: 0, max: 100 },
  ces: { min: 1, max: 7 },
  sentiment: { min: -1, max: 1 },
  responses: { min: 0, max: 1_000_000_000 },
};

/** The segment a rule watches; every field narrows it. */
export const AlertFilters = z.object({
  surveyId: z.string().min(1).max(64).optional(),
  channel: Channel.optional(),
  meta: z.object({
    key: z.string().regex(/^[A-Za-z0-9_.:-]{1,64}$/, 'letters, digits, _ . : - (1–64)'),
    value: z.string().min(1).max(500),
  }).strict().optional(),
}).strict();
export type AlertFilters = z.infer<typeof AlertFilters>;

/**
 * Threshold: the metric over a rolling window of the last `windowDays` local days (today
 * included, so 1 = today so far) is below/above `value`. A rolling window holds about the same
 * amount of data at any hour; a calendar week would restart nearly empty every Monday. A response
 * count *below* a threshold is judged on whole days instead (1 = yesterday): today's count so far
 * is always low.
 */
export const ThresholdConfig = z.object({
  operator: z.enum(['below', 'above']),
  value: z.number().finite(),
  windowDays: z.number().int().min(1).max(90).default(7),
}).strict();
export type ThresholdConfig = z.infer<typeof ThresholdConfig>;

/**
 * Anomaly: the current day/week so far lies outside mean ± sigmas·sd of the previous `periods`.
 * A response count fires on a rise so far, and on a drop once the day/week is over.
 */
export const AnomalyConfig = z.object({
  interval: z.enum(['day', 'week']).default('day'),
  periods: z.number().int().min(3).max(52).default(8),
  sigmas: z.number().min(0.5).max(10).default(2),
}).strict();
export type AnomalyConfig = z.infer<typeof AnomalyConfig>;

const Name = z.string().trim().min(1).max(120);
const MinResponses = z.number().int().min(1).max(100_000);
const Cooldown = z.number().int().min(1).max(43_200);
const Emails = z.array(z.string().trim().toLowerCase().email().max(320)).max(20)
  .refine((list) => new Set(list).size === list.length, 'each address once');
const WebhookUrl = z.string().trim().max(2000).url().refine((u) => /^https?:\/\//i.test(u), 'an http:// or https:// address');
/** Shared with the receiver, who checks each request's signature with it. Never shown again. */
const WebhookSecret = z.string().min(16, 'at least 16 characters').max(200);

const ruleFields = {
  name: Name,
  metric: AlertMetric,
  filters: AlertFilters.default({}),
  /** Answers the metric needs in its window (or in a period) before it is judged. */
  minResponses: MinResponses.default(20),
  cooldownMinutes: Cooldown.default(60),
  emailTo: Emails.default([]),
  webhookUrl: WebhookUrl.nullable().default(null),
  webhookSecret: WebhookSecret.optional(),
  enabled: z.boolean().default(true),
};

export const AlertRuleInput = z.discriminatedUnion('kind', [
  z.object({ ...ruleFields, kind: z.literal('threshold'), config: ThresholdConfig }).strict(),
  z.object({ ...ruleFields, kind: z.literal('anomaly'), config: AnomalyConfig }).strict(),
]).superRefine((rule, ctx) => {
  if (rule.kind !== 'threshold') return;
  const { min, max } = ALERT_METRIC_RANGE[rule.metric];
  if (rule.config.value < min || rule.config.value > max) ctx.addIssue({ code: 'custom', path: ['config', 'value'], message: `${rule.metric} lies between ${min} and ${max}` });
});
export type AlertRuleInput = z.infer<typeof AlertRuleInput>;

/** A change to a rule: any fields; the merged rule is validated again as a whole. */
export const AlertRulePatch = z.object({
  name: Name, metric: AlertMetric, filters: AlertFilters, minResponses: MinResponses, cooldownMinutes: Cooldown,
  emailTo: Emails, webhookUrl: WebhookUrl.nullable(), webhookSecret: WebhookSecret, enabled: z.boolean(),
  kind: z.enum(ALERT_KINDS), config: z.record(z.string(), z.unknown()),
}).partial().strict();
export type AlertRulePatch = z.infer<typeof AlertRulePatch>;

/** What a rule last measured: shown next to the rule so people see how close it is. */
export interface AlertMeasurement {
  value: number | null;
  n: number;
  from: string; to: string;
  interval: 'total' | 'day' | 'week';
  /** Whole past periods only: how rules on a low response count are judged (a running period is always low so far). */
  complete?: boolean;
}

export type AlertExpected =
  | { kind: 'threshold'; operator: 'below' | 'above'; value: number }
  | { kind: 'anomaly'; mean: number; sd: number; low: number; high: number; sigmas: number; baseline: { period: string; value: number; n: number }[] };

/** A stored rule; the webhook secret never leaves the server. (Omit per kind keeps the union.) */
export type AlertRule = (AlertRuleInput extends infer R ? (R extends unknown ? Omit<R, 'webhookSecret'> : never) : never) & {
  id: string;
  webhookSecretSet: boolean;
  lastFiredAt: string | null;
  lastEvaluatedAt: string | null;
  lastResult: AlertMeasurement | null;
  createdAt: string; updatedAt: string;
};

export const DELIVERY_STATUSES = ['none', 'pending', 'retrying', 'delivered', 'failed', 'skipped'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export interface AlertEvent {
  id: string;
  ruleId: string;
  /** The rule as it was when it fired (it may have been renamed or deleted since). */
  rule: { name: string; metric: AlertMetric; kind: AlertKind; filters: AlertFilters };
  test: boolean;
  firedAt: string;
  value: number | null;
  n: number;
  window: { from: string; to: string; interval: 'total' | 'day' | 'week'; complete?: boolean };
  expected: AlertExpected | null;
  email: { status: DeliveryStatus; attempts: number };
  webhook: { status: DeliveryStatus; attempts: number };
  lastError: string | null;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
}

export const AlertListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  /** The last id of the previous page (ids sort by time). */
  before: z.string().min(1).max(64).optional(),
  ruleId: z.string().min(1).max(64).optional(),
  state: z.enum(['open', 'acknowledged', 'all']).default('all'),
}).strict();
export type AlertListQuery = z.infer<typeof AlertListQuery>;
