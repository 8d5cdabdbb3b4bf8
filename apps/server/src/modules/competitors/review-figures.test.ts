import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { figuresFromSums, reviewSums, summary } from './review-figures.js';

describe('review figures', () => {
  const reviews = [
    { score: 0.8, label: 'positive', themeIds: ['delivery'], keyPhrases: ['Delivery', 'fast shipping'] },
    { score: -0.6, label: 'negative', themeIds: ['delivery', 'price', 'delivery'], keyPhrases: ['delivery'] },
    { score: 0, label: 'neutral', themeIds: [], keyPhrases: [] },
  ];
  it('counts a theme once per review and ranks phrases', () => {
    const s = reviewSums(reviews);
    expect(summary(s.overall)).toEqual({ n: 3, mean: 0.0667, positiveShare: 0.3333, negativeShare: 0.3333 });
    const f = figuresFromSums(s.overall.n, s.themes, (id) => (id === 'delivery' ? 'Delivery' : undefined));
    expect(f[0]).toEqual({ id: 'delivery', name: 'Delivery', n: 2, share: 0.6667, meanSentiment: 0.1, negativeShare: 0.5, topPhrases: [{ phrase: 'delivery', count: 2 }, { phrase: 'fast shipping', count: 1 }] });
    expect(f[1]).toMatchObject({ id: 'price', name: 'price', n: 1, meanSentiment: -0.6, negativeShare: 1 });
  });
  it('has no mean without texts', () => {
    expect(summary({ n: 0, sum: 0, positives: 0, negatives: 0 })).toEqual({ n: 0, mean: null, positiveShare: null, negativeShare: null });
  });
  it('keeps means and shares within bounds', () => {
    const review = fc.record({ score: fc.double({ min: -1, max: 1, noNaN: true }), label: fc.constantFrom('positive', 'negative', 'neutral'), themeIds: fc.array(fc.constantFrom('a', 'b', 'c')), keyPhrases: fc.array(fc.string()) });
    fc.assert(fc.property(fc.array(review), (rs) => {
      const s = reviewSums(rs);
      for (const t of figuresFromSums(s.overall.n, s.themes, () => undefined)) {
        expect(t.meanSentiment).toBeGreaterThanOrEqual(-1);
        expect(t.meanSentiment).toBeLessThanOrEqual(1);
        expect(t.share).toBeLessThanOrEqual(1);
        expect(t.negativeShare).toBeLessThanOrEqual(1);
      }
    }), { seed: 11, numRuns: 200 });
  });
});
