/**
 * Alerts on responses *not* arriving, on the real store: the alerts worker's clock (every 200 ms
 * here, 5 minutes by default) evaluates response-count rules with no response stored at all. A
 * "fewer than N yesterday" rule fires once per closed day and respects its cool-down; a day with
 * enough answers stays quiet; an anomaly rule notices a drop in daily volume; other rules are left
 * to arrivals; clock and arrivals share one evaluation window, and the clock stops with the worker.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AlertEvent, AlertRule } from '@touchpoint/shared';
import { AlertsWorker } from '../src/modules/alerts/index.js';
import { liveSurvey, startTestServer, type TestServer } from './harness.js';
import { sessionHeaders } from './workspace-routes.js';
import { eventually, readEventStream, startSmtp } from './alert-receivers.js';

let s: TestServer;
let smtp: Awaited<ReturnType<typeof startSmtp>>;
let ws: Awaited<ReturnType<TestServer['workspace']>>;
let key: string;

beforeAll(async () => {
  smtp = await startSmtp();
  s = await startTestServer({ smtpUrl: smtp.url, alertEvaluateEveryMs: 200 });
  ws = await s.workspace('Quiet Shop');
  key = await s.apiKey(ws.id, ['responses:write']);
}, 60_000);
afterAll(async () => {
  await s.destroy();
  await smtp.close();
});

const url = (rest = '') => `/api/workspaces/${ws.id}/alerts/rules${rest}`;
const createRule = async (body: Record<string, unknown>) => {
  const res = await ws.owner.post(url(), body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as AlertRule;
};
const getRule = async (id: string) => (await ws.owner.get(url(`/${id}`))).json() as AlertRule;
const alertsOf = async (ruleId: string) => (await ws.owner.get(`/api/workspaces/${ws.id}/alerts?ruleId=${ruleId}`)).json().items as AlertEvent[];
const stamp = () => new Date().toISOString();
const evaluated = (ruleId: string, since: string) =>
  eventually(async () => { const r = await getRule(ruleId); return !!r.lastEvaluatedAt && r.lastEvaluatedAt > since && r; }, 10_000, `evaluation of ${ruleId}`);
/** Two clock evaluations after now: whatever the clock would do, it has done. */
const twoTicks = async (ruleId: string) => evaluated(ruleId, (await evaluated(ruleId, stamp())).lastEvaluatedAt!);
const setLastFired = (ruleId: string, at: Date) => s.deps.db.updateTable('alert_rules').set({ last_fired_at: at.toISOString() }).where('id', '=', ruleId).execute();
const daysAgo = (n: number) => new Date(Date.parse(`${stamp().slice(0, 10)}T12:00:00Z`) - n * 86_400_000).toISOString();
const batch = async (survey: { id: string }, items: { at: string }[]) => {
  const res = await s.app.inject({ method: 'POST', url: `/api/workspaces/${ws.id}/surveys/${survey.id}/responses/batch`, headers: { authorization: `Bearer ${key}` },
    payload: { responses: items.map((i) => ({ answers: { nps: 8 }, submittedAt: i.at })) } });
  expect(res.statusCode, res.body).toBe(201);
};
const COUNT_BELOW = { metric: 'responses', kind: 'threshold', config: { operator: 'below', value: 1, windowDays: 1 }, cooldownMinutes: 60 };

