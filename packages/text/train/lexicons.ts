/**
 * The lexicons bundled in the models: VADER's (MIT, read from the vader-sentiment devDependency's
 * vader_lexicon.txt) plus the hand-written product/service supplement in words-en.ts for English, NTUSD (MIT, shared/data) converted to Simplified, plus the
 * hand-written supplement in words-zh.ts, for Chinese.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { toSimplified } from '../src/language/script.js';
import { ZH_EXTRA_LEXICON } from '../src/sentiment/words-zh.js';
import { EN_EXTRA_LEXICON } from '../src/sentiment/words-en.js';
import { ntusd } from './data.js';

export function englishLexicon(): Map<string, number> {
  const dir = path.dirname(createRequire(import.meta.url).resolve('vader-sentiment/package.json'));
  const lexicon = new Map<string, number>();
  for (const line of readFileSync(path.join(dir, 'vader_lexicon.txt'), 'utf8').split(/\r?\n/)) {
    const [word, mean] = line.split('\t');
    if (!word || mean === undefined) continue;
    const v = Number(mean);
    if (Number.isFinite(v) && v !== 0) lexicon.set(word, v);
  }
  // Product and service words VADER lacks; VADER's own valence wins where it has the word.
  for (const [w, v] of Object.entries(EN_EXTRA_LEXICON)) if (!lexicon.has(w)) lexicon.set(w, v);
  return lexicon;
}

/** NTUSD polarity words (±2 on the −4…+4 scale), in Simplified, up to `maxLength` characters. */
export function chineseLexicon(maxLength = 4, valence = 2): Map<string, number> {
  const { positive, negative } = ntusd();
  const pos = new Set(positive.map((w) => toSimplified(w).text).filter((w) => [...w].length <= maxLength));
  const neg = new Set(negative.map((w) => toSimplified(w).text).filter((w) => [...w].length <= maxLength));
  const lexicon = new Map<string, number>();
  for (const w of pos) if (!neg.has(w)) lexicon.set(w, valence);
  for (const w of neg) if (!pos.has(w)) lexicon.set(w, -valence);
  for (const [w, v] of Object.entries(ZH_EXTRA_LEXICON)) lexicon.set(w, v);
  return lexicon;
}
