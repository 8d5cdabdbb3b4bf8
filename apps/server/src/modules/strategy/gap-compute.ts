/**
 * The gap of one row of the CX evaluation framework, pure: where current state and benchmark are both
 * numbers. difference = benchmark − current; shortfall = how far we are behind in the good direction
 * (positive = behind, negative = ahead): benchmark − current when more is better, current − benchmark
 * when less is better (churn, minutes to first response); percentOfBenchmark = shortfall ÷ |benchmark|.
 */
import type { GapComputed } from '@touchpoint/shared';

export function computeGap(current: number | null, benchmark: number | null, higherIsBetter: boolean): GapComputed | null {
  if (current === null || benchmark === null || !Number.isFinite(current) || !Number.isFinite(benchmark)) return null;
  const difference = benchmark - current;
  const shortfall = higherIsBetter ? difference : -difference;
  const tiny = 1e-9 * Math.max(1, Math.abs(benchmark), Math.abs(current));
  return {
    difference,
    shortfall,
    percentOfBenchmark: Math.abs(benchmark) < 1e-12 ? null : (shortfall / Math.abs(benchmark)) * 100,
    standing: Math.abs(shortfall) <= tiny ? 'level' : shortfall > 0 ? 'behind' : 'ahead',
    higherIsBetter,
  };
}