describe('the alerts clock', () => {
  it('fires "fewer than 1 response yesterday" with no response arriving at all, once per closed day and cool-down', async () => {
    const quiet = await liveSurvey(ws.owner, ws.id);
    const stream = readEventStream(`${await s.listen(0, '127.0.0.1')}/api/workspaces/${ws.id}/stream`, await sessionHeaders(s, ws.ownerEmail));
    const rule = await createRule({ ...COUNT_BELOW, name: 'No answers yesterday', filters: { surveyId: quiet.id }, emailTo: ['volume@example.com'] });
    const [fired] = await eventually(async () => { const a = await alertsOf(rule.id); return a.length > 0 && a; }, 10_000, 'the alert');
    const yesterday = new Date(Date.parse(fired.firedAt) - 86_400_000).toISOString().slice(0, 10); // the workspace's time zone is UTC
    expect(fired).toMatchObject({ value: 0, n: 0, test: false, window: { from: yesterday, to: yesterday, interval: 'total', complete: true }, expected: { kind: 'threshold', operator: 'below', value: 1 } });
    expect(await s.deps.db.selectFrom('responses').select('id').where('workspace_id', '=', ws.id).execute()).toEqual([]);
    const mail = await eventually(() => smtp.inbox.find((m) => m.to.includes('volume@example.com')), 10_000, 'the email');
    expect(mail.subject).toBe('Touchpoint alert: No answers yesterday — Responses 0 (n = 0)');
    expect(mail.text).toContain(`Responses is 0 (n = 0) for ${yesterday} (a whole day), below the threshold of 1.`);
    await eventually(() => stream.events.some((e) => e.event === 'alert' && (e.data as AlertEvent).id === fired.id), 5_000, 'the live event');
    stream.close();

    // Inside the cool-down, and later the same day (the day it judged is reported): quiet.
    await twoTicks(rule.id);
    const startOfToday = Date.parse(`${stamp().slice(0, 10)}T00:00:00Z`);
    await setLastFired(rule.id, new Date(Math.max(Date.now() - 61 * 60_000, startOfToday + 1000)));
    expect((await twoTicks(rule.id)).lastResult).toMatchObject({ value: 0, n: 0, from: yesterday, to: yesterday, complete: true });
    expect(await alertsOf(rule.id)).toHaveLength(1);

    // Last fired before today and longer ago than the cool-down: the next tick fires again.
    await setLastFired(rule.id, new Date(Date.now() - 25 * 3_600_000));
    await eventually(async () => (await alertsOf(rule.id)).length === 2, 10_000, 'the second alert');
    await twoTicks(rule.id);
    expect(await alertsOf(rule.id)).toHaveLength(2);
  });

  it('keeps a cool-down longer than a day', async () => {
    const quiet = await liveSurvey(ws.owner, ws.id);
    // Created off, so no tick fires it before it is marked as fired two days ago.
    const rule = await createRule({ ...COUNT_BELOW, name: 'Monthly at most', filters: { surveyId: quiet.id }, cooldownMinutes: 43_200, enabled: false });
    await setLastFired(rule.id, new Date(Date.now() - 2 * 86_400_000));
    expect((await ws.owner.patch(url(`/${rule.id}`), { enabled: true })).statusCode).toBe(200);
    expect((await twoTicks(rule.id)).lastResult).toMatchObject({ value: 0, complete: true });
    expect(await alertsOf(rule.id)).toEqual([]);
  });

  it('stays quiet when yesterday had enough answers, and leaves other rules to arrivals', async () => {
    const [busy, idle] = [await liveSurvey(ws.owner, ws.id), await liveSurvey(ws.owner, ws.id)];
    await batch(busy, Array.from({ length: 5 }, () => ({ at: daysAgo(1) })));
    const count = await createRule({ ...COUNT_BELOW, name: 'Fewer than 3 yesterday', config: { operator: 'below', value: 3, windowDays: 1 }, filters: { surveyId: busy.id } });
    // On a survey nothing arrives for: only the clock could evaluate these, and it must not.
    const nps = await createRule({ name: 'NPS below 0', metric: 'nps', kind: 'threshold', config: { operator: 'below', value: 0, windowDays: 7 }, minResponses: 1, filters: { surveyId: idle.id } });
    const above = await createRule({ ...COUNT_BELOW, name: 'Surge', config: { operator: 'above', value: 1000, windowDays: 1 }, filters: { surveyId: idle.id } });
    expect((await twoTicks(count.id)).lastResult).toMatchObject({ value: 5, n: 5, complete: true });
    expect(await alertsOf(count.id)).toEqual([]);
    for (const r of [nps, above]) expect((await getRule(r.id)).lastEvaluatedAt, r.name).toBeNull();
    for (const r of [count, nps, above]) await ws.owner.delete(url(`/${r.id}`));
  });

  it('notices a drop in daily volume against the days before (anomaly), and not steady volume', async () => {
    const [dropping, steady] = [await liveSurvey(ws.owner, ws.id), await liveSurvey(ws.owner, ws.id)];
    const days = (from: number, to: number) => Array.from({ length: from - to + 1 }, (_, i) => Array.from({ length: 20 }, () => ({ at: daysAgo(from - i) }))).flat();
    await batch(dropping, days(8, 2)); // 20 a day, then none yesterday
    await batch(steady, days(8, 1)); // 20 a day, yesterday too
    const cfg = { metric: 'responses', kind: 'anomaly', config: { interval: 'day', periods: 7, sigmas: 2 }, cooldownMinutes: 60 };
    const drop = await createRule({ ...cfg, name: 'Volume drop', filters: { surveyId: dropping.id } });
    const calm = await createRule({ ...cfg, name: 'Steady volume', filters: { surveyId: steady.id } });
    const [fired] = await eventually(async () => { const a = await alertsOf(drop.id); return a.length > 0 && a; }, 10_000, 'the drop alert');
    const yesterday = daysAgo(1).slice(0, 10);
    expect(fired).toMatchObject({ value: 0, n: 0, window: { from: yesterday, to: yesterday, interval: 'day', complete: true }, expected: { kind: 'anomaly', mean: 20, low: 18 } });
    expect((fired.expected as { baseline: unknown[] }).baseline).toHaveLength(7);
    await twoTicks(calm.id);
    expect(await alertsOf(calm.id)).toEqual([]);
  });

  it('joins the arrivals\' window of a workspace (one evaluation), and stops with the worker', async () => {
    const survey = await liveSurvey(ws.owner, ws.id);
    const rule = await createRule({ ...COUNT_BELOW, name: 'Shared window', filters: { surveyId: survey.id }, cooldownMinutes: 43_200 });
    const worker = new AlertsWorker(s.deps, { debounceMs: 300, clockEveryMs: 3_600_000 });
    const since = stamp();
    worker.note(ws.id, survey.id, 'link');
    await worker.tick();
    await evaluated(rule.id, since);
    await eventually(() => worker.evaluations > 0, 5_000, 'the shared evaluation');
    await new Promise((r) => setTimeout(r, 600));
    expect(worker.evaluations).toBe(1);
    await worker.stop();

    const ticking = new AlertsWorker(s.deps, { debounceMs: 10, clockEveryMs: 50 });
    ticking.start();
    await eventually(() => ticking.evaluations >= 2, 5_000, 'clock evaluations');
    await ticking.stop();
    const done = ticking.evaluations;
    await new Promise((r) => setTimeout(r, 300));
    await ticking.tick();
    expect(ticking.evaluations).toBe(done);
  });
});
