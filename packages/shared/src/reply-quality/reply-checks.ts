/**
 * Six of the seven reply checks (correctness has its own file): each one a short rule over the
 * sentences and the phrase lists, explainable in one sentence, returning its spans and numbers.
 */
import type { ListKey } from './phrase-book.js';
import { REPLY_LIMITS, unitsOf } from './reply-limits.js';
import { distinct, findAll, firstFrom, sentenceAt, withoutOverlaps, type Sentence, type Span } from './reply-text.js';
import type { CheckOutcome, ReplyContext, ReplyHint } from './reply-types.js';

/** A list's phrases in the draft, minus those inside one of its exceptions. */
function phrases(ctx: ReplyContext, key: ListKey, exempt?: ListKey): Span[] {
  const found = ctx.hits[key];
  return distinct(exempt ? withoutOverlaps(found, ctx.hits[exempt]) : found);
}

const limitsOf = (ctx: ReplyContext) => REPLY_LIMITS[ctx.language];
const sentenceUnits = (ctx: ReplyContext, s: Sentence) => unitsOf(s, ctx.language);

/** A numbered or bulleted item starts a line ("1. ", "2) ", "- ", "• ", "一、", "①"): a list orders steps as "first … then" does. */
const LIST_MARKER_RE = /^[ \t]*(?:\d{1,2}(?:[.)](?=[ \t])|[、）])|[-*•·](?=[ \t])|[一二三四五六七八九十]、|[①-⑩])/gm;

/** A span without its leading spaces (a list marker's indentation is not the marker). */
const trimStart = (text: string) => (s: Span): Span => {
  let start = s.start;
  while (start < s.end - 1 && (text[start] === ' ' || text[start] === '\t')) start++;
  return { start, end: s.end };
};

/** Clarity: no sentence over the length limit and no internal jargon. */
export function clarity(ctx: ReplyContext): CheckOutcome {
  const limit = limitsOf(ctx).sentenceUnits;
  const lengths = ctx.sentences.map((s) => sentenceUnits(ctx, s));
  const long = ctx.sentences.filter((_, i) => lengths[i] > limit);
  const jargon = phrases(ctx, 'jargon');
  const hints: ReplyHint[] = [];
  if (long.length) hints.push('long_sentences');
  if (jargon.length) hints.push('jargon');
  return {
    hints, issues: [...long, ...jargon], matches: [],
    measures: { sentences: ctx.sentences.length, longestSentence: lengths.reduce((a, b) => Math.max(a, b), 0), limit, longSentences: long.length, jargon: jargon.length },
  };
}

/** How a sentence opens, for "do many sentences open alike?": its first word, or its first two Han characters. */
function openingOf(ctx: ReplyContext, s: Sentence): { key: string; span: Span } | null {
  const token = ctx.tokens[firstFrom(ctx.tokens, s.start)];
  const h = firstFrom(ctx.han, s.start);
  const han = ctx.han[h];
  if (han && han.start < s.end && (!token || han.start < token.start)) {
    const second = ctx.han[h + 1];
    const end = second && second.start === han.end && second.start < s.end ? second.end : han.end;
    return { key: ctx.masked.slice(han.start, end), span: { start: han.start, end } };
  }
  return token && token.start < s.end ? { key: token.norm, span: { start: token.start, end: token.end } } : null;
}

/** Reply sentences from which a linking word is expected, and how many more sentences call for another. */
const COHESION_FROM_SENTENCES = 3;
const COHESION_SENTENCES_PER_CONNECTIVE = 5;
/** The same opening this many times, in at least half the sentences, reads as "We … We … We …". */
const REPEATED_OPENING_MIN = 3;

/** Cohesiveness: linking words (or a list) once there are three sentences or more, and varied sentence openings. */
export function cohesiveness(ctx: ReplyContext): CheckOutcome {
  const body = ctx.sentences.filter((s) => sentenceUnits(ctx, s) >= limitsOf(ctx).bodySentenceUnits);
  const required = body.length < COHESION_FROM_SENTENCES ? 0 : 1 + Math.floor((body.length - COHESION_FROM_SENTENCES) / COHESION_SENTENCES_PER_CONNECTIVE);
  const connectives = distinct([...phrases(ctx, 'connectives'), ...findAll(LIST_MARKER_RE, ctx.masked)].map(trimStart(ctx.masked)));
  const byOpening = new Map<string, Span[]>();
  for (const s of body) {
    const opening = openingOf(ctx, s);
    if (!opening) continue;
    const same = byOpening.get(opening.key);
    if (same) same.push(opening.span); else byOpening.set(opening.key, [opening.span]);
  }
  const same = [...byOpening.values()].reduce<Span[]>((a, b) => (b.length > a.length ? b : a), []);
  const repetitive = same.length >= REPEATED_OPENING_MIN && same.length * 2 >= body.length;
  const hints: ReplyHint[] = [];
  if (connectives.length < required) hints.push('no_connectives');
  if (repetitive) hints.push('repetitive_starts');
  return {
    hints, issues: repetitive ? same : [], matches: connectives,
    measures: { sentences: body.length, connectives: connectives.length, required, sameOpening: same.length },
  };
}

