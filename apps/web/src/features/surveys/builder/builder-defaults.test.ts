import { beforeAll, describe, expect, it } from 'vitest';
import i18next from 'i18next';
import en from '../../../lib/locales/en.json';
import zhHant from '../../../lib/locales/zh-Hant.json';
import { initialDraft, withDefaultTexts } from './builder-defaults';

beforeAll(async () => {
  await i18next.init({ resources: { en: { translation: en }, 'zh-Hant': { translation: zhHant } }, lng: 'en', initAsync: false });
});

describe('default texts', () => {
  it('a new survey starts with a standard NPS question in the UI language', () => {
    const d = initialDraft('zh-Hant');
    expect(d.definition.languages).toEqual(['zh-Hant']);
    expect(d.definition.questions[0].title['zh-Hant']).toBe(zhHant.builder.defaults.nps);
  });
  it('ticking a language fills untouched standard texts, never edited ones', () => {
    const d = initialDraft('en').definition;
    d.questions.push({ id: 'csat', type: 'csat', title: { en: 'How was the delivery?' }, required: false });
    const next = withDefaultTexts({ ...d, languages: ['en', 'zh-Hant'] }, ['en']);
    expect(next.questions[0].title['zh-Hant']).toBe(zhHant.builder.defaults.nps);
    expect(next.thankYou['zh-Hant']).toBe(zhHant.builder.defaults.thankYou);
    expect(next.questions[1].title['zh-Hant']).toBeUndefined();
  });
});
