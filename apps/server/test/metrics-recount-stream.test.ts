/**
 * A recount's progress reaches the workspace's live stream (the settings page and the dashboards'
 * banner follow it there): 'recount' frames while it runs, then one marked finished with every row
 * counted, and only on the stream of the workspace being recounted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { liveSurvey, startTestServer, type Client, type TestServer } from './harness.js';
import { eventually, readEventStream } from './alert-receivers.js';
import { sessionHeaders } from './workspace-routes.js';

type Frame = { done: number; total: number; finished: boolean };
let s: TestServer;
let a: { id: string; owner: Client; ownerEmail: string };
let b: { id: string; owner: Client; ownerEmail: string };

beforeAll(async () => {
  s = await startTestServer({}, { recountChunkRows: 7 });
  a = await s.workspace();
  b = await s.workspace();
  const sid = (await liveSurvey(a.owner, a.id)).id;
  const res = await a.owner.post(`/api/workspaces/${a.id}/surveys/${sid}/responses/batch`, { responses: Array.from({ length: 60 }, (_, i) => ({ answers: { nps: i % 11 } })) });
  expect(res.statusCode, res.body).toBe(201);
});
afterAll(async () => { await s.destroy(); });

describe('recount progress on the live stream', () => {
  it('streams progress, then finished with every row, to the workspace recounted only', async () => {
    const base = await s.listen(0, '127.0.0.1');
    const mine = readEventStream(`${base}/api/workspaces/${a.id}/stream`, await sessionHeaders(s, a.ownerEmail));
    const other = readEventStream(`${base}/api/workspaces/${b.id}/stream`, await sessionHeaders(s, b.ownerEmail));
    try {
      await new Promise((r) => setTimeout(r, 100)); // both streams open before the change
      const put = await a.owner.request({ method: 'PUT', url: `/api/workspaces/${a.id}/metrics/settings`, payload: { timeZone: 'Asia/Taipei' } });
      expect(put.statusCode, put.body).toBe(200);
      const frames = () => mine.events.filter((e) => e.event === 'recount').map((e) => e.data as Frame);
      const last = await eventually(() => frames().find((f) => f.finished), 15_000, 'the finished frame');
      expect(last).toEqual({ done: 60, total: 60, finished: true });
      const running = frames().filter((f) => !f.finished);
      expect(running.length).toBeGreaterThan(0);
      expect(running.every((f) => f.done > 0 && f.done <= f.total)).toBe(true);
      // Progress never goes back.
      expect(frames().map((f) => f.done)).toEqual([...frames().map((f) => f.done)].sort((x, y) => x - y));
      expect(other.events.filter((e) => e.event === 'recount')).toEqual([]);
    } finally { mine.close(); other.close(); }
  });
});
