/**
 * Key phrases and aspects with aspect-level sentiment, for English and Chinese (繁/简).
 * English terms come from a trained tagger (model/aspects-en.json), Chinese phrases from token
 * patterns plus seed aspects. Each aspect's sentiment is that of its clause: the learned English
 * polarity model, or a supplied sentence-sentiment function, or the built-in lexicon.
 *
 * Sentence splitting, Chinese segmentation and sentence sentiment are injectable so the package's
 * own modules can be wired in by the caller; the defaults are small local ones.
 */
import { clauseAround, clauseBoundaries, type Window } from './clause.js';
import { extractKeyPhrasesZh, type Tokenize } from './extract-zh.js';
import { lexiconScore } from './lexicon-score.js';
import { defaultAspectModelEn, extractTermsEn, type AspectModelEn } from './model-en.js';
import { polarityScores } from './polarity-en.js';

export { extractKeyPhrasesZh, SEED_ASPECTS_ZH, type KeyPhrase, type Tokenize } from './extract-zh.js';
export { extractTermsEn, defaultAspectModelEn, fromJson, type AspectModelEn, type AspectModelJson, type TermSpan } from './model-en.js';
export { tokenizeEn, type Token } from './tokenize-en.js';
export { clauseAround, clauseBoundaries, type Window } from './clause.js';
export { lexiconScore } from './lexicon-score.js';

export type SentimentLabel = 'positive' | 'negative' | 'neutral';

export interface Aspect {
  /** the term exactly as written: text.slice(start, end) */
  term: string;
  start: number;
  end: number;
  language: 'en' | 'zh';
  /** how it was found: the English tagger, a Chinese token pattern, or the Chinese seed list */
  source: 'model' | 'pattern' | 'seed';
  /** sentiment of the term's clause in [-1, 1] */
  sentiment: number;
  label: SentimentLabel;
  clause: Window;
}

export interface AspectOptions {
  /** Chinese word segmenter; default Intl.Segmenter (ICU) */
  tokenizeChinese?: Tokenize;
  /** sentence sentiment in [-1, 1], applied to the aspect's clause; default: the built-in lexicon */
  scoreSentence?: (text: string) => number;
  /** sentence spans; default: split after . ! ? 。！？ and newlines */
  splitSentences?: (text: string) => Window[];
  /** English model; default model/aspects-en.json */
  model?: AspectModelEn;
  /** use the learned English polarity model when the term is English (default true) */
  learnedPolarity?: boolean;
}

const HAN = /\p{Script=Han}/u;
/** Label thresholds on a [-1, 1] score. */
export const NEUTRAL_BAND = 0.1;

let intl: Intl.Segmenter | undefined;
export const intlTokenize: Tokenize = (text) => {
  intl ??= new Intl.Segmenter('zh', { granularity: 'word' });
  return [...intl.segment(text)].map((s) => s.segment).filter((s) => s.trim() !== '');
};

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

export function labelOf(score: number): SentimentLabel {
  return score > NEUTRAL_BAND ? 'positive' : score < -NEUTRAL_BAND ? 'negative' : 'neutral';
}

/**
 * Sentiment of the term at [start, end) of `text` (a sentence): the clause around it scored by
 * `scoreSentence` or the lexicon; for English with the learned model, its class scores.
 */
export function aspectSentiment(
  text: string, start: number, end: number, options: AspectOptions = {},
): { score: number; label: SentimentLabel; clause: Window } {
  const clause = clauseAround(text, start, end, clauseBoundaries(text));
  const english = !HAN.test(text.slice(start, end));
  if (english && options.learnedPolarity !== false) {
    const model = options.model ?? defaultAspectModelEn();
    if (model.polarity) {
      const s = polarityScores(model.polarity, text, start, end).map((x) => x / model.scale);
      const m = Math.max(...s);
      const e = s.map((x) => Math.exp(x - m));
      const z = e[0] + e[1] + e[2];
      const score = (e[2] - e[0]) / z;
      const label: SentimentLabel = s[2] === m ? 'positive' : s[0] === m ? 'negative' : 'neutral';
      return { score, label, clause };
    }
  }
  const scorer = options.scoreSentence ?? lexiconScore;
  let score = scorer(text.slice(clause.start, clause.end));
  // A clause with no sentiment of its own ("try the pork chops, you'll love them") takes the sentence's.
  if (score === 0 && (clause.start > 0 || clause.end < text.length)) score = scorer(text);
  return { score, label: labelOf(score), clause };
}

/** Aspects (key phrases with their sentiment) of a text in English, Chinese or both. */
export function extractAspects(text: string, options: AspectOptions = {}): Aspect[] {
  const sentences = (options.splitSentences ?? simpleSentences)(text);
  const out: Aspect[] = [];
  for (const sent of sentences) {
    const sentence = text.slice(sent.start, sent.end);
    const found: Array<{ start: number; end: number; language: 'en' | 'zh'; source: Aspect['source'] }> = [];
    if (/[A-Za-z]/.test(sentence)) {
      for (const t of extractTermsEn(sentence, options.model)) {
        if (!HAN.test(t.term)) found.push({ start: t.start, end: t.end, language: 'en', source: 'model' });
      }
    }
    if (HAN.test(sentence)) {
      for (const p of extractKeyPhrasesZh(sentence, options.tokenizeChinese ?? intlTokenize)) {
        if (!found.some((f) => f.start < p.end && p.start < f.end)) found.push({ start: p.start, end: p.end, language: 'zh', source: p.source });
      }
    }
    found.sort((a, b) => a.start - b.start);
    for (const f of found) {
      const s = aspectSentiment(sentence, f.start, f.end, options);
      out.push({
        term: sentence.slice(f.start, f.end),
        start: sent.start + f.start,
        end: sent.start + f.end,
        language: f.language,
        source: f.source,
        sentiment: s.score,
        label: s.label,
        clause: { start: sent.start + s.clause.start, end: sent.start + s.clause.end },
      });
    }
  }
  return out;
}

/** Distinct key phrases of a text, in order of first appearance. */
export function keyPhrases(text: string, options: AspectOptions = {}): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const a of extractAspects(text, options)) {
    const k = a.term.toLowerCase();
    if (!seen.has(k)) { seen.add(k); out.push(a.term); }
  }
  return out;
}
