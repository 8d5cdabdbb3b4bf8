import { describe, expect, it } from 'vitest';
import { ApiError } from './api';
import { errorsUnder, fieldErrors, normalisePath } from './errors';

describe('validation paths', () => {
  it('normalises both server spellings', () => {
    expect(normalisePath('body.definition.questions.1.options.0.label')).toBe('definition.questions[1].options[0].label');
    expect(normalisePath('body.definition.questions[2].options')).toBe('definition.questions[2].options');
    expect(normalisePath('body.name')).toBe('name');
    expect(normalisePath('body')).toBe('');
  });
  it('groups errors under a field', () => {
    const errors = fieldErrors(new ApiError(400, 'validation_failed', 'x', [
      { path: 'body.definition.questions.1.options.0.label', message: 'needs text' },
      { path: 'body.definition.questions[1].options', message: 'needs at least two options' },
      { path: 'body.definition.questions.10.title', message: 'other question' },
    ]));
    expect(errorsUnder(errors, 'definition.questions[1].options')).toEqual(['[0].label: needs text', 'needs at least two options']);
    expect(errorsUnder(errors, 'definition.questions[1]')).toHaveLength(2);
  });
});
