/**
 * Key phrases and aspects with aspect-level sentiment, for English and Chinese (繁/简).
 * English terms come from a trained tagger (model/aspects-en.json), Chinese phrases from token
 * patterns plus seed aspects. Each aspect's sentiment is that of its clause: the learned English
 * polarity model, or a supplied sentence-sentiment function, or the built-in lexicon.
 *
 * Sentence splitting, Chinese segmentation and clause sentiment default to the package's own
 * modules (language, segment, sentiment) and can be replaced through AspectOptions.
 */
import { splitSentences } from '../language/index.js';
import { clauseAround, clauseBoundaries, type Window } from './clause.js';
import { extractNounChunksZh } from './chunk-zh.js';
import { extractKeyPhrasesZh, type Tokenize } from './extract-zh.js';
import { lexiconScore } from './lexicon-score.js';
import { defaultAspectModelEn, extractTermsEn, type AspectModelEn } from './model-en.js';
import { packageSentenceScore } from './package-sentiment.js';
import { polarityScores } from './polarity-en.js';
import { seedTermsEn } from './seeds-en.js';
import { norm as normWord } from './features-en.js';
import { tokenizeEn } from './tokenize-en.js';

export { extractKeyPhrasesZh, SEED_ASPECTS_ZH, type KeyPhrase, type Tokenize } from './extract-zh.js';
export { extractTermsEn, defaultAspectModelEn, fromJson, type AspectModelEn, type AspectModelJson, type TermSpan } from './model-en.js';
export { tokenizeEn, type Token } from './tokenize-en.js';
export { seedTermsEn, SEED_ASPECTS_EN } from './seeds-en.js';
export { clauseAround, clauseBoundaries, type Window } from './clause.js';
export { lexiconScore } from './lexicon-score.js';
export { packageSentenceScore } from './package-sentiment.js';

export type SentimentLabel = 'positive' | 'negative' | 'neutral';

export interface Aspect {
  /** the term exactly as written: text.slice(start, end) */
  term: string;
  start: number;
  end: number;
  language: 'en' | 'zh';
  /** how it was found: the English tagger, a Chinese token pattern, or a seed list */
  source: 'model' | 'pattern' | 'seed';
  /** sentiment of the term's clause in [-1, 1] */
  sentiment: number;
  label: SentimentLabel;
  clause: Window;
}

export interface AspectOptions {
  /**
   * Chinese: the token-run extractor (extract-zh.ts) over this segmenter, instead of the default
   * noun chunks of jieba's part-of-speech tags (chunk-zh.ts); kept as the measured reference.
   */
  tokenizeChinese?: Tokenize;
  /** sentiment in [-1, 1] of an aspect's clause; default defaultClauseScore */
  scoreSentence?: (text: string) => number;
  /** sentence spans; default the package's splitSentences */
  splitSentences?: (text: string) => Window[];
  /** English model; default model/aspects-en.json */
  model?: AspectModelEn;
  /** add the English CX seed aspects (seeds-en.ts) to the tagger's terms (default true) */
  seeds?: boolean;
  /** use the learned English polarity model when the term is English (default true) */
  learnedPolarity?: boolean;
  /** English: weight of the clause scorer blended with the learned model (default LEXICON_WEIGHT_EN) */
  lexiconWeight?: number;
  /**
   * English: use the learned (restaurant) polarity model only for terms its training data knew
   * (restaurant-like text); other terms ("app", "refund") take the general clause sentiment
   * (default true).
   */
  domainGate?: boolean;
  /** English, terms outside the tagger's domain: weight of the general clause sentiment (default GENERAL_WEIGHT_EN) */
  generalWeight?: number;
  /** the package's sentence sentiment in [-1, 1] of a clause; default packageSentenceScore */
  sentenceSentiment?: SentenceSentiment;
}

/** Where a scored clause sits: the sentence it was cut from and its offsets in it. */
export interface ClauseContext {
  sentence: string;
  start: number;
  end: number;
}

/** A sentence-sentiment function in [-1, 1]; `context` lets a caller reuse the sentence's own analysis. */
export type SentenceSentiment = (text: string, context?: ClauseContext) => number;
type ClauseScorer = (text: string, context?: ClauseContext) => number;

