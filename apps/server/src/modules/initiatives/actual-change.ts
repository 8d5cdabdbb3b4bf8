/**
 * After launch: what the initiative's metric actually did. The change is the metric over
 * [launch date, today] minus the same metric over the equally long stretch just before launch
 * (the baseline), both read live through the strategy module, so a gap analysis, a goal and an
 * initiative agree on every number. Days are local days of the workspace's metric time zone.
 */
import { LIVE_METRIC_INFO, type ActualChange, type ExpectedChange } from '@touchpoint/shared';
import type { Deps } from '../../deps.js';
import { AppError } from '../../platform/http/errors.js';
import { addDays } from '../metrics/index.js';
import { readLiveMetric, workspaceToday } from '../strategy/index.js';

const dayNumber = (d: string) => Math.round(Date.parse(`${d}T00:00:00Z`) / 86_400_000);

/** The two windows: after = [launch, today], baseline = the same number of days ending the day before launch. */
export function actualWindows(launchDate: string, today: string): { after: { from: string; to: string }; baseline: { from: string; to: string } } | null {
  const days = dayNumber(today) - dayNumber(launchDate) + 1;
  if (days < 1) return null;
  return { after: { from: launchDate, to: today }, baseline: { from: addDays(launchDate, -days), to: addDays(launchDate, -1) } };
}

export async function actualChange(deps: Deps, workspaceId: string, launchDate: string, expected: ExpectedChange, today?: string): Promise<ActualChange | null> {
  const windows = actualWindows(launchDate, today ?? await workspaceToday(deps, workspaceId));
  if (!windows) return null;
  const range = (w: { from: string; to: string }) => ({ ...w, segmentId: expected.segmentId });
  try {
    const [after, baseline] = await Promise.all([
      readLiveMetric(deps, workspaceId, expected.metric, range(windows.after)),
      readLiveMetric(deps, workspaceId, expected.metric, range(windows.baseline)),
    ]);
    const actual = after.value === null || baseline.value === null ? null : after.value - baseline.value;
    return {
      metric: expected.metric, unit: LIVE_METRIC_INFO[expected.metric].unit, segmentId: expected.segmentId, expected: expected.change, actual,
      after: { from: after.from, to: after.to, value: after.value, n: after.n },
      baseline: { from: baseline.from, to: baseline.to, value: baseline.value, n: baseline.n },
      ...(after.currency !== undefined ? { currency: after.currency } : {}),
    };
  } catch (err) {
    // The segment was deleted since the change was typed: nothing to measure, not a failure of the page.
    if (err instanceof AppError && err.statusCode === 404) return null;
    throw err;
  }
}
