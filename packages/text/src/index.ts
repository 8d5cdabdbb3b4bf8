/**
 * @touchpoint/text: one text-analytics library for every text source (survey answers, reviews,
 * chats, cases). Pure and synchronous: no network, no downloads; models live in ../model.
 *
 * `analyzeText` returns one plain object: language and sentences, sentiment per sentence and per
 * text, key phrases / aspects with their sentiment, anger / frustration / urgency cues, themes of a
 * compiled taxonomy, and one version string covering every model and rule list that produced it.
 */
import { createHash } from 'node:crypto';
import { packageSentenceScore } from './aspects/package-sentiment.js';
import { detectSentences, dominantLanguage, toSimplified, type Language, type LanguageOptions } from './language/index.js';
import type { SegmenterName } from './segment/index.js';
import { combineSentences, scoreSentence, scoreTokens, type Sentiment } from './sentiment/index.js';
import type { RuleToken } from './sentiment/rules.js';
import { loadModel } from './sentiment/model.js';
import type { ModelLanguage } from './sentiment/features.js';
import { defaultAspectModelEn, extractAspects, type Aspect, type AspectOptions } from './aspects/index.js';
import { aspectRulesFingerprint } from './aspects/fingerprint.js';
import { detectCues, type Cues } from './cues/index.js';
import { cueRulesFingerprint } from './cues/fingerprint.js';
import { tagThemes, type CompiledTaxonomy, type TaggedTheme } from './themes/index.js';

export type { Language, LanguageSpan, Span } from './language/index.js';
export { detectLanguage, detectSentences, splitSentences, toSimplified } from './language/index.js';
export { segmentChinese, jiebaSegment, intlSegment, DEFAULT_SEGMENTER, type SegmenterName } from './segment/index.js';
export type { Sentiment, SentimentLabel } from './sentiment/index.js';
export type { Aspect, AspectOptions } from './aspects/index.js';
export { extractAspects, findAspectTerms, keyPhrases } from './aspects/index.js';
export type { Cues, CueHit, CueKind } from './cues/index.js';
export { detectCues } from './cues/index.js';
export type { CompiledTaxonomy, TaggedTheme, ThemeDef } from './themes/index.js';
export { compileTaxonomy, tagThemes, discoverThemes, DEFAULT_TAXONOMY } from './themes/index.js';

export interface AnalyzeOptions extends LanguageOptions {
  /** Chinese segmenter; only for measurements: the model was trained with its own (default). */
  segmenter?: SegmenterName;
  /** Key phrases / aspects with their sentiment (default true; false leaves `aspects` empty). */
  aspects?: boolean;
  /** Anger / frustration / urgency cues (default true; false leaves `cues` empty). */
  cues?: boolean;
  /** Themes of this taxonomy (`compileTaxonomy`); without one `themes` is empty. */
  taxonomy?: CompiledTaxonomy;
  /** Themes below this confidence are left out (tagThemes' default 0.3). */
  minThemeConfidence?: number;
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
  /** Key phrases / aspect terms with the sentiment of their clause; offsets into the text. */
  aspects: Aspect[];
  /** Distinct aspect terms in order of first appearance. */
  keyPhrases: string[];
  /** Anger, frustration and urgency flags with the spans that raised them. */
  cues: Cues;
  /** Themes of `options.taxonomy`, most confident first (empty without a taxonomy). */
  themes: TaggedTheme[];
  /** One version for every model and rule list used: "tp-<hash>" (see `modelVersions`). */
  modelVersion: string;
}

export function modelLanguage(language: Language): ModelLanguage | undefined {
  return language === 'en' ? 'en' : language === 'zh-Hant' || language === 'zh-Hans' ? 'zh' : undefined;
}

/** The text analysed for a sentence: Chinese in Simplified characters (offsets unchanged). */
function analysisText(sentence: string, language: Language): string {
  return language === 'zh-Hant' || language === 'zh-Hans' ? toSimplified(sentence).text : sentence;
}

export interface ModelVersions {
  /** Sentiment models (model/en.json, model/zh.json): their `version` fields. */
  en: string;
  zh: string;
  /** The aspect tagger and polarity model (model/aspects-en.json): a hash of its bytes. */
  aspects: string;
  /** The hand-written aspect lexicon, seed lists and cue rules. */
  aspectRules: string;
  cueRules: string;
}

let versions: { parts: ModelVersions; combined: string } | undefined;

/** The version of each model and rule list `analyzeText` uses. */
export function modelVersions(): ModelVersions {
  return versionInfo().parts;
}

function versionInfo(): { parts: ModelVersions; combined: string } {
  if (!versions) {
    const parts: ModelVersions = {
      en: loadModel('en').file.version,
      zh: loadModel('zh').file.version,
      aspects: defaultAspectModelEn().hash ?? defaultAspectModelEn().version,
      aspectRules: aspectRulesFingerprint(),
      cueRules: cueRulesFingerprint(),
    };
    const combined = `tp-${createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 12)}`;
    versions = { parts, combined };
  }
  return versions;
}

