/**
 * Open-text comments for the demo data, written for Touchpoint (not taken from any dataset).
 * Each language file fills every theme × sentiment cell so that text analytics, word clouds and
 * sentiment charts have something believable to show in all three UI languages.
 */
import { EN_CORPUS } from './demo-corpus.en.js';
import { ZH_HANT_CORPUS } from './demo-corpus.zh-hant.js';
import { ZH_HANS_CORPUS } from './demo-corpus.zh-hans.js';
import { pickOne, type Rand } from './demo-random.js';

export const DEMO_LANGUAGES = ['en', 'zh-Hant', 'zh-Hans'] as const;
export type DemoLanguage = (typeof DEMO_LANGUAGES)[number];

export const SENTIMENTS = ['negative', 'neutral', 'positive'] as const;
export type Sentiment = (typeof SENTIMENTS)[number];

/** delivery · price · staff/service · app · refund/returns · product quality */
export const THEMES = ['delivery', 'price', 'service', 'app', 'returns', 'quality'] as const;
export type Theme = (typeof THEMES)[number];

/** The shape each language file exports: sentences grouped by theme, then by sentiment. */
export type ThemedSentences = Record<Theme, Record<Sentiment, readonly string[]>>;

export interface DemoComment {
  text: string;
  language: DemoLanguage;
  theme: Theme;
  sentiment: Sentiment;
}

export const DEMO_CORPUS: Record<DemoLanguage, ThemedSentences> = {
  en: EN_CORPUS,
  'zh-Hant': ZH_HANT_CORPUS,
  'zh-Hans': ZH_HANS_CORPUS,
};

/** Every sentence of a language as a flat, tagged list (for tests and for seeding analytics). */
export function corpusComments(language: DemoLanguage): DemoComment[] {
  const out: DemoComment[] = [];
  for (const theme of THEMES)
    for (const sentiment of SENTIMENTS)
      for (const text of DEMO_CORPUS[language][theme][sentiment]) out.push({ text, language, theme, sentiment });
  return out;
}

const ENDS_SENTENCE = /[.!?。！？…~)）]\s*$/u;
const ENDS_EMOJI = /\p{Extended_Pictographic}\uFE0F?\s*$/u;

/**
 * Joins two comments the way people type them: English gets a full stop when the first one
 * has none; Chinese gets a full-width comma (people rarely end the first clause with 。);
 * after an emoji both just continue after a space.
 */
export function composeComment(language: DemoLanguage, first: string, second: string): string {
  if (ENDS_EMOJI.test(first)) return `${first} ${second}`;
  if (language === 'en') return ENDS_SENTENCE.test(first) ? `${first} ${second}` : `${first}. ${second}`;
  return ENDS_SENTENCE.test(first) ? `${first}${second}` : `${first}，${second}`;
}

/**
 * One comment about a theme with a sentiment; sometimes (probability `composeChance`) followed by a
 * second sentence on another theme with the same sentiment, so that answers are not all one-liners.
 */
export function drawComment(
  rand: Rand,
  language: DemoLanguage,
  theme: Theme,
  sentiment: Sentiment,
  composeChance = 0.22,
): DemoComment {
  const corpus = DEMO_CORPUS[language];
  const text = pickOne(rand, corpus[theme][sentiment]);
  if (rand() >= composeChance) return { text, language, theme, sentiment };
  const otherThemes = THEMES.filter((t) => t !== theme);
  const second = pickOne(rand, corpus[pickOne(rand, otherThemes)][sentiment]);
  return { text: composeComment(language, text, second), language, theme, sentiment };
}
