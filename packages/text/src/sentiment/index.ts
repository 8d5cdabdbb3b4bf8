/**
 * Sentiment of sentences and texts in English and Chinese: a score in [−1, 1] and a label.
 * Each sentence is scored by its language's model; a text's score adds the evidence of all its
 * sentences (linear models add up), with each language's bias weighted by its share of sentences.
 */
import type { SegmenterName } from '../segment/index.js';
import { startsWithContrast, tokenize, type ModelLanguage } from './features.js';
import { mergeSparse, sparseDot, sparseSentence, type SparseSentence } from './compiled.js';
import { blend, compiledModel, loadModel, toScore, type Model } from './model.js';
import { ruleScore, type RuleToken } from './rules.js';
import { emojiValence } from './emoji.js';
import { tokenizeEnglish } from './tokenize.js';

export type SentimentLabel = 'negative' | 'neutral' | 'positive';

export interface Sentiment {
  /** −1 (most negative) … +1 (most positive). */
  score: number;
  label: SentimentLabel;
}

export interface ScoredSentence {
  /** The model that scored it; undefined for text in another language (emoji only). */
  model?: ModelLanguage;
  sentiment: Sentiment;
  /** The sentence's features as the model's sparse vector (for the text's score). */
  features?: SparseSentence;
  startsWithContrast: boolean;
  /** The tokens read (for reuse by aspects); absent for text without a model. */
  tokens?: readonly RuleToken[];
}

export interface SentimentOptions {
  segmenter?: SegmenterName;
}

const OTHER_BAND = 0.05;

export function label(score: number, band: number): SentimentLabel {
  return score > band ? 'positive' : score < -band ? 'negative' : 'neutral';
}

function round(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}

/** Score and label of z; `hits` is the number of sentiment words the rules found (see neutralBandNoHits). */
export function sentimentOf(model: Model, z: number, hits = 1): Sentiment {
  const score = round(toScore(model, z));
  const { neutralBand, neutralBandNoHits } = model.file;
  const band = hits === 0 && neutralBandNoHits !== undefined ? Math.max(neutralBand, neutralBandNoHits) : neutralBand;
  return { score, label: label(score, band) };
}

/** Emoji and emoticons only: for sentences in languages without a model. */
function emojiSentiment(text: string): Sentiment {
  const { tokens } = tokenizeEnglish(text);
  const r = ruleScore(tokens, {
    valence: emojiValence,
    negators: new Set(),
    boosters: new Map(),
    contrast: new Set(),
  });
  const score = round(r.compound);
  return { score, label: label(score, OTHER_BAND) };
}

/**
 * Scores one sentence. `analysisText` is the sentence normalised for its model (Simplified for
 * Chinese); `model` is undefined for languages without one.
 */
export function scoreSentence(analysisText: string, language: ModelLanguage | undefined, options: SentimentOptions = {}): ScoredSentence {
  if (!language) return { sentiment: emojiSentiment(analysisText), startsWithContrast: false };
  const model = loadModel(language);
  const segmenter = options.segmenter ?? model.file.config.segmenter;
  const { tokens, exclamations } = tokenize(language, analysisText, segmenter);
  return { ...scoreTokens(language, tokens, exclamations, analysisText), tokens };
}

/**
 * Scores tokens already made for a sentence (or a stretch of one, such as an aspect's clause cut
 * from the sentence's tokens); `analysisText` is only read for a leading contrast word.
 */
export function scoreTokens(language: ModelLanguage, tokens: readonly RuleToken[], exclamations: number, analysisText: string): ScoredSentence {
  const model = loadModel(language);
  const compiled = compiledModel(model);
  const features = sparseSentence(compiled, language, tokens, exclamations, model.words, model.file.config);
  const z = model.file.bias + sparseDot(compiled, features.ids, features.values, features.rule);
  return {
    model: language,
    sentiment: sentimentOf(model, blend(model, z, features.rule.compound, features.tokens), features.rule.hits),
    features,
    startsWithContrast: startsWithContrast(language, analysisText, model.words.contrast),
  };
}

/** Sentiment of a whole text from its scored sentences. */
export function combineSentences(sentences: readonly ScoredSentence[]): Sentiment {
  const byModel = new Map<ModelLanguage, ScoredSentence[]>();
  for (const s of sentences) {
    if (!s.model) continue;
    const list = byModel.get(s.model);
    if (list) list.push(s);
    else byModel.set(s.model, [s]);
  }
  if (byModel.size === 0) {
    if (sentences.length === 0) return { score: 0, label: 'neutral' };
    const sum = sentences.reduce((a, s) => a + s.sentiment.score, 0);
    const score = round(Math.max(-1, Math.min(1, sum)));
    return { score, label: label(score, OTHER_BAND) };
  }
  const scored = [...byModel.values()].reduce((a, l) => a + l.length, 0);
  let z = 0;
  let main: Model | undefined;
  let mainCount = -1;
  let hits = 0;
  for (const [language, list] of byModel) {
    const model = loadModel(language);
    const compiled = compiledModel(model);
    const merged = mergeSparse(
      compiled,
      list.map((s) => s.features!),
      list.map((s) => s.startsWithContrast),
    );
    const dot = sparseDot(compiled, merged.ids, merged.values, merged.rule);
    hits += merged.rule.hits;
    z += blend(model, (model.file.bias * list.length) / scored + dot, merged.rule.compound, merged.tokens);
    if (list.length > mainCount) [main, mainCount] = [model, list.length];
  }
  return sentimentOf(main!, z, hits);
}
