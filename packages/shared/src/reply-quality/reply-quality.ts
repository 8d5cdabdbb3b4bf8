/**
 * Reply-quality help for agents: a draft reply checked against the 5 Cs (clarity, cohesiveness,
 * correctness, concreteness, conciseness) plus empathy and positive language, in English and
 * Chinese (Traditional and Simplified alike). Pure and synchronous, without dependencies, so the
 * web app runs it on every keystroke and the server can run the same code; it only advises and
 * never decides whether a reply may be sent.
 *
 * Every check is a rule that fits in one sentence (see reply-checks.ts, reply-correctness.ts)
 * over word lists (words-en.ts, words-zh.ts) and thresholds with their reasons (reply-limits.ts).
 * Results carry stable hint codes for the UI to translate, the spans to highlight and the numbers
 * behind each verdict, so an agent can see why, not just that.
 */
import { findName, findPhrases } from './phrase-book.js';
import { clarity, cohesiveness, conciseness, concreteness, empathy, positive } from './reply-checks.js';
import { correctness } from './reply-correctness.js';
import { REPLY_LIMITS, unitsOf, ZH_HAN_SHARE } from './reply-limits.js';
import { readDraft, type Span } from './reply-text.js';
import {
  REPLY_CHECK_KEYS, type CheckOutcome, type ReplyCheck, type ReplyCheckItem, type ReplyCheckKey, type ReplyCheckOptions,
  type ReplyContext, type ReplyEvidence,
} from './reply-types.js';

export { REPLY_CHECK_KEYS, REPLY_LIMITS, ZH_HAN_SHARE };
export type { ReplyCheck, ReplyCheckItem, ReplyCheckKey, ReplyCheckOptions, ReplyEvidence };
export type { ReplyHint } from './reply-types.js';
export type { ReplyLimits } from './reply-limits.js';

/**
 * The language whose limits apply: the one given, else Chinese when Han characters make up at
 * least ZH_HAN_SHARE of the Han characters and words, else English (also for an empty draft).
 */
export function replyLanguage(text: string, given?: string): 'en' | 'zh' {
  const draft = readDraft(typeof text === 'string' ? text : '');
  return languageOf(draft.han.length, draft.tokens.length, given);
}

function languageOf(han: number, words: number, given: string | undefined): 'en' | 'zh' {
  const tag = typeof given === 'string' ? given.toLowerCase() : '';
  if (tag.startsWith('zh')) return 'zh';
  if (tag.startsWith('en')) return 'en';
  return han > 0 && han / (han + words) >= ZH_HAN_SHARE ? 'zh' : 'en';
}

const evidenceOf = (text: string, spans: readonly Span[], kind: ReplyEvidence['kind']): ReplyEvidence[] =>
  spans.map((s) => ({ start: s.start, end: s.end, text: text.slice(s.start, s.end), kind }));

function item(key: ReplyCheckKey, text: string, outcome: CheckOutcome): ReplyCheckItem {
  const all = [...evidenceOf(text, outcome.issues, 'issue'), ...evidenceOf(text, outcome.matches, 'match')]
    .sort((a, b) => a.start - b.start || a.end - b.end);
  // one span can be found twice (an "!!" between Chinese characters is two slips): show it once
  const evidence = all.filter((e, i) => i === 0 || e.start !== all[i - 1].start || e.end !== all[i - 1].end || e.kind !== all[i - 1].kind);
  return { key, ok: outcome.hints.length === 0, hint: outcome.hints[0] ?? null, hints: outcome.hints, evidence, measures: outcome.measures };
}

/** Checks a draft reply. Deterministic; never throws for any string. */
export function checkReply(text: string, options: ReplyCheckOptions = {}): ReplyCheck {
  const draft = readDraft(typeof text === 'string' ? text : '');
  const language = languageOf(draft.han.length, draft.tokens.length, options.language);
  const ctx: ReplyContext = {
    ...draft, language, options,
    units: unitsOf({ words: draft.tokens.length, han: draft.han.length }, language),
    hits: findPhrases(draft),
    names: findName(draft, options.customerName),
  };
  const outcomes: Record<ReplyCheckKey, CheckOutcome> = {
    clarity: clarity(ctx),
    cohesiveness: cohesiveness(ctx),
    correctness: correctness(ctx),
    concreteness: concreteness(ctx),
    conciseness: conciseness(ctx),
    empathy: empathy(ctx),
    positive: positive(ctx),
  };
  const checks = REPLY_CHECK_KEYS.map((k) => item(k, draft.text, outcomes[k]));
  const passed = checks.filter((c) => c.ok).length;
  return { language, checks, score: Math.round((passed / checks.length) * 100) };
}
