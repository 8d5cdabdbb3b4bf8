/** Today in the workspace's metric time zone, the day live numbers end on. */
import type { Deps } from '../../deps.js';
import { getMetricSettings } from '../metrics/index.js';
import { localDay } from '../../platform/time/local-day.js';

export async function workspaceToday(deps: Deps, workspaceId: string, now = new Date()): Promise<string> {
  const { timeZone } = await getMetricSettings(deps, workspaceId);
  return localDay(now.toISOString(), timeZone);
}
