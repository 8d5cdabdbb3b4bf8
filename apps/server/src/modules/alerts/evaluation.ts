/**
 * The decisions behind an alert, as pure functions (no I/O): which number a rule reads, the days
 * it reads them over, whether a threshold is crossed, what "normal" is for an anomaly rule, the
 * cool-down and the delivery back-off. Property tests sit next to this file.
 */
import type { AlertFilters, AlertMetric, AlertRule, AnomalyConfig, ThresholdConfig } from '@touchpoint/shared';

/** The parts of a metrics summary a rule reads (as queryMetrics returns them). */
export interface Summary {
  responses: number;
  nps: { n: number; nps: number | null };
  csat: { n: number; csat: number | null };
  ces: { n: number; mean: number | null };
  sentiment: { n: number; mean: number | null };
}

/** The rule's number and how many answers it rests on. For the response count, n is the count. */
export function metricValue(metric: AlertMetric, s: Summary): { value: number | null; n: number } {
  if (metric === 'nps') return { value: s.nps.nps, n: s.nps.n };
  if (metric === 'csat') return { value: s.csat.csat, n: s.csat.n };
  if (metric === 'ces') return { value: s.ces.mean, n: s.ces.n };
  if (metric === 'sentiment') return { value: s.sentiment.mean, n: s.sentiment.n };
  return { value: s.responses, n: s.responses };
}

/** Enough answers to judge? The response count is its own evidence: no minimum applies. */
export function enoughAnswers(metric: AlertMetric, n: number, minResponses: number): boolean {
  return metric === 'responses' || n >= minResponses;
}

/** Strictly below / above: sitting exactly on the line is not an alert. */
export function thresholdCrossed(operator: ThresholdConfig['operator'], value: number, threshold: number): boolean {
  return operator === 'below' ? value < threshold : value > threshold;
}

