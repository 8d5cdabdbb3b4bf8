/**
 * The live numbers planning records read (gap analyses, SMART goals, initiatives' actual change),
 * on the real store: survey metrics from stored answers, customer metrics from orders, loop metrics
 * from cases; each workspace reads only its own.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIVE_METRICS } from '@touchpoint/shared';
import { readLiveMetric } from '../src/modules/strategy/index.js';
import { liveSurvey, startTestServer, type TestServer } from './harness.js';

let s: TestServer;
let ws: Awaited<ReturnType<TestServer['workspace']>>;
let other: Awaited<ReturnType<TestServer['workspace']>>;
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const range = { from: day(-30), to: day(0) };

beforeAll(async () => {
  s = await startTestServer();
  ws = await s.workspace('Live 即時');
  other = await s.workspace('Other');
  const survey = await liveSurvey(ws.owner, ws.id);
  const at = new Date(Date.now() - 10 * 86_400_000).toISOString();
  const answers = [{ nps: 10, csat: 5, ces: 6 }, { nps: 9, csat: 4, ces: 5 }, { nps: 3, csat: 2, ces: 2 }, { nps: 8 }];
  const res = await ws.owner.post(`/api/workspaces/${ws.id}/surveys/${survey.id}/responses/batch`, { responses: answers.map((a) => ({ answers: a, submittedAt: at })) });
  expect(res.statusCode, res.body).toBe(201);
  const order = (userId: string, orderId: string, revenue: number) => ({ type: 'order', userId, orderId, revenue, currency: 'USD', timestamp: at });
  const ev = await ws.owner.post(`/api/workspaces/${ws.id}/events?wait=true`, { events: [order('u1', 'o1', 30), order('u1', 'o2', 20), order('u2', 'o3', 50)] });
  expect(ev.statusCode, ev.body).toBeLessThan(300);
  const made = await ws.owner.post(`/api/workspaces/${ws.id}/cases`, { title: 'Phone complaint', customerEmail: 'caller@example.org', priority: 'high' });
  expect(made.statusCode, made.body).toBe(201);
}, 60_000);
afterAll(async () => { await s.destroy(); });

describe('readLiveMetric', () => {
  it('reads survey metrics from the stored answers', async () => {
    const nps = await readLiveMetric(s.deps, ws.id, 'nps', range);
    expect(nps).toMatchObject({ metric: 'nps', value: 25, n: 4, unit: 'score' });
    const csat = await readLiveMetric(s.deps, ws.id, 'csat', range);
    expect(csat.value).toBeCloseTo(200 / 3, 6);
    expect(csat.n).toBe(3);
    expect((await readLiveMetric(s.deps, ws.id, 'ces', range)).value).toBeCloseTo(13 / 3, 6);
    expect((await readLiveMetric(s.deps, ws.id, 'responses', range)).value).toBe(4);
  });

  it('reads customer metrics from orders, in their currency', async () => {
    const revenue = await readLiveMetric(s.deps, ws.id, 'revenue', range);
    expect(revenue).toMatchObject({ value: 100, unit: 'money', currency: 'USD' });
    const repeat = await readLiveMetric(s.deps, ws.id, 'repeat_rate', range);
    expect(repeat.value).toBe(50); // u1 ordered twice, u2 once
  });

  it('reads loop metrics from cases', async () => {
    const closure = await readLiveMetric(s.deps, ws.id, 'case_closure', range);
    expect(closure).toMatchObject({ value: 0, n: 1, unit: 'percent' });
  });

  it('answers every metric, and nothing of another workspace', async () => {
    for (const metric of LIVE_METRICS) {
      const v = await readLiveMetric(s.deps, other.id, metric, range);
      expect(v.metric).toBe(metric);
      if (['responses', 'revenue', 'active_customers'].includes(metric)) expect(v.value ?? 0).toBe(0);
      else expect(v.value, metric).toBeNull();
    }
  });
});
