/**
 * When a response opens a case: the conditions of closed-loop rules over the facts of one answer
 * (scores, analysed text, cues, metadata) and of its customer (recent negative answers). Pure: the
 * rules engine, the dry run over the last 30 days and the tests all call the same functions.
 * A rule names the themes its case is about, which is what "one open case per customer per theme"
 * counts: the negative themes of the text when there are any, otherwise `general`.
 */
import { CASE_CUES, CASE_METRICS, GENERAL_THEME, type CaseCondition, type CaseTrigger } from '@touchpoint/shared';

export { CASE_CUES, CASE_METRICS, CaseCondition, CaseTrigger, GENERAL_THEME } from '@touchpoint/shared';

/** What is known of one answer when the rules run. */
export interface AnswerFacts {
  scores: Partial<Record<(typeof CASE_METRICS)[number], number>>;
  /** Sentiment of the answer's open text (−1…1) and its themes; absent until analysed. */
  text?: { score: number; label: 'negative' | 'neutral' | 'positive' | string; themes: string[]; cues: Partial<Record<(typeof CASE_CUES)[number], boolean>> };
  metadata: Record<string, string>;
  /** Negative answers of the same customer in the last `days` days, this one included. */
  negativesWithin?: (days: number) => number;
}

/** A negative answer, as history conditions and the recovery rate count it. */
export function isNegative(f: Pick<AnswerFacts, 'scores' | 'text'>): boolean {
  const { nps, csat, ces } = f.scores;
  return (nps !== undefined && nps <= 6) || (csat !== undefined && csat <= 2) || (ces !== undefined && ces >= 5) || f.text?.label === 'negative';
}

export function conditionHolds(c: CaseCondition, f: AnswerFacts): boolean {
  switch (c.kind) {
    case 'score': {
      const v = f.scores[c.metric];
      return v !== undefined && (c.op === 'lte' ? v <= c.value : v >= c.value);
    }
    case 'sentiment':
      return !!f.text && f.text.label === 'negative' && (!c.theme || f.text.themes.includes(c.theme));
    case 'cue':
      return !!f.text?.cues[c.cue];
    case 'metadata': {
      const v = f.metadata[c.key];
      const list = Array.isArray(c.value) ? c.value : [c.value];
      if (c.op === 'neq') return v === undefined || !list.includes(v);
      if (v === undefined) return false;
      if (c.op === 'contains') return list.some((x) => v.toLowerCase().includes(x.toLowerCase()));
      return list.includes(v);
    }
    case 'history':
      return isNegative(f) && (f.negativesWithin?.(c.days) ?? 1) >= c.count;
  }
}

export function triggerHolds(t: CaseTrigger, f: AnswerFacts): boolean {
  return t.match === 'all' ? t.conditions.every((c) => conditionHolds(c, f)) : t.conditions.some((c) => conditionHolds(c, f));
}

/**
 * The themes a matching rule's case is about: the themes its sentiment conditions named (when the
 * text is negative on them), else every theme of a negative text, else `general`. Sorted, unique.
 */
export function caseThemes(t: CaseTrigger, f: AnswerFacts): string[] {
  const named = t.conditions.flatMap((c) => (c.kind === 'sentiment' && c.theme && conditionHolds(c, f) ? [c.theme] : []));
  const themes = named.length ? named : f.text?.label === 'negative' ? f.text.themes : [];
  return themes.length ? [...new Set(themes)].sort() : [GENERAL_THEME];
}
