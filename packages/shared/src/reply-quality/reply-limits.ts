/**
 * The thresholds of the reply checks, per language, each with the reason for its value. Lengths
 * are in "units": words in an English reply, characters in a Chinese one (see unitsOf).
 */

export interface ReplyLimits {
  /** A sentence longer than this is hard to take in at once (clarity). */
  sentenceUnits: number;
  /** A reply longer than this is no longer read whole on a phone (conciseness). */
  replyUnits: number;
  /** Shorter lines are greetings and sign-offs, not sentences that need linking (cohesiveness). */
  bodySentenceUnits: number;
  /** One filler phrase is tolerated per this many units (conciseness). */
  unitsPerFiller: number;
  /** One negative phrase is tolerated per this many units (positive language). */
  unitsPerNegative: number;
}

export const REPLY_LIMITS: Readonly<Record<'en' | 'zh', ReplyLimits>> = {
  en: {
    // Plain-language guidance puts an easy sentence at 15–20 words; 25 leaves room for one clause.
    sentenceUnits: 25,
    // About a minute of reading: what a customer gives a support e-mail before skimming.
    replyUnits: 180,
    // "Hi Amy," and "Best regards," are three words or fewer.
    bodySentenceUnits: 4,
    // A short reply has no room for "just" or "in order to"; a long one may carry one per 100 words.
    unitsPerFiller: 100,
    // A single "unfortunately" in a long, otherwise helpful reply is fine; one in every 80 words is not.
    unitsPerNegative: 80,
  },
  zh: {
    // A Chinese word is 1.5–2 characters, so 50 characters is about the 25 English words.
    sentenceUnits: 50,
    // Chinese is read at roughly 300–500 characters a minute: the same minute as 180 words.
    replyUnits: 400,
    // 「王先生您好，」is five characters.
    bodySentenceUnits: 6,
    // the English tolerances, at two characters a word as above
    unitsPerFiller: 200,
    unitsPerNegative: 160,
  },
};

/**
 * Length in the language's unit. English: words, with two Han characters counting as one word.
 * Chinese: Han characters, with a Latin word or number counting as one character's worth.
 */
export function unitsOf(c: { words: number; han: number }, language: 'en' | 'zh'): number {
  return language === 'zh' ? c.han + c.words : c.words + Math.ceil(c.han / 2);
}

/**
 * A reply is Chinese when Han characters are at least this share of Han characters + words: a
 * Chinese reply naming an iPhone 15 and order #12345 stays Chinese (its Han characters still
 * outnumber those words), and an English reply that greets 陳先生 stays English.
 */
export const ZH_HAN_SHARE = 0.5;
