/**
 * Driver analysis: which themes of the open-text answers pull a metric (NPS, CSAT, CES) down or
 * up, and by how much. The input is one row per response: its score for the metric and the set
 * of theme ids its analysed answers carry (a response with two answers on one theme counts once;
 * a response with no theme still counts in the overall number, so "overall" is the dashboard's
 * number for the same filters). Scores outside the metric's scale are ignored, as the cube does.
 *
 * Per theme mentioned by at least one scored response:
 * - `n`, `share`: responses mentioning it, and n / all scored responses (0–1);
 * - `mentions`, `rest`: the metric among those responses and among all others, with n and 95 %
 *   intervals from scores.ts;
 * - `difference`: mentions − rest with its interval and two-sided p-value (compare.ts: z-test for
 *   NPS and CSAT, Welch's t for CES);
 * - `impact` (metric points, ≥ 0): `ifNeutral` − overall, where `ifNeutral` is the overall metric
 *   had the theme's unhappy respondents been neutral instead. Unhappy and neutral per metric:
 *     NPS  detractors (0–6) become passives: counted in n, neither promoter nor detractor;
 *     CSAT answers 1–3 (the ones counted against CSAT) are left out of the base: neither
 *          satisfied nor counted against, i.e. satisfied / (n − the theme's 1–3 answers);
 *          null when that leaves nobody;
 *     CES  answers 1–3 (difficult; 5–7 are "easy") become the scale's midpoint, 4.
 *   Impact is an upper bound of what fixing the theme's complaints is worth, not a causal claim.
 * - `lift` (metric points, signed): overall − the metric among the rest. Positive: the theme pulls
 *   the metric up (without its mentions the metric would be lower); negative: it pulls it down.
 *   Null when every response mentions the theme.
 * Rows are sorted by impact (largest first), then by lift (most negative first), n, theme id: the
 * order never depends on the order of the input rows.
 */
import { cesFromSums, csatFromCounts, npsFromCounts, type Interval } from './scores.js';
import { compareCes, compareCsat, compareNps, type Comparison } from './compare.js';

export const DRIVER_METRICS = ['nps', 'csat', 'ces'] as const;
export type DriverMetric = (typeof DRIVER_METRICS)[number];

export interface DriverInputRow {
  /** The response's score for the metric: NPS 0–10, CSAT 1–5, CES 1–7. */
  score: number;
  /** Theme ids its analysed answers carry (duplicates are counted once). */
  themes: Iterable<string>;
}

export interface MetricSummary { n: number; value: number | null; ci: Interval | null }

export interface ThemeDriver {
  theme: string;
  n: number;
  share: number;
  mentions: MetricSummary;
  rest: MetricSummary;
  ifNeutral: number | null;
  impact: number | null;
  lift: number | null;
  difference: Comparison;
}

export interface DriversResult {
  metric: DriverMetric;
  /** Scored responses (the overall number's n). */
  n: number;
  /** Of them, responses carrying at least one theme. */
  tagged: number;
  overall: MetricSummary;
  themes: ThemeDriver[];
}

/** The scale of each metric: lowest score, number of points, and which scores are unhappy. */
const SCALES: Record<DriverMetric, { min: number; bins: number }> = {
  nps: { min: 0, bins: 11 },
  csat: { min: 1, bins: 5 },
  ces: { min: 1, bins: 7 },
};

/** A histogram of scores: index = score − the scale's minimum. */
type Histogram = number[];

const sumRange = (h: Histogram, from: number, to: number) => { let s = 0; for (let i = from; i <= to; i++) s += h[i]; return s; };

function summarise(metric: DriverMetric, h: Histogram): MetricSummary {
  if (metric === 'nps') {
    const r = npsFromCounts(sumRange(h, 9, 10), sumRange(h, 7, 8), sumRange(h, 0, 6));
    return { n: r.n, value: r.nps, ci: r.ci };
  }
  if (metric === 'csat') {
    const r = csatFromCounts(sumRange(h, 3, 4), sumRange(h, 0, 4));
    return { n: r.n, value: r.csat, ci: r.ci };
  }
  const m = meanSums(h);
  const r = cesFromSums(m.n, m.sum, m.sumSquares, sumRange(h, 4, 6));
  return { n: r.n, value: r.mean, ci: r.ci };
}

function meanSums(h: Histogram) {
  let n = 0, sum = 0, sumSquares = 0;
  h.forEach((k, i) => { const s = i + 1; n += k; sum += k * s; sumSquares += k * s * s; });
  return { n, sum, sumSquares };
}

