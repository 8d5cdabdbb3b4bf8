/**
 * Text plumbing for the reply checks, done once per draft: a masked copy that hides what the
 * agent did not write (links, e-mail addresses, quoted lines), its words and Han characters with
 * their offsets, and its sentences. Masking replaces code units by spaces one for one, so every
 * offset into the masked copy is an offset into the original text.
 */
import { EN_ABBREVIATIONS } from './words-en.js';

export interface Span { start: number; end: number }

/** A word that is not Han, with its lower-case form (’ read as '). */
export interface Token extends Span {
  norm: string;
  /** Starts with a digit. */
  numeric: boolean;
}

export interface Sentence extends Span {
  /** Latin-script words and numbers. */
  words: number;
  /** Han characters. */
  han: number;
}

export interface Draft {
  text: string;
  masked: string;
  /** In text order. */
  tokens: Token[];
  /** Every Han character, in text order (two code units for the rare ones beyond the BMP). */
  han: Span[];
  sentences: Sentence[];
}

export const HAN = /\p{Script=Han}/u;
const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
const DIGIT = /\p{Nd}/u;

/** What a character is to the checks; the classes are cached per code point (regex tests are slow per character). */
const OTHER = 1, WORD = 2, NUMBER = 3, HAN_CHAR = 4;
type CharClass = typeof OTHER | typeof WORD | typeof NUMBER | typeof HAN_CHAR;
const BMP_CLASS = new Uint8Array(0x10000);
const ASTRAL_CLASS = new Map<number, CharClass>();

function classify(cp: number): CharClass {
  const ch = String.fromCodePoint(cp);
  if (HAN.test(ch)) return HAN_CHAR;
  if (DIGIT.test(ch)) return NUMBER;
  return WORD_CHAR.test(ch) ? WORD : OTHER;
}

function classOf(cp: number): CharClass {
  if (cp < 0x10000) return (BMP_CLASS[cp] ||= classify(cp)) as CharClass;
  let c = ASTRAL_CLASS.get(cp);
  if (c === undefined) ASTRAL_CLASS.set(cp, (c = classify(cp)));
  return c;
}

const isApostrophe = (code: number) => code === 0x27 || code === 0x2019;
/** . , : / between digits. */
const isNumberJoint = (code: number) => code === 0x2e || code === 0x2c || code === 0x3a || code === 0x2f;

/**
 * Words (runs of letters, digits and marks that are not Han, with inner apostrophes: "don't",
 * and numbers with their separators: "42.50") and Han characters, in one pass.
 */
function scan(masked: string): { tokens: Token[]; han: Span[] } {
  const tokens: Token[] = [], han: Span[] = [];
  const n = masked.length;
  let i = 0;
  while (i < n) {
    const cp = masked.codePointAt(i)!;
    const size = cp > 0xffff ? 2 : 1;
    const cls = classOf(cp);
    if (cls === HAN_CHAR) { han.push({ start: i, end: i + size }); i += size; continue; }
    if (cls === OTHER) { i += size; continue; }
    const start = i;
    i += size;
    while (i < n) {
      const next = masked.codePointAt(i)!;
      const nextClass = classOf(next);
      if (nextClass === WORD || nextClass === NUMBER) { i += next > 0xffff ? 2 : 1; continue; }
      if (i + 1 >= n) break;
      const after = classOf(masked.codePointAt(i + 1)!);
      // "don't" is one word, and so is a number such as 42.50, 1,200, 10:30 or 24/7
      const joins = isApostrophe(next) ? after === WORD || after === NUMBER : isNumberJoint(next) && after === NUMBER && classOf(masked.charCodeAt(i - 1)) === NUMBER;
      if (!joins) break;
      i += 1;
    }
    const lower = masked.slice(start, i).toLowerCase();
    tokens.push({ start, end: i, norm: lower.includes('’') ? lower.replace(/’/g, "'") : lower, numeric: cls === NUMBER });
  }
  return { tokens, han };
}

const URL_G = /(?:https?:\/\/|www\.)[^\s<>"'“”「」（）]+/gi;
const EMAIL_G = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;
/** Lines quoting the customer's message ("> …"): the agent did not write them. */
const QUOTED_LINE_G = /^[ \t]*>.*$/gm;
/** Punctuation a link usually ends next to, which belongs to the sentence, not the link. */
const URL_TAIL = /[.,;:!?)\]]+$/;

/** The text with links, e-mail addresses and quoted lines blanked out (same length). */
export function maskUnwritten(text: string): string {
  const spans: Span[] = [];
  // each pattern only where its telltale character is: the e-mail one is slow on plain prose
  if (/:\/\/|www\./i.test(text)) {
    for (const m of text.matchAll(URL_G)) spans.push({ start: m.index, end: m.index + m[0].replace(URL_TAIL, '').length });
  }
  if (text.includes('@')) for (const m of text.matchAll(EMAIL_G)) spans.push({ start: m.index, end: m.index + m[0].length });
  if (text.includes('>')) for (const m of text.matchAll(QUOTED_LINE_G)) spans.push({ start: m.index, end: m.index + m[0].length });
  if (!spans.length) return text;
  let out = '', at = 0;
  for (const s of spans.sort((a, b) => a.start - b.start)) {
    if (s.end <= at) continue;
    const from = Math.max(at, s.start);
    out += text.slice(at, from) + ' '.repeat(s.end - from);
    at = s.end;
  }
  return out + text.slice(at);
}

