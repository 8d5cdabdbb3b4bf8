/**
 * Closed-loop dashboard tiles through the API: a dashboard stores loop tiles (and a breakdown's
 * grouping) as it stores any tile and refuses an unknown grouping with its field path; the built-in
 * Overview carries the loop tiles and is itself a valid dashboard; what the tiles read
 * (GET …/cases/metrics for the dashboard's range) is empty in a workspace without cases, counts a
 * case once one is opened, and is refused to a viewer, who still reads the dashboards.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DashboardInput, type LoopMetrics } from '@touchpoint/shared';
import { startTestServer, type Client, type TestServer } from './harness.js';

let s: TestServer;
let ws: { id: string; owner: Client };

beforeAll(async () => {
  s = await startTestServer();
  ws = await s.workspace('Loop tiles');
});
afterAll(async () => { await s.destroy(); });

/** A UTC day `offset` days from now: the range around today holds a case opened during the test even across midnight. */
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

describe('closed-loop tiles', () => {
  it('a dashboard keeps loop tiles and a breakdown\'s grouping, and refuses an unknown grouping', async () => {
    const url = `/api/workspaces/${ws.id}/dashboards`;
    const tiles = [
      { id: 'k', type: 'loop_kpis', size: 'l' },
      { id: 'p', type: 'loop_pareto', size: 'm' },
      { id: 'b', type: 'loop_breakdown', loopBy: 'agent', size: 'm' },
    ];
    const ok = await ws.owner.post(url, { name: 'Loop', tiles });
    expect(ok.statusCode, ok.body).toBe(201);
    const stored = (await ws.owner.get(`${url}/${ok.json().id}`)).json();
    expect(stored.tiles).toEqual(tiles.map((t) => ({ metric: 'nps', interval: 'week', ...t })));
    const bad = await ws.owner.post(url, { name: 'Loop', tiles: [{ id: 'b', type: 'loop_breakdown', loopBy: 'owner' }] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.map((d: { path: string }) => d.path)).toEqual(['body.tiles[0].loopBy']);
  });

  it('the Overview shows the loop beside the scores and is a valid dashboard', async () => {
    const list = (await ws.owner.get(`/api/workspaces/${ws.id}/dashboards`)).json() as { id: string; name: string; tiles: { type: string }[] }[];
    const overview = list.find((d) => d.id === 'overview')!;
    expect(overview.tiles.map((t) => t.type)).toEqual(expect.arrayContaining(['value', 'loop_kpis', 'loop_pareto']));
    expect(DashboardInput.safeParse({ name: overview.name, tiles: overview.tiles }).success).toBe(true);
  });

  it('what the tiles read: empty without cases, a case once opened, refused to a viewer', async () => {
    const path = `/api/workspaces/${ws.id}/cases/metrics?from=${day(-1)}&to=${day(1)}`;
    const empty = (await ws.owner.get(path)).json() as LoopMetrics;
    expect(empty.overall).toMatchObject({ opened: 0, closed: 0, closureRate: null, timeToClose: null, recoveryRate: null });
    expect(empty.pareto).toEqual([]);

    const made = await ws.owner.post(`/api/workspaces/${ws.id}/cases`, { title: 'Called about a late parcel' });
    expect(made.statusCode, made.body).toBe(201);
    const one = (await ws.owner.get(`${path}&by=team`)).json() as LoopMetrics;
    expect(one.overall).toMatchObject({ opened: 1, closed: 0, closureRate: 0 });
    expect(one.groups.map((g) => [g.key, g.opened])).toEqual([['', 1]]);

    const viewer = await s.member(ws.id, ws.owner, 'viewer');
    expect((await viewer.get(`/api/workspaces/${ws.id}/dashboards`)).statusCode).toBe(200);
    expect((await viewer.get(path)).statusCode).toBe(403);
  });
});
