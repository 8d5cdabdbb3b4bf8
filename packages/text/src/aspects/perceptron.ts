/**
 * A first-order structured perceptron over BIO tags (Collins 2002), averaged, with Viterbi decoding.
 * Training is deterministic: a seeded shuffle (mulberry32) and insertion-ordered feature ids.
 * Tags: 0 = O, 1 = B, 2 = I. "I" may only follow B or I.
 */
export const TAGS = ['O', 'B', 'I'] as const;
export const N_TAGS = 3;
/** Transition rows: 0..2 = previous tag, 3 = sentence start. */
const START = 3;

export interface TaggerWeights {
  /** feature string -> weights per tag [O, B, I] */
  features: Map<string, [number, number, number]>;
  /** (prev tag or START) * 3 + tag */
  transitions: number[];
}

function allowed(prev: number, tag: number): boolean {
  return !(tag === 2 && (prev === 0 || prev === START));
}

/** Viterbi over per-token emission scores; returns the best tag sequence. */
export function viterbi(emissions: Float64Array[], transitions: ArrayLike<number>): number[] {
  const n = emissions.length;
  if (n === 0) return [];
  const score: Float64Array[] = [];
  const back: Int8Array[] = [];
  for (let i = 0; i < n; i++) {
    const s = new Float64Array(N_TAGS);
    const b = new Int8Array(N_TAGS);
    for (let t = 0; t < N_TAGS; t++) {
      let best = -Infinity;
      let arg = 0;
      if (i === 0) {
        best = allowed(START, t) ? transitions[START * N_TAGS + t] : -Infinity;
      } else {
        for (let p = 0; p < N_TAGS; p++) {
          if (!allowed(p, t)) continue;
          const v = score[i - 1][p] + transitions[p * N_TAGS + t];
          if (v > best) { best = v; arg = p; }
        }
      }
      s[t] = best + emissions[i][t];
      b[t] = arg;
    }
    score.push(s);
    back.push(b);
  }
  const tags = new Array<number>(n);
  let last = 0;
  for (let t = 1; t < N_TAGS; t++) if (score[n - 1][t] > score[n - 1][last]) last = t;
  tags[n - 1] = last;
  for (let i = n - 1; i > 0; i--) tags[i - 1] = back[i][tags[i]];
  return tags;
}

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface TrainingSentence {
  /** features per token */
  features: string[][];
  /** gold tag per token */
  tags: number[];
}

export interface TrainOptions {
  epochs: number;
  seed: number;
}

/** Averaged structured perceptron training ("lazy" averaging with per-weight timestamps). */
export function trainTagger(data: TrainingSentence[], opts: TrainOptions): TaggerWeights {
  const ids = new Map<string, number>();
  const encoded = data.map((s) => ({
    tags: s.tags,
    feats: s.features.map((fs) => Int32Array.from(fs, (f) => {
      let id = ids.get(f);
      if (id === undefined) { id = ids.size; ids.set(f, id); }
      return id;
    })),
  }));
  const size = ids.size * N_TAGS + (START + 1) * N_TAGS;
  const tOffset = ids.size * N_TAGS;
  const w = new Float64Array(size);
  const total = new Float64Array(size);
  const stamp = new Float64Array(size);
  let clock = 0;
  const update = (k: number, delta: number) => {
    total[k] += (clock - stamp[k]) * w[k];
    stamp[k] = clock;
    w[k] += delta;
  };
  const rand = mulberry32(opts.seed);
  const order = encoded.map((_, i) => i);
  for (let epoch = 0; epoch < opts.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    for (const idx of order) {
      const s = encoded[idx];
      clock++;
      const em = s.feats.map((fs) => {
        const e = new Float64Array(N_TAGS);
        for (const f of fs) for (let t = 0; t < N_TAGS; t++) e[t] += w[f * N_TAGS + t];
        return e;
      });
      const pred = viterbi(em, w.subarray(tOffset));
      for (let i = 0; i < pred.length; i++) {
        const g = s.tags[i];
        const p = pred[i];
        const gPrev = i === 0 ? START : s.tags[i - 1];
        const pPrev = i === 0 ? START : pred[i - 1];
        if (g !== p) {
          for (const f of s.feats[i]) { update(f * N_TAGS + g, 1); update(f * N_TAGS + p, -1); }
        }
        if (g !== p || gPrev !== pPrev) {
          update(tOffset + gPrev * N_TAGS + g, 1);
          update(tOffset + pPrev * N_TAGS + p, -1);
        }
      }
    }
  }
  const avg = (k: number) => (total[k] + (clock - stamp[k]) * w[k]) / clock;
  const features = new Map<string, [number, number, number]>();
  for (const [f, id] of ids) {
    features.set(f, [avg(id * N_TAGS), avg(id * N_TAGS + 1), avg(id * N_TAGS + 2)]);
  }
  const transitions: number[] = [];
  for (let k = 0; k < (START + 1) * N_TAGS; k++) transitions.push(avg(tOffset + k));
  return { features, transitions };
}

/** Tags one sentence given its per-token features. */
export function tag(weights: TaggerWeights, features: string[][]): number[] {
  const em = features.map((fs) => {
    const e = new Float64Array(N_TAGS);
    for (const f of fs) {
      const v = weights.features.get(f);
      if (v) { e[0] += v[0]; e[1] += v[1]; e[2] += v[2]; }
    }
    return e;
  });
  return viterbi(em, weights.transitions);
}
