/**
 * Features of a sentence for the learned model, the same code at training and at run time:
 * word unigrams (marked "!" inside a negator's scope) and bigrams, character n-grams for Chinese,
 * and the rule score (lexicon + negation, intensifiers, contrast, emoji, caps, exclamations).
 * Values are the token's clause weight (contrast), so "…, but terrible" outweighs what came before.
 */
import { emojiValence } from './emoji.js';
import { EN_BOOSTERS, EN_CONTRAST, EN_NEGATORS, EN_PHRASES } from './words-en.js';
import { ZH_BOOSTERS, ZH_CONTRAST, ZH_NEGATING_PREFIXES, ZH_NEGATORS } from './words-zh.js';
import { clauseWeights, isClauseBreak, negatorBefore, phraseTable, ruleScore, type RuleScore, type RuleToken, type RuleWords } from './rules.js';
import { tokenizeChinese, tokenizeEnglish, type Tokens } from './tokenize.js';
import type { SegmenterName } from '../segment/index.js';
import { splitSentences } from '../language/sentences.js';

export type ModelLanguage = 'en' | 'zh';
export type Features = Map<string, number>;

export interface FeatureConfig {
  /** Longest word n-gram. */
  wordNgrams: number;
  /** Longest character n-gram (Chinese only; 0 for none). */
  charNgrams: number;
  /** Whether n-gram values carry the clause weight (contrast) instead of 1. */
  clauseWeighted: boolean;
  /** Words after a negator (within its clause) whose unigram is marked negated; default 3, as the rules. */
  negationScope?: number;
}

export interface SentenceFeatures {
  features: Features;
  rule: RuleScore;
  /** Tokens read (for the short-text blend in model.ts). */
  tokens: number;
}

export function ruleWords(language: ModelLanguage, lexicon: ReadonlyMap<string, number>): RuleWords {
  const valence = (t: string) => lexicon.get(t) ?? emojiValence(t);
  if (language === 'en') return { valence, negators: EN_NEGATORS, boosters: EN_BOOSTERS, contrast: EN_CONTRAST, phrases: EN_PHRASE_TABLE };
  return {
    valence,
    negators: ZH_NEGATORS,
    boosters: ZH_BOOSTERS,
    contrast: ZH_CONTRAST,
    joinSingles: true,
    splitFused(token) {
      if (token.length < 2 || !FUSED_FIRST.has(token[0])) return undefined;
      for (const [prefix, boost] of ZH_NEGATING_PREFIXES) {
        if (token.length > prefix.length && token.startsWith(prefix)) {
          const v = lexicon.get(token.slice(prefix.length));
          if (v !== undefined) return { valence: v, boost, negated: true };
        }
      }
      for (const [prefix, boost] of ZH_BOOSTERS) {
        if (token.length > prefix.length && token.startsWith(prefix)) {
          const v = lexicon.get(token.slice(prefix.length));
          if (v !== undefined) return { valence: v, boost, negated: false };
        }
      }
      return undefined;
    },
  };
}

const EN_PHRASE_TABLE = phraseTable(Object.entries(EN_PHRASES).map(([k, v]) => [k.split(' '), v] as const));

const FUSED_FIRST = new Set([...ZH_NEGATING_PREFIXES.map(([p]) => p[0]), ...[...ZH_BOOSTERS.keys()].map((p) => p[0])]);

function isNumber(token: string): boolean {
  const c = token.charCodeAt(0);
  return c >= 48 && c <= 57 && /^\d[\d.,:%]*$/.test(token);
}

function put(f: Features, key: string, value: number): void {
  const old = f.get(key);
  if (old === undefined || value > old) f.set(key, value);
}

/**
 * Where the n-gram features of a sentence go. Training collects string keys (`mapSink`); the
 * runtime looks each n-gram up in the compiled model (compiled.ts) without building the key for
 * character n-grams. Both receive the same calls in the same order from the code below.
 */
export interface FeatureSink {
  /** The sentence's word tokens (numbers folded to "0"), given before its word n-grams. */
  words(norms: readonly string[]): void;
  /** The word n-gram norms[i … i + n); a unigram may be marked as inside a negator's scope. */
  word(i: number, n: number, negated: boolean, value: number): void;
  /** A character n-gram (n = 1…3) given by its code points (unused ones 0). */
  chars(n: number, a: number, b: number, c: number, value: number): void;
}

/** The string key of a word n-gram, without the "w:" prefix: "good", "!good" (negated), "not good". */
export function wordKey(norms: readonly string[], i: number, n: number, negated: boolean): string {
  if (n === 1) return negated ? `!${norms[i]}` : norms[i];
  if (n === 2) return `${norms[i]} ${norms[i + 1]}`;
  return norms.slice(i, i + n).join(' ');
}

/** The training-time sink: string keys "w:…" / "c:…", the largest value per key. */
export function mapSink(f: Features): FeatureSink {
  let current: readonly string[] = [];
  return {
    words: (norms) => {
      current = norms;
    },
    word: (i, n, negated, value) => put(f, `w:${wordKey(current, i, n, negated)}`, value),
    chars: (n, a, b, c, value) =>
      put(f, `c:${n === 1 ? String.fromCodePoint(a) : n === 2 ? String.fromCodePoint(a, b) : String.fromCodePoint(a, b, c)}`, value),
  };
}

