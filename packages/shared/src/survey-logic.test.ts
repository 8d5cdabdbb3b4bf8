import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { pickLanguage, validateAnswers, visibleQuestions } from './survey-logic.js';
import { SurveyDefinition } from './contracts/survey.js';

const def = SurveyDefinition.parse({
  languages: ['en', 'zh-Hant', 'zh-Hans'], defaultLanguage: 'en', thankYou: { en: 'Thanks' },
  questions: [
    { id: 'nps', type: 'nps', required: true, title: { en: 'Recommend?' } },
    { id: 'why', type: 'open_text', required: true, title: { en: 'Why?' }, showIf: { questionId: 'nps', min: 0, max: 6 } },
    { id: 'pick', type: 'multiple_choice', title: { en: 'Pick' }, options: [{ id: 'a', label: { en: 'A' } }, { id: 'b', label: { en: 'B' } }] },
  ],
});

describe('follow-up questions', () => {
  it('shows the detractor follow-up only for 0–6', () => {
    expect(visibleQuestions(def, { nps: 3 }).map((q) => q.id)).toEqual(['nps', 'why', 'pick']);
    expect(visibleQuestions(def, { nps: 9 }).map((q) => q.id)).toEqual(['nps', 'pick']);
  });
  it('requires a visible required follow-up, and rejects an answer to a hidden one', () => {
    expect(validateAnswers(def, { nps: 3 }, true)).toEqual([{ path: ['answers', 'why'], message: 'required' }]);
    expect(validateAnswers(def, { nps: 9, why: 'x' }, true)[0].message).toMatch(/not shown/);
    expect(validateAnswers(def, { nps: 9 }, true)).toEqual([]);
  });
  it('checks scales and option ids', () => {
    expect(validateAnswers(def, { nps: 11 }, false)).toHaveLength(1);
    expect(validateAnswers(def, { nps: 10, pick: ['a', 'a'] }, false)).toHaveLength(1);
    expect(validateAnswers(def, { nps: 10, pick: ['c'] }, false)).toHaveLength(1);
  });
  it('never throws on arbitrary answers (property)', () => {
    fc.assert(fc.property(fc.dictionary(fc.string(), fc.oneof(fc.integer(), fc.string(), fc.array(fc.string()))), fc.boolean(), (answers, complete) => {
      expect(Array.isArray(validateAnswers(def, answers, complete))).toBe(true);
    }));
  });
});

describe('language choice', () => {
  it('maps browser tags to the offered scripts', () => {
    expect(pickLanguage(['en', 'zh-Hant', 'zh-Hans'], ['zh-TW'], 'en')).toBe('zh-Hant');
    expect(pickLanguage(['en', 'zh-Hant', 'zh-Hans'], ['zh-CN', 'en'], 'en')).toBe('zh-Hans');
    expect(pickLanguage(['en', 'zh-Hant'], ['fr-FR'], 'en')).toBe('en');
    expect(pickLanguage(['en', 'zh-Hant'], ['en-GB'], 'zh-Hant')).toBe('en');
  });
});
