/**
 * The English aspect-term model: its JSON shape, loading, and span extraction.
 * Weights are stored as integers (weight × scale) and features with negligible weight are pruned.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { featuresEn, type TermLexicon } from './features-en.js';
import { tag, type TaggerWeights } from './perceptron.js';
import { tokenizeEn, type Token } from './tokenize-en.js';

export interface AspectModelJson {
  version: string;
  about: string;
  scale: number;
  transitions: number[];
  /** feature -> [O, B, I] weights × scale */
  features: Record<string, [number, number, number]>;
  lexicon: { maxLen: number; terms: string[]; words: Record<string, string> };
  /** optional learned polarity weights (feature -> [negative, neutral, positive] × scale) */
  polarity?: Record<string, [number, number, number]>;
}

export interface AspectModelEn {
  version: string;
  weights: TaggerWeights;
  lexicon: TermLexicon;
  polarity: Map<string, [number, number, number]> | null;
  scale: number;
  /** sha256 (12 hex) of the model file's bytes, for the shipped model */
  hash?: string;
}

export function fromJson(json: AspectModelJson): AspectModelEn {
  const features = new Map<string, [number, number, number]>();
  for (const [k, v] of Object.entries(json.features)) features.set(k, v);
  const terms = new Map<string, number>();
  for (const t of json.lexicon.terms) terms.set(t, 1);
  return {
    version: json.version,
    weights: { features, transitions: json.transitions },
    lexicon: { terms, maxLen: json.lexicon.maxLen, wordBucket: new Map(Object.entries(json.lexicon.words)) },
    polarity: json.polarity ? new Map(Object.entries(json.polarity)) : null,
    scale: json.scale,
  };
}

export const MODEL_URL = new URL('../../model/aspects-en.json', import.meta.url);
let cached: AspectModelEn | null = null;

/** The shipped model, read once from packages/text/model/aspects-en.json. */
export function defaultAspectModelEn(): AspectModelEn {
  if (!cached) {
    const text = readFileSync(MODEL_URL, 'utf8');
    cached = { ...fromJson(JSON.parse(text) as AspectModelJson), hash: createHash('sha256').update(text).digest('hex').slice(0, 12) };
  }
  return cached;
}

export interface TermSpan {
  term: string;
  start: number;
  end: number;
}

/** Tags pre-tokenised text and returns the B/I runs as character spans. */
export function spansFromTokens(text: string, tokens: Token[], tags: number[]): TermSpan[] {
  const out: TermSpan[] = [];
  let i = 0;
  while (i < tokens.length) {
    if (tags[i] !== 1) { i++; continue; }
    let j = i + 1;
    while (j < tokens.length && tags[j] === 2) j++;
    const start = tokens[i].start;
    const end = tokens[j - 1].end;
    out.push({ term: text.slice(start, end), start, end });
    i = j;
  }
  return out;
}

/** English aspect terms of one sentence (or short text) with their character spans. */
export function extractTermsEn(text: string, model: AspectModelEn = defaultAspectModelEn()): TermSpan[] {
  const tokens = tokenizeEn(text);
  if (tokens.length === 0) return [];
  const tags = tag(model.weights, featuresEn(tokens.map((t) => t.text), model.lexicon));
  return spansFromTokens(text, tokens, tags);
}
