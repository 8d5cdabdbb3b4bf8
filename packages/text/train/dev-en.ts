/**
 * English development figures, for tuning without the test sets (the VADER Amazon snippets and the
 * UCI rows % 5 == 0 are never read here):
 * - VADER tweets / movie / NYT rows % 10 == 0: the Amazon protocol (3 classes from the sign of the
 *   human mean, ±0.05; weighted F1 at the tuned band, Pearson r), per corpus and together;
 * - UCI dev rows (row % 5 == 1): binary accuracy per file;
 * - product transfer: a second model trained without any UCI Amazon row, scored on the UCI Amazon
 *   train + dev rows (800) it never saw — cell-phone reviews, the domain closest to the test set.
 * `npx tsx packages/text/train/dev-en.ts` (≈ 10 s).
 */
import { EN_SETUP, bandsFor, enData, enScore, labelAt, uciAccuracy, type EnSetup } from './en.js';
import { build } from './build.js';
import { englishLexicon } from './lexicons.js';
import { classReport, label3, LABELS3, pearson } from '../eval/metrics.js';
import { uci, UCI_FILES } from './data.js';
import { textFeatures, ruleWords } from '../src/sentiment/features.js';

export interface DevFigures {
  vader: { weightedF1: number; r: number; band: number; noHits: number; byCorpus: Record<string, { weightedF1: number; r: number }> };
  uci: Record<string, number>;
  productTransfer: number;
  /** SemEval restaurant train rows % 10 == 0 (305): 3 classes from the category polarities. */
  semeval: { weightedF1: number; accuracy: number; binary: number };
  /** Our own review sentences, rows % 5 == 0: the Amazon protocol, and per domain. */
  reviews: { weightedF1: number; accuracy: number; r: number; byDomain: Record<string, number> };
}

export function devFigures(setup: EnSetup = EN_SETUP): DevFigures {
  const lexicon = englishLexicon();
  const data = enData(lexicon, setup);
  const built = build(data.train, setup.build);
  const tuned = bandsFor(built, data, setup);
  const byCorpus: DevFigures['vader']['byCorpus'] = {};
  for (const corpus of new Set(data.vaderDev.map((ex) => ex.corpus))) {
    const part = data.vaderDev.filter((ex) => ex.corpus === corpus);
    const scores = part.map((ex) => enScore(built, ex.features));
    const report = classReport(part.map((ex) => label3(ex.mean, 0.05)), scores.map((s, i) => labelAt(s, part[i], tuned)), LABELS3);
    byCorpus[corpus] = { weightedF1: report.weightedF1, r: pearson(scores, part.map((ex) => ex.mean)) };
  }
  const uciBy: Record<string, number> = { all: uciAccuracy(built, data.uciDev) };
  for (const source of UCI_FILES) uciBy[source] = uciAccuracy(built, data.uciDev.filter((ex) => ex.source === source));
  // Product transfer: the same recipe without the UCI Amazon file.
  const without = build(data.train.filter((ex) => ex.source !== 'amazon_cells_labelled'), setup.build);
  const words = ruleWords('en', lexicon);
  const unseen = uci('all').filter((r, i) => r.source === 'amazon_cells_labelled' && i % 5 !== 0);
  let right = 0;
  for (const r of unseen) if (enScore(without, textFeatures('en', r.text, words, setup.config).features) >= 0 === (r.label === 1)) right++;
  const sScores = data.semevalDev.map((ex) => enScore(built, ex.features));
  const sGold = data.semevalDev.map((ex) => label3(ex.mean, 0.05));
  const sReport = classReport(sGold, sScores.map((x, i) => labelAt(x, data.semevalDev[i], tuned)), LABELS3);
  const polar = sScores.map((x, i) => [x, sGold[i]] as const).filter(([, g]) => g !== 'neutral');
  const binary = polar.filter(([x, g]) => (x >= 0) === (g === 'positive')).length / polar.length;
  const rScores = data.reviewsDev.map((ex) => enScore(built, ex.features));
  const rLabels = rScores.map((x, i) => labelAt(x, data.reviewsDev[i], tuned));
  const rGold = data.reviewsDev.map((ex) => label3(ex.mean, 0.05));
  const rReport = classReport(rGold, rLabels, LABELS3);
  const byDomain: Record<string, number> = {};
  for (const domain of new Set(data.reviewsDev.map((ex) => ex.corpus))) {
    const idx = data.reviewsDev.flatMap((ex, i) => (ex.corpus === domain ? [i] : []));
    byDomain[domain] = classReport(idx.map((i) => rGold[i]), idx.map((i) => rLabels[i]), LABELS3).weightedF1;
  }
  return {
    reviews: { weightedF1: rReport.weightedF1, accuracy: rReport.accuracy, r: pearson(rScores, data.reviewsDev.map((ex) => ex.mean)), byDomain },
    vader: { ...tuned, byCorpus },
    uci: uciBy,
    productTransfer: right / unseen.length,
    semeval: { weightedF1: sReport.weightedF1, accuracy: sReport.accuracy, binary },
  };
}

export function formatDev(d: DevFigures): string {
  const f = (x: number) => x.toFixed(3);
  const corpora = Object.entries(d.vader.byCorpus).map(([c, v]) => `${c.slice(0, 5)} ${f(v.weightedF1)}/${f(v.r)}`).join(', ');
  const uciText = Object.entries(d.uci).map(([k, v]) => `${k.split('_')[0]} ${(v * 100).toFixed(1)}`).join(', ');
  return `VADER dev wF1 ${f(d.vader.weightedF1)} r ${f(d.vader.r)} bands ${d.vader.band}/${d.vader.noHits} (${corpora}) | UCI dev ${uciText} | product transfer ${(d.productTransfer * 100).toFixed(2)} % | SemEval dev wF1 ${f(d.semeval.weightedF1)} binary ${(d.semeval.binary * 100).toFixed(1)} | own reviews dev wF1 ${f(d.reviews.weightedF1)} acc ${f(d.reviews.accuracy)} r ${f(d.reviews.r)} (${Object.entries(d.reviews.byDomain).map(([k, v]) => `${k} ${f(v)}`).join(', ')})`;
}

if (process.argv[1]?.endsWith('dev-en.ts')) {
  // DEV_EN='{"semeval":1}' merges into EN_SETUP (nested "build" too), for trying a variant.
  const change = JSON.parse(process.env.DEV_EN ?? '{}');
  const setup = { ...EN_SETUP, ...change, build: { ...EN_SETUP.build, ...change.build } };
  console.log(formatDev(devFigures(setup)));
}
