import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { UI_LANGUAGES } from '@touchpoint/shared';
import { preferredUiLanguage } from './ui-language.js';

describe('preferredUiLanguage', () => {
  it('maps tags by script, then region, and follows the weights', () => {
    expect(preferredUiLanguage('zh-TW,zh;q=0.9,en;q=0.8')).toBe('zh-Hant');
    expect(preferredUiLanguage('zh-Hant-HK')).toBe('zh-Hant');
    expect(preferredUiLanguage('zh-CN')).toBe('zh-Hans');
    expect(preferredUiLanguage('zh')).toBe('zh-Hans');
    expect(preferredUiLanguage('en-GB,en;q=0.9')).toBe('en');
    expect(preferredUiLanguage('fr-FR, en;q=0.5, zh-TW;q=0.7')).toBe('zh-Hant');
    expect(preferredUiLanguage('fr, de;q=0.8')).toBeNull();
    expect(preferredUiLanguage('zh-TW;q=0, en')).toBe('en');
    expect(preferredUiLanguage(undefined)).toBeNull();
    expect(preferredUiLanguage(['zh-Hans', 'en'])).toBe('zh-Hans');
  });

  it('never throws, and answers one of the three or null, for any header', () => {
    fc.assert(fc.property(fc.string({ maxLength: 200 }), (h) => {
      const r = preferredUiLanguage(h);
      expect(r === null || (UI_LANGUAGES as readonly string[]).includes(r)).toBe(true);
    }));
  });
});
