import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { AT_RISK_SHARE, fitLine, goalDirection, goalPeriods, judgeGoal, MAX_PERIODS, reaches, type GoalJudgeInput } from './goal-projection.js';

const base: GoalJudgeInput = { baseline: 70, target: 77, higherIsBetter: true, points: [], baselineX: -1, deadlineX: 180, todayX: 90, current: null };

describe('fitLine', () => {
  it('fits an exact line and a flat one for a single point', () => {
    expect(fitLine([{ x: 0, y: 1 }, { x: 10, y: 21 }])).toEqual({ intercept: 1, slope: 2 });
    expect(fitLine([{ x: 5, y: 3 }])).toEqual({ intercept: 3, slope: 0 });
    expect(fitLine([])).toBeNull();
  });
});

describe('goalPeriods', () => {
  it('cuts the span into at most 12 windows of at least a week', () => {
    expect(goalPeriods('2026-01-01', '2026-01-10')).toEqual([{ from: '2026-01-01', to: '2026-01-07' }, { from: '2026-01-08', to: '2026-01-10' }]);
    const year = goalPeriods('2025-01-01', '2026-12-31');
    expect(year.length).toBeLessThanOrEqual(MAX_PERIODS);
    expect(year[0].from).toBe('2025-01-01');
    expect(year.at(-1)!.to).toBe('2026-12-31');
    expect(goalPeriods('2026-02-01', '2026-01-01')).toEqual([]);
  });
});

describe('judgeGoal', () => {
  it('on track when the line reaches the target by the deadline', () => {
    // +1 point a month from 70: 76 at day 180 of a 6-month goal whose target is 75.
    const j = judgeGoal({ ...base, target: 75, points: [{ x: 15, y: 70.5 }, { x: 45, y: 71.5 }, { x: 75, y: 72.5 }], current: 72.5 });
    expect(j.status).toBe('on_track');
    expect(j.projectedAtDeadline).toBeGreaterThan(75);
    expect(j.percent).toBeCloseTo(50, 5);
  });
  it('at risk between 70 % and 100 % of the way, off track below', () => {
    const flatish = (end: number) => judgeGoal({ ...base, baselineX: 0, deadlineX: 100, todayX: 50, points: [{ x: 50, y: 70 + (end - 70) / 2 }], current: 70 + (end - 70) / 2 });
    expect(flatish(76).status).toBe('at_risk'); // projects to 6 of 7 points
    expect(flatish(72).status).toBe('off_track'); // projects to 2 of 7 points
    expect(AT_RISK_SHARE).toBe(0.7);
  });
  it('lower-is-better goals are judged the same way (churn 10 % → 8 %)', () => {
    const j = judgeGoal({ ...base, baseline: 10, target: 8, higherIsBetter: false, baselineX: 0, deadlineX: 100, todayX: 50, points: [{ x: 50, y: 8.9 }], current: 8.9 });
    expect(j.status).toBe('on_track');
    expect(j.percent).toBeCloseTo(55, 5);
  });
  it('achieved or missed after the deadline, not started before the start, no data without values', () => {
    expect(judgeGoal({ ...base, todayX: 200, current: 78 }).status).toBe('achieved');
    expect(judgeGoal({ ...base, todayX: 200, current: 74 }).status).toBe('missed');
    expect(judgeGoal({ ...base, todayX: -3 }).status).toBe('not_started');
    expect(judgeGoal({ ...base, baseline: null }).status).toBe('no_data');
  });
  it('clamps the displayed progress to 0–100', () => {
    expect(judgeGoal({ ...base, current: 90 }).percentDisplay).toBe(100);
    expect(judgeGoal({ ...base, current: 60 }).percentDisplay).toBe(0);
  });
});

describe('judgeGoal properties', () => {
  const num = fc.integer({ min: -100_000, max: 100_000 }).map((x) => x / 100);
  const goal = fc.record({
    baseline: num, target: num, higherIsBetter: fc.boolean(), current: fc.option(num, { nil: null }),
    points: fc.array(fc.record({ x: fc.integer({ min: 0, max: 90 }), y: num }), { maxLength: 12 }),
  }).map((g): GoalJudgeInput => ({ ...g, baselineX: -1, deadlineX: 180, todayX: 90 }));

  it('a goal whose projection reaches the target is never off track or at risk (either direction)', () => {
    fc.assert(fc.property(goal, (g) => {
      const j = judgeGoal(g);
      const direction = goalDirection(g.baseline, g.target, g.higherIsBetter);
      if (j.projectedAtDeadline !== null && reaches(j.projectedAtDeadline, g.target, direction)) expect(['on_track', 'no_data']).toContain(j.status);
    }), { seed: 20261124, numRuns: 500 });
  });

  it('mirroring every number (a lower-is-better goal) gives the same status and progress', () => {
    fc.assert(fc.property(goal, (g) => {
      const a = judgeGoal(g);
      const b = judgeGoal({ ...g, baseline: -g.baseline!, target: -g.target, higherIsBetter: !g.higherIsBetter, current: g.current === null ? null : -g.current, points: g.points.map((p) => ({ x: p.x, y: -p.y })) });
      expect(b.status).toBe(a.status);
      expect(b.percentDisplay).toBeCloseTo(a.percentDisplay, 6);
    }), { seed: 20261124, numRuns: 500 });
  });
});

describe('bounds', () => {
  it('holds a steep projection inside the metric\'s range', () => {
    const j = judgeGoal({ ...base, baselineX: 0, deadlineX: 180, todayX: 20, points: [{ x: 10, y: 75 }], baseline: 60, target: 70, current: 75, bounds: [0, 100] });
    expect(j.projectedAtDeadline).toBe(100);
    expect(j.status).toBe('on_track');
  });
});
