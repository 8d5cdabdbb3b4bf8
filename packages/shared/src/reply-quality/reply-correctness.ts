/**
 * Correctness: slips a reader notices at once and a draft can be checked for without a grammar:
 * placeholders left unfilled, a word typed twice, brackets or quotes left open, words in
 * capitals, "!!!", and ASCII punctuation between Chinese characters.
 */
import { charBefore, distinct, findAll, findAllAfter, HAN, withoutOverlaps, type Span } from './reply-text.js';
import type { CheckOutcome, ReplyContext, ReplyHint } from './reply-types.js';
import { EN_ACRONYMS, EN_DOUBLE_OK } from './words-en.js';
import { ZH_DOUBLE_SLIPS } from './words-zh.js';

const MUSTACHE_RE = /\{\{([^{}\n]{0,60})\}\}|\$\{[^{}\n]{0,60}\}/g;
/** [NAME], [CUSTOMER NAME], <ORDER_ID>, 【姓名】 … : capitals (not an acronym such as [PDF]) or a placeholder word in brackets. */
const BRACKET_CAPS_RE = /[[<【〔［＜]\s*[A-Z][A-Z0-9 _./-]{1,40}\s*[\]>】〕］＞]/g;
const BRACKET_WORD_RE = /[[【〔［](?:[^\]\n】〕］]{0,30}[^\]\n】〕］\p{Script=Latin}])?(?:insert|name|customer|date|time|number|link|姓名|名字|客戶|客户|日期|時間|时间|編號|编号|單號|单号|連結|链接|插入)(?!\p{Script=Latin})[^\]\n】〕］]{0,30}[\]】〕］]/giu;
/** XXX, ○○ and TBD/TODO stand in for something still to write; XXXX1234 or XXXX-1234 (a masked card) does not. */
const FILLER_MARK_RE = /(?:X{2,}|x{3,}|TBD|TODO)(?![\p{L}\p{N}-])|[○〇]{2,}/gu;
const WORD_OR_DASH = /[\p{L}\p{N}-]/u;

function placeholders(ctx: ReplyContext): Span[] {
  const filled = new Set((ctx.options.filledOnSend ?? []).map((v) => v.trim()));
  const out: Span[] = [];
  for (const m of ctx.masked.matchAll(MUSTACHE_RE)) {
    if (m[1] !== undefined && filled.has(m[1].trim())) continue;
    out.push({ start: m.index, end: m.index + m[0].length });
  }
  for (const s of findAll(BRACKET_CAPS_RE, ctx.masked)) {
    if (!EN_ACRONYMS.has(ctx.masked.slice(s.start + 1, s.end - 1).trim())) out.push(s);
  }
  return distinct(out.concat(findAll(BRACKET_WORD_RE, ctx.masked), findAllAfter(FILLER_MARK_RE, ctx.masked, (ch) => !WORD_OR_DASH.test(ch))));
}

/** "the the" (not "that that"): two equal Latin words with only spaces between. */
function repeatedWords(ctx: ReplyContext): Span[] {
  const out: Span[] = [];
  for (let i = 1; i < ctx.tokens.length; i++) {
    const a = ctx.tokens[i - 1], b = ctx.tokens[i];
    if (a.norm !== b.norm || a.numeric || EN_DOUBLE_OK.has(a.norm) || !LATIN.test(a.norm)) continue;
    if (SPACES.test(ctx.masked.slice(a.end, b.start))) out.push({ start: a.start, end: b.end });
  }
  // 的的 / 您您, not 謝謝 or 看看, which are words, nor 目的的
  return ctx.han.length ? [...out, ...findAllAfter(DOUBLE_HAN_RE, ctx.masked, (ch) => ch !== '目')] : out;
}
const LATIN = /^\p{Script=Latin}/u;
const SPACES = /^[ \t]+$/;
const DOUBLE_HAN_RE = new RegExp(`([${ZH_DOUBLE_SLIPS}])\\1`, 'gu');

const PAIRS: readonly (readonly [string, string])[] = [['(', ')'], ['[', ']'], ['{', '}'], ['（', '）'], ['「', '」'], ['『', '』'], ['【', '】'], ['《', '》'], ['“', '”']];
const OPENERS = new Map(PAIRS.map(([o], i) => [o.charCodeAt(0), i]));
const CLOSERS = new Map(PAIRS.map(([, c], i) => [c.charCodeAt(0), i]));
const STRAIGHT_QUOTE = 0x22;

