import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from './periods';
import { DEFAULT_VIEW, decodeView, encodeView, filterQuery, resolveRange, type DashboardView } from './url-state';

const ZONES = Intl.supportedValuesOf('timeZone');
const token = (max: number) => fc.stringMatching(new RegExp(`^[A-Za-z0-9_-]{1,${max}}$`));
const day = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2040-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

const range = fc.oneof(
  fc.constantFrom('7d', '30d', '90d', 'quarter', '12m' as const).map((r) => ({ range: r, from: null, to: null })),
  fc.tuple(day, fc.integer({ min: 0, max: 3699 })).map(([from, n]) => ({ range: 'custom' as const, from, to: addDays(from, n) })),
);
const view: fc.Arbitrary<DashboardView> = fc.record({
  r: range,
  tz: fc.option(fc.constantFrom(...ZONES), { nil: null }),
  surveys: fc.uniqueArray(token(64), { maxLength: 5 }),
  channels: fc.uniqueArray(token(40), { maxLength: 5 }),
  // Values are free text: '=', ',', '&', '%', spaces and CJK must all survive the URL.
  meta: fc.option(fc.record({ key: fc.stringMatching(/^[A-Za-z0-9_.:-]{1,64}$/), value: fc.string({ minLength: 1, maxLength: 40, unit: 'grapheme' }) }), { nil: null }),
  segment: fc.option(fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/), { nil: null }),
  compare: fc.boolean(),
}).map(({ r, ...rest }) => ({ ...r, ...rest }));

describe('dashboard URL state', () => {
  it('round-trips every valid view through the query string', () => {
    fc.assert(fc.property(view, (v) => {
      expect(decodeView(encodeView(v))).toEqual(v);
      expect(decodeView(`?${encodeView(v)}`)).toEqual(v);
    }), { numRuns: 300 });
  });

  it('gives one URL per view: decoding anything and encoding again is stable', () => {
    const junk = fc.dictionary(fc.constantFrom('range', 'from', 'to', 'tz', 'survey', 'channel', 'meta', 'segment', 'compare', 'x'), fc.string({ maxLength: 30 }));
    fc.assert(fc.property(junk, (params) => {
      const once = encodeView(decodeView(new URLSearchParams(params)));
      expect(encodeView(decodeView(once))).toBe(once);
    }), { numRuns: 300 });
  });

  it('the default view is the empty query string', () => {
    expect(encodeView(DEFAULT_VIEW)).toBe('');
    expect(decodeView('')).toEqual(DEFAULT_VIEW);
  });

  it('reads a hand-written link', () => {
    const v = decodeView('?from=2026-01-01&to=2026-03-31&tz=Asia%2FTaipei&survey=a1,b2,a1&channel=email&meta=plan%3Dpro%3Dplus&segment=seg_1&compare=off');
    expect(v).toEqual({ range: 'custom', from: '2026-01-01', to: '2026-03-31', tz: 'Asia/Taipei', surveys: ['a1', 'b2'], channels: ['email'], meta: { key: 'plan', value: 'pro=plus' }, segment: 'seg_1', compare: false });
  });

  it('falls back to defaults on malformed values', () => {
    expect(decodeView('?from=2026-02-30&to=2026-03-01&range=bogus&tz=Mars/Base&survey=%3Cx%3E&meta=nokey&compare=yes')).toEqual(DEFAULT_VIEW);
    expect(decodeView('?from=2026-03-01&to=2026-02-01').range).toBe('30d');
    expect(decodeView('?from=2000-01-01&to=2030-01-01').range).toBe('30d'); // longer than the server allows
    expect(decodeView('?meta==value').meta).toBeNull();
  });

  it('resolves presets against today and builds the API query', () => {
    const v = { ...DEFAULT_VIEW, range: '7d' as const, surveys: ['s1', 's2'], meta: { key: 'plan', value: 'pro' } };
    const r = resolveRange(v, '2026-11-23');
    expect(r).toEqual({ from: '2026-11-17', to: '2026-11-23' });
    expect(filterQuery(v, r)).toEqual({ from: '2026-11-17', to: '2026-11-23', tz: undefined, survey: 's1,s2', channel: undefined, meta: 'plan=pro', segment: undefined });
  });
});
