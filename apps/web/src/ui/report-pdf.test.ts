import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { pageCuts } from './report-pdf';

describe('pageCuts', () => {
  it('keeps a short report on one page', () => {
    expect(pageCuts(900, 1000, [300, 600])).toEqual([]);
  });

  it('cuts between blocks when a boundary fits, else at the page height', () => {
    expect(pageCuts(2500, 1000, [400, 900, 1300, 2100])).toEqual([900, 1300, 2100]);
    expect(pageCuts(2500, 1000, [])).toEqual([1000, 2000]);
    // A boundary in the page's first third is not used: the page would stay mostly empty.
    expect(pageCuts(1500, 1000, [200])).toEqual([1000]);
  });

  it('every page fits and the cuts only go down (property)', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 50_000 }), fc.integer({ min: 100, max: 5_000 }), fc.array(fc.integer({ min: 0, max: 50_000 }), { maxLength: 60 }), (total, page, ends) => {
      const cuts = pageCuts(total, page, ends);
      const bounds = [0, ...cuts, total];
      for (let i = 1; i < bounds.length; i++) {
        expect(bounds[i]).toBeGreaterThan(bounds[i - 1]);
        expect(bounds[i] - bounds[i - 1]).toBeLessThanOrEqual(page);
      }
    }), { seed: 7, numRuns: 300 });
  });
});
