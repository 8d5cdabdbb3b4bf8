/**
 * Logistic regression over sparse features, trained by AdaGrad with L2, deterministically: the
 * vocabulary is sorted, examples are shuffled by a seeded generator, arithmetic runs in one order.
 * Targets may be soft (a probability), so rated data (VADER's human means) trains the same way.
 */
import { mulberry32 } from '../src/aspects/perceptron.js';

export interface SparseExample {
  index: Int32Array;
  value: Float64Array;
  /** Target probability of "positive". */
  y: number;
  weight: number;
}

export interface TrainOptions {
  epochs: number;
  l2: number;
  rate: number;
  seed: number;
}

export interface Trained {
  bias: number;
  weights: Float64Array;
}


function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}

export function trainLogReg(examples: readonly SparseExample[], dims: number, options: TrainOptions): Trained {
  const w = new Float64Array(dims);
  const g2 = new Float64Array(dims);
  let b = 0;
  let gb2 = 0;
  const order = examples.map((_, i) => i);
  const random = mulberry32(options.seed); // seeded: every run shuffles the same way
  const eps = 1e-8;
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    for (const k of order) {
      const ex = examples[k];
      let z = b;
      for (let f = 0; f < ex.index.length; f++) z += w[ex.index[f]] * ex.value[f];
      const err = (sigmoid(z) - ex.y) * ex.weight;
      for (let f = 0; f < ex.index.length; f++) {
        const d = ex.index[f];
        const g = err * ex.value[f] + options.l2 * w[d];
        g2[d] += g * g;
        w[d] -= (options.rate * g) / Math.sqrt(g2[d] + eps);
      }
      gb2 += err * err;
      b -= (options.rate * err) / Math.sqrt(gb2 + eps);
    }
  }
  return { bias: b, weights: w };
}

export function predict(model: Trained, ex: SparseExample): number {
  let z = model.bias;
  for (let f = 0; f < ex.index.length; f++) z += model.weights[ex.index[f]] * ex.value[f];
  return z;
}
