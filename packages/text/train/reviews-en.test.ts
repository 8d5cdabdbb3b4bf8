import { describe, expect, it } from 'vitest';
import { ownReviews } from './data.js';

// The written review sentences are training and development data: a bad row would silently change
// the model at the next `npm run train`, so the file's shape is pinned here.
describe('written review sentences (train/reviews-en.tsv)', () => {
  const rows = ownReviews();

  it('has 2,800 rated sentences in six domains, a fifth of them for development', () => {
    expect(rows).toHaveLength(2800);
    expect(new Set(rows.map((r) => r.domain))).toEqual(new Set(['electronics', 'home', 'services', 'mixed', 'tech', 'features']));
    expect(rows.filter((r) => r.part === 'dev')).toHaveLength(560);
  });

  it('rates every sentence on −4 … +4 with one decimal, and holds no sentence twice', () => {
    for (const r of rows) {
      expect(Number.isFinite(r.mean) && Math.abs(r.mean) <= 4 && Math.round(r.mean * 10) === r.mean * 10, `${r.id}: ${r.mean}`).toBe(true);
      expect(r.text.trim().length, r.id).toBeGreaterThan(0);
    }
    expect(new Set(rows.map((r) => r.text.toLowerCase())).size).toBe(rows.length);
  });

  it('leaves out the product types of the VADER Amazon test snippets', () => {
    const excluded = /\b(digital cameras?|mp3|dvds?|cell ?phones?|mobile phones?|smartphones?|iphones?)\b/i;
    expect(rows.filter((r) => excluded.test(r.text)).map((r) => r.text)).toEqual([]);
  });
});