const HAN = /\p{Script=Han}/u;
/** English blend of learned polarity and clause lexicon, chosen on the train holdout (README). */
export const LEXICON_WEIGHT_EN = 0.35;
/** English terms the restaurant data never had: weight of the general clause sentiment (see the README). */
export const GENERAL_WEIGHT_EN = 0.5;
/** Label thresholds on a [-1, 1] score. */
export const NEUTRAL_BAND = 0.1;

let intl: Intl.Segmenter | undefined;
export const intlTokenize: Tokenize = (text) => {
  intl ??= new Intl.Segmenter('zh', { granularity: 'word' });
  return [...intl.segment(text)].map((s) => s.segment).filter((s) => s.trim() !== '');
};

/** A splitter without the language module: after . ! ? 。！？ and newlines. */
export function simpleSentences(text: string): Window[] {
  const out: Window[] = [];
  for (const m of text.matchAll(/[^.!?。！？\n]+[.!?。！？]*/gu)) {
    const raw = m[0];
    const lead = raw.length - raw.trimStart().length;
    const s = (m.index ?? 0) + lead;
    const e = (m.index ?? 0) + raw.trimEnd().length;
    if (e > s) out.push({ start: s, end: e });
  }
  return out;
}

/**
 * The clause scorer used when none is supplied: the lexicon for English (on SemEval clauses it
 * labels better than the sentence model, see the README); for Chinese the mean of the lexicon and
 * the package's sentence model (src/sentiment), which miss in different places.
 */
export function defaultClauseScore(clause: string, sentenceSentiment?: SentenceSentiment, context?: ClauseContext): number {
  if (!HAN.test(clause)) return lexiconScore(clause);
  return generalClauseScore(clause, sentenceSentiment, context);
}

function clauseScorer(options: AspectOptions): ClauseScorer {
  const given = options.scoreSentence;
  return given ? (t) => given(t) : (t, context) => defaultClauseScore(t, options.sentenceSentiment, context);
}

/**
 * The general clause scorer: the mean of the hand-written lexicon and the package's sentence model
 * (src/sentiment, trained on reviews, tweets and ChnSentiCorp), for any domain and both languages.
 */
export function generalClauseScore(clause: string, sentenceSentiment: SentenceSentiment = packageSentenceScore, context?: ClauseContext): number {
  const model = sentenceSentiment(clause, context);
  return Number.isFinite(model) ? (lexiconScore(clause) + model) / 2 : lexiconScore(clause);
}

/** Whether the tagger's training data had this term (or its head word) as an aspect term: restaurant-like. */
export function knownTerm(model: AspectModelEn, term: string): boolean {
  const words = tokenizeEn(term).map((t) => normWord(t.text));
  if (words.length === 0) return false;
  return model.lexicon.terms.has(words.join(' ')) || model.lexicon.terms.has(words[words.length - 1]);
}

export function labelOf(score: number): SentimentLabel {
  return score > NEUTRAL_BAND ? 'positive' : score < -NEUTRAL_BAND ? 'negative' : 'neutral';
}

/**
 * Sentiment of the term at [start, end) of `text` (a sentence): the clause around it scored by
 * `scoreSentence` or the lexicon; for English with the learned model, its class scores blended with
 * the clause lexicon. The learned model knows restaurants only: a term its training data never had
 * ("app", "refund") gets half the general clause sentiment (lexicon + the package's sentence model),
 * and all of it when that verdict is clearly signed and the blend disagrees.
 */
export function aspectSentiment(
  text: string, start: number, end: number, options: AspectOptions = {},
): { score: number; label: SentimentLabel; clause: Window } {
  const clause = clauseAround(text, start, end, clauseBoundaries(text));
  const english = !HAN.test(text.slice(start, end));
  if (english && options.learnedPolarity !== false) {
    const model = options.model ?? defaultAspectModelEn();
    const unknown = model.polarity && options.domainGate !== false && !knownTerm(model, text.slice(start, end));
    const g = unknown ? (options.generalWeight ?? GENERAL_WEIGHT_EN) : 0;
    const given = options.scoreSentence;
    const generalScorer: ClauseScorer = given ? (t) => given(t) : (t, context) => generalClauseScore(t, options.sentenceSentiment, context);
    const general = g > 0 ? clauseScore(text, clause, generalScorer) : 0;
    if (g >= 1) return { score: general, label: labelOf(general), clause };
    if (model.polarity) {
      const s = polarityScores(model.polarity, text, start, end).map((x) => x / model.scale);
      const m = Math.max(...s);
      const e = s.map((x) => Math.exp(x - m));
      const z = e[0] + e[1] + e[2];
      const learned = (e[2] - e[0]) / z;
      const w = options.lexiconWeight ?? LEXICON_WEIGHT_EN;
      if (w === 0 && g === 0) {
        const label: SentimentLabel = s[2] === m ? 'positive' : s[0] === m ? 'negative' : 'neutral';
        return { score: learned, label, clause };
      }
      const inDomain = w === 0 ? learned : (1 - w) * learned + w * clauseScore(text, clause, clauseScorer(options));
      let score = (1 - g) * inDomain + g * general;
      // Outside the restaurant domain a confident general verdict wins over a disagreeing blend
      // ("the checkout keeps failing" is negative whatever the restaurant model learned).
      if (g > 0 && Math.abs(general) > NEUTRAL_BAND && Math.sign(general) !== Math.sign(score)) score = general;
      return { score, label: labelOf(score), clause };
    }
  }
  const score = clauseScore(text, clause, clauseScorer(options));
  return { score, label: labelOf(score), clause };
}

