import { describe, expect, it } from 'vitest';
import { intlSegment, jiebaSegment, segmentChinese } from './index.js';

describe('Chinese segmentation', () => {
  const text = '这家酒店的服务不太好，但是房间没有问题';

  it.each([
    ['intl', intlSegment],
    ['jieba', jiebaSegment],
  ])('%s returns words that rebuild the text', (_, segment) => {
    const words = segment(text);
    expect(words.join('')).toBe(text);
    expect(words).toContain('酒店');
    expect(words.length).toBeGreaterThan(5);
  });

  it('drops whitespace tokens', () => {
    expect(segmentChinese('很 好')).toEqual(['很', '好']);
  });
});
