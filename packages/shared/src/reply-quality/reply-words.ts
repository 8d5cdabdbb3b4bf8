/**
 * The shape of a language's word lists for the reply checks. English and Chinese fill the same
 * keys, so every check looks phrases up in both at once: a Chinese reply with "SLA" in it or an
 * English one quoting 工單 is judged on what it says, whatever the reply's main language is.
 *
 * English entries are lower case and match whole words, case-insensitively; a space matches any
 * run of spaces or tabs (never a line break) and ' matches ’ too. Chinese entries match as
 * written, so each lists its Traditional and its Simplified form (checked against opencc-js by
 * reply-words.test.ts).
 */
export interface ReplyWordLists {
  /** Internal terms and stock office phrases a customer should not have to decode (clarity). */
  jargon: readonly string[];
  /** Linking words that carry the reader from one sentence to the next (cohesiveness). */
  connectives: readonly string[];
  /** Phrases that announce what happens next, by whom (concreteness). */
  nextSteps: readonly string[];
  /** Words that name a time, a day or a duration; digits count on their own (concreteness). */
  specifics: readonly string[];
  /** Words that add length, not meaning (conciseness). */
  fillers: readonly string[];
  /** Phrases where a filler word means something ("I have just refunded"). */
  fillerExempt: readonly string[];
  /** Acknowledgement, apology, thanks (empathy). */
  empathy: readonly string[];
  /** Phrases that contain an empathy word but deny or lecture ("I don't understand"). */
  empathyExempt: readonly string[];
  /** Refusals and negative framing: say what can be done instead (positive language). */
  negative: readonly string[];
  /** Phrases that put the blame on the customer: never acceptable (positive language). */
  blame: readonly string[];
  /** Phrases that contain a negative word but are reassuring ("you won't be charged"). */
  negativeExempt: readonly string[];
  /** Words that open a condition: a negative inside "if …" describes a case, not a refusal. */
  conditionals: readonly string[];
}
