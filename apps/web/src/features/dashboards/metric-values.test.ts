import { describe, expect, it } from 'vitest';
import { compareNps, npsFromCounts } from '@touchpoint/shared';
import { formatDelta, formatMetric, onScale, readMetric, segmentMovement } from './metric-values';
import { summary } from './fixtures.test-helpers';

describe('segmentMovement', () => {
  it('tests NPS between two segments with the shared formula, b − a', () => {
    const a = summary({ nps: [6, 1, 1] }), b = summary({ nps: [2, 2, 6] });
    const move = segmentMovement(a, b, 'nps');
    const expected = compareNps(npsFromCounts(6, 1, 1), npsFromCounts(2, 2, 6));
    expect(move).toMatchObject({ delta: expected.delta, pValue: expected.pValue, significant: expected.significant, tested: true });
    expect(move.delta).toBeCloseTo(-40 - 62.5, 6);
    expect(move.previous).toBe(62.5);
  });

  it('gives the plain, untested difference for the response count', () => {
    expect(segmentMovement(summary({ responses: 10 }), summary({ responses: 4 }), 'responses')).toMatchObject({ delta: -6, tested: false, significant: false });
  });

  it('has no change when a segment has no answers', () => {
    expect(segmentMovement(summary({ nps: [3, 0, 1] }), summary(), 'nps').delta).toBeNull();
  });
});

describe('sentiment', () => {
  it('reads the mean score with n = texts, written signed with two decimals, on −1…1', () => {
    const s = summary({ sentiment: [0.3241, 40, 0.5] });
    expect(readMetric(s, 'sentiment')).toEqual({ value: 0.3241, n: 40, ci: { low: 0.3241 - 0.1, high: 0.3241 + 0.1 } });
    expect(formatMetric('en', 'sentiment', 0.3241)).toBe('+0.32');
    expect(formatMetric('en', 'sentiment', -0.5)).toMatch(/^[−-]0\.50$/);
    expect(formatDelta('en', 'sentiment', 0.051)).toBe('+0.05');
    expect(onScale('sentiment', 0)).toBe(0.5);
    expect(formatMetric('en', 'sentiment', null)).toBe('–');
  });

  it('tests a gap between segments from n, mean and sd (Welch), b − a', () => {
    const a = summary({ sentiment: [-0.2, 200, 0.4] }), b = summary({ sentiment: [0.1, 150, 0.5] });
    const move = segmentMovement(a, b, 'sentiment');
    expect(move).toMatchObject({ tested: true, significant: true, previous: -0.2 });
    expect(move.delta).toBeCloseTo(0.3, 10);
    expect(move.ci!.low).toBeLessThan(0.3);
    expect(segmentMovement(a, summary({ sentiment: [-0.18, 100, 0.4] }), 'sentiment').significant).toBe(false);
  });
});
