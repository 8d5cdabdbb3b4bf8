import { describe, expect, it } from 'vitest';
import { CONSENT_PURPOSES, IDENTIFIER_KINDS, MERGE_REASONS, TIMELINE_KINDS, TRAIT_RULES, TRAIT_TYPES } from '@touchpoint/shared';
import en from '../../lib/locales/en.json';
import zhHant from '../../lib/locales/zh-Hant.json';
import zhHans from '../../lib/locales/zh-Hans.json';
import { formatChurnRisk, propertyPairs, revenueLines, traitDisplay, traitText } from './customer-format';
import { formatMoney } from '../../lib/format';
import { decodeCustomersView, encodeCustomersView, parseTimelineKinds, timelineKindsParam, toggleTimelineKind, withTimelineKinds } from './url-state';

describe('timeline kinds in the URL', () => {
  it('keeps known kinds in the contract order and drops the rest', () => {
    expect(parseTimelineKinds('merge,order')).toEqual(['order', 'merge']);
    expect(parseTimelineKinds('order,bogus,,order')).toEqual(['order']);
    expect(parseTimelineKinds('bogus')).toEqual([]);
  });
  it('reads no parameter, an empty one, or every kind as "everything"', () => {
    expect(parseTimelineKinds(null)).toEqual([]);
    expect(parseTimelineKinds('')).toEqual([]);
    expect(parseTimelineKinds(TIMELINE_KINDS.join(','))).toEqual([]);
    expect(timelineKindsParam([...TIMELINE_KINDS])).toBeNull();
    expect(timelineKindsParam([])).toBeNull();
  });
  it('toggles: from everything to one kind, add, remove, and back to everything', () => {
    expect(toggleTimelineKind([], 'order')).toEqual(['order']);
    expect(toggleTimelineKind(['order'], 'merge')).toEqual(['order', 'merge']);
    expect(toggleTimelineKind(['order', 'merge'], 'order')).toEqual(['merge']);
    expect(toggleTimelineKind(['merge'], 'merge')).toEqual([]);
    const allButOne = TIMELINE_KINDS.filter((k) => k !== 'page');
    expect(toggleTimelineKind(allButOne, 'page')).toEqual([]);
  });
  it('sets and removes the parameter without touching the others', () => {
    expect(withTimelineKinds('x=1', ['response', 'order'])).toBe('x=1&kinds=order%2Cresponse');
    expect(withTimelineKinds('kinds=order&x=1', [])).toBe('x=1');
  });
});

describe('customers list view in the URL', () => {
  it('round-trips the search and the tab, leaving defaults out', () => {
    expect(encodeCustomersView({ tab: 'people', q: '' })).toBe('');
    const v = { tab: 'traits' as const, q: '陈美玲' };
    expect(decodeCustomersView(encodeCustomersView(v))).toEqual(v);
    expect(decodeCustomersView('tab=nonsense&q=%20ann%20')).toEqual({ tab: 'people', q: 'ann' });
    expect(decodeCustomersView(`q=${'a'.repeat(300)}`).q).toHaveLength(200);
  });
});

describe('trait values', () => {
  it('shows each value by its declared or apparent type', () => {
    expect(traitDisplay(['vip', 'tea'])).toEqual({ kind: 'list', items: ['vip', 'tea'] });
    expect(traitDisplay([])).toEqual({ kind: 'empty' });
    expect(traitDisplay(null)).toEqual({ kind: 'empty' });
    expect(traitDisplay(true)).toEqual({ kind: 'boolean', value: true });
    expect(traitDisplay(42.5)).toEqual({ kind: 'number', value: 42.5 });
    expect(traitDisplay('1988-04-02')).toEqual({ kind: 'date', iso: '1988-04-02', withTime: false });
    expect(traitDisplay('2026-01-05T08:00:00Z', 'date')).toEqual({ kind: 'date', iso: '2026-01-05T08:00:00Z', withTime: true });
    // Declared text stays text even when it looks like a date; a non-date string never becomes one.
    expect(traitDisplay('1988-04-02', 'string')).toEqual({ kind: 'text', text: '1988-04-02' });
    expect(traitDisplay('2026-13-45', 'date')).toEqual({ kind: 'text', text: '2026-13-45' });
  });
  it('reads on one line in each language', () => {
    const words = { yes: 'Yes', no: 'No' };
    expect(traitText(['vip', 'tea'], { lang: 'en', ...words })).toBe('vip, tea');
    expect(traitText(false, { lang: 'en', ...words })).toBe('No');
    expect(traitText(1234.5, { lang: 'en', ...words })).toBe('1,234.5');
    // A bare date is a calendar day: no time zone may move it.
    expect(traitText('1988-04-02', { lang: 'en', ...words })).toBe('Apr 2, 1988');
    expect(traitText('1988-04-02', { lang: 'zh-Hant', yes: '是', no: '否' })).toBe('1988年4月2日');
    expect(traitText(undefined, { lang: 'en', ...words })).toBe('–');
  });
});

describe('money and risk', () => {
  it('formats an amount in its currency, or plainly without one', () => {
    expect(formatMoney('en', 1280, 'TWD')).toBe('NT$1,280');
    expect(formatMoney('zh-Hans', -35.5, 'CNY')).toBe('-¥35.50');
    expect(formatMoney('en', 19.9, 'USD')).toBe('$19.90');
    expect(formatMoney('en', 1280, null)).toBe('1,280');
    expect(formatMoney('en', null, 'USD')).toBe('–');
  });
  it('orders revenue per currency, largest first', () => {
    expect(revenueLines({ USD: 40, TWD: 1280, EUR: 40 })).toEqual([['TWD', 1280], ['EUR', 40], ['USD', 40]]);
  });
  it('shows churn risk as a share, and nothing until it is computed', () => {
    expect(formatChurnRisk('en', null)).toBeNull();
    expect(formatChurnRisk('en', 0.27)).toBe('27%');
  });
});

describe('event properties', () => {
  it('lists scalars as they are and objects as JSON, cut short, skipping empty values', () => {
    expect(propertyPairs({ plan: 'pro', seats: 3, trial: false, cart: { items: 2 }, gone: null })).toEqual([
      ['plan', 'pro'], ['seats', '3'], ['trial', 'false'], ['cart', '{"items":2}'],
    ]);
    expect(propertyPairs({ note: 'x'.repeat(100) }, 6, 10)[0][1]).toBe(`${'x'.repeat(9)}…`);
    expect(propertyPairs({ a: 1, b: 2, c: 3 }, 2)).toHaveLength(2);
  });
});

describe('customer strings built at run time', () => {
  const families = [
    ...IDENTIFIER_KINDS.map((k) => `identifierKind.${k}`),
    ...CONSENT_PURPOSES.map((p) => `consentPurpose.${p}`),
    ...TIMELINE_KINDS.map((k) => `kind.${k}`),
    ...MERGE_REASONS.map((r) => `mergeReason.${r}`),
    ...TRAIT_TYPES.map((ty) => `traitType.${ty}`),
    ...TRAIT_RULES.flatMap((r) => [`traitRule.${r}`, `traitRuleHint.${r}`]),
  ];
  for (const [name, locale] of Object.entries({ en, 'zh-Hant': zhHant, 'zh-Hans': zhHans })) {
    it(`exist in ${name}`, () => {
      const get = (path: string) => path.split('.').reduce<unknown>((node, k) => (node as Record<string, unknown> | undefined)?.[k], locale.customers);
      expect(families.filter((k) => typeof get(k) !== 'string')).toEqual([]);
    });
  }
});
