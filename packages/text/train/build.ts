/**
 * From feature maps to a compact weight table: a sorted vocabulary of features seen in at least
 * `minDf` training texts, optional naive-Bayes scaling of the n-gram features (NB-LR, after Wang &
 * Manning 2012), logistic regression, then pruning of tiny weights and rounding, so the model file
 * is small and identical on every run.
 */
import type { Features } from '../src/sentiment/features.js';
import { predict, trainLogReg, type SparseExample, type TrainOptions, type Trained } from './logreg.js';

export interface Labelled {
  features: Features;
  /** Target probability of positive. */
  y: number;
  weight?: number;
}

export interface BuildOptions extends TrainOptions {
  minDf: number;
  /** Scale n-gram features by their naive-Bayes log-count ratio (examples with y ≥ .5 count as positive). */
  nb: boolean;
  /** Drop weights smaller than this in magnitude. */
  prune: number;
  /**
   * Training-time scale of the rule features (default 1; folded back into the stored weights, so
   * the runtime is unchanged). A larger scale makes their weights cheaper under L2 than the
   * n-grams', i.e. the model leans more on the lexicon and rules, which carry across domains.
   */
  ruleScale?: number;
}

export interface Built {
  bias: number;
  weights: Map<string, number>;
}

const isRule = (k: string) => k.startsWith('r:');

export function vocabulary(train: readonly Labelled[], minDf: number): string[] {
  const df = new Map<string, number>();
  for (const ex of train) for (const k of ex.features.keys()) df.set(k, (df.get(k) ?? 0) + 1);
  return [...df].filter(([k, n]) => n >= minDf || isRule(k)).map(([k]) => k).sort();
}

function nbRatios(train: readonly Labelled[], vocab: readonly string[], ruleScale = 1): Float64Array {
  const index = new Map(vocab.map((k, i) => [k, i]));
  const pos = new Float64Array(vocab.length).fill(1);
  const neg = new Float64Array(vocab.length).fill(1);
  for (const ex of train) {
    const target = ex.y >= 0.5 ? pos : neg;
    for (const k of ex.features.keys()) {
      const i = index.get(k);
      if (i !== undefined) target[i] += 1;
    }
  }
  let sp = 0;
  let sn = 0;
  for (let i = 0; i < vocab.length; i++) [sp, sn] = [sp + pos[i], sn + neg[i]];
  const r = new Float64Array(vocab.length);
  for (let i = 0; i < vocab.length; i++) r[i] = isRule(vocab[i]) ? ruleScale : Math.log(pos[i] / sp) - Math.log(neg[i] / sn);
  return r;
}

export function toSparse(ex: Labelled, index: ReadonlyMap<string, number>, scale?: Float64Array): SparseExample {
  const idx: number[] = [];
  const val: number[] = [];
  for (const [k, v] of ex.features) {
    const i = index.get(k);
    if (i === undefined || v === 0) continue;
    idx.push(i);
    val.push(scale ? v * scale[i] : v);
  }
  return { index: Int32Array.from(idx), value: Float64Array.from(val), y: ex.y, weight: ex.weight ?? 1 };
}

export function round(x: number, digits = 4): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

export function build(train: readonly Labelled[], options: BuildOptions): Built {
  const vocab = vocabulary(train, options.minDf);
  const index = new Map(vocab.map((k, i) => [k, i]));
  const scale = options.nb ? nbRatios(train, vocab, options.ruleScale) : undefined;
  const trained: Trained = trainLogReg(
    train.map((ex) => toSparse(ex, index, scale)),
    vocab.length,
    options,
  );
  const weights = new Map<string, number>();
  vocab.forEach((k, i) => {
    const w = round(trained.weights[i] * (scale ? scale[i] : 1));
    if (Math.abs(w) >= options.prune || isRule(k)) weights.set(k, w);
  });
  return { bias: round(trained.bias), weights };
}

/** z = bias + Σ weight · value for a built model. */
export function score(built: Built, features: Features): number {
  let z = built.bias;
  for (const [k, v] of features) {
    const w = built.weights.get(k);
    if (w !== undefined) z += w * v;
  }
  return z;
}

export { predict };
