/**
 * Sentence splitting for English and Chinese text: ASCII and full-width terminators, ellipses,
 * newlines, and emoji that close a thought ("great 👍 but slow"). Sentences are spans of the
 * original text with outer whitespace trimmed; everything between them is whitespace.
 */
export interface Span {
  start: number;
  end: number;
}

const ALWAYS_END = new Set(['。', '！', '？', '…', '｡', '\n', '\r', '\u2029', '\u2028']);
const ASCII_END = new Set(['.', '!', '?']);
const CLOSERS = new Set(['"', "'", '”', '’', ')', '）', '」', '』', '】', '》', ']', '〉']);
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'vs', 'etc', 'e.g', 'i.e', 'inc', 'ltd', 'co', 'jr', 'sr', 'no', 'approx', 'dept',
]);

const EMOJI = /\p{Extended_Pictographic}/u;
const HAN_OR_LETTER = /[\p{L}\p{N}]/u;

export function isEmojiPart(ch: string): boolean {
  const cp = ch.codePointAt(0)!;
  return EMOJI.test(ch) || cp === 0x200d || cp === 0xfe0f || (cp >= 0x1f3fb && cp <= 0x1f3ff);
}

function isSpace(ch: string | undefined): boolean {
  return ch !== undefined && /\s/.test(ch);
}

function isCjk(ch: string | undefined): boolean {
  return ch !== undefined && /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u.test(ch);
}

/** The word just before `index` (lowercase, without the dot), for abbreviation checks. */
function wordBefore(text: string, index: number): string {
  let i = index;
  while (i > 0 && /[A-Za-z.]/.test(text[i - 1])) i--;
  return text.slice(i, index).toLowerCase();
}

function asciiBoundary(text: string, i: number): boolean {
  const next = text[i + 1];
  if (next !== undefined && !isSpace(next) && !isCjk(next) && !CLOSERS.has(next) && !ASCII_END.has(next) && !isEmojiPart(next)) return false;
  if (text[i] !== '.') return true;
  if (/\d/.test(text[i - 1] ?? '') && /\d/.test(next ?? '')) return false;
  const word = wordBefore(text, i);
  if (word.length === 1 && /[a-z]/.test(word)) return false; // initials: "J. Smith"
  return !ABBREVIATIONS.has(word);
}

/**
 * Index just past the terminator run that starts at `i` (more terminators, closers) and an emoji
 * run right after it on the same line: "Great!! 😍" keeps its emoji.
 */
function consumeTerminators(text: string, i: number): number {
  let j = i + 1;
  while (j < text.length && (ASCII_END.has(text[j]) || ALWAYS_END.has(text[j]) || CLOSERS.has(text[j]))) {
    if (text[j] === '\n' || text[j] === '\r') break;
    j++;
  }
  let k = j;
  while (k < text.length && (text[k] === ' ' || text[k] === '\t')) k++;
  const emojiEnd = k < text.length ? consumeEmoji(text, k) : k;
  return emojiEnd > k ? emojiEnd : j;
}

/** Index just past an emoji run starting at `i`. */
function consumeEmoji(text: string, i: number): number {
  let j = i;
  while (j < text.length) {
    const cp = text.codePointAt(j)!;
    const ch = String.fromCodePoint(cp);
    if (!isEmojiPart(ch)) break;
    j += ch.length;
  }
  return j;
}

function pushTrimmed(text: string, start: number, end: number, out: Span[]): void {
  while (start < end && isSpace(text[start])) start++;
  while (end > start && isSpace(text[end - 1])) end--;
  if (end > start) out.push({ start, end });
}

/** Splits `text` into sentence spans, in order, non-overlapping, each trimmed and non-empty. */
export function splitSentences(text: string): Span[] {
  const out: Span[] = [];
  let start = 0;
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (ALWAYS_END.has(ch)) {
      const end = ch === '\n' || ch === '\r' ? i + 1 : consumeTerminators(text, i);
      pushTrimmed(text, start, end, out);
      start = end;
      i = end;
      continue;
    }
    if (ASCII_END.has(ch) && asciiBoundary(text, i)) {
      const end = consumeTerminators(text, i);
      pushTrimmed(text, start, end, out);
      start = end;
      i = end;
      continue;
    }
    const cp = text.codePointAt(i)!;
    if (cp < 0x2190) {
      i++;
      continue;
    }
    const full = String.fromCodePoint(cp);
    if (EMOJI.test(full)) {
      const end = consumeEmoji(text, i);
      const hasContentBefore = HAN_OR_LETTER.test(text.slice(start, i));
      const next = text[end];
      // An emoji closes a sentence when something was said before it and text follows after it.
      if (hasContentBefore && next !== undefined && (isSpace(next) || HAN_OR_LETTER.test(next))) {
        const rest = text.slice(end);
        if (HAN_OR_LETTER.test(rest)) {
          pushTrimmed(text, start, end, out);
          start = end;
        }
      }
      i = end;
      continue;
    }
    i += full.length;
  }
  pushTrimmed(text, start, text.length, out);
  return out;
}
