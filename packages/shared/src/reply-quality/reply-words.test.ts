// opencc-js comes from packages/text (hoisted to the root node_modules); only this test uses it.
import * as OpenCC from 'opencc-js';
import { describe, expect, it } from 'vitest';
import { checkReply } from './reply-quality.js';
import type { ReplyWordLists } from './reply-words.js';
import { EN_WORDS } from './words-en.js';
import { ZH_WORDS } from './words-zh.js';

const toSimplified = OpenCC.Converter({ from: 't', to: 'cn' });
// Taiwan's and Hong Kong's character forms (OpenCC's own standard writes 爲, which neither uses)
const toTaiwan = OpenCC.Converter({ from: 'cn', to: 'tw' });
const toHongKong = OpenCC.Converter({ from: 'cn', to: 'hk' });
const keys = Object.keys(EN_WORDS) as (keyof ReplyWordLists)[];

describe('word lists', () => {
  it('English entries are lower case and trimmed, so they can match at all', () => {
    for (const key of keys) for (const p of EN_WORDS[key]) {
      expect(p, key).toBe(p.toLowerCase().trim());
      expect(p, key).toMatch(/^[a-z0-9]/);
    }
  });

  it('Chinese entries start with a Han character, hold no Latin letters and come in both scripts', () => {
    const missing: string[] = [];
    for (const key of keys) {
      const list = new Set(ZH_WORDS[key]);
      for (const p of list) {
        expect(p, key).not.toMatch(/[A-Za-z]/);
        // Chinese phrases are looked up where a Han character starts
        expect(p, key).toMatch(/^\p{Script=Han}/u);
        for (const form of [toSimplified(p), toTaiwan(p), toHongKong(p)]) if (!list.has(form)) missing.push(`${key}: ${p} → ${form}`);
      }
    }
    expect(missing).toEqual([]);
  });
});

describe('Traditional and Simplified Chinese get the same verdicts', () => {
  const replies = [
    '王小姐您好：\n\n非常抱歉讓您久等了，也謝謝您的耐心。我們已為您辦理退款 NT$1,200，款項會在 3 個工作天內退回您的信用卡。如果您希望改為換貨，請回覆這封郵件，我們明天就會為您寄出新的商品。',
    '您好，很遺憾，依照規定運費無法退還，這是您自己的問題。',
    '您好。我們已經建立工單。我們會處理。我們會再聯絡您。',
    '其實基本上我們已經在後台處理好了,請稍候!!',
  ];
  it.each(replies)('%s', (traditional) => {
    const simplified = toSimplified(traditional);
    expect(simplified).not.toBe(traditional);
    const verdicts = (text: string) => checkReply(text).checks.map((c) => [c.key, c.hints, c.evidence.map((e) => [e.start, e.end, e.kind])]);
    expect(verdicts(simplified)).toEqual(verdicts(traditional));
  });
});
