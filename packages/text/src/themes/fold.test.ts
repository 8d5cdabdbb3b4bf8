import fc from 'fast-check';
import * as OpenCC from 'opencc-js';
import { describe, expect, it } from 'vitest';
import { fold } from './fold.js';

const twToCn = OpenCC.Converter({ from: 'tw', to: 'cn' });
const hkToCn = OpenCC.Converter({ from: 'hk', to: 'cn' });

/** fold without its cache and fast path: opencc on everything, then the same length rules. */
function reference(text: string): string {
  const whole = hkToCn(twToCn(text));
  let folded = whole;
  if (whole.length !== text.length) {
    folded = '';
    for (const ch of text) {
      const c = hkToCn(twToCn(ch));
      folded += c.length === ch.length ? c : ch;
    }
  }
  const lower = folded.toLowerCase();
  if (lower.length === folded.length) return lower;
  let out = '';
  for (const ch of folded) {
    const l = ch.toLowerCase();
    out += l.length === ch.length ? l : ch;
  }
  return out;
}

describe('fold: cache and fast path change nothing', () => {
  const cjk = fc.constantFrom('服務', '滑鼠', '軟體', '网络', '後來', '皇后', '乾淨', '头发', '髮', '臺灣', '。', '，');
  it('equals opencc on any text, twice in a row (cached)', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 6 }), cjk), { maxLength: 8 }), (parts) => {
        const text = parts.join('');
        expect(fold(text)).toBe(reference(text));
        expect(fold(text)).toBe(reference(text));
      }),
      { numRuns: 300 },
    );
  });
});
