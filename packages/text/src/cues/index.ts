/**
 * Cues: anger, frustration and urgency flags with the spans that raised them, for English and
 * Chinese (繁/简), for closed-loop rules. Deterministic rules (see rules.ts); a cue preceded by a
 * negation in its clause ("not urgent", "不急") is reported under `negated` and raises no flag.
 */
import { fold } from '../themes/fold.js';
import { CUE_RULES, NEGATED_BEFORE_EN, NEGATED_BEFORE_ZH, type CueKind, type CueRule } from './rules.js';

export { CUE_RULES, type CueKind, type CueRule } from './rules.js';

export interface CueHit {
  kind: CueKind;
  /** rule id, e.g. "frustration-repeat" or "anger-shouting" */
  rule: string;
  /** the matched text: text.slice(start, end) */
  match: string;
  start: number;
  end: number;
}

export interface Cues {
  anger: boolean;
  frustration: boolean;
  urgency: boolean;
  /** per kind, 1 − 0.4^(number of hits): 0 with no hit, 0.6 with one, 0.84 with two … */
  scores: Record<CueKind, number>;
  hits: CueHit[];
  /** cues that matched but were negated ("not urgent"); they raise no flag */
  negated: CueHit[];
}

export const CUE_KINDS: readonly CueKind[] = ['anger', 'frustration', 'urgency'];
const CLAUSE_END = /[.,;:!?()\n。，；：！？、（）…]|\bbut\b|但/gu;

/** The text between the last clause boundary before `start` and `start`. */
function clauseBefore(folded: string, start: number): string {
  const before = folded.slice(Math.max(0, start - 40), start);
  let cut = 0;
  for (const m of before.matchAll(CLAUSE_END)) cut = (m.index ?? 0) + m[0].length;
  return before.slice(cut);
}

function isNegated(rule: CueRule, folded: string, start: number): boolean {
  const before = clauseBefore(folded, start);
  return rule.language === 'en' ? NEGATED_BEFORE_EN.test(before) : NEGATED_BEFORE_ZH.test(before);
}

/** Shouting: two or more words in capitals with at least 8 capital letters ("THIS IS RIDICULOUS"). */
function shouting(text: string): CueHit[] {
  const out: CueHit[] = [];
  for (const m of text.matchAll(/(?<![\p{L}\p{N}])\p{Lu}{2,}(?:[\s!?.,']+\p{Lu}{2,})+(?![\p{L}\p{N}])/gu)) {
    if (m[0].replace(/\P{Lu}/gu, '').length < 8) continue;
    const start = m.index ?? 0;
    out.push({ kind: 'anger', rule: 'anger-shouting', match: m[0], start, end: start + m[0].length });
  }
  return out;
}

/** Keeps, per kind, the longest of overlapping hits (earliest first on ties). */
function dropOverlaps(hits: CueHit[]): CueHit[] {
  const sorted = [...hits].sort((a, b) => a.start - b.start || b.end - a.end || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0));
  const kept: CueHit[] = [];
  for (const h of sorted) {
    if (kept.some((k) => k.kind === h.kind && k.start < h.end && h.start < k.end)) continue;
    kept.push(h);
  }
  return kept;
}

export function detectCues(text: string, rules: readonly CueRule[] = CUE_RULES): Cues {
  const folded = fold(text);
  const hits: CueHit[] = [];
  const negated: CueHit[] = [];
  for (const rule of rules) {
    for (const m of folded.matchAll(rule.pattern)) {
      if (m[0] === '') continue;
      const start = m.index ?? 0;
      const end = start + m[0].length;
      const hit: CueHit = { kind: rule.kind, rule: rule.id, match: text.slice(start, end), start, end };
      (isNegated(rule, folded, start) ? negated : hits).push(hit);
    }
  }
  const kept = dropOverlaps([...hits, ...shouting(text)]);
  const negatedKept = dropOverlaps(negated).filter((n) => !kept.some((k) => k.kind === n.kind && k.start < n.end && n.start < k.end));
  const scores = { anger: 0, frustration: 0, urgency: 0 } as Record<CueKind, number>;
  for (const kind of CUE_KINDS) {
    const n = kept.filter((h) => h.kind === kind).length;
    scores[kind] = n === 0 ? 0 : 1 - 0.4 ** n;
  }
  return {
    anger: scores.anger > 0,
    frustration: scores.frustration > 0,
    urgency: scores.urgency > 0,
    scores,
    hits: kept,
    negated: negatedKept,
  };
}
