import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { hashInput, nameTokens, normalisePhone, queryTokens } from './identity.js';

describe('identifier normalisation', () => {
  it('folds the forms of one phone number and one email together, and keeps kinds apart', () => {
    expect(normalisePhone('+886 (2) 1234-5678')).toBe(normalisePhone('+886212345678'));
    expect(normalisePhone('0912 345 678')).not.toBe(normalisePhone('+886912345678'));
    expect(hashInput('email', ' Mei@Example.COM ')).toBe(hashInput('email', 'mei@example.com'));
    const kinds = ['email', 'phone', 'external', 'anonymous'] as const;
    fc.assert(fc.property(fc.string({ minLength: 1, maxLength: 12 }), (v) => {
      const inputs = kinds.filter((k) => k !== 'email').map((k) => hashInput(k, v));
      expect(new Set(inputs).size).toBe(inputs.length);
    }));
  });
});

describe('name search tokens', () => {
  it('finds a name by any of its words, word prefixes or characters, in either Chinese script', () => {
    expect(nameTokens('陳美玲 Mei Chen')).toEqual(expect.arrayContaining(['陈', '美', '玲', 'mei', 'chen', 'ch', 'che']));
    for (const q of ['陈美玲', '陳美玲', '美玲', 'mei', 'CHEN', 'Che', 'mei chen']) {
      const tokens = new Set(nameTokens('陳美玲 Mei Chen'));
      expect(queryTokens(q).every((t) => tokens.has(t)), q).toBe(true);
    }
    expect(queryTokens('王小明').every((t) => new Set(nameTokens('陳美玲 Mei Chen')).has(t))).toBe(false);
  });

  it('every query made of a name\'s own words and characters finds it', () => {
    const word = fc.string({ unit: fc.constantFrom(...'abcdefgXYZ陳陈美玲黃黄é'), minLength: 1, maxLength: 8 });
    fc.assert(fc.property(fc.array(word, { minLength: 1, maxLength: 4 }), fc.nat(), (words, pick) => {
      const name = words.join(' ');
      const tokens = new Set(nameTokens(name));
      const query = words.filter((_, i) => (pick >> i) & 1).join(' ') || words[0];
      expect(queryTokens(query).every((t) => tokens.has(t))).toBe(true);
    }));
  });
});