/** A bracket that is not one: a smiley ":)" or a list marker "1)" / "a)" / "1）" at the start of a line. */
function looseBracket(text: string, i: number): boolean {
  const before = text.slice(Math.max(0, i - 2), i);
  if (/[:;=]-?$/.test(before)) return true;
  return (text[i] === ')' || text[i] === '）') && /(?:^|\n)[ \t]*[\p{L}\p{N}]{1,3}$/u.test(text.slice(Math.max(0, i - 8), i));
}

/** Brackets and quotes opened and never closed, or closed and never opened; each kind on its own. */
function unbalanced(masked: string): Span[] {
  const open: number[][] = PAIRS.map(() => []);
  const out: Span[] = [];
  const straightQuotes: number[] = [];
  for (let i = 0; i < masked.length; i++) {
    const code = masked.charCodeAt(i);
    // a " after a digit is inches (a 27" screen), not a quote
    if (code === STRAIGHT_QUOTE) { if (!/\p{Nd}/u.test(masked[i - 1] ?? '')) straightQuotes.push(i); continue; }
    const o = OPENERS.get(code), c = CLOSERS.get(code);
    if (o === undefined && c === undefined) continue;
    if (looseBracket(masked, i)) continue;
    if (o !== undefined) open[o].push(i);
    else if (open[c!].length) open[c!].pop();
    else out.push({ start: i, end: i + 1 });
  }
  for (const stack of open) for (const i of stack) out.push({ start: i, end: i + 1 });
  // straight quotes open and close alike: an odd one out is the last
  const last = straightQuotes[straightQuotes.length - 1];
  if (straightQuotes.length % 2 === 1) out.push({ start: last, end: last + 1 });
  return out;
}

/** Capitalised runs: one word of 4+ capitals, or 2+ words of capitals in a row ("DO NOT"), not acronyms or the customer's name. */
const CAPS_RUN_RE = /[A-Z]{2,}(?:[ \t]+[A-Z]{2,})*(?![\p{L}\p{N}_\-/])/gu;
/** Capitals right after these belong to a code or an address (AB-CDEF, #ABCD, x@ABC), not to a shout. */
const CODE_CHAR = /[\p{L}\p{N}_\-/#@.]/u;
const SHOUT_MIN_LETTERS = 4;

function shouting(masked: string, ignore: readonly Span[], name: string | undefined): Span[] {
  const known = new Set([...EN_ACRONYMS, ...(name ?? '').toUpperCase().split(/[^A-Z]+/)]);
  const out: Span[] = [];
  for (const m of masked.matchAll(CAPS_RUN_RE)) {
    if (CODE_CHAR.test(charBefore(masked, m.index))) continue;
    const words = m[0].split(/[ \t]+/);
    const loud = words.length >= 2 ? words.some((w) => !known.has(w)) : words[0].length >= SHOUT_MIN_LETTERS && !known.has(words[0]);
    if (loud) out.push({ start: m.index, end: m.index + m[0].length });
  }
  return withoutOverlaps(out, ignore);
}

/** "!!", "??", "?!" and their full-width forms: one mark says it. */
const REPEATED_MARKS_RE = /[!！?？]{2,}/g;

/** ASCII , ; ? ! or . right after a Han character and before another (or, in a Chinese reply, at a line end). */
const MIXED_BETWEEN_RE = /(?:[,;?!]+|\.+)(?=[ \t]?\p{Script=Han})/gu;
const MIXED_AT_END_RE = /(?:[,;?!]+|\.+)(?=[ \t]*(?:\n|$))/gu;
const afterHan = (ch: string) => HAN.test(ch);

export function correctness(ctx: ReplyContext): CheckOutcome {
  const holders = placeholders(ctx);
  const doubled = repeatedWords(ctx);
  const brackets = withoutOverlaps(unbalanced(ctx.masked), holders);
  const loud = shouting(ctx.masked, holders, ctx.options.customerName);
  const marks = findAll(REPEATED_MARKS_RE, ctx.masked);
  const mixed = !ctx.han.length ? [] : [
    ...findAllAfter(MIXED_BETWEEN_RE, ctx.masked, afterHan),
    ...(ctx.language === 'zh' ? findAllAfter(MIXED_AT_END_RE, ctx.masked, afterHan) : []),
  ];
  const found: [ReplyHint, Span[]][] = [
    ['unfilled_placeholder', holders], ['repeated_word', doubled], ['unbalanced_brackets', brackets],
    ['shouting', loud], ['repeated_punctuation', marks], ['mixed_width_punctuation', mixed],
  ];
  return {
    hints: found.filter(([, s]) => s.length).map(([h]) => h),
    issues: found.flatMap(([, s]) => s),
    matches: [],
    measures: {
      placeholders: holders.length, repeatedWords: doubled.length, unbalanced: brackets.length,
      shouting: loud.length, repeatedPunctuation: marks.length, mixedWidth: mixed.length,
    },
  };
}
