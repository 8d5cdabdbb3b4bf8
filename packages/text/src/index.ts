/**
 * @touchpoint/text: one text-analytics library for every text source (survey answers, reviews,
 * chats, cases). Pure and synchronous: no network, no downloads; models live in ../model.
 *
 * `analyzeText` returns one plain object; later analyses (key phrases, aspects, themes, cues) add
 * their own fields to `TextAnalysis` and `SentenceAnalysis` beside `sentiment`.
 */
import { detectSentences, dominantLanguage, toSimplified, type Language, type LanguageOptions } from './language/index.js';
import type { SegmenterName } from './segment/index.js';
import { combineSentences, scoreSentence, type Sentiment } from './sentiment/index.js';
import { loadModel } from './sentiment/model.js';
import type { ModelLanguage } from './sentiment/features.js';

export type { Language, LanguageSpan, Span } from './language/index.js';
export { detectLanguage, detectSentences, splitSentences, toSimplified } from './language/index.js';
export { segmentChinese, jiebaSegment, intlSegment, DEFAULT_SEGMENTER, type SegmenterName } from './segment/index.js';
export type { Sentiment, SentimentLabel } from './sentiment/index.js';

export interface AnalyzeOptions extends LanguageOptions {
  /** Chinese segmenter; only for measurements: the model was trained with its own (default). */
  segmenter?: SegmenterName;
}

export interface SentenceAnalysis {
  /** The sentence as written (`text.slice(start, end)` of the analysed text). */
  text: string;
  /** UTF-16 offsets into the analysed text. */
  start: number;
  end: number;
  language: Language;
  sentiment: Sentiment;
}

export interface TextAnalysis {
  /** The language carrying most of the text. */
  language: Language;
  sentences: SentenceAnalysis[];
  sentiment: Sentiment;
  /** Which models produced this analysis, e.g. "en-1a2b3c4d5e6f+zh-0f1e2d3c4b5a". */
  modelVersion: string;
}

export function modelLanguage(language: Language): ModelLanguage | undefined {
  return language === 'en' ? 'en' : language === 'zh-Hant' || language === 'zh-Hans' ? 'zh' : undefined;
}

/** The text analysed for a sentence: Chinese in Simplified characters (offsets unchanged). */
function analysisText(sentence: string, language: Language): string {
  return language === 'zh-Hant' || language === 'zh-Hans' ? toSimplified(sentence).text : sentence;
}

/** The version of every model `analyzeText` may use. */
export function modelVersion(): string {
  return `en-${loadModel('en').file.version}+zh-${loadModel('zh').file.version}`;
}

export function analyzeText(text: string, options: AnalyzeOptions = {}): TextAnalysis {
  const spans = detectSentences(text, options);
  const scored = spans.map((s) => {
    const sentence = text.slice(s.start, s.end);
    return scoreSentence(analysisText(sentence, s.language), modelLanguage(s.language), options);
  });
  return {
    language: dominantLanguage(text, spans),
    sentences: spans.map((s, i) => ({
      text: text.slice(s.start, s.end),
      start: s.start,
      end: s.end,
      language: s.language,
      sentiment: scored[i].sentiment,
    })),
    sentiment: combineSentences(scored),
    modelVersion: modelVersion(),
  };
}
