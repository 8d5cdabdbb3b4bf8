/**
 * Numbers the planning records read live: a gap analysis's current state, a SMART goal's progress,
 * an initiative's actual change after launch. One list, so the three agree on names, units and
 * ranges. Survey metrics come from the metric cube (or rows), customer metrics from the customer
 * KPIs, loop metrics from the closed-loop cases.
 */
import { z } from 'zod';

export const LIVE_METRICS = [
  'nps', 'csat', 'ces', 'sentiment', 'cx_index', 'responses',
  'retention', 'churn', 'repeat_rate', 'clv', 'revenue', 'active_customers',
  'case_closure', 'sla_attainment', 'recovery', 'first_response_minutes',
] as const;
export const LiveMetric = z.enum(LIVE_METRICS);
export type LiveMetric = z.infer<typeof LiveMetric>;

export type LiveMetricUnit = 'score' | 'percent' | 'money' | 'count' | 'minutes';

/** Unit, the direction that is good, and where the value comes from. */
export const LIVE_METRIC_INFO: Record<LiveMetric, { unit: LiveMetricUnit; higherIsBetter: boolean; source: 'surveys' | 'customers' | 'cases' }> = {
  nps: { unit: 'score', higherIsBetter: true, source: 'surveys' },
  csat: { unit: 'percent', higherIsBetter: true, source: 'surveys' },
  ces: { unit: 'score', higherIsBetter: true, source: 'surveys' },
  sentiment: { unit: 'score', higherIsBetter: true, source: 'surveys' },
  cx_index: { unit: 'score', higherIsBetter: true, source: 'surveys' },
  responses: { unit: 'count', higherIsBetter: true, source: 'surveys' },
  retention: { unit: 'percent', higherIsBetter: true, source: 'customers' },
  churn: { unit: 'percent', higherIsBetter: false, source: 'customers' },
  repeat_rate: { unit: 'percent', higherIsBetter: true, source: 'customers' },
  clv: { unit: 'money', higherIsBetter: true, source: 'customers' },
  revenue: { unit: 'money', higherIsBetter: true, source: 'customers' },
  active_customers: { unit: 'count', higherIsBetter: true, source: 'customers' },
  case_closure: { unit: 'percent', higherIsBetter: true, source: 'cases' },
  sla_attainment: { unit: 'percent', higherIsBetter: true, source: 'cases' },
  recovery: { unit: 'percent', higherIsBetter: true, source: 'cases' },
  first_response_minutes: { unit: 'minutes', higherIsBetter: false, source: 'cases' },
};

export interface LiveMetricValue {
  metric: LiveMetric;
  /** null: nothing measured in the range. Percentages are 0–100, money in `currency`. */
  value: number | null;
  /** What the value stands on (answers, people, cases). */
  n: number;
  unit: LiveMetricUnit;
  from: string; to: string;
  currency?: string | null;
}
