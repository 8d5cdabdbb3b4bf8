/**
 * A SMART goal's progress and status, pure. Positions are whole days from the goal's start date.
 *
 * Status, before the deadline, from a straight line fitted by least squares through the baseline and
 * the values measured since the start, projected to the deadline:
 *   share = (projection − reference) ÷ (target − reference), reference = the baseline (or, without one,
 *   the first value measured); on_track when share ≥ 1 (the projection reaches the target) or the
 *   current value already reaches it, at_risk when share ≥ AT_RISK_SHARE (70 % of the way), off_track
 *   otherwise. Dividing by (target − reference) makes it direction-agnostic: a churn goal going down
 *   is judged exactly like a CSAT goal going up.
 * After the deadline: achieved when the last value reaches the target, missed otherwise.
 * Before the start: not_started; nothing measured at all: no_data. A projection outside the values
 * the metric can take (`bounds`, e.g. 0–100 for a percentage) is held at the bound.
 */
import type { GoalStatus } from '@touchpoint/shared';

export const AT_RISK_SHARE = 0.7;
/** At most this many live reads per goal for its series. */
export const MAX_PERIODS = 12;
const EPS = 1e-9;

export function dayNumber(day: string): number {
  return Math.round(Date.parse(`${day}T00:00:00Z`) / 86_400_000);
}
export function dayOf(n: number): string {
  return new Date(n * 86_400_000).toISOString().slice(0, 10);
}
export const shiftDay = (day: string, days: number) => dayOf(dayNumber(day) + days);

/**
 * The periods a goal's series is read over: from the start to `end` (both included), cut into at
 * most MAX_PERIODS equal windows of at least a week (the last may be shorter).
 */
export function goalPeriods(start: string, end: string): { from: string; to: string }[] {
  const s = dayNumber(start), e = dayNumber(end);
  if (e < s) return [];
  const days = e - s + 1;
  const size = Math.max(7, Math.ceil(days / MAX_PERIODS));
  const out: { from: string; to: string }[] = [];
  for (let a = s; a <= e; a += size) out.push({ from: dayOf(a), to: dayOf(Math.min(e, a + size - 1)) });
  return out;
}

/** Least-squares line through the points; one point (or one x) gives a flat line. */
export function fitLine(points: readonly { x: number; y: number }[]): { intercept: number; slope: number } | null {
  if (!points.length) return null;
  const n = points.length;
  const mx = points.reduce((a, p) => a + p.x, 0) / n;
  const my = points.reduce((a, p) => a + p.y, 0) / n;
  let sxx = 0, sxy = 0;
  for (const p of points) { sxx += (p.x - mx) ** 2; sxy += (p.x - mx) * (p.y - my); }
  if (sxx < EPS) return { intercept: my, slope: 0 };
  const slope = sxy / sxx;
  return { intercept: my - slope * mx, slope };
}

export interface GoalJudgeInput {
  baseline: number | null;
  target: number;
  higherIsBetter: boolean;
  /** Measured values since the start, x in days from the start. */
  points: readonly { x: number; y: number }[];
  /** Where the baseline stands (days from the start, usually ≤ 0). */
  baselineX: number;
  deadlineX: number;
  todayX: number;
  /** The value now (live: the last 30 days; manual: the latest check-in). */
  current: number | null;
  /** The values the metric can take; the projection is held inside them. */
  bounds?: [number, number] | null;
}

export interface GoalJudgement {
  status: GoalStatus;
  percent: number | null;
  percentDisplay: number;
  projectedAtDeadline: number | null;
  projectedShare: number | null;
  line: { intercept: number; slope: number } | null;
  bounds: [number, number] | null;
}

/** +1 when the goal wants the number up, −1 when down. */
export function goalDirection(reference: number | null, target: number, higherIsBetter: boolean): 1 | -1 {
  if (reference !== null && Math.abs(target - reference) > EPS) return target > reference ? 1 : -1;
  return higherIsBetter ? 1 : -1;
}

export const reaches = (value: number, target: number, direction: 1 | -1) => direction * (value - target) >= -EPS;

function share(value: number, reference: number, target: number, direction: 1 | -1): number {
  if (Math.abs(target - reference) <= EPS) return reaches(value, target, direction) ? 1 : 0;
  return (value - reference) / (target - reference);
}

export function judgeGoal(g: GoalJudgeInput): GoalJudgement {
  const reference = g.baseline ?? g.points[0]?.y ?? null;
  const direction = goalDirection(reference, g.target, g.higherIsBetter);
  const percent = g.baseline === null || g.current === null ? null : share(g.current, g.baseline, g.target, direction) * 100;
  const percentDisplay = percent === null ? 0 : Math.min(100, Math.max(0, percent));
  const fitted = [...(g.baseline === null ? [] : [{ x: g.baselineX, y: g.baseline }]), ...g.points];
  const line = fitLine(fitted);
  const bounds = g.bounds ?? null;
  const raw = line ? line.intercept + line.slope * g.deadlineX : null;
  const projectedAtDeadline = raw === null || !bounds ? raw : Math.min(bounds[1], Math.max(bounds[0], raw));
  const projectedShare = projectedAtDeadline === null || reference === null ? null : share(projectedAtDeadline, reference, g.target, direction);
  const base = { percent, percentDisplay, projectedAtDeadline, projectedShare, line, bounds };

  if (g.todayX < 0) return { ...base, status: 'not_started' };
  if (g.todayX > g.deadlineX) {
    const last = g.current ?? g.points.at(-1)?.y ?? null;
    if (last === null) return { ...base, status: 'no_data' };
    return { ...base, status: reaches(last, g.target, direction) ? 'achieved' : 'missed' };
  }
  if (!g.points.length && g.current === null) return { ...base, status: 'no_data' };
  if (g.current !== null && reaches(g.current, g.target, direction)) return { ...base, status: 'on_track' };
  if (projectedShare === null) return { ...base, status: 'no_data' };
  if (reaches(projectedAtDeadline!, g.target, direction)) return { ...base, status: 'on_track' };
  return { ...base, status: projectedShare >= AT_RISK_SHARE ? 'at_risk' : 'off_track' };
}
