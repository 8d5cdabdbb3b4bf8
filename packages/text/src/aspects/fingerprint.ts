/**
 * A hash of the hand-written parts of aspect extraction and aspect sentiment (lexicon, negators,
 * intensifiers, seed aspects, blend constants), so the analysis version changes when they do.
 */
import { createHash } from 'node:crypto';
import { INTENSIFIERS_EN, INTENSIFIERS_ZH, LEXICON_EN, LEXICON_ZH, NEGATORS_EN, NEGATORS_ZH } from './lexicon.js';
import { SEED_ASPECTS_EN } from './seeds-en.js';
import { SEED_ASPECTS_ZH } from './extract-zh.js';
import { GENERAL_WEIGHT_EN, LEXICON_WEIGHT_EN, NEUTRAL_BAND } from './index.js';

export function aspectRulesFingerprint(): string {
  const content = JSON.stringify({
    lexicon: [[...LEXICON_EN], LEXICON_ZH, [...NEGATORS_EN], NEGATORS_ZH, [...INTENSIFIERS_EN], [...INTENSIFIERS_ZH]],
    seeds: [SEED_ASPECTS_EN, SEED_ASPECTS_ZH],
    constants: [GENERAL_WEIGHT_EN, LEXICON_WEIGHT_EN, NEUTRAL_BAND],
  });
  return createHash('sha256').update(content).digest('hex').slice(0, 12);
}
