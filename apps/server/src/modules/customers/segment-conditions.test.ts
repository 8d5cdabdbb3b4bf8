import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { SegmentDefinition, type SegmentCondition, type SegmentGroup } from '@touchpoint/shared';
import { eventCountKey, inBand, matches, needsOf, scoreKey, type PersonFacts } from './segment-conditions.js';

const NOW = Date.parse('2026-11-23T12:00:00Z');
const person = (over: Partial<PersonFacts> = {}): PersonFacts => ({
  id: 'p', traits: {}, consents: {}, orderCount: 0, revenue: {}, firstSeenAt: null, lastSeenAt: null, churnRisk: null,
  eventCounts: new Map(), latestScores: new Map(), ...over,
});
const all = (...conditions: SegmentGroup['conditions']): SegmentGroup => ({ kind: 'group', match: 'all', conditions });
const any = (...conditions: SegmentGroup['conditions']): SegmentGroup => ({ kind: 'group', match: 'any', conditions });
const trait = (key: string, op: string, value?: unknown) => ({ kind: 'trait', method: 'demographic', key, op, value }) as SegmentCondition;

describe('segment conditions', () => {
  it('compares traits case-insensitively, lists by any element, numbers and dates by order', () => {
    const p = person({ traits: { country: 'TW', interests: ['Tea', 'vip'], age: 34, signup: '2026-11-01', vip: true } });
    expect(matches(all(trait('country', 'eq', 'tw')), p, NOW)).toBe(true);
    expect(matches(all(trait('interests', 'contains', 'VI')), p, NOW)).toBe(true);
    expect(matches(all(trait('interests', 'eq', 'tea')), p, NOW)).toBe(true);
    expect(matches(all(trait('age', 'between', [30, 40])), p, NOW)).toBe(true);
    expect(matches(all(trait('age', 'eq', '34')), p, NOW)).toBe(true);
    expect(matches(all(trait('signup', 'after', '2026-10-31')), p, NOW)).toBe(true);
    expect(matches(all(trait('signup', 'within_days', 30)), p, NOW)).toBe(true);
    expect(matches(all(trait('signup', 'within_days', 7)), p, NOW)).toBe(false);
    expect(matches(all(trait('vip', 'eq', true)), p, NOW)).toBe(true);
    // A missing trait is "not TW" and does not exist.
    expect(matches(all(trait('city', 'neq', 'Taipei'), trait('city', 'not_exists')), p, NOW)).toBe(true);
    expect(matches(all(trait('city', 'eq', 'Taipei')), p, NOW)).toBe(false);
  });

  it('counts events per window key, scores by band, consents by state', () => {
    const orders = { kind: 'event', method: 'behavioural', type: 'order', op: 'at_least', count: 2, days: 30 } as const;
    const detractor = { kind: 'metric', method: 'behavioural', metric: 'nps', band: 'detractor' } as const;
    const p = person({ eventCounts: new Map([[eventCountKey(orders), 2]]), latestScores: new Map([[scoreKey(detractor), 6]]), consents: { email: { granted: false, at: '2026-01-01' } } });
    expect(matches(all(orders, detractor, { kind: 'consent', method: 'behavioural', purpose: 'email', state: 'refused' }), p, NOW)).toBe(true);
    expect(matches(all({ kind: 'consent', method: 'behavioural', purpose: 'sms', state: 'unknown' }), p, NOW)).toBe(true);
    expect(needsOf(all(orders, any(detractor, orders))).events).toHaveLength(1);
    expect(needsOf(all(orders)).timeRelative).toBe(true);
    expect(needsOf(all(trait('country', 'eq', 'TW'))).timeRelative).toBe(false);
  });

  it('bands partition every score of each metric', () => {
    const bands = { nps: [['promoter', 'passive', 'detractor'], 0, 10], csat: [['satisfied', 'neutral', 'dissatisfied'], 1, 5], ces: [['easy', 'neutral', 'hard'], 1, 7] } as const;
    for (const [metric, [names, lo, hi]] of Object.entries(bands) as [keyof typeof bands, (typeof bands)[keyof typeof bands]][]) {
      for (let s = lo; s <= hi; s++) expect(names.filter((b) => inBand(metric, b, s))).toHaveLength(1);
    }
  });

  it('groups follow boolean algebra: all = every, any = some, empty all = everyone, empty any = no one', () => {
    const cond = fc.oneof(
      fc.record({ key: fc.constantFrom('a', 'b'), value: fc.integer({ min: 0, max: 3 }), op: fc.constantFrom('eq', 'neq', 'gt', 'lte') }).map(({ key, value, op }) => trait(key, op, value)),
      fc.record({ n: fc.integer({ min: 0, max: 3 }), op: fc.constantFrom('at_least', 'at_most', 'exactly') }).map(({ n, op }) => ({ kind: 'event', method: 'behavioural', type: 'any', op, count: n }) as SegmentCondition),
    );
    const facts = fc.record({ a: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }), b: fc.integer({ min: 0, max: 3 }), events: fc.integer({ min: 0, max: 3 }) })
      .map(({ a, b, events }) => person({ traits: { ...(a === undefined ? {} : { a }), b }, eventCounts: new Map([[eventCountKey({ type: 'any' }), events]]) }));
    fc.assert(fc.property(fc.array(cond, { maxLength: 5 }), facts, (conds, p) => {
      const each = conds.map((c) => matches(all(c), p, NOW));
      expect(matches(all(...conds), p, NOW)).toBe(each.every(Boolean));
      expect(matches(any(...conds), p, NOW)).toBe(each.some(Boolean));
      expect(matches(all(any(...conds)), p, NOW)).toBe(matches(any(...conds), p, NOW));
    }), { numRuns: 300 });
  });

  it('complementary operators never agree: eq/neq, in/not_in, exists/not_exists, at_least n / at_most n−1', () => {
    fc.assert(fc.property(fc.option(fc.oneof(fc.integer({ min: 0, max: 4 }), fc.constantFrom('x', 'Y', 'y'), fc.array(fc.constantFrom('x', 'y', 'z'), { maxLength: 3 })), { nil: undefined }),
      fc.constantFrom<string | number>(0, 2, 'x', 'y'), fc.integer({ min: 0, max: 5 }), fc.integer({ min: 1, max: 5 }), (v, w, events, n) => {
        const p = person({ traits: v === undefined ? {} : { k: v }, eventCounts: new Map([[eventCountKey({ type: 'any' }), events]]) });
        const one = (c: SegmentCondition) => matches(all(c), p, NOW);
        expect(one(trait('k', 'eq', w))).toBe(!one(trait('k', 'neq', w)));
        expect(one(trait('k', 'in', [w, 3]))).toBe(!one(trait('k', 'not_in', [w, 3])));
        expect(one(trait('k', 'exists'))).toBe(!one(trait('k', 'not_exists')));
        const ev = (op: 'at_least' | 'at_most', count: number) => one({ kind: 'event', method: 'behavioural', type: 'any', op, count });
        expect(ev('at_least', n)).toBe(!ev('at_most', n - 1));
      }), { numRuns: 300 });
  });

  it('the definition schema answers any JSON with a parse result, never a throw', () => {
    fc.assert(fc.property(fc.jsonValue(), (v) => { expect(typeof SegmentDefinition.safeParse(v).success).toBe('boolean'); }), { numRuns: 500 });
    const deep = all(all(all(all(trait('a', 'exists')))));
    expect(SegmentDefinition.safeParse(deep).success).toBe(false);
  });
});
