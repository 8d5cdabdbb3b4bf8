/**
 * A goal's progress read live. Live goals: the current value over the last 30 days up to today (or
 * up to the deadline once it has passed), and a series over at most 12 equal periods since the start
 * (`goalPeriods`), each one read through `readLiveMetric` (so at most 13 reads per goal). Manual
 * goals: the check-ins are the series and the latest on or before today is the current value.
 * Then `judgeGoal` fits the line and decides the status.
 */
import { LIVE_METRIC_INFO, type Goal, type GoalPoint, type GoalProgress, type LiveMetric } from '@touchpoint/shared';
import type { Deps } from '../../deps.js';
import { liveReader } from './live-read.js';
import { dayNumber, dayOf, goalPeriods, judgeGoal, shiftDay } from './goal-projection.js';

/** The window the current value of a live goal is read over. */
export const CURRENT_DAYS = 30;

/**
 * The values a metric can take: a straight line through a few points soon leaves them (a CSAT of
 * 230 %), so projections are held inside. Manual goals and open-ended metrics are not bounded.
 */
export function metricBounds(metric: LiveMetric | null): [number, number] | null {
  if (!metric) return null;
  if (metric === 'nps') return [-100, 100];
  if (metric === 'sentiment') return [-1, 1];
  if (metric === 'ces') return [1, 7];
  return LIVE_METRIC_INFO[metric].unit === 'percent' ? [0, 100] : [0, Number.POSITIVE_INFINITY];
}

export async function goalProgress(deps: Deps, workspaceId: string, goal: Omit<Goal, 'progress'>, today: string): Promise<GoalProgress> {
  const start = dayNumber(goal.startDate);
  const end = goal.deadline < today ? goal.deadline : today;
  let series: GoalPoint[] = [];
  let points: { x: number; y: number }[] = [];
  let current: GoalProgress['current'];
  if (goal.metric) {
    const read = liveReader(deps, workspaceId);
    const metric = goal.metric, segmentId = goal.segmentId;
    series = today < goal.startDate ? [] : await Promise.all(goalPeriods(goal.startDate, end).map(async (p) => {
      const v = await read(metric, { ...p, segmentId });
      return { from: p.from, to: p.to, value: v.value, n: v.n };
    }));
    points = series.filter((p) => p.value !== null).map((p) => ({ x: (dayNumber(p.from) + dayNumber(p.to)) / 2 - start, y: p.value! }));
    const from = shiftDay(end, -(CURRENT_DAYS - 1));
    const now = await read(metric, { from, to: end, segmentId });
    current = { value: now.value, n: now.n, from, to: end, source: 'live' };
  } else {
    const mine = goal.checkIns.filter((c) => c.date <= today);
    series = mine.filter((c) => c.date >= goal.startDate).map((c) => ({ from: c.date, to: c.date, value: c.value, n: 1 }));
    points = series.map((p) => ({ x: dayNumber(p.from) - start, y: p.value! }));
    const last = mine.at(-1);
    current = { value: last?.value ?? null, n: mine.length, from: last?.date ?? null, to: last?.date ?? null, source: 'manual' };
  }
  const deadlineX = dayNumber(goal.deadline) - start;
  const j = judgeGoal({
    baseline: goal.baseline.value, target: goal.target, higherIsBetter: goal.higherIsBetter, points,
    baselineX: dayNumber(goal.baseline.date) - start, deadlineX, todayX: dayNumber(today) - start, current: current.value,
    bounds: metricBounds(goal.metric),
  });
  const clamp = (v: number) => (j.bounds ? Math.min(j.bounds[1], Math.max(j.bounds[0], v)) : v);
  const line = j.line ? [0, deadlineX].map((x) => ({ date: dayOf(start + x), value: clamp(j.line!.intercept + j.line!.slope * x) })) : null;
  return {
    current, percent: j.percent, percentDisplay: j.percentDisplay, status: j.status, series,
    projection: j.projectedAtDeadline === null || !line ? null : { atDeadline: j.projectedAtDeadline, line },
    projectedShare: j.projectedShare,
  };
}
