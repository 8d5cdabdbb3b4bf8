import { describe, expect, it } from 'vitest';
import type { TFunction } from 'i18next';
import { friendlyField, issueText, questionIssueLine } from './issue-text';

// A stand-in t(): returns the key with its options, enough to see which key was chosen.
const t = ((key: string, o?: Record<string, unknown>) => (o ? `${key}(${Object.values(o).join(',')})` : key)) as unknown as TFunction;

describe('issue text', () => {
  it('translates known schema messages and keeps unknown ones', () => {
    expect(issueText(t, 'needs at least two options')).toBe('builder.issues.twoOptions');
    expect(issueText(t, 'Too big: expected number to be <=10')).toBe('Too big: expected number to be <=10');
  });
  it('names option fields the way the editor shows them', () => {
    expect(friendlyField(t, '[1].label')).toBe('builder.optionN(2)');
    expect(friendlyField(t, 'options[0].id')).toBe('builder.optionN(1) · builder.optionId');
    expect(friendlyField(t, 'title.en')).toBe('builder.questionTitle');
    expect(questionIssueLine(t, '[0].label: needs text in at least one language')).toBe('builder.optionN(1): builder.issues.needsText');
  });
});
