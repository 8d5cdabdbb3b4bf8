import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toTraditional } from '../themes/fold.js';
import { extractNounChunksZh } from './chunk-zh.js';
import { findAspectTerms } from './index.js';

const phrases = (text: string) => extractNounChunksZh(text).map((p) => p.phrase);

describe('Chinese noun chunks', () => {
  it.each([
    ['配送员很有礼貌', ['配送员']], // jieba: 配送/v 员 — a seed and a noun suffix
    ['价格便宜，性价比很高', ['价格', '性价比']], // 价格便宜 is one dictionary word: split after the seed
    ['這家店的客服態度很差', ['客服態度']], // demonstrative and sentiment left out, Traditional in, Traditional out
    ['在线客服回复很慢', ['在线客服']], // a distinguishing word opens the phrase
    ['停车很不方便', ['停车']], // a verb in topic position, evaluated right after
    ['月费又加价，都冇通知', ['月费']], // a word jieba does not know, in topic position
    ['打开订单记录找不到', ['订单记录']], // the verb before the nouns is not part of the phrase
    ['太失望了，下次不会再来了', []],
    ['啲店員成日喺度傾偈，唔理客', ['店員']], // Cantonese: 成日 is one word (added to jieba), 啲 / 喺 / 唔 are grammar
    ['外賣仔好好人', ['外賣仔']],
    ['取件码一直收不到', ['取件码']], // a verb and a noun suffix make one noun
    ['收银员态度很差', ['收银员态度']],
  ])('%s → %j', (text, expected) => {
    expect(phrases(text)).toEqual(expected);
  });

  it('joins English words of one phrase and leaves out English sentiment and function words', () => {
    expect(phrases('delivery fee又起价了')).toEqual(['delivery fee']);
    expect(phrases('dark mode幾時先有？staff好friendly')).toEqual(['dark mode', 'staff']);
    // In a Chinese sentence the English tagger does not split the phrase.
    expect(findAspectTerms('room service要等成粒鐘').map((t) => t.term)).toEqual(['room service']);
  });

  it('finds the same phrases in Simplified and in Traditional', () => {
    for (const text of ['物流太慢了，客服态度也很差', '退货流程好麻烦，还要自己打印标签', '手机银行很方便', '酒店的位置很偏，早餐选择太少']) {
      expect(phrases(toTraditional(text)).map((p) => [...p].length)).toEqual(phrases(text).map((p) => [...p].length));
    }
  });

  it('returns spans that slice back to their phrase, in order, without overlaps or punctuation, for any text', () => {
    const text = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 60 }),
      fc.array(fc.constantFrom('客服', '態度', '很差', '物流', '退款', '，', '。', 'app', ' ', 'delivery', 'fee', '啲', '咗', '价格便宜', '在线', '没', '月费', '!', '😡', '\n', 'Ａ', '𠮷'), { maxLength: 14 }).map((a) => a.join('')),
    );
    fc.assert(fc.property(text, (s) => {
      let end = 0;
      for (const p of extractNounChunksZh(s)) {
        expect(s.slice(p.start, p.end)).toBe(p.phrase);
        // A span shifted off its words would take in the punctuation or spaces around them.
        expect(p.phrase).toBe(p.phrase.trim());
        expect(p.phrase).not.toMatch(/[，。！？!?,.]/u);
        expect(p.start).toBeGreaterThanOrEqual(end);
        expect(p.end).toBeGreaterThan(p.start);
        end = p.end;
      }
    }), { seed: 20261124, numRuns: 300 });
  });
});
