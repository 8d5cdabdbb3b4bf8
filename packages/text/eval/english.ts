/** English sentiment: VADER Amazon snippets (3 classes, test only) and UCI held-out rows. */
import { analyzeText } from '../src/index.js';
import { uci, vader } from '../train/data.js';
import { classReport, label3, LABELS3, pearson } from './metrics.js';
import { afinnScorer, vaderScorer, type Scorer } from './references.js';

export const oursScorer = (): Scorer => {
  const first = analyzeText('ok');
  return {
    name: `Touchpoint ${first.modelVersion}`,
    score: (text) => analyzeText(text).sentiment.score,
    band: Number.NaN, // labels come from analyzeText itself
  };
};

function labelOf(scorer: Scorer, text: string, score: number) {
  if (Number.isNaN(scorer.band)) return analyzeText(text).sentiment.label;
  return label3(score, scorer.band);
}

export interface AmazonRow {
  system: string;
  weightedF1: number;
  macroF1: number;
  accuracy: number;
  pearson: number;
  neutralPredicted: number;
}

/** Gold: the sign of the human mean with a ±0.05 neutral band (2,048 pos / 1,431 neg / 229 neu). */
export function amazon(scorers: readonly Scorer[]): AmazonRow[] {
  const rows = vader('amazonReviewSnippets');
  const gold = rows.map((r) => label3(r.mean, 0.05));
  return scorers.map((s) => {
    const scores = rows.map((r) => s.score(r.text));
    const predicted = rows.map((r, i) => labelOf(s, r.text, scores[i]));
    const report = classReport(gold, predicted, LABELS3);
    return {
      system: s.name,
      weightedF1: report.weightedF1,
      macroF1: report.macroF1,
      accuracy: report.accuracy,
      pearson: pearson(scores, rows.map((r) => r.mean)),
      neutralPredicted: predicted.filter((p) => p === 'neutral').length,
    };
  });
}

export interface UciRow {
  system: string;
  accuracy: number;
  bySource: Record<string, number>;
  undecided: number;
}

/** UCI held-out rows (row % 5 == 0 in each file, 600): the sign of the score; 0 counts as wrong. */
export function uciHeldOut(scorers: readonly Scorer[]): UciRow[] {
  const rows = uci('test');
  return scorers.map((s) => {
    const right: Record<string, [number, number]> = {};
    let undecided = 0;
    let total = 0;
    for (const r of rows) {
      const score = s.score(r.text);
      if (score === 0) undecided++;
      const ok = (score > 0 && r.label === 1) || (score < 0 && r.label === 0);
      const cell = (right[r.source] ??= [0, 0]);
      cell[0] += ok ? 1 : 0;
      cell[1]++;
      total += ok ? 1 : 0;
    }
    const bySource = Object.fromEntries(Object.entries(right).map(([k, [a, n]]) => [k, a / n]));
    return { system: s.name, accuracy: total / rows.length, bySource, undecided };
  });
}
