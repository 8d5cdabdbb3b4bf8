import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addSentimentSums, compareSentiment, compareSentimentResults, NO_SENTIMENT, sentiment, sentimentFromSums, sentimentSumsOf } from './sentiment.js';

const score = fc.integer({ min: -10_000, max: 10_000 }).map((k) => Math.round(k) / 1e4);
const text = fc.record({ score, label: fc.constantFrom('positive', 'negative', 'neutral') });

describe('sentiment metric', () => {
  it('is the mean score with a normal 95 % interval and the label shares', () => {
    const r = sentiment([{ score: 0.5, label: 'positive' }, { score: -0.25, label: 'negative' }, { score: 0.1, label: 'neutral' }, { score: 0.8, label: 'positive' }]);
    expect(r.n).toBe(4);
    expect(r.mean).toBeCloseTo(0.2875, 12);
    const sd = Math.sqrt([0.5, -0.25, 0.1, 0.8].reduce((a, x) => a + (x - 0.2875) ** 2, 0) / 3);
    expect(r.ci!.high - r.mean!).toBeCloseTo(1.959963984540054 * sd / 2, 10);
    expect([r.positiveShare, r.negativeShare]).toEqual([50, 25]);
    expect(sentiment([])).toMatchObject({ n: 0, mean: null, ci: null, positiveShare: null });
    expect(sentiment([{ score: -0.4, label: 'negative' }]).ci).toEqual({ low: -0.4, high: -0.4 });
  });

  it('sums are exact integers: adding then removing texts in any order leaves nothing', () => {
    fc.assert(fc.property(fc.array(text), fc.array(text), (kept, removed) => {
      let acc = NO_SENTIMENT;
      for (const t of [...kept, ...removed]) acc = addSentimentSums(acc, sentimentSumsOf(t.score, t.label));
      for (const t of [...removed].reverse()) acc = addSentimentSums(acc, sentimentSumsOf(t.score, t.label), -1);
      expect(sentimentFromSums(acc)).toEqual(sentiment(kept));
      expect(Number.isInteger(acc.sum) && Number.isInteger(acc.sumSquares)).toBe(true);
    }));
  });

  it('the mean lies within the scores, and the interval within −1…1 around it', () => {
    fc.assert(fc.property(fc.array(text, { minLength: 1 }), (ts) => {
      const r = sentiment(ts);
      const xs = ts.map((t) => t.score);
      expect(r.mean!).toBeGreaterThanOrEqual(Math.min(...xs) - 1e-12);
      expect(r.mean!).toBeLessThanOrEqual(Math.max(...xs) + 1e-12);
      expect(r.ci!.low).toBeGreaterThanOrEqual(-1);
      expect(r.ci!.high).toBeLessThanOrEqual(1);
      expect(r.ci!.low).toBeLessThanOrEqual(r.mean! + 1e-12);
      expect(r.ci!.high).toBeGreaterThanOrEqual(r.mean! - 1e-12);
      expect(r.positive + r.negative).toBeLessThanOrEqual(r.n);
    }));
  });

  it('a change is the difference of the means; the same texts twice are no change', () => {
    fc.assert(fc.property(fc.array(text, { minLength: 2 }), fc.array(text, { minLength: 2 }), (a, b) => {
      const sums = (ts: typeof a) => ts.reduce((acc, t) => addSentimentSums(acc, sentimentSumsOf(t.score, t.label)), NO_SENTIMENT);
      const c = compareSentiment(sums(a), sums(b));
      expect(c.delta!).toBeCloseTo(sentiment(b).mean! - sentiment(a).mean!, 9);
      expect(compareSentiment(sums(a), sums(a)).significant).toBe(false);
      // The web compares what the API returns (n, mean, sd): the same test.
      const fromResults = compareSentimentResults(sentiment(a), sentiment(b));
      expect(fromResults.delta!).toBeCloseTo(c.delta!, 9);
      expect(fromResults.pValue!).toBeCloseTo(c.pValue!, 6);
    }));
    const many = (x: number) => Array.from({ length: 200 }, (_, i) => sentimentSumsOf(x + ((i % 5) - 2) / 20, 'neutral')).reduce((s, t) => addSentimentSums(s, t), NO_SENTIMENT);
    expect(compareSentiment(many(-0.2), many(0.3)).significant).toBe(true);
  });
});
