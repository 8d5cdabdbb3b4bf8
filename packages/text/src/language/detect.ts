/**
 * Language of one sentence: en, zh-Hant, zh-Hans or other. Scripts decide first (Han, kana,
 * Hangul, Latin, …); Traditional vs Simplified is decided by the characters that exist in only
 * one of the two scripts; Latin text is English unless another language's function words or
 * diacritics outweigh English ones.
 */
import { scriptEvidence } from './script.js';

export type Language = 'en' | 'zh-Hant' | 'zh-Hans' | 'other';
/** A sentence's guess before context: `zh` when Han text has no script-distinctive character, `none` without letters. */
export type Guess = Language | 'zh' | 'none';

const EN_WORDS = new Set(
  ('the a an and or but not no is are was were be been am i you he she it we they me my your our their this that these those ' +
    'of to in on at for with from by as if so very too just really than then there here what which who when where why how ' +
    'do does did done have has had will would can could should shall may might must all any some more most much many one ' +
    'good great bad nice poor love like hate best worst ok okay fine thanks thank please well excellent terrible awful ' +
    'service staff room food price product quality time again never always also only even still get got use used work works ' +
    "its it's i'm don't didn't doesn't can't won't isn't wasn't aren't about after before because into out up down over").split(' '),
);

const OTHER_LATIN_WORDS = new Set(
  ('le la les des est et une un du pas pour dans avec sur très ne que qui ' + // French
    'el los las es y una por con para muy pero como del al ' + // Spanish
    'der die das und ist nicht ein eine mit auf sehr aber zu von den ' + // German
    'il che di è non per con molto ma ' + // Italian
    'de het een en niet met voor ' + // Dutch
    'o os um uma não com muito mas ' + // Portuguese
    'yang dan di tidak ini itu dengan untuk sangat ' + // Indonesian / Malay
    'ng sa ang hindi ako ' + // Tagalog
    'và không là của có được rất').split(' '), // Vietnamese
);

interface Counts {
  han: number;
  kana: number;
  hangul: number;
  latin: number;
  otherLetters: number;
  diacritics: number;
}

/** CJK Unified Ideographs and their extensions / compatibility blocks (a fast \p{Script=Han}). */
export function isHan(cp: number): boolean {
  return (cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0x3400 && cp <= 0x4dbf) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0x20000 && cp <= 0x3134f) || cp === 0x3007;
}

/** CJK and full-width punctuation: no letters, skipped by the counts. */
function isCjkPunctuation(cp: number): boolean {
  return (cp >= 0x3000 && cp <= 0x303f) || (cp >= 0xff00 && cp <= 0xff0f) || (cp >= 0xff1a && cp <= 0xff20);
}

function countScripts(text: string): Counts {
  const c: Counts = { han: 0, kana: 0, hangul: 0, latin: 0, otherLetters: 0, diacritics: 0 };
  for (let i = 0; i < text.length; i++) {
    const cp = text.codePointAt(i)!;
    if (cp > 0xffff) i++;
    if (cp < 0x80) {
      if ((cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a)) c.latin++;
      continue;
    }
    if (isHan(cp)) {
      c.han++;
      continue;
    }
    if (isCjkPunctuation(cp)) continue;
    const ch = String.fromCodePoint(cp);
    if (/[\p{Script=Hiragana}\p{Script=Katakana}]/u.test(ch) && cp !== 0x30fc) c.kana++;
    else if (/\p{Script=Hangul}/u.test(ch)) c.hangul++;
    else if (/\p{Script=Latin}/u.test(ch)) {
      c.latin++;
      c.diacritics++;
    } else if (/\p{L}/u.test(ch)) c.otherLetters++;
  }
  return c;
}

function latinGuess(text: string, counts: Counts): Guess {
  const words = text.toLowerCase().match(/[\p{L}']+/gu) ?? [];
  let en = 0;
  let other = 0;
  for (const w of words) {
    if (EN_WORDS.has(w)) en++;
    if (OTHER_LATIN_WORDS.has(w)) other++;
  }
  if (counts.diacritics >= 2 && counts.diacritics * 20 >= counts.latin) return 'other';
  if (other > en) return 'other';
  return 'en';
}

/** The language of one sentence on its own (no context). */
export function guessLanguage(text: string): Guess {
  return guessWithEvidence(text).guess;
}

/** The guess and, for Chinese, the script evidence it was based on (reused by detectSentences). */
export function guessWithEvidence(text: string): { guess: Guess; evidence?: { hant: number; hans: number } } {
  const guess = guessOnly(text);
  return typeof guess === 'string' ? { guess } : guess;
}

function guessOnly(text: string): Guess | { guess: Guess; evidence: { hant: number; hans: number } } {
  const c = countScripts(text);
  // A Han character carries about a word; Latin letters come about five to a word.
  const latinWords = c.latin / 5;
  const total = c.han + c.kana + c.hangul + latinWords + c.otherLetters;
  if (total === 0) return 'none';
  if (c.kana > 0 && c.kana * 10 >= c.han + c.kana) return 'other';
  if (c.hangul >= c.han && c.hangul >= latinWords && c.hangul > 0) return 'other';
  if (c.otherLetters > c.han && c.otherLetters > latinWords) return 'other';
  if (c.han > 0 && c.han >= latinWords) {
    const evidence = scriptEvidence(text);
    const { hant, hans } = evidence;
    return { guess: hant > hans ? 'zh-Hant' : hans > hant ? 'zh-Hans' : 'zh', evidence };
  }
  return latinGuess(text, c);
}