/** 'YYYY-MM-DD' plus n days. */
export function addDays(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

/** Monday of the ISO week of `day` (the metrics module labels weeks the same way). */
export function mondayOf(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return addDays(day, -((new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7));
}

/**
 * The rolling window of a threshold rule: the last `windowDays` local days, today included; or,
 * for a rule on a low response count (`closed`), the last `windowDays` whole days before today.
 */
export function thresholdWindow(today: string, windowDays: number, closed = false): { from: string; to: string } {
  const to = closed ? addDays(today, -1) : today;
  return { from: addDays(to, -(windowDays - 1)), to };
}

/**
 * Rules that fire on a low response count: a response-count threshold "below", and a response-count
 * anomaly (a drop). A period still running always has a low count so far, so these judge whole
 * periods only; and since the drop they look for is responses *not* arriving, nothing but a clock
 * would ever evaluate them. The alerts worker's timer evaluates exactly these.
 */
export function judgesLowCount(rule: Pick<AlertRule, 'metric' | 'kind' | 'config'>): boolean {
  if (rule.metric !== 'responses') return false;
  return rule.kind === 'anomaly' || (rule.config as ThresholdConfig).operator === 'below';
}

/**
 * Has an alert on a window of whole days already gone out? Such a window stays the same from the
 * moment it closes until the next period closes, so one alert per window is enough: without this a
 * quiet day would re-fire after every cool-down all the next day. `lastFiredDay` is the local day
 * of the rule's last firing.
 */
export function closedWindowReported(lastFiredDay: string | null, windowTo: string): boolean {
  return lastFiredDay !== null && lastFiredDay > windowTo;
}

/**
 * The periods an anomaly rule reads: the current one (so far) and the `periods` before it, oldest
 * first. Passing the day before the current period's start gives the last closed period instead.
 */
export function anomalyPeriods(today: string, cfg: Pick<AnomalyConfig, 'interval' | 'periods'>): { current: string; baseline: string[]; from: string; to: string } {
  const step = cfg.interval === 'day' ? 1 : 7;
  const current = cfg.interval === 'day' ? today : mondayOf(today);
  const baseline = Array.from({ length: cfg.periods }, (_, i) => addDays(current, -step * (cfg.periods - i)));
  return { current, baseline, from: baseline[0], to: today };
}

/**
 * The smallest spread "normal" is given. With a perfectly flat history sd is 0 and any change
 * at all would be an anomaly; a floor of about one unit of the metric keeps noise out.
 */
export const SD_FLOOR: Record<AlertMetric, number> = { nps: 1, csat: 1, ces: 0.05, sentiment: 0.01, responses: 1 };

/** Fewer qualifying past periods than this and a rule has no idea of normal yet: it stays quiet. */
export const MIN_BASELINE = 3;

export interface NormalRange { mean: number; sd: number; low: number; high: number }

/** mean ± k·sd of past values (sample sd, floored); null without enough history. */
export function normalRange(values: readonly number[], sigmas: number, floor: number): NormalRange | null {
  if (values.length < MIN_BASELINE) return null;
  const mean = values.reduce((a, v) => a + v, 0) / values.length;
  const variance = values.reduce((a, v) => a + (v - mean) ** 2, 0) / (values.length - 1);
  const sd = Math.max(Math.sqrt(variance), floor);
  return { mean, sd, low: mean - sigmas * sd, high: mean + sigmas * sd };
}

/**
 * Is `value` (the current period so far) outside the range? For the response count only a rise
 * counts: the period is still running, so its count so far is naturally low. A drop in volume is
 * judged on the last closed period instead (volumeDropped).
 */
export function isAnomalous(metric: AlertMetric, value: number, range: NormalRange): boolean {
  if (value > range.high) return true;
  return metric !== 'responses' && value < range.low;
}

/** A closed period's response count below its normal range. (A rise was judged while it ran.) */
export function volumeDropped(count: number, range: NormalRange): boolean {
  return count < range.low;
}

/** Past the cool-down? A rule that never fired always is. */
export function coolDownOver(lastFiredAt: string | null, cooldownMinutes: number, nowMs: number): boolean {
  return !lastFiredAt || Date.parse(lastFiredAt) + cooldownMinutes * 60_000 <= nowMs;
}

/** The instant before which a last firing still blocks a new one. */
export const coolDownCutoff = (cooldownMinutes: number, nowMs: number) => new Date(nowMs - cooldownMinutes * 60_000).toISOString();

/**
 * Waits between delivery attempts: quick at first (a receiver restarting), then spread out
 * (a receiver down for a while), six attempts over about 36 minutes in all.
 */
export const RETRY_DELAYS_MS = [2_000, 10_000, 60_000, 5 * 60_000, 30 * 60_000] as const;
export const MAX_ATTEMPTS = RETRY_DELAYS_MS.length + 1;

/** How long a worker holds a delivery it is attempting (longer than any attempt can take). */
export const DELIVERY_LEASE_MS = 60_000;

/** Milliseconds to wait after the `attempts`-th failed attempt; null when it was the last. */
export function retryDelay(attempts: number): number | null {
  return attempts >= 1 && attempts < MAX_ATTEMPTS ? RETRY_DELAYS_MS[attempts - 1] : null;
}

/**
 * What a debounced batch of arrivals touched in one workspace; `clock` when the timer asked for
 * the rules that can fire with nothing arriving (see judgesLowCount).
 */
export interface Touched { surveys: Set<string>; channels: Set<string>; anyChannel: boolean; clock?: boolean }

/**
 * Does the clock re-read the rule? Low-count rules (nothing arrives to wake them), and sentiment
 * rules: texts are analysed after their responses arrive (seconds later, in the background), so
 * the arrivals' evaluation may not see them yet; the clock's next one does.
 */
export const clockJudges = (rule: Pick<AlertRule, 'metric' | 'kind' | 'config'>): boolean => judgesLowCount(rule) || rule.metric === 'sentiment';

/** Does this evaluation re-read the rule? The clock's, see clockJudges; arrivals', see ruleMatches. */
export function ruleDue(rule: Pick<AlertRule, 'metric' | 'kind' | 'config' | 'filters'>, touched: Touched): boolean {
  return (!!touched.clock && clockJudges(rule)) || ruleMatches(rule.filters, touched);
}

/**
 * Can these arrivals have moved the rule's number? A rule for another survey or channel cannot
 * have changed, so it is not re-read. (Metadata is not in the events: such rules are re-read.)
 */
export function ruleMatches(filters: AlertFilters, touched: Touched): boolean {
  if (!touched.surveys.size && !touched.anyChannel) return false; // the clock alone touched nothing
  if (filters.surveyId && !touched.surveys.has(filters.surveyId)) return false;
  if (filters.channel && !touched.anyChannel && !touched.channels.has(filters.channel)) return false;
  return true;
}
