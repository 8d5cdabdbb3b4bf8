/**
 * Analysis results reach open dashboards: when the background analysis stores a workspace's
 * texts (sentiment, themes, drivers change), its live stream gets a 'metrics' frame marked
 * source 'text'; another workspace's stream gets none.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { liveSurvey, startTestServer, textSettled, type Client, type TestServer } from './harness.js';
import { eventually, readEventStream } from './alert-receivers.js';
import { sessionHeaders } from './workspace-routes.js';

let s: TestServer;
let a: { id: string; owner: Client; ownerEmail: string };
let b: { id: string; owner: Client; ownerEmail: string };
let sid: string;

beforeAll(async () => {
  s = await startTestServer({}, { textSettleMs: 0 });
  a = await s.workspace();
  b = await s.workspace();
  sid = (await liveSurvey(a.owner, a.id)).id;
});
afterAll(async () => { await s.destroy(); });

describe('analysis on the live stream', () => {
  it('tells the workspace whose texts were analysed, and no other', async () => {
    const base = await s.listen(0, '127.0.0.1');
    const mine = readEventStream(`${base}/api/workspaces/${a.id}/stream`, await sessionHeaders(s, a.ownerEmail));
    const other = readEventStream(`${base}/api/workspaces/${b.id}/stream`, await sessionHeaders(s, b.ownerEmail));
    try {
      await new Promise((r) => setTimeout(r, 100));
      const res = await a.owner.post(`/api/workspaces/${a.id}/surveys/${sid}/responses/batch`, { responses: [{ answers: { nps: 2, comment: 'The courier was rude and the parcel was late' } }] });
      expect(res.statusCode, res.body).toBe(201);
      await textSettled(s);
      const fromText = await eventually(() => mine.events.find((e) => e.event === 'metrics' && (e.data as { source?: string }).source === 'text'), 10_000, 'a text metrics frame');
      expect(fromText).toBeTruthy();
      expect(other.events.filter((e) => e.event === 'metrics')).toEqual([]);
    } finally { mine.close(); other.close(); }
  });
});