export function addWordFeatures(sink: FeatureSink, tokens: readonly RuleToken[], weights: readonly number[], words: RuleWords, config: FeatureConfig): void {
  const norms = tokens.map((t) => (isNumber(t.norm) ? '0' : t.norm));
  sink.words(norms);
  for (let i = 0; i < norms.length; i++) {
    const w = config.clauseWeighted ? weights[i] : 1;
    const negated = negatorBefore(tokens, i, words.negators, config.negationScope) >= 0 && !isClauseBreak(norms[i]);
    sink.word(i, 1, negated, w);
    for (let n = 2; n <= config.wordNgrams && i + n <= norms.length; n++) sink.word(i, n, false, w);
  }
}

const MAX_CHAR_NGRAM = 3;

/**
 * Character n-grams over the tokens' characters, digits folded to 0. Chinese tokens run together
 * (n-grams cross word boundaries, which makes them robust to segmentation); English tokens are
 * separated by a space, so n-grams see word starts and ends ("ed " / " un").
 */
export function addCharFeatures(sink: FeatureSink, tokens: readonly RuleToken[], weights: readonly number[], config: FeatureConfig, separate = false): void {
  if (config.charNgrams <= 0) return;
  if (config.charNgrams > MAX_CHAR_NGRAM) throw new Error(`charNgrams > ${MAX_CHAR_NGRAM} is not supported`);
  const chars: number[] = [];
  const charWeights: number[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const norm = tokens[i].norm;
    const w = config.clauseWeighted ? weights[i] : 1;
    if (separate) {
      chars.push(32);
      charWeights.push(w);
    }
    for (let k = 0; k < norm.length; k++) {
      let cp = norm.codePointAt(k)!;
      if (cp > 0xffff) k++;
      else if (cp >= 48 && cp <= 57) cp = 48;
      chars.push(cp);
      charWeights.push(w);
    }
  }
  const n = chars.length;
  for (let i = 0; i < n; i++) {
    const v = charWeights[i];
    sink.chars(1, chars[i], 0, 0, v);
    if (config.charNgrams >= 2 && i + 1 < n) sink.chars(2, chars[i], chars[i + 1], 0, v);
    if (config.charNgrams >= 3 && i + 2 < n) sink.chars(3, chars[i], chars[i + 1], chars[i + 2], v);
  }
}

export function isRuleFeatureKey(key: string): boolean {
  return key.startsWith('r:');
}

export function ruleFeatures(f: Features, rule: RuleScore): void {
  f.set('r:compound', rule.compound);
  f.set('r:pos', Math.tanh(rule.pos / 4));
  f.set('r:neg', Math.tanh(rule.neg / 4));
  if (rule.hits === 0) f.set('r:none', 1);
  if (rule.negated > 0) f.set('r:negated', 1);
}

export function tokenize(language: ModelLanguage, text: string, segmenter?: SegmenterName): Tokens {
  return language === 'en' ? tokenizeEnglish(text) : tokenizeChinese(text, segmenter);
}

/** Features of one sentence (Chinese text already normalised to Simplified). */
export function sentenceFeatures(
  language: ModelLanguage,
  text: string,
  words: RuleWords,
  config: FeatureConfig,
  segmenter?: SegmenterName,
): SentenceFeatures {
  const { tokens, exclamations } = tokenize(language, text, segmenter);
  const weights = clauseWeights(tokens, words.contrast);
  const rule = ruleScore(tokens, words, exclamations);
  const features: Features = new Map();
  const sink = mapSink(features);
  addWordFeatures(sink, tokens, weights, words, config);
  addCharFeatures(sink, tokens, weights, config, language === 'en');
  ruleFeatures(features, rule);
  return { features, rule, tokens: tokens.length };
}

/**
 * Features of several sentences read as one text: n-grams merged (largest value wins), rule sums
 * added. A sentence that opens with a contrast word halves the sentence before it.
 */
export function mergeSentences(parts: readonly SentenceFeatures[], startsWithContrast: readonly boolean[]): SentenceFeatures {
  const features: Features = new Map();
  let sum = 0;
  let pos = 0;
  let neg = 0;
  let hits = 0;
  let negated = 0;
  let tokens = 0;
  parts.forEach((p, i) => {
    tokens += p.tokens;
    const weight = startsWithContrast[i + 1] ? 0.5 : 1;
    for (const [k, v] of p.features) if (!k.startsWith('r:')) put(features, k, v * weight);
    sum += p.rule.sum * weight;
    pos += p.rule.pos * weight;
    neg += p.rule.neg * weight;
    hits += p.rule.hits;
    negated += p.rule.negated;
  });
  const rule: RuleScore = { sum, pos, neg, compound: sum / Math.sqrt(sum * sum + 15), hits, negated };
  ruleFeatures(features, rule);
  return { features, rule, tokens };
}

/** Whether a sentence opens with a contrast word ("But …", "但是…"), which discounts the one before. */
export function startsWithContrast(language: ModelLanguage, text: string, contrast: ReadonlySet<string>): boolean {
  const first = text.trimStart().match(/^\p{L}+/u)?.[0]?.toLowerCase() ?? '';
  if (first === '') return false;
  if (language === 'en') return contrast.has(first);
  for (const c of contrast) if (first.startsWith(c)) return true;
  return false;
}

/** Features of a whole text in one language, as the models are trained (Chinese in Simplified). */
export function textFeatures(
  language: ModelLanguage,
  text: string,
  words: RuleWords,
  config: FeatureConfig,
  segmenter?: SegmenterName,
): SentenceFeatures {
  const sentences = splitSentences(text).map((s) => text.slice(s.start, s.end));
  if (sentences.length === 0) sentences.push('');
  return mergeSentences(
    sentences.map((s) => sentenceFeatures(language, s, words, config, segmenter)),
    sentences.map((s) => startsWithContrast(language, s, words.contrast)),
  );
}
