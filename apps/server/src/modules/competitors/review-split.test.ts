import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { splitReviews } from './review-split.js';

describe('splitReviews', () => {
  it('splits lines, drops empty ones and list marks', () => {
    expect(splitReviews('- Fast delivery!\r\n\n• 客服很差\n12. 物流快\n   \n3) ok', 'lines')).toEqual(['Fast delivery!', '客服很差', '物流快', 'ok']);
  });
  it('joins the lines of a paragraph', () => {
    expect(splitReviews('Great prices.\nShipping slow.\n\n\n退貨很麻煩。\n客服不回覆', 'paragraphs')).toEqual(['Great prices. Shipping slow.', '退貨很麻煩。 客服不回覆']);
  });
  it('never yields empty or untrimmed reviews', () => {
    fc.assert(fc.property(fc.string(), fc.constantFrom('lines' as const, 'paragraphs' as const), (s, f) => {
      for (const r of splitReviews(s, f)) expect(r.length > 0 && r === r.trim()).toBe(true);
    }), { seed: 7, numRuns: 300 });
  });
});
