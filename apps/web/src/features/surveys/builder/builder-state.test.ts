import { describe, expect, it } from 'vitest';
import type { SurveyDefinition } from '@touchpoint/shared';
import { SurveyInput } from '@touchpoint/shared';
import { addQuestion, changeType, moveQuestion, newQuestion, nextId, removeQuestion, toPayload, updateQuestion } from './builder-state';

const base = (): SurveyDefinition => ({
  languages: ['en', 'zh-Hant'],
  defaultLanguage: 'en',
  thankYou: { en: 'Thanks', 'zh-Hant': '謝謝' },
  questions: [
    { id: 'nps', type: 'nps', title: { en: 'Recommend?', 'zh-Hant': '推薦？' }, required: true },
    { id: 'why', type: 'open_text', title: { en: 'Why?' }, required: false, showIf: { questionId: 'nps', min: 0, max: 6 } },
  ],
});

describe('question ids', () => {
  it('numbers repeats of a type', () => {
    expect(nextId('nps', ['nps'])).toBe('nps_2');
    expect(nextId('nps', ['nps', 'nps_2'])).toBe('nps_3');
    expect(addQuestion(base(), 'nps').questions[2].id).toBe('nps_2');
  });
  it('gives choice questions two options and rating a scale', () => {
    expect(newQuestion('single_choice', []).options?.map((o) => o.id)).toEqual(['option_1', 'option_2']);
    expect(newQuestion('rating', []).scale).toEqual({ min: 1, max: 5 });
  });
  it('renames an auto id when the type changes, keeps a custom one', () => {
    expect(changeType({ id: 'comment', type: 'open_text', title: { en: 'x' }, required: false }, 'csat', ['comment']).id).toBe('csat');
    expect(changeType({ id: 'feedback', type: 'open_text', title: { en: 'x' }, required: false }, 'csat', ['feedback']).id).toBe('feedback');
  });
});

describe('follow-up conditions', () => {
  it('follow a renamed question', () => {
    const def = base();
    const next = updateQuestion(def, 0, { ...def.questions[0], id: 'recommend' });
    expect(next.questions[1].showIf?.questionId).toBe('recommend');
  });
  it('are dropped when their question is removed or stops being scored', () => {
    expect(removeQuestion(base(), 0).questions[0].showIf).toBeUndefined();
    const def = base();
    expect(updateQuestion(def, 0, changeType(def.questions[0], 'open_text', ['nps', 'why'])).questions[1].showIf).toBeUndefined();
  });
  it('moving stays within bounds', () => {
    expect(moveQuestion(base(), 0, -1)).toEqual(base());
    expect(moveQuestion(base(), 0, 1).questions.map((q) => q.id)).toEqual(['why', 'nps']);
  });
});

describe('toPayload', () => {
  it('drops blank and unoffered translations and produces a valid survey', () => {
    const def = base();
    def.questions[1].title = { en: 'Why?', 'zh-Hant': '  ', 'zh-Hans': '为什么' };
    const payload = toPayload({ name: '  Post-purchase ', definition: def });
    expect(payload.name).toBe('Post-purchase');
    expect(payload.definition.questions[1].title).toEqual({ en: 'Why?' });
    expect(SurveyInput.safeParse(payload).success).toBe(true);
  });
  it('leaves an untitled question empty so the server names the field', () => {
    const def = addQuestion(base(), 'single_choice');
    const parsed = SurveyInput.safeParse(toPayload({ name: 'x', definition: def }));
    expect(parsed.success).toBe(false);
    const paths = parsed.error!.issues.map((i) => i.path.join('.'));
    expect(paths).toContain('definition.questions.2.title');
  });
});
