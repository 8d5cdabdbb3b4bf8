/** The result shapes of checkReply (reply-quality.ts), shared by the checks. */
import type { PhraseHits } from './phrase-book.js';
import type { Draft, Span } from './reply-text.js';

/** The seven things a draft is checked for: the 5 Cs, then empathy and positive language. */
export const REPLY_CHECK_KEYS = ['clarity', 'cohesiveness', 'correctness', 'concreteness', 'conciseness', 'empathy', 'positive'] as const;
export type ReplyCheckKey = (typeof REPLY_CHECK_KEYS)[number];

/**
 * Why a check failed, as a stable code the UI translates. A check can fail for several reasons
 * at once (a long sentence and jargon); `hints` lists them all, most important first.
 */
export type ReplyHint =
  // clarity: a sentence over the length limit; internal terms (ticket, SLA, 工單)
  | 'long_sentences' | 'jargon'
  // cohesiveness: too few linking words for the sentences; most sentences open with the same word
  | 'no_connectives' | 'repetitive_starts'
  // correctness
  | 'unfilled_placeholder' | 'repeated_word' | 'unbalanced_brackets' | 'shouting' | 'repeated_punctuation' | 'mixed_width_punctuation'
  // concreteness: nothing says what happens next; a next step, but no number, day or duration
  | 'no_next_step' | 'no_specifics'
  // conciseness: over the length limit; more filler phrases than the length allows
  | 'too_long' | 'filler_words'
  // empathy: no acknowledgement, apology or thanks
  | 'no_empathy'
  // positive language: blame on the customer; more refusals or negatives than the length allows
  | 'blaming_language' | 'negative_phrasing';

/**
 * A span of the draft, [start, end) in UTF-16 code units like String.prototype.slice, with its
 * text. `issue` spans are what to rewrite; `match` spans are what satisfied a check that looks
 * for something (the apology, the next step, the linking word), so the UI can show why it passed.
 */
export interface ReplyEvidence { start: number; end: number; text: string; kind: 'issue' | 'match' }

export interface ReplyCheckItem {
  key: ReplyCheckKey;
  ok: boolean;
  /** The first of `hints`, null when the check passed. */
  hint: ReplyHint | null;
  hints: ReplyHint[];
  /** Sorted by start. */
  evidence: ReplyEvidence[];
  /** The numbers behind the verdict, e.g. { longestSentence: 41, limit: 25 }. */
  measures: Record<string, number>;
}

export interface ReplyCheck {
  /** The language whose limits were applied. */
  language: 'en' | 'zh';
  /** In REPLY_CHECK_KEYS order. */
  checks: ReplyCheckItem[];
  /** 0…100: the share of checks passed, rounded; every check counts the same. */
  score: number;
}

export interface ReplyCheckOptions {
  /** The reply's language when known (the case's language); detected from the text otherwise. */
  language?: 'en' | 'zh-Hant' | 'zh-Hans';
  /** The customer's name: empathy notes whether the reply uses it (`addressedByName`); in capitals it is not shouting. */
  customerName?: string;
  /**
   * Template variables the sending path fills in (e.g. 'customer.name'): {{customer.name}} is then
   * not an unfilled placeholder. By default every {{…}} left in a draft is one.
   */
  filledOnSend?: readonly string[];
}

/** What the checks share about one draft. */
export interface ReplyContext extends Draft {
  language: 'en' | 'zh';
  /** Length of the whole reply in the language's unit (see unitsOf in reply-limits.ts). */
  units: number;
  /** Where each word list's phrases occur. */
  hits: PhraseHits;
  /** The customer's name where the reply uses it. */
  names: Span[];
  options: ReplyCheckOptions;
}

/** A check's verdict before the spans get their text. */
export interface CheckOutcome {
  hints: ReplyHint[];
  issues: Span[];
  matches: Span[];
  measures: Record<string, number>;
}
