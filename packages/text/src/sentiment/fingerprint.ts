/**
 * A hash of everything the rules read besides the model file (word lists, emoji table, rule
 * constants). Each model stores the fingerprint it was trained with; a test fails when they
 * differ, i.e. when a list changed and `npm run train` was not run.
 */
import { createHash } from 'node:crypto';
import { emojiEntries } from './emoji.js';
import * as rules from './rules.js';
import { EN_BOOSTERS, EN_CONTRAST, EN_EXTRA_LEXICON, EN_NEGATORS, EN_PHRASES } from './words-en.js';
import { ZH_BOOSTERS, ZH_CONTRAST, ZH_EXTRA_LEXICON, ZH_NEGATING_PREFIXES, ZH_NEGATORS } from './words-zh.js';

export function rulesFingerprint(): string {
  const content = JSON.stringify({
    emoji: emojiEntries(),
    constants: [rules.BOOST_STEP, rules.NEGATION_SCALAR, rules.CAPS_INCREMENT, rules.EXCLAMATION_STEP, rules.CONTRAST_BEFORE, rules.CONTRAST_AFTER, rules.JOIN_SINGLES_MAX],
    en: [[...EN_NEGATORS], [...EN_BOOSTERS], [...EN_CONTRAST], Object.entries(EN_EXTRA_LEXICON), Object.entries(EN_PHRASES)],
    zh: [[...ZH_NEGATORS], [...ZH_BOOSTERS], [...ZH_CONTRAST], ZH_NEGATING_PREFIXES, Object.entries(ZH_EXTRA_LEXICON)],
  });
  return createHash('sha256').update(content).digest('hex').slice(0, 12);
}
