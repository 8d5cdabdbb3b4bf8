/**
 * English model. Training data (the VADER Amazon snippets are test only and never read here):
 * - UCI sentences, fixed split by row (data.ts `uciPart`): train rows train, dev rows tune;
 * - VADER's other human-rated corpora (tweets, movie-review and NYT-editorial snippets): rows
 *   whose position % 10 == 0 tune, the rest train, with the human mean as a soft target;
 * - our own review and feedback sentences (data.ts `ownReviews`, 2,800 rated −4 … +4 by their
 *   author): rows % 5 == 0 tune, the rest train, as the VADER rows.
 */
import { textFeatures, ruleWords, type FeatureConfig } from '../src/sentiment/features.js';
import { build, score, type BuildOptions, type Built, type Labelled } from './build.js';
import { ownReviews, uci, vader, type RatedRow, type VaderCorpus } from './data.js';
import { readSemeval } from './aspects-data.js';
import { englishLexicon } from './lexicons.js';
import { classReport, label3, LABELS3, pearson } from '../eval/metrics.js';

export interface EnSetup {
  config: FeatureConfig;
  build: BuildOptions;
  /** Soft target of a UCI positive (1 − this for a negative). */
  uciTarget: number;
  /**
   * Weight of the SemEval-2014 restaurant train sentences (0: unused); rows % 10 == 0 are kept for
   * development. Target 0.5 + uciTarget−0.5 times the mean polarity of the sentence's categories.
   */
  semeval?: number;
  /** Weight of the train rows of our own review sentences (data.ts `ownReviews`; 0 or absent: unused). */
  reviews?: number;
  /** Also tune the neutral bands on our own review dev rows. */
  tuneOnReviews?: boolean;
}

export const EN_SETUP: EnSetup = {
  config: { wordNgrams: 2, charNgrams: 0, clauseWeighted: true },
  build: { minDf: 2, nb: true, prune: 0.03, epochs: 3, l2: 1e-4, rate: 0.05, seed: 20240601, ruleScale: 4 },
  uciTarget: 0.85,
  reviews: 1,
  tuneOnReviews: true,
};

export const VADER_TRAINING: readonly VaderCorpus[] = ['tweets', 'movieReviewSnippets', 'nytEditorialSnippets'];

export function ratedTarget(mean: number): number {
  return Math.min(0.98, Math.max(0.02, (1 + mean / 4) / 2));
}

/** A training or dev example with where it came from (a UCI file or a VADER corpus). */
export type EnExample = Labelled & { source: string };

/** The sign of a SemEval sentence's category polarities (neutral and conflict count 0), −1 … 1 as a mean. */
export function semevalPolarity(categories: readonly { polarity: string }[]): number {
  if (categories.length === 0) return 0;
  let sum = 0;
  for (const c of categories) sum += c.polarity === 'positive' ? 1 : c.polarity === 'negative' ? -1 : 0;
  return sum / categories.length;
}

export interface EnData {
  train: EnExample[];
  /** SemEval restaurant train rows % 10 == 0: mean category polarity, −1 … 1. */
  semevalDev: (EnExample & { mean: number })[];
  uciDev: EnExample[];
  vaderDev: (EnExample & { mean: number; corpus: string })[];
  /** Our own review sentences, rows % 5 == 0 (data.ts `ownReviews`), with the author's rating. */
  reviewsDev: (EnExample & { mean: number; corpus: string })[];
}

export function enData(lexicon: Map<string, number>, setup: EnSetup = EN_SETUP): EnData {
  const words = ruleWords('en', lexicon);
  const f = (text: string) => textFeatures('en', text, words, setup.config).features;
  const train: EnExample[] = uci('train').map((r) => ({ features: f(r.text), y: r.label ? setup.uciTarget : 1 - setup.uciTarget, source: r.source }));
  const uciDev: EnExample[] = uci('dev').map((r) => ({ features: f(r.text), y: r.label, source: r.source }));
  const vaderDev: EnData['vaderDev'] = [];
  for (const corpus of VADER_TRAINING) {
    vader(corpus).forEach((r: RatedRow, i) => {
      const ex = { features: f(r.text), y: ratedTarget(r.mean), mean: r.mean, source: corpus, corpus };
      if (i % 10 === 0) vaderDev.push(ex);
      else train.push(ex);
    });
  }
  const semevalDev: EnData['semevalDev'] = [];
  readSemeval('restaurants_train.jsonl').forEach((r, i) => {
    const mean = semevalPolarity(r.aspect_categories ?? []);
    const ex = { features: f(r.text), y: 0.5 + (setup.uciTarget - 0.5) * mean, mean, source: 'semeval', weight: setup.semeval };
    if (i % 10 === 0) semevalDev.push(ex);
    else if (setup.semeval) train.push(ex);
  });
  const reviewsDev: EnData['reviewsDev'] = [];
  for (const r of ownReviews()) {
    const ex = { features: f(r.text), y: ratedTarget(r.mean), mean: r.mean, source: 'reviews', corpus: r.domain, weight: setup.reviews };
    if (r.part === 'dev') reviewsDev.push(ex);
    else if (setup.reviews) train.push(ex);
  }
  return { train, uciDev, vaderDev, semevalDev, reviewsDev };
}

