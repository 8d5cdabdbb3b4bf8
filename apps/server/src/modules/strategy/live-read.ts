/**
 * Live reads for strategy records, forgiving: a segment deleted since it was linked, or a metric that
 * cannot be read for a range, shows as "nothing measured" instead of failing the whole page.
 */
import { LIVE_METRIC_INFO, type LiveMetric, type LiveMetricValue } from '@touchpoint/shared';
import type { Deps } from '../../deps.js';
import { AppError } from '../../platform/http/errors.js';
import { readLiveMetric } from './live-metrics.js';

export async function readLive(deps: Deps, workspaceId: string, metric: LiveMetric, range: { from: string; to: string; segmentId?: string | null }): Promise<LiveMetricValue> {
  try {
    return await readLiveMetric(deps, workspaceId, metric, range);
  } catch (err) {
    if (!(err instanceof AppError) || err.statusCode >= 500) throw err;
    return { metric, value: null, n: 0, unit: LIVE_METRIC_INFO[metric].unit, from: range.from, to: range.to };
  }
}

/** Reads each distinct (metric, segment, range) once. */
export function liveReader(deps: Deps, workspaceId: string) {
  const cache = new Map<string, Promise<LiveMetricValue>>();
  return (metric: LiveMetric, range: { from: string; to: string; segmentId?: string | null }) => {
    const key = `${metric}|${range.segmentId ?? ''}|${range.from}|${range.to}`;
    let hit = cache.get(key);
    if (!hit) { hit = readLive(deps, workspaceId, metric, range); cache.set(key, hit); }
    return hit;
  };
}
