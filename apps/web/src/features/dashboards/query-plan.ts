/**
 * Which requests a dashboard needs. Tiles that can share an answer share one request: every value
 * and distribution tile reads the range's total (with the previous-period comparison), trend and
 * volume tiles one series per interval, breakdown tiles one request per segment, and the open-text
 * tiles one list, drivers tiles one request per metric, closed-loop tiles one request per grouping. A dashboard of nine tiles thus makes four or five requests, not nine.
 */
import { withQuery, ws } from '../../lib/api';
import { filterQuery, type DashboardView } from './url-state';
import type { Tile } from './types';
import { isKpiKey, kpiPath, kpiQueryKey } from './customer-kpis';
import { isLoopKey, isLoopTile, loopPath, loopQueryKey } from './loop-tiles';

export interface PlannedQuery { key: string; path: string }

const OPEN_TEXT_LIMIT = { s: 5, m: 8, l: 15 } as const;

export function queryKey(tile: Tile): string {
  switch (tile.type) {
    case 'value':
    case 'distribution': return 'total';
    case 'trend':
    case 'volume': return `series:${tile.interval}`;
    case 'breakdown': return `by:${tile.by ?? 'channel'}`;
    case 'open_text': return 'open_text';
    case 'drivers': return `drivers:${tile.metric}`;
    default: return isLoopTile(tile.type) ? loopQueryKey(tile) : kpiQueryKey(tile); // closed-loop and customer KPI tiles
  }
}

export function planQueries(wid: string, tiles: readonly Tile[], view: DashboardView, range: { from: string; to: string }): PlannedQuery[] {
  const filters = filterQuery(view, range);
  const metrics = ws(wid, 'metrics');
  const out = new Map<string, string>();
  const openTextLimit = Math.max(0, ...tiles.filter((t) => t.type === 'open_text').map((t) => OPEN_TEXT_LIMIT[t.size]));
  for (const tile of tiles) {
    const key = queryKey(tile);
    if (out.has(key)) continue;
    if (key === 'total') out.set(key, withQuery(metrics, { ...filters, interval: 'total', compare: view.compare ? 'previous' : undefined }));
    else if (key.startsWith('series:')) out.set(key, withQuery(metrics, { ...filters, interval: tile.interval }));
    else if (key.startsWith('by:')) out.set(key, withQuery(metrics, { ...filters, interval: 'total', by: tile.by ?? 'channel' }));
    else if (isKpiKey(key)) out.set(key, kpiPath(wid, tile, filters));
    else if (isLoopKey(key)) out.set(key, loopPath(wid, tile, { ...range, tz: filters.tz }));
    else if (key.startsWith('drivers:')) out.set(key, withQuery(ws(wid, 'text', 'drivers'), { ...filters, metric: tile.metric }));
    else out.set(key, withQuery(ws(wid, 'metrics', 'open-text'), { ...filters, limit: openTextLimit }));
  }
  return [...out.entries()].map(([key, path]) => ({ key, path }));
}

export const openTextLimit = (tile: Tile) => OPEN_TEXT_LIMIT[tile.size];