/** Chinese numerals that count something: "三天", "兩個小時", "半個月". */
const ZH_COUNT_RE = /[一二兩两三四五六七八九十百半]+(?:個|个)?(?:小時|小时|天|日|週|周|星期|分鐘|分钟|工作天|工作日|個月|个月|月|年|元|件|次|號|号)/gu;
/** Numbers in the draft: digits (a word that starts with one: 3, 42.50, 10:30, 2nd; not a list's "1.") and counted Chinese numerals. */
function numbers(ctx: ReplyContext): Span[] {
  const digits = withoutOverlaps(ctx.tokens.filter((t) => t.numeric).map((t) => ({ start: t.start, end: t.end })), findAll(LIST_MARKER_RE, ctx.masked));
  return ctx.han.length ? [...digits, ...findAll(ZH_COUNT_RE, ctx.masked)] : digits;
}

/** Concreteness: says what happens next, and when or how much (a number, a day, a duration). */
export function concreteness(ctx: ReplyContext): CheckOutcome {
  const nextSteps = phrases(ctx, 'nextSteps');
  const specifics = distinct([...phrases(ctx, 'specifics'), ...numbers(ctx)]);
  const hints: ReplyHint[] = [];
  if (!nextSteps.length) hints.push('no_next_step');
  else if (!specifics.length) hints.push('no_specifics');
  return { hints, issues: [], matches: distinct([...nextSteps, ...specifics]), measures: { nextSteps: nextSteps.length, specifics: specifics.length } };
}

/** Conciseness: within the length limit, and few filler phrases for the length. */
export function conciseness(ctx: ReplyContext): CheckOutcome {
  const { replyUnits, unitsPerFiller } = limitsOf(ctx);
  const fillers = phrases(ctx, 'fillers', 'fillerExempt');
  const allowed = Math.floor(ctx.units / unitsPerFiller);
  const hints: ReplyHint[] = [];
  if (ctx.units > replyUnits) hints.push('too_long');
  if (fillers.length > allowed) hints.push('filler_words');
  return { hints, issues: fillers, matches: [], measures: { length: ctx.units, limit: replyUnits, fillers: fillers.length, allowedFillers: allowed } };
}

/** Empathy: the reply acknowledges, apologises or thanks. */
export function empathy(ctx: ReplyContext): CheckOutcome {
  const found = phrases(ctx, 'empathy', 'empathyExempt');
  return {
    hints: found.length ? [] : ['no_empathy'], issues: [], matches: found,
    measures: { acknowledgements: found.length, addressedByName: ctx.names.length ? 1 : 0 },
  };
}

/** Does a condition ("if", "如果") come before this span in its sentence? Then the negative describes a case, not a refusal. */
function conditional(ctx: ReplyContext, span: Span, conditions: readonly Span[]): boolean {
  const sentence = sentenceAt(ctx.sentences, span.start);
  return !!sentence && conditions.some((c) => c.start >= sentence.start && c.end <= span.start);
}

/** Positive language: no blaming the customer, and few refusals or negatives for the length. */
export function positive(ctx: ReplyContext): CheckOutcome {
  const blame = phrases(ctx, 'blame', 'negativeExempt');
  const conditions = ctx.hits.conditionals;
  const negatives = withoutOverlaps(phrases(ctx, 'negative', 'negativeExempt'), blame).filter((s) => !conditional(ctx, s, conditions));
  const allowed = Math.floor(ctx.units / limitsOf(ctx).unitsPerNegative);
  const hints: ReplyHint[] = [];
  if (blame.length) hints.push('blaming_language');
  if (negatives.length > allowed) hints.push('negative_phrasing');
  return {
    hints, issues: [...blame, ...negatives], matches: [],
    measures: { negatives: negatives.length, blaming: blame.length, allowedNegatives: allowed },
  };
}
