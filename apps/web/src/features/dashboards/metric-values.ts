/**
 * One place that knows the six metrics: where each lives in a Summary, its scale and how it is
 * written. NPS −100…100 with a sign; CSAT a percentage (the API gives 0–100); CES the mean on
 * 1–7; sentiment the mean score on −1…1, signed with two decimals (+0.32; the API and CSV carry
 * the same number); the CX index 0–100; responses a count. Every metric is "higher is better".
 */
import { compareCes, compareCsat, compareNps, compareSentimentResults, type Comparison, type UiLanguage } from '@touchpoint/shared';
import { formatNumber, formatPercent, formatSigned } from '../../lib/format';
import type { Interval } from '../../lib/types';
import type { Benchmark, Change, MetricName, MetricsResult, ScoreMetric, Summary, Target } from './types';

export const ALL_METRICS: readonly MetricName[] = ['nps', 'csat', 'ces', 'sentiment', 'cx_index', 'responses'];
export const SCORE_METRICS: readonly ScoreMetric[] = ['nps', 'csat', 'ces', 'sentiment', 'cx_index'];
export const isScore = (m: MetricName): m is ScoreMetric => m !== 'responses';

export interface Reading { value: number | null; n: number; ci: Interval | null }

export function readMetric(s: Summary, metric: MetricName): Reading {
  switch (metric) {
    case 'nps': return { value: s.nps.nps, n: s.nps.n, ci: s.nps.ci };
    case 'csat': return { value: s.csat.csat, n: s.csat.n, ci: s.csat.ci };
    case 'ces': return { value: s.ces.mean, n: s.ces.n, ci: s.ces.ci };
    case 'sentiment': return { value: s.sentiment.mean, n: s.sentiment.n, ci: s.sentiment.ci };
    // The index has no single n: the responses it was computed from.
    case 'cx_index': return { value: s.cxIndex.value, n: s.responses, ci: s.cxIndex.ci };
    case 'responses': return { value: s.responses, n: s.responses, ci: null };
  }
}

export const SCALE: Record<ScoreMetric, { min: number; max: number }> = {
  nps: { min: -100, max: 100 }, csat: { min: 0, max: 100 }, ces: { min: 1, max: 7 }, sentiment: { min: -1, max: 1 }, cx_index: { min: 0, max: 100 },
};

/** Digits shown for a value and for a change. */
const DIGITS: Record<MetricName, { value: number; delta: number }> = {
  nps: { value: 0, delta: 1 }, csat: { value: 0, delta: 1 }, ces: { value: 2, delta: 2 }, sentiment: { value: 2, delta: 2 }, cx_index: { value: 1, delta: 1 }, responses: { value: 0, delta: 0 },
};

export function formatMetric(lang: UiLanguage, metric: MetricName, v: number | null | undefined): string {
  if (v === null || v === undefined || Number.isNaN(v)) return '–';
  switch (metric) {
    case 'nps': return formatSigned(lang, v, DIGITS.nps.value);
    case 'sentiment': return formatSigned(lang, v, DIGITS.sentiment.value);
    case 'csat': return formatPercent(lang, v / 100, DIGITS.csat.value);
    default: return formatNumber(lang, v, DIGITS[metric].value);
  }
}

/** A change, always signed, in the metric's own unit (CSAT in percentage points). */
export function formatDelta(lang: UiLanguage, metric: MetricName, d: number | null | undefined): string {
  return formatSigned(lang, d, DIGITS[metric].delta);
}

/** Value → number with the precision the chart axes and CSV use. */
export const round = (v: number | null | undefined, digits = 4): number | null =>
  v === null || v === undefined || Number.isNaN(v) ? null : Math.round(v * 10 ** digits) / 10 ** digits;

export interface Movement { delta: number | null; ci: Interval | null; pValue: number | null; significant: boolean; tested: boolean; previous: number | null }

/**
 * Change against the previous period: NPS, CSAT, CES and sentiment come tested by the server
 * (previous.change); the CX index and the response count get the plain difference, untested.
 */
export function movement(r: MetricsResult, metric: MetricName): Movement | null {
  if (!r.previous) return null;
  const previous = readMetric(r.previous.total, metric).value;
  if (metric === 'nps' || metric === 'csat' || metric === 'ces' || metric === 'sentiment') {
    const c: Change = r.previous.change[metric];
    return { delta: c.delta, ci: c.ci, pValue: c.pValue, significant: c.significant, tested: true, previous };
  }
  const now = readMetric(r.total, metric).value;
  return { delta: now === null || previous === null ? null : now - previous, ci: null, pValue: null, significant: false, tested: false, previous };
}

/**
 * The target shown beside a metric: for the one survey filtered on if it has one, else a
 * workspace-wide target; among those, the next one due (or the latest if all are past).
 */
export function pickTarget(targets: readonly Target[], metric: MetricName, surveys: readonly string[], today: string): Target | null {
  if (!isScore(metric)) return null;
  const mine = targets.filter((t) => t.metric === metric);
  const scoped = surveys.length === 1 ? mine.filter((t) => t.surveyId === surveys[0]) : [];
  const pool = scoped.length ? scoped : mine.filter((t) => t.surveyId === null);
  if (!pool.length) return null;
  const sorted = [...pool].sort((a, b) => a.due.localeCompare(b.due));
  return sorted.find((t) => t.due >= today) ?? sorted[sorted.length - 1];
}

export const targetMet = (t: Target, value: number | null) => value !== null && (t.operator === '>=' ? value >= t.value : value <= t.value);

/** Where a value sits on the metric's scale, 0–1 (for progress bars and markers). */
export function onScale(metric: ScoreMetric, v: number): number {
  const { min, max } = SCALE[metric];
  return Math.max(0, Math.min(1, (v - min) / (max - min)));
}

export const benchmarksFor = (all: readonly Benchmark[], metric: MetricName) => all.filter((b) => b.metric === metric);

/**
 * Segment b against segment a of a breakdown (the server's `versus` does the same from the same
 * counts): NPS, CSAT, CES and sentiment tested with the shared formulas; the CX index and the response
 * count get the plain difference, untested.
 */
export function segmentMovement(a: Summary, b: Summary, metric: MetricName): Movement {
  const previous = readMetric(a, metric).value, now = readMetric(b, metric).value;
  const tested = (c: Comparison): Movement => ({ delta: c.delta, ci: c.ci, pValue: c.pValue, significant: c.significant, tested: true, previous });
  const cesSums = (s: Summary) => ({ n: s.ces.n, sum: s.distribution.ces.reduce((x, v, i) => x + v * (i + 1), 0), sumSquares: s.distribution.ces.reduce((x, v, i) => x + v * (i + 1) ** 2, 0) });
  switch (metric) {
    case 'nps': return tested(compareNps(a.nps, b.nps));
    case 'csat': return tested(compareCsat(a.csat, b.csat));
    case 'ces': return tested(compareCes(cesSums(a), cesSums(b)));
    case 'sentiment': return tested(compareSentimentResults(a.sentiment, b.sentiment));
    default: return { delta: now === null || previous === null ? null : now - previous, ci: null, pValue: null, significant: false, tested: false, previous };
  }
}
