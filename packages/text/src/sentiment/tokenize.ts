/** Tokens for the sentiment rules and features, per language. */
import { segmentChinese, type SegmenterName } from '../segment/index.js';
import type { RuleToken } from './rules.js';

export interface Tokens {
  tokens: RuleToken[];
  exclamations: number;
}

const EMOTICON = String.raw`(?:[<>]?[:;=8][\-o*']?[)\](\[dDpP/\\|@{}]|<3|\^_?\^|[tT]_[tT]|[xX][dD]\b)`;
const EN_TOKEN = new RegExp(
  `${EMOTICON}|\\p{Extended_Pictographic}|[\\p{L}\\p{N}]+(?:['’][\\p{L}]+)*|[!?.,;:…()]`,
  'gu',
);

export function tokenizeEnglish(text: string): Tokens {
  const raw = text.match(EN_TOKEN) ?? [];
  const letters = text.replace(/[^A-Za-z]/g, '');
  const shouting = letters.length > 0 && letters === letters.toUpperCase();
  let exclamations = 0;
  const tokens: RuleToken[] = [];
  for (const r of raw) {
    if (r === '!') exclamations++;
    let norm = r.toLowerCase().replace(/’/g, "'");
    // "don't" and "dont" mean the same to the negation rule; the lexicon keeps apostrophes.
    if (norm.endsWith("n't")) norm = norm.replace("n't", 'nt');
    const caps = !shouting && r.length > 1 && /[A-Z]/.test(r) && r === r.toUpperCase() && /^[A-Z]+$/.test(r);
    tokens.push(caps ? { norm, caps } : { norm });
  }
  return { tokens, exclamations };
}

const MAYBE_EMOJI = /[\u2190-\u2bff\ud800-\udfff]/;
const ZH_SPLIT = /(\p{Extended_Pictographic}[\u{1F3FB}-\u{1F3FF}\u200d\ufe0f]*)/u;

/** `text` must already be Simplified (see language/script.ts). */
export function tokenizeChinese(text: string, segmenter?: SegmenterName): Tokens {
  let exclamations = 0;
  const tokens: RuleToken[] = [];
  for (const w of segmentChinese(text, segmenter)) {
    // Emoji glued to a word by the segmenter get tokens of their own (rare: test cheaply first).
    const parts = w.length > 1 && MAYBE_EMOJI.test(w) ? w.split(ZH_SPLIT) : [w];
    for (const part of parts) {
      if (part === '' || part.trim() === '') continue;
      if (part === '!' || part === '！') exclamations++;
      tokens.push({ norm: part.toLowerCase() });
    }
  }
  return { tokens, exclamations };
}
