import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CaseTrigger, GENERAL_THEME, caseThemes, conditionHolds, isNegative, triggerHolds, type AnswerFacts, type CaseCondition } from './case-rules.js';

const facts = (over: Partial<AnswerFacts> = {}): AnswerFacts => ({ scores: {}, metadata: {}, ...over });
const negativeText = (themes: string[], cues: Partial<Record<'anger' | 'frustration' | 'urgency', boolean>> = {}) => ({ score: -0.6, label: 'negative' as const, themes, cues });

describe('closed-loop rule conditions', () => {
  it('opens on a detractor, a low CSAT or a hard CES, and not on the others', () => {
    const detractor: CaseCondition = { kind: 'score', metric: 'nps', op: 'lte', value: 6 };
    expect(conditionHolds(detractor, facts({ scores: { nps: 6 } }))).toBe(true);
    expect(conditionHolds(detractor, facts({ scores: { nps: 7 } }))).toBe(false);
    expect(conditionHolds(detractor, facts({ scores: { csat: 1 } }))).toBe(false);
    expect(conditionHolds({ kind: 'score', metric: 'ces', op: 'gte', value: 5 }, facts({ scores: { ces: 6 } }))).toBe(true);
  });

  it('reads sentiment per theme, cues, metadata and the customer\'s history', () => {
    const f = facts({ text: negativeText(['delivery', 'refund'], { urgency: true }), metadata: { region: 'TW', plan: 'Pro' }, negativesWithin: (d) => (d >= 30 ? 3 : 1) });
    expect(conditionHolds({ kind: 'sentiment', theme: 'delivery' }, f)).toBe(true);
    expect(conditionHolds({ kind: 'sentiment', theme: 'price' }, f)).toBe(false);
    expect(conditionHolds({ kind: 'sentiment' }, f)).toBe(true);
    expect(conditionHolds({ kind: 'cue', cue: 'urgency' }, f)).toBe(true);
    expect(conditionHolds({ kind: 'cue', cue: 'anger' }, f)).toBe(false);
    expect(conditionHolds({ kind: 'metadata', key: 'region', op: 'in', value: ['TW', 'HK'] }, f)).toBe(true);
    expect(conditionHolds({ kind: 'metadata', key: 'plan', op: 'contains', value: 'pro' }, f)).toBe(true);
    expect(conditionHolds({ kind: 'metadata', key: 'missing', op: 'neq', value: 'x' }, f)).toBe(true);
    expect(conditionHolds({ kind: 'history', count: 3, days: 30 }, f)).toBe(true);
    expect(conditionHolds({ kind: 'history', count: 3, days: 7 }, f)).toBe(false);
    // A positive answer never completes a streak of negative ones.
    expect(conditionHolds({ kind: 'history', count: 2, days: 30 }, facts({ scores: { nps: 9 }, negativesWithin: () => 5 }))).toBe(false);
  });

  it('names the case\'s themes: those the rule asked about, else the negative text\'s, else general', () => {
    const f = facts({ scores: { nps: 3 }, text: negativeText(['staff', 'delivery']) });
    expect(caseThemes({ match: 'all', conditions: [{ kind: 'sentiment', theme: 'delivery' }] }, f)).toEqual(['delivery']);
    expect(caseThemes({ match: 'all', conditions: [{ kind: 'score', metric: 'nps', op: 'lte', value: 6 }] }, f)).toEqual(['delivery', 'staff']);
    expect(caseThemes({ match: 'all', conditions: [{ kind: 'score', metric: 'nps', op: 'lte', value: 6 }] }, facts({ scores: { nps: 3 } }))).toEqual([GENERAL_THEME]);
  });

  it('rejects rules it cannot run, with the path of the problem', () => {
    const bad = CaseTrigger.safeParse({ match: 'all', conditions: [{ kind: 'score', metric: 'nps', op: 'lte', value: 11 }, { kind: 'history', count: 1, days: 30 }] });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues.map((i) => i.path.join('.'))).toEqual(['conditions.0.value', 'conditions.1.count']);
  });
});

const arbCondition: fc.Arbitrary<CaseCondition> = fc.oneof(
  fc.record({ kind: fc.constant('score' as const), metric: fc.constantFrom('nps' as const, 'csat' as const, 'ces' as const), op: fc.constantFrom('lte' as const, 'gte' as const), value: fc.integer({ min: 0, max: 10 }) }),
  fc.record({ kind: fc.constant('sentiment' as const), theme: fc.option(fc.constantFrom('delivery', 'price', 'staff'), { nil: undefined }) }).map((c) => (c.theme === undefined ? { kind: c.kind } : c)),
  fc.record({ kind: fc.constant('cue' as const), cue: fc.constantFrom('anger' as const, 'frustration' as const, 'urgency' as const) }),
  fc.record({ kind: fc.constant('history' as const), count: fc.integer({ min: 2, max: 5 }), days: fc.integer({ min: 1, max: 90 }) }),
);
const arbFacts: fc.Arbitrary<AnswerFacts> = fc.record({
  scores: fc.record({ nps: fc.integer({ min: 0, max: 10 }), csat: fc.integer({ min: 1, max: 5 }), ces: fc.integer({ min: 1, max: 7 }) }, { requiredKeys: [] }),
  text: fc.option(fc.record({
    score: fc.double({ min: -1, max: 1, noNaN: true }), label: fc.constantFrom('negative', 'neutral', 'positive'),
    themes: fc.uniqueArray(fc.constantFrom('delivery', 'price', 'staff', 'app'), { maxLength: 3 }),
    cues: fc.record({ anger: fc.boolean(), frustration: fc.boolean(), urgency: fc.boolean() }),
  }), { nil: undefined }),
  metadata: fc.constant({}),
  negativesWithin: fc.integer({ min: 0, max: 6 }).map((n) => (days: number) => Math.min(n, days)),
});

describe('closed-loop rule conditions (properties)', () => {
  const SEED = { seed: 5, numRuns: 300 };
  it('"all" holds exactly when every condition holds, "any" when one does, and all implies any', () => {
    fc.assert(fc.property(fc.array(arbCondition, { minLength: 1, maxLength: 5 }), arbFacts, (conditions, f) => {
      const each = conditions.map((c) => conditionHolds(c, f));
      expect(triggerHolds({ match: 'all', conditions }, f)).toBe(each.every(Boolean));
      expect(triggerHolds({ match: 'any', conditions }, f)).toBe(each.some(Boolean));
      if (triggerHolds({ match: 'all', conditions }, f)) expect(triggerHolds({ match: 'any', conditions }, f)).toBe(true);
    }), SEED);
  });

  it('a matching rule always names at least one theme, sorted and unique; history only fires on negative answers', () => {
    fc.assert(fc.property(fc.array(arbCondition, { minLength: 1, maxLength: 5 }), arbFacts, (conditions, f) => {
      const themes = caseThemes({ match: 'any', conditions }, f);
      expect(themes.length).toBeGreaterThan(0);
      expect(themes).toEqual([...new Set(themes)].sort());
      for (const c of conditions) if (c.kind === 'history' && conditionHolds(c, f)) expect(isNegative(f)).toBe(true);
    }), SEED);
  });

  it('the schema never throws, whatever JSON it is given', () => {
    fc.assert(fc.property(fc.json(), (text) => {
      expect(() => CaseTrigger.safeParse(JSON.parse(text))).not.toThrow();
    }), SEED);
  });
});
