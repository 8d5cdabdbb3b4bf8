/**
 * Learned English aspect polarity: a multi-class averaged perceptron over the words of the term's
 * clause (negation-marked), its near neighbours, the term itself and the clause's lexicon score.
 * Trained beside the tagger on SemEval-2014 restaurants (negative / neutral / positive; "conflict"
 * terms are left out of training).
 */
import { clauseAround, clauseBoundaries } from './clause.js';
import { NEGATORS_EN } from './lexicon.js';
import { lexiconScore } from './lexicon-score.js';
import { mulberry32 } from './perceptron.js';
import { tokenizeEn } from './tokenize-en.js';

export const POLARITIES = ['negative', 'neutral', 'positive'] as const;
export type Polarity = (typeof POLARITIES)[number];

const EPOCHS = 10;

export function polarityFeatures(text: string, start: number, end: number): string[] {
  const tokens = tokenizeEn(text);
  const win = clauseAround(text, start, end, clauseBoundaries(text));
  const f = ['b'];
  const lex = lexiconScore(text.slice(win.start, win.end));
  f.push(`lx=${lex > 0.3 ? '++' : lex > 0.05 ? '+' : lex < -0.3 ? '--' : lex < -0.05 ? '-' : '0'}`);
  f.push(`t=${text.slice(start, end).toLowerCase()}`);
  let negation = 0;
  tokens.forEach((tok, i) => {
    const w = tok.text.toLowerCase().replace(/’/g, "'");
    if (tok.start >= start && tok.end <= end) return;
    f.push(`s=${w}`);
    if (tok.start >= win.start && tok.end <= win.end) {
      if (NEGATORS_EN.has(w)) negation = 3;
      else if (negation > 0) negation--;
      f.push(`c=${negation > 0 && !NEGATORS_EN.has(w) ? 'NOT_' : ''}${w}`);
      const prev = i > 0 ? tokens[i - 1] : null;
      if (prev && prev.start >= win.start) f.push(`cb=${prev.text.toLowerCase()}|${w}`);
    }
    const near = tok.end <= start ? tokens.filter((k) => k.start >= tok.end && k.end <= start).length : tokens.filter((k) => k.start >= end && k.end <= tok.start).length;
    if (near <= 2) f.push(`${tok.end <= start ? 'l' : 'r'}=${w}`);
  });
  return f;
}

export interface PolarityRow { text: string; aspect_terms: Array<{ polarity: string; from: number; to: number }> }

export function trainPolarity(rows: PolarityRow[], seed: number, scale: number, prune = 0): Record<string, [number, number, number]> {
  const examples: Array<{ f: string[]; y: number }> = [];
  for (const row of rows) {
    for (const t of row.aspect_terms) {
      const y = POLARITIES.indexOf(t.polarity as Polarity);
      if (y >= 0) examples.push({ f: polarityFeatures(row.text, t.from, t.to), y });
    }
  }
  const w = new Map<string, Float64Array>();
  const total = new Map<string, Float64Array>();
  const stamp = new Map<string, Float64Array>();
  let clock = 0;
  const vec = (m: Map<string, Float64Array>, k: string) => {
    let v = m.get(k);
    if (!v) { v = new Float64Array(3); m.set(k, v); }
    return v;
  };
  const update = (k: string, y: number, d: number) => {
    const wv = vec(w, k); const tv = vec(total, k); const sv = vec(stamp, k);
    tv[y] += (clock - sv[y]) * wv[y];
    sv[y] = clock;
    wv[y] += d;
  };
  const rand = mulberry32(seed);
  const order = examples.map((_, i) => i);
  for (let e = 0; e < EPOCHS; e++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    for (const idx of order) {
      clock++;
      const ex = examples[idx];
      const s = [0, 0, 0];
      for (const k of ex.f) { const v = w.get(k); if (v) for (let c = 0; c < 3; c++) s[c] += v[c]; }
      let p = 0;
      for (let c = 1; c < 3; c++) if (s[c] > s[p]) p = c;
      if (p !== ex.y) for (const k of ex.f) { update(k, ex.y, 1); update(k, p, -1); }
    }
  }
  const out: Record<string, [number, number, number]> = {};
  for (const [k, v] of w) {
    const tv = total.get(k)!; const sv = stamp.get(k)!;
    const avg = [0, 1, 2].map((c) => (tv[c] + (clock - sv[c]) * v[c]) / clock);
    const q = avg.map((x) => Math.round(x * scale)) as [number, number, number];
    if (Math.max(...avg.map(Math.abs)) >= prune && q.some((x) => x !== 0)) out[k] = q;
  }
  return out;
}

/** Class scores [negative, neutral, positive] for the term at [start, end). */
export function polarityScores(weights: Map<string, [number, number, number]>, text: string, start: number, end: number): [number, number, number] {
  const s: [number, number, number] = [0, 0, 0];
  for (const k of polarityFeatures(text, start, end)) {
    const v = weights.get(k);
    if (v) { s[0] += v[0]; s[1] += v[1]; s[2] += v[2]; }
  }
  return s;
}
