import { describe, expect, it } from 'vitest';
import { shopeeTemplate } from '@touchpoint/shared';
import { analyze, emptyCase, pathKey, validateDraft } from './business-case-draft';
import { formatRate, quadrantOf } from './initiative-format';

describe('business-case draft', () => {
  it('names errors at the paths the API uses, without body.', () => {
    const draft = shopeeTemplate('2026-01-01');
    expect(Object.keys(validateDraft({ ...draft, periods: NaN }).errors)).toEqual(['periods']);
    const { input, errors } = validateDraft({ ...draft, costs: [{ ...draft.costs[0], from: 2, to: 1 }] });
    expect(input).toBeNull();
    expect(errors).toEqual({ 'costs[0].to': 'must not be before from' });
    expect(pathKey(['benefits', 3, 'driver', 'points'])).toBe('benefits[3].driver.points');
  });
  it('analyses a valid draft as typed: the Shopee example and a starting case', () => {
    const shopee = analyze(validateDraft(shopeeTemplate('2026-01-01')).input)!;
    expect(shopee.roi).toBeCloseTo(16.96, 2);
    const start = validateDraft(emptyCase('2026-01-01', { cost: 'Build', benefit: 'Revenue' }));
    expect(start.errors).toEqual({});
    expect(analyze(start.input)!.flows).toEqual([-100_000, 50_000, 50_000, 50_000]);
  });
});

describe('quadrantOf', () => {
  it('splits value and cost scores at 5.5', () => {
    expect([quadrantOf(9, 3), quadrantOf(9, 8), quadrantOf(2, 3), quadrantOf(2, 8), quadrantOf(6, 5)]).toEqual(['quickWins', 'bigBets', 'fillIns', 'moneyPits', 'quickWins']);
  });
});

describe('formatRate', () => {
  it('prints annual rates, and caps the meaningless ones of cases that pay back in weeks', () => {
    expect(formatRate('en', 0.0866309)).toBe('8.7%');
    expect(formatRate('en', -0.0212448)).toBe('-2.1%');
    expect(formatRate('en', 6564.118)).toBe('> 1,000%');
    expect(formatRate('zh-Hant', 6564.118)).toBe('> 1,000%');
    expect(formatRate('en', null)).toBe('–');
  });
});
