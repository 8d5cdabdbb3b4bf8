import { describe, expect, it } from 'vitest';
import { computeGap } from './gap-compute.js';

describe('computeGap', () => {
  it('the course example: NPS 50 against 70 is 20 points behind, 28.6 % of the benchmark', () => {
    const g = computeGap(50, 70, true)!;
    expect(g).toMatchObject({ difference: 20, shortfall: 20, standing: 'behind' });
    expect(g.percentOfBenchmark).toBeCloseTo(28.571, 3);
  });
  it('support 8 h a day against 24 h: 16 h behind', () => {
    expect(computeGap(8, 24, true)).toMatchObject({ shortfall: 16, standing: 'behind' });
  });
  it('lower is better: churn 12 % against a benchmark of 8 % is 4 points behind', () => {
    expect(computeGap(12, 8, false)).toMatchObject({ difference: -4, shortfall: 4, standing: 'behind' });
    expect(computeGap(6, 8, false)).toMatchObject({ shortfall: -2, standing: 'ahead' });
  });
  it('ahead, level, and not computable', () => {
    expect(computeGap(80, 70, true)!.standing).toBe('ahead');
    expect(computeGap(70, 70, true)!.standing).toBe('level');
    expect(computeGap(null, 70, true)).toBeNull();
    expect(computeGap(5, 0, true)!.percentOfBenchmark).toBeNull();
  });
});