/** One version string for every model and rule list `analyzeText` may use. */
export function modelVersion(): string {
  return versionInfo().combined;
}

const NO_CUES: Cues = Object.freeze({
  anger: false,
  frustration: false,
  urgency: false,
  scores: Object.freeze({ anger: 0, frustration: 0, urgency: 0 }),
  hits: Object.freeze([]) as unknown as Cues['hits'],
  negated: Object.freeze([]) as unknown as Cues['negated'],
}) as Cues;

const HAN = /\p{Script=Han}/u;

/** A Chinese sentence's tokens with their offsets in it (Simplified text, same length). */
interface TokenSpans {
  analysis: string;
  tokens: readonly RuleToken[];
  starts: number[];
  ends: number[];
}

function locateTokens(sentence: string, tokens: readonly RuleToken[] | undefined): TokenSpans | null {
  if (!tokens) return null;
  const analysis = toSimplified(sentence).text;
  const lower = analysis.toLowerCase();
  if (analysis.length !== sentence.length || lower.length !== analysis.length) return null;
  const starts: number[] = [];
  const ends: number[] = [];
  let from = 0;
  for (const t of tokens) {
    const at = lower.indexOf(t.norm, from);
    if (at < 0) return null;
    starts.push(at);
    ends.push(at + t.norm.length);
    from = at + t.norm.length;
  }
  return { analysis, tokens, starts, ends };
}

/** The Chinese model's score of the tokens inside [start, end) of a sentence. */
function clauseSentiment(t: TokenSpans, start: number, end: number): number {
  const inside: RuleToken[] = [];
  let exclamations = 0;
  for (let k = 0; k < t.tokens.length; k++) {
    if (t.starts[k] < start || t.ends[k] > end) continue;
    const tok = t.tokens[k];
    inside.push(tok);
    if (tok.norm === '!' || tok.norm === '！') exclamations++;
  }
  return scoreTokens('zh', inside, exclamations, t.analysis.slice(start, end)).sentiment.score;
}

export function analyzeText(text: string, options: AnalyzeOptions = {}): TextAnalysis {
  const spans = detectSentences(text, options);
  const scored = new Array<ReturnType<typeof scoreSentence>>(spans.length);
  const sentences: SentenceAnalysis[] = new Array(spans.length);
  // Sentence and clause scores by text: an aspect whose clause is its sentence, or a clause with
  // several aspects, is scored once.
  const known = new Map<string, number>();
  for (let i = 0; i < spans.length; i++) {
    const s = spans[i];
    const sentence = text.slice(s.start, s.end);
    scored[i] = scoreSentence(analysisText(sentence, s.language), modelLanguage(s.language), options);
    sentences[i] = { text: sentence, start: s.start, end: s.end, language: s.language, sentiment: scored[i].sentiment };
    if (scored[i].model) known.set(sentence, scored[i].sentiment.score);
  }
  let aspects: Aspect[] = [];
  if (options.aspects !== false && spans.length > 0) {
    const tokenSpans = new Map<number, TokenSpans | null>();
    const sentenceIndex = new Map<string, number>();
    sentences.forEach((s, i) => {
      if (!sentenceIndex.has(s.text)) sentenceIndex.set(s.text, i);
    });
    const aspectOptions: AspectOptions = {
      // The sentences found above (language changes inside a sentence split it, as for sentiment).
      splitSentences: () => spans,
      sentenceSentiment: (clause, context) => {
        let score = known.get(clause);
        if (score !== undefined) return score;
        // A Chinese clause is scored from its sentence's tokens, not segmented again.
        const i = context ? sentenceIndex.get(context.sentence) : undefined;
        if (i !== undefined && context && scored[i].model === 'zh' && HAN.test(clause)) {
          let t = tokenSpans.get(i);
          if (t === undefined) tokenSpans.set(i, (t = locateTokens(sentences[i].text, scored[i].tokens)));
          if (t) score = clauseSentiment(t, context.start, context.end);
        }
        if (score === undefined) score = packageSentenceScore(clause);
        known.set(clause, score);
        return score;
      },
    };
    aspects = extractAspects(text, aspectOptions);
  }
  const keyPhrases: string[] = [];
  const seen = new Set<string>();
  for (const a of aspects) {
    const k = a.term.toLowerCase();
    if (!seen.has(k)) {
      seen.add(k);
      keyPhrases.push(a.term);
    }
  }
  return {
    language: dominantLanguage(text, spans),
    sentences,
    sentiment: combineSentences(scored),
    aspects,
    keyPhrases,
    cues: options.cues === false ? NO_CUES : detectCues(text),
    themes: options.taxonomy ? tagThemes(text, options.taxonomy, { minConfidence: options.minThemeConfidence }) : [],
    modelVersion: versionInfo().combined,
  };
}
