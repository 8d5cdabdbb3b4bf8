import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Tile as TileSchema } from '@touchpoint/shared';
import { DEFAULT_VIEW } from './url-state';
import { planQueries, queryKey } from './query-plan';
import { TILE_TYPES, addTile, changeTile, copyName, metricsFor, moveTile, removeTile } from './tile-edit';
import type { Tile } from './types';

const base: Tile[] = [
  { id: 'a', type: 'value', metric: 'nps', interval: 'week', size: 's' },
  { id: 'b', type: 'trend', metric: 'csat', interval: 'month', size: 'l' },
];

describe('tile editing', () => {
  it('a type change keeps the tile valid for the server', () => {
    const toVolume = changeTile(base, 'b', { type: 'volume' });
    expect(toVolume[1]).toMatchObject({ type: 'volume', metric: 'responses', size: 'l' });
    const toBreakdown = changeTile(base, 'a', { type: 'breakdown' });
    expect(toBreakdown[0]).toMatchObject({ type: 'breakdown', by: 'channel', size: 'm' });
    expect(changeTile(toBreakdown, 'a', { type: 'value' })[0]).not.toHaveProperty('by');
    expect(changeTile(base, 'a', { type: 'distribution', metric: 'cx_index' })[0].metric).toBe('nps');
  });

  it('any sequence of edits leaves tiles the server accepts, with unique ids', () => {
    const edit = fc.oneof(
      fc.record({ op: fc.constant('add' as const), type: fc.constantFrom(...TILE_TYPES) }),
      fc.record({ op: fc.constant('change' as const), i: fc.nat(30), type: fc.option(fc.constantFrom(...TILE_TYPES), { nil: undefined }), metric: fc.constantFrom('nps', 'csat', 'ces', 'cx_index', 'responses' as const), title: fc.string({ maxLength: 140 }), loopBy: fc.option(fc.constantFrom('team', 'agent', 'theme' as const), { nil: undefined }) }),
      fc.record({ op: fc.constant('move' as const), i: fc.nat(30), by: fc.constantFrom(-1 as const, 1 as const) }),
      fc.record({ op: fc.constant('remove' as const), i: fc.nat(30) }),
    );
    fc.assert(fc.property(fc.array(edit, { maxLength: 40 }), (edits) => {
      let tiles: Tile[] = [...base];
      for (const e of edits) {
        const id = tiles.length ? tiles[(('i' in e ? e.i : 0)) % tiles.length].id : '';
        if (e.op === 'add') tiles = addTile(tiles, e.type);
        else if (e.op === 'change' && id) tiles = changeTile(tiles, id, { ...(e.type ? { type: e.type } : {}), ...(e.loopBy ? { loopBy: e.loopBy } : {}), metric: e.metric, title: e.title });
        else if (e.op === 'move' && id) tiles = moveTile(tiles, id, e.by);
        else if (e.op === 'remove' && id) tiles = removeTile(tiles, id);
      }
      expect(tiles.length).toBeLessThanOrEqual(24);
      expect(new Set(tiles.map((x) => x.id)).size).toBe(tiles.length);
      for (const tile of tiles) {
        expect(TileSchema.safeParse(tile).success).toBe(true);
        expect(metricsFor(tile.type)).toContain(tile.metric);
        // Only a loop breakdown carries a grouping, and it always has one.
        expect(tile.loopBy !== undefined).toBe(tile.type === 'loop_breakdown');
      }
    }), { numRuns: 150, seed: 5 });
  });

  it('moves within bounds and names copies without clashes', () => {
    expect(moveTile(base, 'a', 1).map((x) => x.id)).toEqual(['b', 'a']);
    expect(moveTile(base, 'a', -1).map((x) => x.id)).toEqual(['a', 'b']);
    expect(copyName('Overview', ['Overview'], 'copy')).toBe('Overview (copy)');
    expect(copyName('Overview', ['Overview (copy)'], 'copy')).toBe('Overview (copy 2)');
  });
});

describe('query plan', () => {
  it('tiles that can share an answer share one request', () => {
    const tiles: Tile[] = [
      ...base,
      { id: 'c', type: 'distribution', metric: 'nps', interval: 'week', size: 'm' },
      { id: 'd', type: 'volume', metric: 'responses', interval: 'month', size: 'm' },
      { id: 'e', type: 'breakdown', metric: 'nps', interval: 'week', by: 'meta:plan', size: 'm' },
      { id: 'f', type: 'open_text', metric: 'nps', interval: 'week', size: 'l' },
    ];
    expect(tiles.map(queryKey)).toEqual(['total', 'series:month', 'total', 'series:month', 'by:meta:plan', 'open_text']);
    const plan = planQueries('w1', tiles, { ...DEFAULT_VIEW, channels: ['email'] }, { from: '2026-11-01', to: '2026-11-30' });
    expect(plan.map((q) => q.path)).toEqual([
      '/api/workspaces/w1/metrics?from=2026-11-01&to=2026-11-30&channel=email&interval=total&compare=previous',
      '/api/workspaces/w1/metrics?from=2026-11-01&to=2026-11-30&channel=email&interval=month',
      '/api/workspaces/w1/metrics?from=2026-11-01&to=2026-11-30&channel=email&interval=total&by=meta%3Aplan',
      '/api/workspaces/w1/metrics/open-text?from=2026-11-01&to=2026-11-30&channel=email&limit=15',
    ]);
  });
});