function compare(metric: DriverMetric, rest: Histogram, mentions: Histogram): Comparison {
  if (metric === 'nps') {
    const counts = (h: Histogram) => ({ promoters: sumRange(h, 9, 10), passives: sumRange(h, 7, 8), detractors: sumRange(h, 0, 6) });
    return compareNps(counts(rest), counts(mentions));
  }
  if (metric === 'csat') return compareCsat({ satisfied: sumRange(rest, 3, 4), n: sumRange(rest, 0, 4) }, { satisfied: sumRange(mentions, 3, 4), n: sumRange(mentions, 0, 4) });
  return compareCes(meanSums(rest), meanSums(mentions));
}

/** The overall metric had the theme's unhappy answers been neutral (see the header). */
function ifNeutral(metric: DriverMetric, all: Histogram, mentions: Histogram): number | null {
  const moved = [...all];
  if (metric === 'nps') {
    const d = sumRange(mentions, 0, 6);
    for (let i = 0; i <= 6; i++) moved[i] -= mentions[i];
    moved[7] += d;
    return summarise(metric, moved).value;
  }
  if (metric === 'csat') {
    for (let i = 0; i <= 2; i++) moved[i] -= mentions[i];
    return summarise(metric, moved).value;
  }
  const d = sumRange(mentions, 0, 2);
  for (let i = 0; i <= 2; i++) moved[i] -= mentions[i];
  moved[3] += d;
  return summarise(metric, moved).value;
}

/**
 * Counts rows as they come (a server can stream pages through it) and finishes with the
 * drivers. `drivers(metric, rows)` is the one-call form.
 */
export class DriverCounter {
  private readonly all: Histogram;
  private readonly byTheme = new Map<string, Histogram>();
  private tagged = 0;
  private readonly scale: { min: number; bins: number };

  constructor(readonly metric: DriverMetric) {
    this.scale = SCALES[metric];
    this.all = new Array(this.scale.bins).fill(0);
  }

  add(score: number, themes: Iterable<string>): void {
    const bin = score - this.scale.min;
    if (!Number.isInteger(bin) || bin < 0 || bin >= this.scale.bins) return;
    this.all[bin]++;
    const seen = new Set(themes);
    if (seen.size) this.tagged++;
    for (const t of seen) {
      let h = this.byTheme.get(t);
      if (!h) { h = new Array(this.scale.bins).fill(0); this.byTheme.set(t, h); }
      h[bin]++;
    }
  }

  result(): DriversResult {
    return finish(this.metric, this.all, this.byTheme, this.tagged);
  }
}

/**
 * Per-score counts, for a store that aggregates in SQL: `all[i]` responses scored min + i (NPS
 * 0–10, CSAT and CES 1–…), `byTheme` the same among each theme's mentions (a response counted once
 * per theme), `tagged` the responses carrying at least one theme. Same answer as `drivers` over
 * the rows the counts came from.
 */
export interface DriverCounts { all: readonly number[]; byTheme: ReadonlyMap<string, readonly number[]>; tagged: number }

export function driversFromCounts(metric: DriverMetric, counts: DriverCounts): DriversResult {
  const bins = SCALES[metric].bins;
  const fit = (h: readonly number[]) => Array.from({ length: bins }, (_, i) => h[i] ?? 0);
  const byTheme = new Map([...counts.byTheme].map(([t, h]) => [t, fit(h)] as const).filter(([, h]) => h.some((k) => k > 0)));
  return finish(metric, fit(counts.all), byTheme, counts.tagged);
}

function finish(metric: DriverMetric, all: Histogram, byTheme: ReadonlyMap<string, Histogram>, tagged: number): DriversResult {
  const overall = summarise(metric, all);
  const themes = [...byTheme.entries()].map(([theme, h]): ThemeDriver => {
    const restH = all.map((k, i) => k - h[i]);
    const mentions = summarise(metric, h), rest = summarise(metric, restH);
    const neutral = ifNeutral(metric, all, h);
    return {
      theme, n: mentions.n, share: mentions.n / overall.n, mentions, rest,
      ifNeutral: neutral,
      // ≥ 0 by construction; max() only absorbs floating-point noise of an unchanged number.
      impact: neutral === null ? null : Math.max(0, neutral - overall.value!),
      lift: rest.value === null ? null : overall.value! - rest.value,
      difference: compare(metric, restH, h),
    };
  });
  themes.sort((a, b) => (b.impact ?? -Infinity) - (a.impact ?? -Infinity)
    || (a.lift ?? 0) - (b.lift ?? 0) || b.n - a.n || (a.theme < b.theme ? -1 : a.theme > b.theme ? 1 : 0));
  return { metric, n: overall.n, tagged, overall, themes };
}

export function drivers(metric: DriverMetric, rows: Iterable<DriverInputRow>): DriversResult {
  const c = new DriverCounter(metric);
  for (const r of rows) c.add(r.score, r.themes);
  return c.result();
}