/** Score in [−1, 1] as the runtime computes it (scale 1). */
export function enScore(built: Built, features: Labelled['features']): number {
  return Math.tanh(score(built, features) / 2);
}

export interface Bands {
  band: number;
  /** The band for text without a sentiment word (ModelFile.neutralBandNoHits), ≥ band. */
  noHits: number;
  weightedF1: number;
  /** Weighted F1 on the SemEval restaurant dev rows at these bands. */
  semevalF1: number;
  r: number;
}

/** The runtime's label of a score: text without a sentiment word (`r:none`) uses the wider band. */
export function labelAt(score: number, ex: Labelled, bands: Pick<Bands, 'band' | 'noHits'>): ReturnType<typeof label3> {
  return label3(score, ex.features.has('r:none') ? Math.max(bands.band, bands.noHits) : bands.band);
}

/** Weighted F1 of 3-class labels from scores at the two bands (gold: the sign of the mean, ±0.05). */
function f1At(dev: readonly (Labelled & { mean: number })[], scores: readonly number[], band: number, noHits: number): number {
  const gold = dev.map((ex) => label3(ex.mean, 0.05));
  const predicted = scores.map((s, i) => labelAt(s, dev[i], { band, noHits }));
  return classReport(gold, predicted, LABELS3).weightedF1;
}

/**
 * The two neutral bands that maximise the sum of weighted F1 on the rated dev rows (tweets, movie,
 * NYT), on the SemEval restaurant dev rows and (when given) on our own review dev rows: the first
 * has few neutral texts (3 %), the second many (23 %, category polarities), the third 5 %; the
 * Amazon test set lies between, and none is tuned for alone.
 */
export function tuneBand(built: Built, dev: EnData['vaderDev'], semevalDev: EnData['semevalDev'] = [], reviewsDev: EnData['reviewsDev'] = []): Bands {
  const scores = dev.map((ex) => enScore(built, ex.features));
  const sScores = semevalDev.map((ex) => enScore(built, ex.features));
  const rScores = reviewsDev.map((ex) => enScore(built, ex.features));
  let best: Bands = { band: 0, noHits: 0, weightedF1: -1, semevalF1: 0, r: pearson(scores, dev.map((ex) => ex.mean)) };
  let bestSum = -1;
  for (let b = 0; b <= 30; b++) {
    for (let n = b; n <= 30; n++) {
      const [band, noHits] = [b / 100, n / 100];
      const weightedF1 = f1At(dev, scores, band, noHits);
      const semevalF1 = semevalDev.length ? f1At(semevalDev, sScores, band, noHits) : 0;
      const reviewsF1 = reviewsDev.length ? f1At(reviewsDev, rScores, band, noHits) : 0;
      const sum = weightedF1 + semevalF1 + reviewsF1;
      if (sum > bestSum + 1e-9) [bestSum, best] = [sum, { ...best, band, noHits, weightedF1, semevalF1 }];
    }
  }
  return best;
}

/** The dev rows the bands are tuned on, as `setup.tuneOnReviews` says. */
export function bandsFor(built: Built, data: EnData, setup: EnSetup): Bands {
  return tuneBand(built, data.vaderDev, data.semevalDev, setup.tuneOnReviews ? data.reviewsDev : []);
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
  const tuned = bandsFor(built, data, setup);
  const uciDev = uciAccuracy(built, data.uciDev);
  log(`en: ${built.weights.size} weights, VADER dev weighted F1 ${tuned.weightedF1.toFixed(3)} r ${tuned.r.toFixed(3)}, SemEval dev weighted F1 ${tuned.semevalF1.toFixed(3)} (bands ${tuned.band} / ${tuned.noHits} without a sentiment word), UCI dev accuracy ${(uciDev * 100).toFixed(2)} %`);
  return { built, lexicon, tuned, uciDev };
}