/** ! ? ！ ？ 。 … end a sentence; codes, because the loop below runs over every character. */
const TERMINAL = new Set([0x21, 0x3f, 0xff01, 0xff1f, 0x3002, 0x2026]);
/** Closing quotes and brackets that stay with the sentence they close. */
const CLOSER = new Set(['"', "'", '”', '’', '」', '』', '）', ')', ']', '】', '》'].map((c) => c.charCodeAt(0)));
const FULL_STOP = 0x2e, LINE_FEED = 0x0a;
const SPACE = /\s/;
const isSpace = (code: number) => code === 0x20 || (code >= 0x09 && code <= 0x0d) || (code > 0x7f && SPACE.test(String.fromCharCode(code)));

/** Does the full stop at i end a sentence? Not inside "3.5", "e.g.", "Dr. Lee", "1. Open …". */
function fullStopEnds(text: string, i: number): boolean {
  if (i + 1 < text.length) {
    const next = text.charCodeAt(i + 1);
    if (!isSpace(next) && !CLOSER.has(next) && !HAN.test(text[i + 1])) return false;
  }
  let k = i;
  while (k > 0 && /[\p{L}\p{N}.]/u.test(text[k - 1]) && i - k < 40) k--;
  const word = text.slice(k, i).replace(/\./g, '').toLowerCase();
  if (word.length === 1 && /\p{Script=Latin}/u.test(word)) return false;
  if (EN_ABBREVIATIONS.has(word)) return false;
  // a list number at the start of a line ("2. Restart the app") is not a sentence of its own
  if (/^\d{1,2}$/.test(word) && /(?:^|\n)[ \t]*$/.test(text.slice(Math.max(0, k - 40), k))) return false;
  return true;
}

/**
 * Sentence spans, trimmed: they end at . ! ? 。！？… (with any closing quotes after them) and at
 * every line break, because greetings, list items and sign-offs are lines without a full stop.
 */
function sentenceSpans(text: string): Span[] {
  const out: Span[] = [];
  let start = 0;
  const close = (end: number) => {
    let s = start, e = end;
    while (s < e && isSpace(text.charCodeAt(s))) s++;
    while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
    if (e > s) out.push({ start: s, end: e });
  };
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === LINE_FEED) { close(i); start = i + 1; continue; }
    if (!TERMINAL.has(code) && !(code === FULL_STOP && fullStopEnds(text, i))) continue;
    let j = i + 1;
    for (let c = text.charCodeAt(j); j < text.length && (TERMINAL.has(c) || c === FULL_STOP || CLOSER.has(c)); c = text.charCodeAt(++j));
    close(j);
    start = j;
    i = j - 1;
  }
  close(text.length);
  return out;
}

/** Reads a draft once for all checks. */
export function readDraft(text: string): Draft {
  const masked = maskUnwritten(text);
  const { tokens, han } = scan(masked);
  // words and Han characters never cross a sentence end, so one sweep counts them per sentence
  const sentences: Sentence[] = [];
  let t = 0, h = 0;
  for (const s of sentenceSpans(masked)) {
    while (t < tokens.length && tokens[t].start < s.start) t++;
    while (h < han.length && han[h].start < s.start) h++;
    let words = 0, hanCount = 0;
    while (t < tokens.length && tokens[t].start < s.end) { t++; words++; }
    while (h < han.length && han[h].start < s.end) { h++; hanCount++; }
    if (words + hanCount > 0) sentences.push({ start: s.start, end: s.end, words, han: hanCount });
  }
  return { text, masked, tokens, han, sentences };
}

/** Index of the first span starting at or after `at` (spans sorted by start). */
export function firstFrom(spans: readonly Span[], at: number): number {
  let lo = 0, hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid].start < at) lo = mid + 1; else hi = mid;
  }
  return lo;
}

/** The sentence holding offset `at` (sentences sorted by start), or null. */
export function sentenceAt(sentences: readonly Sentence[], at: number): Sentence | null {
  const i = firstFrom(sentences, at + 1) - 1;
  return i >= 0 && at < sentences[i].end ? sentences[i] : null;
}

/** The character (a whole code point) that ends at offset i, or '' at the start. */
export function charBefore(text: string, i: number): string {
  if (i <= 0) return '';
  const low = text.charCodeAt(i - 1);
  if (i >= 2 && low >= 0xdc00 && low <= 0xdfff) {
    const high = text.charCodeAt(i - 2);
    if (high >= 0xd800 && high <= 0xdbff) return text.slice(i - 2, i);
  }
  return text[i - 1];
}

/**
 * Matches of `re` whose preceding character passes `before`. This stands in for a lookbehind,
 * which Safari before 16.4 cannot even parse: one such regular expression would break the web
 * app's whole bundle there.
 */
export function findAllAfter(re: RegExp, text: string, before: (ch: string) => boolean): Span[] {
  return findAll(re, text).filter((s) => before(charBefore(text, s.start)));
}

export function findAll(re: RegExp, text: string): Span[] {
  const out: Span[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0].length === 0) { re.lastIndex++; continue; }
    out.push({ start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** Spans of `found` that overlap none of `exempt`. */
export function withoutOverlaps(found: readonly Span[], exempt: readonly Span[]): Span[] {
  if (!exempt.length) return [...found];
  return found.filter((f) => !exempt.some((x) => x.start < f.end && f.start < x.end));
}

/** Sorted, with any span overlapping an earlier one dropped (so the UI never highlights twice). */
export function distinct(spans: readonly Span[]): Span[] {
  const out: Span[] = [];
  for (const s of [...spans].sort((a, b) => a.start - b.start || b.end - a.end)) {
    const last = out[out.length - 1];
    if (!last || s.start >= last.end) out.push(s);
  }
  return out;
}