function clauseScore(text: string, clause: Window, scorer: ClauseScorer): number {
  const score = scorer(text.slice(clause.start, clause.end), { sentence: text, start: clause.start, end: clause.end });
  // A clause with no sentiment of its own ("try the pork chops, you'll love them") takes the sentence's.
  if (score === 0 && (clause.start > 0 || clause.end < text.length)) return scorer(text, { sentence: text, start: 0, end: text.length });
  return score;
}

export interface AspectTerm {
  term: string;
  start: number;
  end: number;
  language: 'en' | 'zh';
  source: Aspect['source'];
  /** the sentence it was found in */
  sentence: Window;
}

/** Aspect terms (key phrases) of a text in English, Chinese or both, without their sentiment. */
export function findAspectTerms(text: string, options: AspectOptions = {}): AspectTerm[] {
  const out: AspectTerm[] = [];
  for (const sent of (options.splitSentences ?? splitSentences)(text)) {
    const sentence = text.slice(sent.start, sent.end);
    const found: Array<Omit<AspectTerm, 'term' | 'sentence'>> = [];
    // Chinese sentences with English words in them ("delivery fee又起价了") are chunked as Chinese:
    // the English tagger, trained on whole English sentences, splits such phrases.
    if (/[A-Za-z]/.test(sentence) && !HAN.test(sentence)) {
      for (const t of extractTermsEn(sentence, options.model)) {
        if (!HAN.test(t.term)) found.push({ start: t.start, end: t.end, language: 'en', source: 'model' });
      }
      if (options.seeds !== false) {
        for (const t of seedTermsEn(sentence)) {
          if (!found.some((f) => f.start < t.end && t.start < f.end)) found.push({ start: t.start, end: t.end, language: 'en', source: 'seed' });
        }
      }
    }
    if (HAN.test(sentence)) {
      const phrases = options.tokenizeChinese ? extractKeyPhrasesZh(sentence, options.tokenizeChinese) : extractNounChunksZh(sentence);
      for (const p of phrases) {
        if (!found.some((f) => f.start < p.end && p.start < f.end)) found.push({ start: p.start, end: p.end, language: 'zh', source: p.source });
      }
    }
    found.sort((a, b) => a.start - b.start);
    for (const f of found) {
      out.push({ ...f, term: sentence.slice(f.start, f.end), start: sent.start + f.start, end: sent.start + f.end, sentence: { start: sent.start, end: sent.end } });
    }
  }
  return out;
}

/** Aspects (key phrases with their sentiment) of a text in English, Chinese or both. */
export function extractAspects(text: string, options: AspectOptions = {}): Aspect[] {
  return findAspectTerms(text, options).map((t) => {
    const sentence = text.slice(t.sentence.start, t.sentence.end);
    const s = aspectSentiment(sentence, t.start - t.sentence.start, t.end - t.sentence.start, options);
    return {
      term: t.term,
      start: t.start,
      end: t.end,
      language: t.language,
      source: t.source,
      sentiment: s.score,
      label: s.label,
      clause: { start: t.sentence.start + s.clause.start, end: t.sentence.start + s.clause.end },
    };
  });
}

/** Distinct key phrases of a text, in order of first appearance. */
export function keyPhrases(text: string, options: AspectOptions = {}): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const a of findAspectTerms(text, options)) {
    const k = a.term.toLowerCase();
    if (!seen.has(k)) { seen.add(k); out.push(a.term); }
  }
  return out;
}
