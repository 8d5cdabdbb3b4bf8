// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { effectiveAnswers, firstErrorIndex, issuesByQuestion, screenAt, withAnswer } from './flow';
import { NPS_SURVEY as def } from './fixtures.test-helpers';

describe('effectiveAnswers', () => {
  it('drops blank answers and answers to hidden follow-ups, transitively', () => {
    const draft = { nps: 9, effort: 2, why: 'slow', topics: [] as string[] };
    // nps 9 hides effort, which hides why as well.
    expect(effectiveAnswers(def, draft)).toEqual({ nps: 9 });
    expect(effectiveAnswers(def, { ...draft, nps: 3 })).toEqual({ nps: 3, effort: 2, why: 'slow' });
    expect(effectiveAnswers(def, { nps: 3, why: '   ' })).toEqual({ nps: 3 });
  });

  it('keeps the draft intact so a score changed back restores the follow-up text', () => {
    let draft = withAnswer({}, 'nps', 3);
    draft = withAnswer(draft, 'effort', 1);
    draft = withAnswer(draft, 'why', 'slow');
    draft = withAnswer(draft, 'nps', 10);
    expect(effectiveAnswers(def, draft)).toEqual({ nps: 10 });
    draft = withAnswer(draft, 'nps', 2);
    expect(effectiveAnswers(def, draft).why).toBe('slow');
    expect(withAnswer(draft, 'why', undefined)).not.toHaveProperty('why');
  });
});

describe('screenAt', () => {
  it('follows visibility and clamps the position', () => {
    expect(screenAt(def, {}, 0).questions.map((q) => q.id)).toEqual(['nps', 'topics']);
    const s = screenAt(def, { nps: 4 }, 1);
    expect(s.question.id).toBe('effort');
    expect(s.isLast).toBe(false);
    const clamped = screenAt(def, { nps: 9 }, 7);
    expect(clamped).toMatchObject({ index: 1, isLast: true, isFirst: false });
    expect(clamped.question.id).toBe('topics');
  });
});

describe('issuesByQuestion', () => {
  it('reports required questions only when visible, filtered on demand', () => {
    expect(issuesByQuestion(def, {}, true)).toEqual({ nps: 'required' });
    expect(issuesByQuestion(def, { nps: 5 }, true)).toEqual({ effort: 'required' });
    expect(issuesByQuestion(def, { nps: 5 }, true, ['nps'])).toEqual({});
    expect(issuesByQuestion(def, { nps: 5 }, false)).toEqual({});
    expect(issuesByQuestion(def, { nps: 11 }, false)).toEqual({ nps: 'must be from 0 to 10' });
  });

  it('finds the first question with an error', () => {
    const qs = screenAt(def, { nps: 5 }, 0).questions;
    expect(firstErrorIndex(qs, { effort: 'required' })).toBe(1);
    expect(firstErrorIndex(qs, { nowhere: 'x' })).toBe(-1);
  });
});
