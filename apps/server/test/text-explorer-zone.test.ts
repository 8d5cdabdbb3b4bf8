/**
 * The explorer's days are the workspace's days (its metric time zone, as on the dashboards): an
 * answer given at 20:00 UTC on 1 January is on 2 January in Taipei, and on 1 January in UTC.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, workspaceWithAnalysedAnswers, type Client, type TestServer } from './harness.js';

let s: TestServer;
let w: { id: string; owner: Client };

beforeAll(async () => {
  s = await startTestServer({}, { textSettleMs: 0 });
  const at = (iso: string, comment: string) => ({ answers: { nps: 8, comment }, submittedAt: iso });
  w = await workspaceWithAnalysedAnswers(s, [at('2026-01-01T20:00:00.000Z', 'Late evening in London, next morning in Taipei'), at('2026-01-01T10:00:00.000Z', 'Midday everywhere that matters')]);
});
afterAll(async () => { await s.destroy(); });

const day = async (d: string) => {
  const res = await w.owner.get(`/api/workspaces/${w.id}/text/analyses?from=${d}&to=${d}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items.map((x: { text: string }) => x.text.split(' ')[0]).sort();
};

describe('explorer days', () => {
  it('follow the workspace time zone, which the status names', async () => {
    expect((await w.owner.get(`/api/workspaces/${w.id}/text/status`)).json().timeZone).toBe('UTC');
    expect(await day('2026-01-01')).toEqual(['Late', 'Midday']);
    expect(await day('2026-01-02')).toEqual([]);

    const put = await w.owner.request({ method: 'PUT', url: `/api/workspaces/${w.id}/metrics/settings`, payload: { timeZone: 'Asia/Taipei' } });
    expect(put.statusCode, put.body).toBe(200);
    expect((await w.owner.get(`/api/workspaces/${w.id}/text/status`)).json().timeZone).toBe('Asia/Taipei');
    expect(await day('2026-01-01')).toEqual(['Midday']);
    expect(await day('2026-01-02')).toEqual(['Late']);
  });
});
