/**
 * The reply-quality codes the composer translates: the seven checks and every hint code of
 * checkReply. Typed as records over the shared types, so a new code fails the type check here
 * until it has a translation key (tests check the keys exist in all three languages).
 */
import type { ReplyCheckKey, ReplyHint } from '@touchpoint/shared';

const KEYS: Record<ReplyCheckKey, true> = { clarity: true, cohesiveness: true, correctness: true, concreteness: true, conciseness: true, empathy: true, positive: true };
const HINTS: Record<ReplyHint, true> = {
  long_sentences: true, jargon: true, no_connectives: true, repetitive_starts: true, unfilled_placeholder: true, repeated_word: true,
  unbalanced_brackets: true, shouting: true, repeated_punctuation: true, mixed_width_punctuation: true, no_next_step: true, no_specifics: true,
  too_long: true, filler_words: true, no_empathy: true, blaming_language: true, negative_phrasing: true,
};

export const QUALITY_KEYS = Object.keys(KEYS) as ReplyCheckKey[];
export const QUALITY_HINTS = Object.keys(HINTS) as ReplyHint[];
