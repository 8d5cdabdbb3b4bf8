/**
 * Sentiment of open-text answers as a metric: the mean score (−1…1, as text analytics stores
 * it) with n (texts) and a 95 % interval, and the shares labelled positive and negative.
 * Everything follows from five running sums, so a store (the metric cube) can add and subtract
 * texts and this finishes the job. Scores arrive rounded to 4 decimals; sums are kept in units
 * of 1e-4 (and 1e-8 for squares) so they stay integers and adding then removing a text is exact.
 * A change between periods or segments is Welch's t-test on the means (compare.ts).
 */
import { compareCes, type Comparison } from './compare.js';
import type { Interval } from './scores.js';

const Z95 = 1.959963984540054;
/** Scores are stored to 4 decimals: a score s counts as round(s · 10⁴) units. */
export const SENTIMENT_UNIT = 1e4;

export interface SentimentSums {
  /** texts */
  n: number;
  /** Σ round(score · 10⁴) */
  sum: number;
  /** Σ round(score · 10⁴)² */
  sumSquares: number;
  positive: number;
  negative: number;
}

export interface SentimentResult {
  n: number; mean: number | null; ci: Interval | null;
  /** Sample standard deviation of the scores (0 for one text): with n and mean, enough to compare. */
  sd: number | null;
  positive: number; negative: number;
  /** Shares of texts labelled positive / negative, in % (null without texts). */
  positiveShare: number | null; negativeShare: number | null;
}

export const NO_SENTIMENT: SentimentSums = { n: 0, sum: 0, sumSquares: 0, positive: 0, negative: 0 };

/** One text's sums (label as text analytics stores it: 'positive', 'negative', 'neutral', …). */
export function sentimentSumsOf(score: number, label: string): SentimentSums {
  const k = Math.round(score * SENTIMENT_UNIT);
  return { n: 1, sum: k, sumSquares: k * k, positive: label === 'positive' ? 1 : 0, negative: label === 'negative' ? 1 : 0 };
}

export function addSentimentSums(a: SentimentSums, b: SentimentSums, sign: 1 | -1 = 1): SentimentSums {
  return { n: a.n + sign * b.n, sum: a.sum + sign * b.sum, sumSquares: a.sumSquares + sign * b.sumSquares, positive: a.positive + sign * b.positive, negative: a.negative + sign * b.negative };
}

/** The metric from its sums: mean ± t·s/√n (normal quantile; clamped to −1…1). */
export function sentimentFromSums(c: SentimentSums): SentimentResult {
  const { n, positive, negative } = c;
  if (n <= 0) return { n: 0, mean: null, ci: null, sd: null, positive, negative, positiveShare: null, negativeShare: null };
  const mean = c.sum / n / SENTIMENT_UNIT;
  const variance = n > 1 ? Math.max(0, (c.sumSquares - (c.sum * c.sum) / n) / (n - 1)) / SENTIMENT_UNIT ** 2 : 0;
  const half = n > 1 ? Z95 * Math.sqrt(variance / n) : 0;
  return {
    n, mean, ci: { low: Math.max(-1, mean - half), high: Math.min(1, mean + half) }, sd: Math.sqrt(variance),
    positive, negative, positiveShare: (positive / n) * 100, negativeShare: (negative / n) * 100,
  };
}

/** The metric over scored texts. */
export function sentiment(texts: Iterable<{ score: number; label: string }>): SentimentResult {
  let acc = NO_SENTIMENT;
  for (const t of texts) acc = addSentimentSums(acc, sentimentSumsOf(t.score, t.label));
  return sentimentFromSums(acc);
}

/** b − a of the mean score (−2…2), with Welch's interval and p-value. */
export function compareSentiment(a: SentimentSums, b: SentimentSums): Comparison {
  const scaled = (c: SentimentSums) => ({ n: c.n, sum: c.sum / SENTIMENT_UNIT, sumSquares: c.sumSquares / SENTIMENT_UNIT ** 2 });
  return compareCes(scaled(a), scaled(b));
}

/** The same test from two results (what the API returns): n, mean and sd give the sums back. */
export function compareSentimentResults(a: Pick<SentimentResult, 'n' | 'mean' | 'sd'>, b: Pick<SentimentResult, 'n' | 'mean' | 'sd'>): Comparison {
  const sums = (r: Pick<SentimentResult, 'n' | 'mean' | 'sd'>) => {
    const m = r.mean ?? 0, sd = r.sd ?? 0;
    return { n: r.n, sum: r.n * m, sumSquares: (r.n - 1) * sd * sd + r.n * m * m };
  };
  return compareCes(sums(a), sums(b));
}
