/**
 * Sentiment alert rules hear of analysed texts: texts are analysed after their responses arrived
 * (and after the arrivals were evaluated), and the 'text.analyzed' event has the rules evaluated
 * again, without waiting for the alert clock (5 minutes here).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { liveSurvey, startTestServer, textSettled, type Client, type TestServer } from './harness.js';
import { eventually } from './alert-receivers.js';

const BAD = ['The parcel arrived late and the box was broken.', '退款一直没到账，请尽快处理！', 'APP一直閃退，很失望。'];
let s: TestServer;
let w: { id: string; owner: Client };
let sid: string;

beforeAll(async () => {
  s = await startTestServer({}, { textSettleMs: 0 });
  w = await s.workspace();
  sid = (await liveSurvey(w.owner, w.id)).id;
});
afterAll(async () => { await s.destroy(); });

const alerts = async (ruleId: string) => (await w.owner.get(`/api/workspaces/${w.id}/alerts?ruleId=${ruleId}`)).json().items as { value: number; n: number }[];

describe('sentiment alerts', () => {
  it('are evaluated again when the texts are analysed', async () => {
    const rule = await w.owner.post(`/api/workspaces/${w.id}/alerts/rules`, { name: 'Unhappy today', metric: 'sentiment', kind: 'threshold', config: { operator: 'below', value: 0, windowDays: 1 }, minResponses: 3 });
    expect(rule.statusCode, rule.body).toBe(201);
    // The analysis is held back while the responses arrive and their evaluation runs (no texts yet).
    await s.text.stop();
    const res = await w.owner.post(`/api/workspaces/${w.id}/surveys/${sid}/responses/batch`, { responses: BAD.map((comment) => ({ answers: { nps: 2, comment } })) });
    expect(res.statusCode, res.body).toBe(201);
    await s.deps.outbox.drain();
    await new Promise((r) => setTimeout(r, 1_500));
    expect(await alerts(rule.json().id)).toEqual([]);

    await s.text.start();
    await textSettled(s);
    const [alert] = await eventually(async () => { const a = await alerts(rule.json().id); return a.length > 0 && a; }, 10_000, 'the sentiment alert');
    expect(alert.n).toBe(3);
    expect(alert.value).toBeLessThan(0);
  });
});
