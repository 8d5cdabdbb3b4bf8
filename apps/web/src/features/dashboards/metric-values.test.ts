import { describe, expect, it } from 'vitest';
import { compareNps, npsFromCounts } from '@touchpoint/shared';
import { segmentMovement } from './metric-values';
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
