import { describe, expect, it } from 'vitest';
import { ProfileCondition, SegmentDefinition, TRAIT_OPS } from '@touchpoint/shared';
import {
  PROFILE_OPS, appendTo, canNestIn, draftIssues, emptyGroup, fromDefinition, newCondition, pathOf, removeAt, splitList,
  toDefinition, traitScalar, updateAt, type EventDraft, type GroupDraft, type MetricDraft, type TraitDraft,
} from './segment-draft';

/** "country = TW and at least 2 orders in the last 30 days", built as the UI does. */
function twBuyers(): GroupDraft {
  let root = appendTo(emptyGroup(), [], newCondition({ kind: 'trait', method: 'geographic', key: 'country' }));
  root = appendTo(root, [], newCondition({ kind: 'event' }));
  root = updateAt(root, [0], (n) => ({ ...(n as TraitDraft), text: 'TW' }));
  return updateAt(root, [1], (n) => ({ ...(n as EventDraft), count: '2', days: '30' }));
}

describe('segment draft', () => {
  it('turns a draft into a definition the contract accepts', () => {
    const def = toDefinition(twBuyers());
    expect(draftIssues(twBuyers())).toEqual([]);
    expect(def).toEqual({ kind: 'group', match: 'all', conditions: [
      { kind: 'trait', method: 'geographic', key: 'country', op: 'eq', value: 'TW' },
      { kind: 'event', method: 'behavioural', type: 'order', op: 'at_least', count: 2, days: 30 },
    ] });
    expect(SegmentDefinition.safeParse(def).success).toBe(true);
  });

  it('fits each trait operator its value shape, and the contract agrees', () => {
    for (const op of TRAIT_OPS) {
      const text = op === 'within_days' ? '30' : op === 'before' || op === 'after' ? '2025-01-01' : op === 'in' || op === 'not_in' ? 'TW、HK, MO' : '20';
      const root = updateAt(appendTo(emptyGroup(), [], newCondition({ kind: 'trait', method: 'demographic', key: 'age' })), [0], (n) => ({ ...(n as TraitDraft), op, text, text2: '40' }));
      expect(draftIssues(root), op).toEqual([]);
      const parsed = SegmentDefinition.safeParse(toDefinition(root));
      expect(parsed.success, `${op}: ${JSON.stringify(parsed.error?.issues)}`).toBe(true);
    }
    const between = toDefinition(updateAt(appendTo(emptyGroup(), [], newCondition({ kind: 'trait', method: 'demographic', key: 'age' })), [0], (n) => ({ ...(n as TraitDraft), text: '30', text2: '40' })));
    expect(between.conditions[0]).toMatchObject({ op: 'between', value: [30, 40] });
  });

  it('keeps equality values as text, yes/no as booleans, and splits lists on Chinese commas too', () => {
    expect(traitScalar('007', false)).toBe('007');
    expect(traitScalar('1,200', true)).toBe(1200);
    expect(traitScalar('true', false)).toBe(true);
    expect(splitList('台北、新竹，台中\nTainan,, ')).toEqual(['台北', '新竹', '台中', 'Tainan']);
  });

  it('names what is missing at the server’s paths', () => {
    let root = appendTo(twBuyers(), [], emptyGroup('any'));
    root = appendTo(root, [2], newCondition({ kind: 'trait', method: 'psychographic', key: '' }));
    root = appendTo(root, [2], newCondition({ kind: 'metric' }));
    root = updateAt(root, [2, 1], (n) => ({ ...(n as MetricDraft), band: '', min: 'x' }));
    root = updateAt(root, [1], (n) => ({ ...(n as EventDraft), days: '0', count: '1.5' }));
    expect(draftIssues(root)).toEqual([
      { path: 'definition.conditions[1].count', code: 'wholeNumber' },
      { path: 'definition.conditions[1].days', code: 'days' },
      { path: 'definition.conditions[2].conditions[0].key', code: 'required' },
      { path: 'definition.conditions[2].conditions[0].value', code: 'required' },
      { path: 'definition.conditions[2].conditions[1].min', code: 'number' },
    ]);
    expect(pathOf([2, 1])).toBe('definition.conditions[2].conditions[1]');
  });

  it('nests groups at most three deep and removes by position', () => {
    expect(canNestIn([])).toBe(true);
    expect(canNestIn([0])).toBe(true);
    expect(canNestIn([0, 0])).toBe(false);
    let root = appendTo(emptyGroup(), [], emptyGroup());
    root = appendTo(root, [0], emptyGroup());
    expect(appendTo(root, [0, 0], emptyGroup())).toBe(root);
    const def = toDefinition(appendTo(root, [0, 0], newCondition({ kind: 'consent' })));
    expect(SegmentDefinition.safeParse(def).success).toBe(true);
    expect(removeAt(root, [0]).conditions).toEqual([]);
  });

  it('round-trips a saved definition through the draft', () => {
    const saved = {
      kind: 'group' as const, match: 'any' as const, conditions: [
        { kind: 'group' as const, match: 'all' as const, conditions: [
          { kind: 'trait' as const, method: 'geographic' as const, key: 'city', op: 'in' as const, value: ['Taipei', 'Hsinchu'] },
          { kind: 'profile' as const, method: 'behavioural' as const, field: 'revenue' as const, op: 'between' as const, value: [100, 500] as [number, number], currency: 'TWD' },
        ] },
        { kind: 'metric' as const, method: 'behavioural' as const, metric: 'csat' as const, min: 1, max: 2, days: 90 },
        { kind: 'event' as const, method: 'behavioural' as const, type: 'track' as const, name: 'Signed up', op: 'exactly' as const, count: 0 },
        { kind: 'consent' as const, method: 'behavioural' as const, purpose: 'marketing' as const, state: 'unknown' as const },
      ],
    };
    const draft = fromDefinition(saved);
    expect(draftIssues(draft)).toEqual([]);
    expect(toDefinition(draft)).toEqual(saved);
  });

  it('offers exactly the profile operators the contract takes', () => {
    for (const op of PROFILE_OPS) {
      const value = op === 'between' ? [1, 2] : 1;
      expect(ProfileCondition.safeParse({ kind: 'profile', field: 'order_count', op, value }).success, op).toBe(true);
    }
    expect(ProfileCondition.safeParse({ kind: 'profile', field: 'order_count', op: 'neq', value: 1 }).success).toBe(false);
  });
});
