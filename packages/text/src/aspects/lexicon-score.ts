/**
 * Lexicon sentiment of a short text (a clause) in [-1, 1], for English and Chinese (either script):
 * word valences, flipped and damped after a negator, scaled by a preceding intensifier, summed and
 * squashed with x / sqrt(x² + 1).
 */
import { fold } from '../themes/fold.js';
import { INTENSIFIERS_EN, INTENSIFIERS_ZH, LEXICON_EN, LEXICON_ZH, NEGATORS_EN, NEGATORS_ZH } from './lexicon.js';
import { tokenizeEn } from './tokenize-en.js';

const NEGATION_FLIP = -0.7;
const HAN = /\p{Script=Han}/u;

function scoreEnglish(text: string): number {
  const words = tokenizeEn(text).map((t) => t.text.toLowerCase().replace(/’/g, "'"));
  let sum = 0;
  for (let i = 0; i < words.length; i++) {
    const v = LEXICON_EN.get(words[i]);
    if (v === undefined) continue;
    let x = v;
    for (let k = i - 1; k >= Math.max(0, i - 3); k--) {
      const w = words[k];
      if (NEGATORS_EN.has(w)) { x *= NEGATION_FLIP; break; }
      const boost = INTENSIFIERS_EN.get(w);
      if (boost !== undefined) x *= boost;
      else if (k < i - 1) break;
    }
    sum += x;
  }
  return sum;
}

function startsWithAt(text: string, i: number, list: Iterable<string>): string | null {
  for (const w of list) if (text.startsWith(w, i)) return w;
  return null;
}

/** A list's entries grouped by first character, each group in the list's order (first match wins). */
function byFirstChar<T>(list: Iterable<T>, word: (x: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const x of list) {
    const k = word(x)[0];
    const g = m.get(k);
    if (g) g.push(x);
    else m.set(k, [x]);
  }
  return m;
}

const LEXICON_BY_CHAR = byFirstChar(LEXICON_ZH, ([w]) => w);
const INTENSIFIERS_BY_CHAR = byFirstChar(INTENSIFIERS_ZH.keys(), (w) => w);
const NEGATORS_BY_CHAR = byFirstChar(NEGATORS_ZH, (w) => w);
const NONE: never[] = [];

function lexiconAt(t: string, i: number): [string, number] | undefined {
  const group = LEXICON_BY_CHAR.get(t[i]);
  return group?.find(([w]) => t.startsWith(w, i));
}

function scoreChinese(text: string): number {
  const t = fold(text);
  let sum = 0;
  let factor = 1;
  let negated = false;
  let i = 0;
  while (i < t.length) {
    if (!HAN.test(t[i])) { factor = 1; negated = false; i++; continue; }
    const hit = lexiconAt(t, i);
    // An intensifier or a negator right before a sentiment word modifies it; 好 and 太 are both.
    const intens = startsWithAt(t, i, INTENSIFIERS_BY_CHAR.get(t[i]) ?? NONE);
    if (intens && (!hit || hit[0].length <= intens.length) && lexiconAt(t, i + intens.length) !== undefined) {
      factor *= INTENSIFIERS_ZH.get(intens) ?? 1;
      i += intens.length;
      continue;
    }
    if (hit) {
      sum += hit[1] * factor * (negated ? NEGATION_FLIP : 1);
      factor = 1;
      negated = false;
      i += hit[0].length;
      continue;
    }
    const neg = startsWithAt(t, i, NEGATORS_BY_CHAR.get(t[i]) ?? NONE);
    if (neg) { negated = !negated; i += neg.length; continue; }
    i++;
  }
  return sum;
}

export function lexiconScore(text: string): number {
  const raw = scoreEnglish(text) + (HAN.test(text) ? scoreChinese(text) : 0);
  return raw / Math.sqrt(raw * raw + 1);
}
