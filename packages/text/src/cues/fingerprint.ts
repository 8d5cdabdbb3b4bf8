/** A hash of the cue rules (patterns, weights, negation patterns), for the analysis version. */
import { createHash } from 'node:crypto';
import { CUE_RULES, NEGATED_BEFORE_EN, NEGATED_BEFORE_ZH } from './rules.js';

export function cueRulesFingerprint(): string {
  const content = JSON.stringify({
    rules: CUE_RULES.map((r) => [r.id, r.kind, r.language, r.weight, r.pattern.source, r.pattern.flags]),
    negation: [NEGATED_BEFORE_EN.source, NEGATED_BEFORE_ZH.source],
  });
  return createHash('sha256').update(content).digest('hex').slice(0, 12);
}
