/**
 * Sentences with their language: split on punctuation, newlines and emoji, split again where a
 * sentence changes language, and detect each piece. Pieces without letters (an emoji, a number)
 * take the language of their neighbours; Chinese without script-distinctive characters takes the
 * script of the rest of the text.
 */
import { guessWithEvidence, isHan, type Guess, type Language } from './detect.js';
import { splitMixed } from './mixed.js';
import { splitSentences, type Span } from './sentences.js';

export type { Language } from './detect.js';
export type { Span } from './sentences.js';
export { splitSentences } from './sentences.js';
export { guessLanguage } from './detect.js';
export { toSimplified, scriptEvidence, type Normalised } from './script.js';

export interface LanguageOptions {
  /** Script assumed for Chinese that has no script-distinctive character anywhere in the text. */
  defaultChinese?: 'zh-Hant' | 'zh-Hans';
}

export interface LanguageSpan extends Span {
  language: Language;
}

/** CJK and full-width punctuation (no letters among them), skipped without a regex test. */
function isPunctuationCjk(cp: number): boolean {
  return (cp >= 0x3000 && cp <= 0x3004) || (cp >= 0x3008 && cp <= 0x3020) || (cp >= 0xff01 && cp <= 0xff0f) || (cp >= 0xff1a && cp <= 0xff20);
}

function contentWeight(text: string, start = 0, end = text.length): number {
  let han = 0;
  let letters = 0;
  for (let i = start; i < end; i++) {
    const cp = text.codePointAt(i)!;
    if (cp > 0xffff) i++;
    if (cp < 0x80) {
      if ((cp | 0x20) >= 0x61 && (cp | 0x20) <= 0x7a) letters++;
    } else if (isHan(cp)) han++;
    else if (isPunctuationCjk(cp)) continue;
    else if (/\p{L}/u.test(String.fromCodePoint(cp))) letters++;
  }
  return han + letters / 5;
}

export function detectSentences(text: string, options: LanguageOptions = {}): LanguageSpan[] {
  const spans = splitSentences(text).flatMap((s) => splitMixed(text, s));
  const withEvidence = spans.map((s) => guessWithEvidence(text.slice(s.start, s.end)));
  const guesses: Guess[] = withEvidence.map((g) => g.guess);
  let chinese: Language | undefined;
  if (guesses.includes('zh')) {
    let hant = 0;
    let hans = 0;
    for (const g of withEvidence) {
      if (g.evidence) {
        hant += g.evidence.hant;
        hans += g.evidence.hans;
      }
    }
    chinese = hant > hans ? 'zh-Hant' : hans > hant ? 'zh-Hans' : (options.defaultChinese ?? 'zh-Hans');
  }
  const resolved: (Language | undefined)[] = guesses.map((g) => (g === 'zh' ? chinese : g === 'none' ? undefined : g));
  // Letterless pieces join the language before them, or after them at the start of the text.
  for (let i = 0; i < resolved.length; i++) if (resolved[i] === undefined && i > 0) resolved[i] = resolved[i - 1];
  for (let i = resolved.length - 1; i >= 0; i--) if (resolved[i] === undefined) resolved[i] = resolved[i + 1] ?? 'other';
  return spans.map((s, i) => ({ start: s.start, end: s.end, language: resolved[i]! }));
}

/** The language carrying most of the text's content ('other' for a text without letters). */
export function dominantLanguage(text: string, spans: readonly LanguageSpan[]): Language {
  const weight = new Map<Language, number>();
  for (const s of spans) weight.set(s.language, (weight.get(s.language) ?? 0) + contentWeight(text, s.start, s.end));
  let best: Language = spans[0]?.language ?? 'other';
  let bestWeight = -1;
  for (const [language, w] of weight) if (w > bestWeight) [best, bestWeight] = [language, w];
  return best;
}

export function detectLanguage(text: string, options: LanguageOptions = {}): Language {
  return dominantLanguage(text, detectSentences(text, options));
}
