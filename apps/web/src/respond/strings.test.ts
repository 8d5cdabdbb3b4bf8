// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { languageName, progressText, uiStrings } from './strings';
import { scaleEndLabels } from './question-views';

describe('uiStrings', () => {
  it('follows the survey language with Chinese variants mapped', () => {
    expect(uiStrings('en').submit).toBe('Submit');
    expect(uiStrings('zh-Hant').submit).toBe('送出');
    expect(uiStrings('zh-TW').npsHigh).toBe('極有可能');
    expect(uiStrings('zh-CN').npsHigh).toBe('极有可能');
    expect(uiStrings('ja').next).toBe('Next');
  });

  it('has every string in every language', () => {
    const keys = Object.keys(uiStrings('en')).sort();
    for (const lang of ['zh-Hant', 'zh-Hans']) {
      const t = uiStrings(lang);
      expect(Object.keys(t).sort()).toEqual(keys);
      for (const v of Object.values(t)) expect(v).not.toBe('');
    }
  });

  it('formats progress and end labels', () => {
    expect(progressText(uiStrings('en'), 2, 5)).toBe('2 of 5');
    expect(progressText(uiStrings('zh-Hans'), 2, 5)).toBe('第 2 题，共 5 题');
    expect(scaleEndLabels('nps', uiStrings('en'))).toEqual(['Not at all likely', 'Extremely likely']);
    expect(scaleEndLabels('rating', uiStrings('en'))).toBeNull();
  });

  it('names languages in themselves', () => {
    expect(languageName('zh-Hant')).toBe('繁體中文');
    expect(languageName('ja')).toBe('日本語');
    expect(languageName('!!')).toBe('!!');
  });
});
