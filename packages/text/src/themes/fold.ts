/**
 * Script folding for matching across 繁體 and 简体: text is converted Traditional → Simplified
 * (opencc-js, Taiwan and Hong Kong variants) and lower-cased, keeping its length so that offsets
 * found in the folded text are offsets in the original.
 */
import * as OpenCC from 'opencc-js';

const twToCn = OpenCC.Converter({ from: 'tw', to: 'cn' });
const hkToCn = OpenCC.Converter({ from: 'hk', to: 'cn' });
const cnToTw = OpenCC.Converter({ from: 'cn', to: 'tw' });

function foldChars(text: string): string {
  let out = '';
  for (const ch of text) {
    const c = hkToCn(twToCn(ch));
    out += c.length === ch.length ? c : ch;
  }
  return out;
}

/**
 * Recent results: the same sentence is folded by cues, aspects and themes, and the aspect
 * extractor folds every token (most are common words). Pure function, so a cache is safe.
 */
const words = new Map<string, string>();
const WORDS_SIZE = 16384;
const texts = new Map<string, string>();
const TEXTS_SIZE = 64;

/** Simplified, lower-case, same length (UTF-16 units) as the input. */
export function fold(text: string): string {
  const cache = text.length <= 6 ? words : texts;
  let out = cache.get(text);
  if (out === undefined) {
    out = foldUncached(text);
    if (cache.size >= (cache === words ? WORDS_SIZE : TEXTS_SIZE)) cache.clear();
    cache.set(text, out);
  }
  return out;
}

/** Every opencc-js dictionary key holds a code point ≥ U+2E80, so text without one converts to itself. */
const MAY_CONVERT = /[\u2e80-\uffff]/;

function foldUncached(text: string): string {
  const whole = MAY_CONVERT.test(text) ? hkToCn(twToCn(text)) : text;
  const folded = whole.length === text.length ? whole : foldChars(text);
  const lower = folded.toLowerCase();
  if (lower.length === folded.length) return lower;
  let out = '';
  for (const ch of folded) {
    const l = ch.toLowerCase();
    out += l.length === ch.length ? l : ch;
  }
  return out;
}

/** Traditional (Taiwan) form of a text, for tests and for showing a Simplified seed in 繁體. */
export function toTraditional(text: string): string {
  return cnToTw(text);
}

/** Simplified form of a text. */
export function toSimplified(text: string): string {
  return hkToCn(twToCn(text));
}
