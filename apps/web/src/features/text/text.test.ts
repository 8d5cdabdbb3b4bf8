import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SCORE_BANDS, SENTIMENT_LABELS, TEXT_LANGUAGES } from '@touchpoint/shared';
import { highlightItem, phraseMarks, segments, type Mark } from './highlight';
import { checkThemeForm, emptyThemeForm, splitKeywords, themeLabel, themeToForm } from './theme-form';
import { DEFAULT_TEXT_VIEW, TEXT_RANGES, bandOf, decodeTextView, encodeTextView, explorerQuery, type TextView } from './url-state';

const markArb = (len: number) => fc.record({
  start: fc.integer({ min: -3, max: len + 3 }),
  end: fc.integer({ min: -3, max: len + 3 }),
  label: fc.constantFrom(...SENTIMENT_LABELS, null),
  kind: fc.constantFrom('aspect' as const, 'phrase' as const),
  term: fc.constant(''),
});

describe('highlight segments', () => {
  it('concatenate back to the text, never overlap, and keep in-range marks whole (property)', () => {
    fc.assert(fc.property(
      fc.string({ unit: fc.constantFrom('a', 'b', ' ', '服', '务', '😀', '<', '>') as fc.Arbitrary<string>, maxLength: 40 })
        .chain((text) => fc.tuple(fc.constant(text), fc.array(markArb(text.length), { maxLength: 8 }))),
      ([text, marks]) => {
        const segs = segments(text, marks as Mark[]);
        expect(segs.map((s) => s.text).join('')).toBe(text);
        let at = 0;
        for (const s of segs) {
          expect(s.start).toBe(at); // contiguous: no gap, no overlap
          at += s.text.length;
          if (s.mark) expect(s.text.length).toBeGreaterThan(0);
        }
        expect(at).toBe(text.length);
        // No segment starts or ends inside a surrogate pair.
        for (const s of segs) expect(s.text).not.toMatch(/^[\udc00-\udfff]|[\ud800-\udbff]$/);
      },
    ), { numRuns: 500 });
  });

  it('marks aspects by label and finds key phrases case-insensitively', () => {
    const text = 'Delivery was slow but the staff were friendly';
    const segs = highlightItem({
      text,
      aspects: [{ term: 'Delivery', start: 0, end: 8, score: -0.6, label: 'negative' }, { term: 'staff', start: 26, end: 31, score: 0.7, label: 'positive' }],
      keyPhrases: ['delivery', 'FRIENDLY'],
    });
    expect(segs.filter((s) => s.mark).map((s) => [s.text, s.mark!.kind, s.mark!.label])).toEqual([
      ['Delivery', 'aspect', 'negative'], ['staff', 'aspect', 'positive'], ['friendly', 'phrase', null],
    ]);
  });

  it('leaves markup-looking text as plain segments', () => {
    const text = '<img src=x onerror=alert(1)> bad';
    expect(segments(text, phraseMarks(text, ['bad'])).map((s) => s.text)).toEqual(['<img src=x onerror=alert(1)> ', 'bad']);
    expect(segments('', [])).toEqual([{ text: '', start: 0, mark: null }]);
  });
});

describe('explorer URL state', () => {
  const viewArb: fc.Arbitrary<TextView> = fc.record({
    tab: fc.constantFrom('explorer' as const, 'themes' as const),
    range: fc.constantFrom(...TEXT_RANGES),
    from: fc.constant(null), to: fc.constant(null),
    q: fc.string({ maxLength: 30 }).map((s) => s.trim()),
    theme: fc.option(fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,10}$/), { nil: null }),
    sentiment: fc.option(fc.constantFrom(...SENTIMENT_LABELS), { nil: null }),
    language: fc.option(fc.constantFrom(...TEXT_LANGUAGES), { nil: null }),
    band: fc.option(fc.constantFrom(...SCORE_BANDS), { nil: null }),
    survey: fc.option(fc.stringMatching(/^[A-Za-z0-9_-]{1,20}$/), { nil: null }),
  });

  it('round-trips every view (property), the default being the empty query', () => {
    fc.assert(fc.property(viewArb, (v) => { expect(decodeTextView(encodeTextView(v))).toEqual(v); }));
    const custom: TextView = { ...DEFAULT_TEXT_VIEW, range: 'custom', from: '2026-01-01', to: '2026-03-31' };
    expect(decodeTextView(encodeTextView(custom))).toEqual(custom);
    expect(encodeTextView(DEFAULT_TEXT_VIEW)).toBe('');
  });

  it('decodes malformed values to the defaults', () => {
    expect(decodeTextView('sentiment=angry&language=fr&band=x&theme=Bad Theme&range=5y&from=2026-02-30&to=2026-03-01&survey=a/b')).toEqual(DEFAULT_TEXT_VIEW);
  });

  it('builds the API query', () => {
    const v = decodeTextView('range=7d&sentiment=negative&band=detractor&q=%20late%20');
    expect(explorerQuery(v, '2026-05-10')).toEqual({ from: '2026-05-04', to: '2026-05-10', q: 'late', theme: undefined, sentiment: 'negative', language: undefined, scoreBand: 'detractor', surveyId: undefined });
    expect([bandOf(10), bandOf(8), bandOf(6), bandOf(null)]).toEqual(['promoter', 'passive', 'detractor', null]);
  });
});

describe('theme form', () => {
  it('splits keywords on commas and lines, and names issues by path', () => {
    expect(splitKeywords('late, slow\n遲到，慢、 ')).toEqual(['late', 'slow', '遲到', '慢']);
    expect(checkThemeForm(emptyThemeForm(), false).errors).toMatchObject({ name: expect.any(String), keywords: expect.any(String) });
    const names = { en: '', 'zh-Hant': '', 'zh-Hans': '' };
    expect(checkThemeForm({ name: 'Delivery', id: 'Bad Id', keywords: 'late', examples: '', names }, false).errors).toHaveProperty('id');
    expect(checkThemeForm({ name: 'Delivery', id: '', keywords: 'late, slow', examples: '', names }, false)).toEqual({ body: { name: 'Delivery', names: {}, keywords: ['late', 'slow'], examples: [] }, errors: {} });
    expect(checkThemeForm({ name: 'Delivery', id: 'delivery', keywords: '', examples: '', names }, true).errors).toHaveProperty('keywords');
    // Names per language: blanks are left out, and each is checked where the API would name it.
    expect(checkThemeForm({ name: 'Delivery', id: '', keywords: 'late', examples: '', names: { en: ' ', 'zh-Hant': ' 物流 ', 'zh-Hans': '' } }, false).body).toMatchObject({ names: { 'zh-Hant': '物流' } });
    expect(checkThemeForm({ name: 'Delivery', id: '', keywords: 'late', examples: '', names: { ...names, 'zh-Hans': 'x'.repeat(81) } }, false).errors).toHaveProperty(['names.zh-Hans']);
    const theme = { id: 'delivery', name: 'Delivery', names: { 'zh-Hant': '物流配送' }, keywords: ['late'], examples: [], createdAt: '', updatedAt: '' };
    expect(themeToForm(theme).names).toEqual({ en: '', 'zh-Hant': '物流配送', 'zh-Hans': '' });
    expect([themeLabel(theme, 'zh-Hant'), themeLabel(theme, 'zh-Hans'), themeLabel(theme, 'en')]).toEqual(['物流配送', 'Delivery', 'Delivery']);
  });
});
