import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectLanguage, detectSentences, guessLanguage, splitSentences, toSimplified } from './index.js';

const pieces = ['Great service.', 'not bad!', '服务很好。', '沒有問題！', '房间不太干净，', '😍', '👍 ', ' ', '\n', 'e.g. 3.5 stars', '…', '？', 'Le service était très bien.', '日本語のテキストです。'];

describe('splitSentences', () => {
  it('splits English, Chinese, newlines and emoji', () => {
    const text = 'Great room. Staff were rude!\n服务很好。但是房间太小！Love it 😍 will come back';
    expect(splitSentences(text).map((s) => text.slice(s.start, s.end))).toEqual([
      'Great room.',
      'Staff were rude!',
      '服务很好。',
      '但是房间太小！',
      'Love it 😍',
      'will come back',
    ]);
  });

  it('keeps decimals, initials and abbreviations inside the sentence', () => {
    const text = 'I paid 3.5 dollars to Mr. J. Smith e.g. for tea. Fine.';
    expect(splitSentences(text).map((s) => text.slice(s.start, s.end))).toEqual(['I paid 3.5 dollars to Mr. J. Smith e.g. for tea.', 'Fine.']);
  });

  it('sentences are ordered, trimmed, non-empty and only whitespace lies between them', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string(), fc.string({ unit: 'grapheme', maxLength: 8 })), { maxLength: 12 }), (parts) => {
        const text = parts.join('');
        let cursor = 0;
        for (const s of splitSentences(text)) {
          expect(s.start).toBeGreaterThanOrEqual(cursor);
          expect(s.end).toBeGreaterThan(s.start);
          expect(text.slice(cursor, s.start).trim()).toBe('');
          const body = text.slice(s.start, s.end);
          expect(body.trim()).toBe(body);
          cursor = s.end;
        }
        expect(text.slice(cursor).trim()).toBe('');
      }),
    );
  });

  it('sentence offsets with their language cover the text and slice back to it', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 10 }), (parts) => {
        const text = parts.join('');
        const spans = detectSentences(text);
        for (let i = 1; i < spans.length; i++) expect(spans[i].start).toBeGreaterThanOrEqual(spans[i - 1].end);
        const rebuilt = spans.map((s) => text.slice(s.start, s.end)).join('');
        expect(rebuilt.replace(/\s/gu, '')).toBe(text.replace(/\s/gu, ''));
      }),
    );
  });
});

describe('language detection', () => {
  it('tells English, Traditional, Simplified and other apart', () => {
    expect(guessLanguage('The staff were friendly.')).toBe('en');
    expect(guessLanguage('這家飯店的服務很好')).toBe('zh-Hant');
    expect(guessLanguage('这家饭店的服务很好')).toBe('zh-Hans');
    expect(guessLanguage('Le service était très bien et le personnel aimable.')).toBe('other');
    expect(guessLanguage('ホテルのサービスはとても良かったです')).toBe('other');
    expect(guessLanguage('서비스가 좋았어요')).toBe('other');
  });

  it('takes the script of the rest of the text for Chinese without distinctive characters', () => {
    const spans = detectSentences('好的。這裡的服務很周到');
    expect(spans.map((s) => s.language)).toEqual(['zh-Hant', 'zh-Hant']);
    expect(detectLanguage('好的')).toBe('zh-Hans');
    expect(detectLanguage('好的', { defaultChinese: 'zh-Hant' })).toBe('zh-Hant');
  });

  it('splits a sentence that changes language, and keeps brand names in Chinese text', () => {
    const text = '服务很好 but the food was cold';
    expect(detectSentences(text).map((s) => [text.slice(s.start, s.end), s.language])).toEqual([
      ['服务很好', 'zh-Hans'],
      ['but the food was cold', 'en'],
    ]);
    expect(detectSentences('iPhone很好用').map((s) => s.language)).toEqual(['zh-Hans']);
  });

  it('finds each language of generated mixed texts in order', () => {
    const en = ['The room was clean and quiet.', 'Staff were not helpful at all.', 'I would come back again!'];
    const hant = ['房間很乾淨，服務也很周到。', '這次的體驗讓我非常失望。'];
    const hans = ['房间很干净，服务也很周到。', '这次的体验让我非常失望。'];
    const pick = fc.oneof(
      fc.constantFrom(...en).map((t) => [t, 'en'] as const),
      fc.constantFrom(...hant).map((t) => [t, 'zh-Hant'] as const),
      fc.constantFrom(...hans).map((t) => [t, 'zh-Hans'] as const),
    );
    fc.assert(
      fc.property(fc.array(pick, { minLength: 1, maxLength: 6 }), fc.constantFrom(' ', '\n', ' \n'), (parts, glue) => {
        const text = parts.map(([t]) => t).join(glue);
        expect(detectSentences(text).map((s) => s.language)).toEqual(parts.map(([, l]) => l));
      }),
    );
  });
});

describe('toSimplified', () => {
  it('converts Traditional characters one for one', () => {
    expect(toSimplified('這家飯店的服務不太好，沒有問題').text).toBe('这家饭店的服务不太好，没有问题');
  });

  it('keeps offsets: same length and every non-Han character in place', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (text) => {
        const n = toSimplified(text);
        for (let i = 0; i <= n.text.length; i++) expect(n.toOriginal(i)).toBeLessThanOrEqual(text.length);
        if (n.text.length === text.length) for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) < 0x3400) expect(n.text[i]).toBe(text[i]);
      }),
    );
  });
});
