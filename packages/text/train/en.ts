/**
 * English model. Training data (the VADER Amazon snippets are test only and never read here):
 * - UCI sentences, fixed split by row (data.ts `uciPart`): train rows train, dev rows tune;
 * - VADER's other human-rated corpora (tweets, movie-review and NYT-editorial snippets): rows
 *   whose position % 10 == 0 tune, the rest train, with the human mean as a soft target.
 */
import { textFeatures, ruleWords, type FeatureConfig } from '../src/sentiment/features.js';
import { build, score, type BuildOptions, type Built, type Labelled } from './build.js';
import { uci, vader, type RatedRow, type VaderCorpus } from './data.js';
import { englishLexicon } from './lexicons.js';
import { classReport, label3, LABELS3, pearson } from '../eval/metrics.js';

export interface EnSetup {
  config: FeatureConfig;
  build: BuildOptions;
  /** Soft target of a UCI positive (1 − this for a negative). */
  uciTarget: number;
}

export const EN_SETUP: EnSetup = {
  config: { wordNgrams: 2, charNgrams: 0, clauseWeighted: true },
  build: { minDf: 2, nb: true, prune: 0.03, epochs: 3, l2: 1e-4, rate: 0.05, seed: 20240601 },
  uciTarget: 0.85,
};

export const VADER_TRAINING: readonly VaderCorpus[] = ['tweets', 'movieReviewSnippets', 'nytEditorialSnippets'];

export function ratedTarget(mean: number): number {
  return Math.min(0.98, Math.max(0.02, (1 + mean / 4) / 2));
}

export interface EnData {
  train: Labelled[];
  uciDev: Labelled[];
  vaderDev: (Labelled & { mean: number })[];
}

export function enData(lexicon: Map<string, number>, setup: EnSetup = EN_SETUP): EnData {
  const words = ruleWords('en', lexicon);
  const f = (text: string) => textFeatures('en', text, words, setup.config).features;
  const train: Labelled[] = uci('train').map((r) => ({ features: f(r.text), y: r.label ? setup.uciTarget : 1 - setup.uciTarget }));
  const uciDev: Labelled[] = uci('dev').map((r) => ({ features: f(r.text), y: r.label }));
  const vaderDev: (Labelled & { mean: number })[] = [];
  for (const corpus of VADER_TRAINING) {
    vader(corpus).forEach((r: RatedRow, i) => {
      const ex = { features: f(r.text), y: ratedTarget(r.mean), mean: r.mean };
      if (i % 10 === 0) vaderDev.push(ex);
      else train.push(ex);
    });
  }
  return { train, uciDev, vaderDev };
}

/** Score in [−1, 1] as the runtime computes it (scale 1). */
export function enScore(built: Built, features: Labelled['features']): number {
  return Math.tanh(score(built, features) / 2);
}

/** The neutral band that maximises weighted F1 on the rated dev rows. */
export function tuneBand(built: Built, dev: EnData['vaderDev']): { band: number; weightedF1: number; r: number } {
  const scores = dev.map((ex) => enScore(built, ex.features));
  const gold = dev.map((ex) => label3(ex.mean, 0.05));
  let best = { band: 0, weightedF1: -1, r: pearson(scores, dev.map((ex) => ex.mean)) };
  for (let band = 0; band <= 0.3001; band += 0.01) {
    const f1 = classReport(gold, scores.map((s) => label3(s, band)), LABELS3).weightedF1;
    if (f1 > best.weightedF1 + 1e-9) best = { ...best, band: Math.round(band * 100) / 100, weightedF1: f1 };
  }
  return best;
}

export function uciAccuracy(built: Built, dev: readonly Labelled[]): number {
  let right = 0;
  for (const ex of dev) if (score(built, ex.features) >= 0 === ex.y >= 0.5) right++;
  return right / dev.length;
}

export function trainEn(setup: EnSetup = EN_SETUP, log: (s: string) => void = () => {}) {
  const lexicon = englishLexicon();
  const data = enData(lexicon, setup);
  const built = build(data.train, setup.build);
  const tuned = tuneBand(built, data.vaderDev);
  const uciDev = uciAccuracy(built, data.uciDev);
  log(`en: ${built.weights.size} weights, VADER dev weighted F1 ${tuned.weightedF1.toFixed(3)} r ${tuned.r.toFixed(3)} (band ${tuned.band}), UCI dev accuracy ${(uciDev * 100).toFixed(2)} %`);
  return { built, lexicon, tuned, uciDev };
}
