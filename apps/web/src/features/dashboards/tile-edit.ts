/** Editing a dashboard's tiles: pure functions the edit mode calls (tested in tile-edit.test.ts). */
import type { MetricName, Tile, TileType } from './types';
import { hasBasis, isCustomerTile } from './customer-kpis';

/** The tile types in the order the editor offers them, grouped by what they are about. */
export const TILE_TYPE_GROUPS = [
  { id: 'answers', types: ['value', 'trend', 'breakdown', 'distribution', 'volume', 'open_text', 'drivers'] },
  { id: 'customers', types: ['cohort_retention', 'churn_trend', 'clv', 'repeat_rate', 'segment_revenue'] },
  { id: 'loop', types: ['loop_kpis', 'loop_pareto', 'loop_breakdown'] },
] as const satisfies readonly { id: string; types: readonly TileType[] }[];
export const TILE_TYPES: readonly TileType[] = TILE_TYPE_GROUPS.flatMap((g) => g.types);
export const BUILTIN_BREAKDOWNS = ['channel', 'survey', 'touchpoint', 'language'] as const;
export const MAX_TILES = 24;

/** The metrics a tile type can show. */
export function metricsFor(type: TileType): readonly MetricName[] {
  switch (type) {
    case 'distribution':
    case 'drivers': return ['nps', 'csat', 'ces'];
    case 'volume': return ['responses'];
    case 'open_text': return ['nps'];
    // Customer KPIs and the closed loop's numbers are not survey metrics: the field stays at its default, unshown.
    case 'cohort_retention': case 'churn_trend': case 'clv': case 'repeat_rate': case 'segment_revenue':
    case 'loop_kpis': case 'loop_pareto': case 'loop_breakdown': return ['nps'];
    default: return ['nps', 'csat', 'ces', 'sentiment', 'cx_index', 'responses'];
  }
}

/** The size a tile of this type starts with: numbers a quarter, trends and the loop's five numbers the full width, the rest half. */
export const naturalSize = (type: TileType): Tile['size'] => (type === 'value' || type === 'clv' || type === 'repeat_rate' ? 's' : type === 'trend' || type === 'cohort_retention' || type === 'churn_trend' || type === 'loop_kpis' ? 'l' : 'm');

export function newTileId(existing: readonly Tile[]): string {
  for (;;) {
    const id = `t${Math.random().toString(36).slice(2, 9)}`;
    if (!existing.some((x) => x.id === id)) return id;
  }
}

/** Keeps a tile consistent after one of its settings changed (e.g. its type). */
export function normalizeTile(tile: Tile): Tile {
  const metrics = metricsFor(tile.type);
  const next: Tile = { ...tile, metric: metrics.includes(tile.metric) ? tile.metric : metrics[0] };
  if (next.type === 'breakdown') next.by = next.by ?? 'channel';
  else delete next.by;
  if (!hasBasis(next.type)) delete next.basis;
  if (!isCustomerTile(next.type) || next.type === 'cohort_retention' || next.type === 'churn_trend') delete next.currency;
  if (next.type === 'loop_breakdown') next.loopBy = next.loopBy ?? 'team';
  else delete next.loopBy;
  // Trimmed only when saved: trimming while typing would eat the space between two words.
  if (next.title?.trim()) next.title = next.title.slice(0, 120);
  else delete next.title;
  return next;
}

export function changeTile(tiles: readonly Tile[], id: string, patch: Partial<Tile>): Tile[] {
  return tiles.map((x) => {
    if (x.id !== id) return x;
    const typeChanged = patch.type && patch.type !== x.type;
    // A new type gets its natural size unless the size was chosen in the same change.
    const size = typeChanged && !patch.size ? (patch.type === 'value' ? 's' : x.size === 's' ? naturalSize(patch.type!) : x.size) : x.size;
    return normalizeTile({ ...x, size, ...patch });
  });
}

export function moveTile(tiles: readonly Tile[], id: string, by: -1 | 1): Tile[] {
  const at = tiles.findIndex((x) => x.id === id);
  const to = at + by;
  if (at < 0 || to < 0 || to >= tiles.length) return [...tiles];
  const out = [...tiles];
  [out[at], out[to]] = [out[to], out[at]];
  return out;
}

export function addTile(tiles: readonly Tile[], type: TileType = 'value'): Tile[] {
  if (tiles.length >= MAX_TILES) return [...tiles];
  return [...tiles, normalizeTile({ id: newTileId(tiles), type, metric: 'nps', interval: 'week', size: naturalSize(type) })];
}

export const removeTile = (tiles: readonly Tile[], id: string): Tile[] => tiles.filter((x) => x.id !== id);

/** "Overview (copy)", "Overview (copy 2)"… not clashing with the names in use. */
export function copyName(name: string, taken: readonly string[], word: string): string {
  const base = `${name} (${word})`;
  if (!taken.includes(base)) return base.slice(0, 120);
  for (let i = 2; ; i++) {
    const candidate = `${name} (${word} ${i})`;
    if (!taken.includes(candidate)) return candidate.slice(0, 120);
  }
}
