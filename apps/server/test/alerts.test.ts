/**
 * Metric alerts end to end on the real store: rules CRUD with validation and workspace isolation;
 * a threshold rule fed by the public submit and batch APIs fires once per cool-down; an anomaly
 * rule fires on a real shift and not on stable data (history seeded through the batch API's
 * submittedAt); each alert reaches a real SMTP server, a real webhook receiver (signature
 * checked) and the workspace's live stream; failed webhook deliveries are retried and recorded.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AlertEvent, AlertRule } from '@touchpoint/shared';
import { AlertsWorker, deliverDue } from '../src/modules/alerts/index.js';
import { liveSurvey, startTestServer, type TestServer } from './harness.js';
import { sessionHeaders } from './workspace-routes.js';
import { eventually, readEventStream, startSmtp, startWebhookReceiver } from './alert-receivers.js';

let s: TestServer;
let smtp: Awaited<ReturnType<typeof startSmtp>>;
let hooks: Awaited<ReturnType<typeof startWebhookReceiver>>;
let ws: Awaited<ReturnType<TestServer['workspace']>>;
let other: Awaited<ReturnType<TestServer['workspace']>>;
let key: string;
const surveys: Record<'a' | 'b' | 'c', { id: string; publicId: string }> = {} as never;
let n = 0;

beforeAll(async () => {
  smtp = await startSmtp();
  hooks = await startWebhookReceiver();
  // The webhook receiver listens on 127.0.0.1, which a default server refuses (alerts-webhooks.test.ts).
  s = await startTestServer({ smtpUrl: smtp.url, publicRateLimit: 1_000_000, alertWebhookAllowPrivate: true });
  ws = await s.workspace('Lotus 蓮花');
  other = await s.workspace('Other');
  for (const k of ['a', 'b', 'c'] as const) surveys[k] = await liveSurvey(ws.owner, ws.id);
  key = await s.apiKey(ws.id, ['responses:write']);
}, 60_000);
afterAll(async () => {
  await s.destroy();
  await smtp.close();
  await hooks.close();
});

const rulesUrl = (wid = ws.id) => `/api/workspaces/${wid}/alerts/rules`;
const createRule = async (body: Record<string, unknown>) => {
  const res = await ws.owner.post(rulesUrl(), body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as AlertRule;
};
const getRule = async (id: string) => (await ws.owner.get(`${rulesUrl()}/${id}`)).json() as AlertRule;
const alertsOf = async (ruleId: string) => (await ws.owner.get(`/api/workspaces/${ws.id}/alerts?ruleId=${ruleId}`)).json().items as AlertEvent[];
const submit = async (survey: { publicId: string }, nps: number) => {
  const res = await s.app.inject({ method: 'POST', url: `/api/public/surveys/${survey.publicId}/responses`, payload: { idempotencyKey: `alert-test-${n++}-${Date.now()}`, answers: { nps } } });
  expect(res.statusCode, res.body).toBe(201);
};
const batch = async (survey: { id: string }, items: { nps: number; at?: string }[]) => {
  const res = await s.app.inject({ method: 'POST', url: `/api/workspaces/${ws.id}/surveys/${survey.id}/responses/batch`, headers: { authorization: `Bearer ${key}` },
    payload: { responses: items.map((i) => ({ answers: { nps: i.nps }, ...(i.at ? { submittedAt: i.at } : {}) })) } });
  expect(res.statusCode, res.body).toBe(201);
};
const stamp = () => new Date().toISOString();
/** Waits for an evaluation of the rule that started after `since` (so it saw everything stored by then). */
const evaluated = (ruleId: string, since: string) =>
  eventually(async () => { const r = await getRule(ruleId); return !!r.lastEvaluatedAt && r.lastEvaluatedAt > since && r; }, 15_000, `evaluation of ${ruleId}`);
const THRESHOLD = { name: 'Checkout NPS below 0', metric: 'nps', kind: 'threshold', config: { operator: 'below', value: 0, windowDays: 1 }, minResponses: 5, cooldownMinutes: 60 };

describe('alert rules API', () => {
  it('creates, reads, changes and deletes a rule, keeping the webhook secret encrypted and unshown', async () => {
    const secret = 'rule-secret-0123456789';
    const rule = await createRule({ ...THRESHOLD, filters: { surveyId: surveys.a.id, channel: 'link' }, emailTo: ['Lead@Example.com'], webhookUrl: `${hooks.base}/crud`, webhookSecret: secret });
    expect(rule).toMatchObject({ metric: 'nps', kind: 'threshold', emailTo: ['lead@example.com'], webhookSecretSet: true, enabled: true, lastFiredAt: null });
    expect(JSON.stringify(rule)).not.toContain(secret);
    const stored = await s.deps.db.selectFrom('alert_rules').select('webhook_secret_enc').where('id', '=', rule.id).executeTakeFirstOrThrow();
    expect(stored.webhook_secret_enc).toMatch(/^v1\./);
    expect(stored.webhook_secret_enc).not.toContain(secret);
    expect((await ws.owner.get(rulesUrl())).json().items.map((r: AlertRule) => r.id)).toContain(rule.id);

    const changed = await ws.owner.patch(`${rulesUrl()}/${rule.id}`, { name: 'Renamed', enabled: false, config: { operator: 'above', value: 50, windowDays: 7 } });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ name: 'Renamed', enabled: false, config: { operator: 'above', value: 50, windowDays: 7 }, webhookSecretSet: true });
    const anomaly = await ws.owner.patch(`${rulesUrl()}/${rule.id}`, { kind: 'anomaly', config: { interval: 'week', periods: 12 } });
    expect(anomaly.json()).toMatchObject({ kind: 'anomaly', config: { interval: 'week', periods: 12, sigmas: 2 } });
    expect((await ws.owner.patch(`${rulesUrl()}/${rule.id}`, { webhookUrl: null })).json().webhookSecretSet).toBe(false);

    expect((await ws.owner.delete(`${rulesUrl()}/${rule.id}`)).statusCode).toBe(204);
    expect((await ws.owner.get(`${rulesUrl()}/${rule.id}`)).statusCode).toBe(404);
    const audit = await s.deps.db.selectFrom('audit_log').select(['action', 'details']).where('target_id', '=', rule.id).orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['alert_rule.created', 'alert_rule.updated', 'alert_rule.updated', 'alert_rule.updated', 'alert_rule.deleted']);
    expect(audit.map((a) => a.details).join()).not.toContain(secret);
  });

  it('answers 400 with field paths for invalid rules', async () => {
    const otherSurvey = await liveSurvey(other.owner, other.id);
    const cases: [Record<string, unknown>, string][] = [
      [{ ...THRESHOLD, name: '' }, 'body.name'],
      [{ ...THRESHOLD, config: { operator: 'below', value: 150 } }, 'body.config.value'],
      [{ ...THRESHOLD, config: { operator: 'sideways', value: 0 } }, 'body.config.operator'],
      [{ ...THRESHOLD, kind: 'anomaly', config: { periods: 2 } }, 'body.config.periods'],
      [{ ...THRESHOLD, emailTo: ['not-an-email'] }, 'body.emailTo[0]'],
      [{ ...THRESHOLD, webhookUrl: 'ftp://example.com/hook', webhookSecret: 'long-enough-secret' }, 'body.webhookUrl'],
      [{ ...THRESHOLD, webhookUrl: 'https://example.com/hook' }, 'body.webhookSecret'],
      [{ ...THRESHOLD, filters: { surveyId: otherSurvey.id } }, 'body.filters.surveyId'],
      [{ ...THRESHOLD, cooldownMinutes: 0 }, 'body.cooldownMinutes'],
    ];
    for (const [body, path] of cases) {
      const res = await ws.owner.post(rulesUrl(), body);
      expect(res.statusCode, path).toBe(400);
      expect(res.json().error.code).toBe('validation_failed');
      expect(res.json().error.details.map((d: { path: string }) => d.path.replace(/\.(\d+)/g, '[$1]')), JSON.stringify(body)).toContain(path);
    }
    const rule = await createRule(THRESHOLD);
    const bad = await ws.owner.patch(`${rulesUrl()}/${rule.id}`, { config: { operator: 'below', value: -500, windowDays: 7 } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details).toContainEqual(expect.objectContaining({ path: 'body.config.value' }));
  });

  it("keeps each workspace's rules and alerts to itself", async () => {
    const rule = await createRule({ ...THRESHOLD, name: 'Private rule' });
    const alert = (await ws.owner.post(`${rulesUrl()}/${rule.id}/test`, {})).json() as AlertEvent;
    const theirs = other.owner;
    for (const [method, url] of [['GET', `${rulesUrl(other.id)}/${rule.id}`], ['PATCH', `${rulesUrl(other.id)}/${rule.id}`], ['DELETE', `${rulesUrl(other.id)}/${rule.id}`],
      ['POST', `${rulesUrl(other.id)}/${rule.id}/test`], ['POST', `/api/workspaces/${other.id}/alerts/${alert.id}/acknowledge`], ['GET', `${rulesUrl()}/${rule.id}`]] as const) {
      const res = await theirs.request({ method, url, payload: method === 'PATCH' ? { name: 'stolen' } : method === 'POST' ? {} : undefined });
      expect(res.statusCode, `${method} ${url}`).toBe(404);
    }
    const lists = [(await theirs.get(rulesUrl(other.id))).body, (await theirs.get(`/api/workspaces/${other.id}/alerts`)).body];
    for (const body of lists) expect(body).not.toContain(rule.id);
    expect((await getRule(rule.id)).name).toBe('Private rule');
  });
});

describe('threshold alerts as responses arrive', () => {
  it('fires when submits push NPS below the threshold, once per cool-down, by email, webhook and live stream', async () => {
    const secret = 'threshold-secret-value-42';
    hooks.secrets['/threshold'] = secret;
    const base = await s.listen(0, '127.0.0.1');
    const stream = readEventStream(`${base}/api/workspaces/${ws.id}/stream`, await sessionHeaders(s, ws.ownerEmail));
    const rule = await createRule({ ...THRESHOLD, filters: { surveyId: surveys.a.id }, emailTo: ['cx-lead@example.com'], webhookUrl: `${hooks.base}/threshold`, webhookSecret: secret });

    for (let i = 0; i < 4; i++) await submit(surveys.a, 2);
    expect((await evaluated(rule.id, stamp())).lastResult).toMatchObject({ value: -100, n: 4 });
    expect(await alertsOf(rule.id)).toEqual([]); // 4 answers: below min_responses

    await submit(surveys.a, 1);
    const [fired] = await eventually(async () => { const a = await alertsOf(rule.id); return a.length > 0 && a; }, 15_000, 'the alert');
    expect(fired).toMatchObject({ value: -100, n: 5, test: false, expected: { kind: 'threshold', operator: 'below', value: 0 }, rule: { name: THRESHOLD.name, metric: 'nps' } });

    const mail = await eventually(() => smtp.inbox.find((m) => m.to.includes('cx-lead@example.com')), 15_000, 'the email');
    expect(mail.subject).toBe(`Touchpoint alert: ${THRESHOLD.name} — NPS −100 (n = 5)`);
    expect(mail.text).toContain('NPS is −100 (n = 5)');
    expect(mail.text).toContain('below the threshold of 0');
    expect(mail.text).toContain(`http://touchpoint.test/w/${ws.id}/dashboards`);
    expect(mail.text).toContain('低於門檻 0');
    expect(mail.html).toContain(`href="http://touchpoint.test/w/${ws.id}/dashboards"`);

    const hook = await eventually(() => hooks.received.find((h) => h.path === '/threshold'), 15_000, 'the webhook');
    expect(hook.signatureValid).toBe(true);
    expect(hook.headers['x-touchpoint-event']).toBe('alert.fired');
    expect(hook.headers['x-touchpoint-signature']).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(JSON.parse(hook.body)).toMatchObject({ event: 'alert.fired', id: fired.id, value: -100, n: 5, rule: { id: rule.id }, workspace: { id: ws.id, name: 'Lotus 蓮花' } });
    await eventually(async () => (await alertsOf(rule.id))[0].webhook.status === 'delivered' && (await alertsOf(rule.id))[0].email.status === 'delivered', 15_000, 'delivery recorded');
    await eventually(() => stream.events.some((e) => e.event === 'alert' && (e.data as AlertEvent).id === fired.id), 5_000, 'the live event');

    // Still below, inside the cool-down: no second alert (nor mail, nor webhook).
    await batch(surveys.a, Array.from({ length: 10 }, () => ({ nps: 0 })));
    expect((await evaluated(rule.id, stamp())).lastResult).toMatchObject({ value: -100, n: 15 });
    await submit(surveys.a, 3);
    await evaluated(rule.id, stamp());
    expect(await alertsOf(rule.id)).toHaveLength(1);
    expect(hooks.received.filter((h) => h.path === '/threshold')).toHaveLength(1);

    // The cool-down has passed (the last firing is moved back rather than waiting an hour): it fires again.
    await s.deps.db.updateTable('alert_rules').set({ last_fired_at: new Date(Date.now() - 61 * 60_000).toISOString() }).where('id', '=', rule.id).execute();
    await submit(surveys.a, 4);
    const again = await eventually(async () => { const a = await alertsOf(rule.id); return a.length === 2 && a; }, 15_000, 'the second alert');
    expect(again[0]).toMatchObject({ n: 17, value: -100 });
    stream.close();
  });

  it('does not fire a rule whose segment the responses are not in, nor a disabled one', async () => {
    const elsewhere = await createRule({ ...THRESHOLD, name: 'Survey B only', filters: { surveyId: surveys.b.id }, minResponses: 1 });
    const off = await createRule({ ...THRESHOLD, name: 'Disabled', enabled: false, minResponses: 1 });
    const everywhere = await createRule({ ...THRESHOLD, name: 'Any survey', minResponses: 1, cooldownMinutes: 600 });
    await submit(surveys.c, 0);
    await evaluated(everywhere.id, stamp());
    expect(await alertsOf(everywhere.id)).toHaveLength(1);
    expect(await alertsOf(elsewhere.id)).toEqual([]);
    expect(await alertsOf(off.id)).toEqual([]);
    expect((await getRule(off.id)).lastEvaluatedAt).toBeNull();
    for (const r of [elsewhere, off, everywhere]) await ws.owner.delete(`${rulesUrl()}/${r.id}`);
  });
});

describe('evaluation pace', () => {
  it('evaluates a single arrival within about a second, and a burst of 1,000 with a handful of evaluations', async () => {
    const rule = await createRule({ ...THRESHOLD, name: 'Pace', minResponses: 100_000 });
    const worker = new AlertsWorker(s.deps, { debounceMs: 300 });
    const since = stamp();
    worker.note(ws.id, surveys.a.id, 'link');
    await evaluated(rule.id, since);
    expect(Date.now() - Date.parse(since)).toBeLessThan(2_000);
    expect(worker.evaluations).toBe(1);
    let last = '';
    for (let i = 0; i < 1000; i++) {
      if (i === 999) last = stamp(); // the evaluation that sees the last arrival starts after this
      worker.note(ws.id, surveys.a.id, 'link');
      if (i % 100 === 99) await new Promise((r) => setTimeout(r, 60)); // arrivals spread over ~0.6 s
    }
    await evaluated(rule.id, last);
    expect(worker.evaluations).toBeGreaterThan(1);
    expect(worker.evaluations).toBeLessThanOrEqual(5);
    await worker.stop();
    await ws.owner.delete(`${rulesUrl()}/${rule.id}`);
  });
});

describe('anomaly alerts', () => {
  it('fires on a real shift against the last 7 days and stays quiet on stable data', async () => {
    // Seven past days of 20 answers each, NPS 25–45 (mean 35, sd ≈ 7): through the batch API's submittedAt.
    const today = new Date().toISOString().slice(0, 10);
    const diffs = [6, 8, 7, 5, 9, 6, 8];
    const day = (back: number) => new Date(Date.parse(`${today}T12:00:00Z`) - back * 86_400_000).toISOString();
    const dayOf = (p: number, d: number, at?: string) => [...Array(p).fill(10), ...Array(d).fill(2), ...Array(20 - p - d).fill(8)].map((nps) => ({ nps, at }));
    const [moving, steady] = [await liveSurvey(ws.owner, ws.id), await liveSurvey(ws.owner, ws.id)];
    for (const sv of [moving, steady]) await batch(sv, diffs.flatMap((diff, i) => dayOf(3 + diff, 3, day(7 - i))));
    const cfg = { metric: 'nps', kind: 'anomaly', config: { interval: 'day', periods: 7, sigmas: 2 }, minResponses: 10 };
    const shifted = await createRule({ ...cfg, name: 'Moving survey', filters: { surveyId: moving.id } });
    const stable = await createRule({ ...cfg, name: 'Steady survey', filters: { surveyId: steady.id } });

    const before = stamp();
    await batch(steady, dayOf(10, 3)); // today: NPS 35, as usual
    await batch(moving, dayOf(2, 14)); // today: NPS −60
    const [fired] = await eventually(async () => { const a = await alertsOf(shifted.id); return a.length > 0 && a; }, 15_000, 'the anomaly alert');
    expect(fired).toMatchObject({ value: -60, n: 20, window: { from: today, to: today, interval: 'day' } });
    expect(fired.expected).toMatchObject({ kind: 'anomaly', sigmas: 2 });
    const expected = fired.expected as Extract<AlertEvent['expected'], { kind: 'anomaly' }>;
    expect(expected.baseline).toHaveLength(7);
    expect(expected.mean).toBeCloseTo(35, 6);
    expect(expected.low).toBeGreaterThan(15);
    expect(expected.high).toBeLessThan(55);

    expect((await evaluated(stable.id, before)).lastResult).toMatchObject({ value: 35, n: 20 });
    expect(await alertsOf(stable.id)).toEqual([]);
  });
});

describe('delivery', () => {
  it('sends a test alert at once without starting the cool-down, and retries a failing webhook with its status recorded', async () => {
    hooks.secrets['/flaky'] = hooks.secrets['/down'] = 'delivery-secret-value';
    hooks.fail['/flaky'] = 2;
    hooks.fail['/down'] = Infinity;
    const flaky = await createRule({ ...THRESHOLD, name: 'Flaky receiver', emailTo: ['ops@example.com'], webhookUrl: `${hooks.base}/flaky`, webhookSecret: 'delivery-secret-value' });
    const sent = await ws.owner.post(`${rulesUrl()}/${flaky.id}/test`, {});
    expect(sent.statusCode, sent.body).toBe(201);
    expect(sent.json()).toMatchObject({ test: true, email: { status: 'delivered', attempts: 1 }, webhook: { status: 'retrying', attempts: 1 }, lastError: 'webhook: HTTP 500' });
    expect((await getRule(flaky.id)).lastFiredAt).toBeNull();
    expect((await eventually(() => smtp.inbox.find((m) => m.to.includes('ops@example.com')))).subject).toMatch(/^\[Test\] Touchpoint alert: Flaky receiver — NPS/);

    // Later attempts: deliverDue is told it is an hour later each time instead of the test waiting out the back-off.
    const statusOf = async (id: string) => (await alertsOf(id))[0];
    let clock = Date.now();
    const later = () => deliverDue(s.deps, (clock += 3_600_000));
    await eventually(async () => { await later(); return (await statusOf(flaky.id)).webhook.status === 'delivered'; }, 15_000, 'the flaky webhook');
    expect((await statusOf(flaky.id)).webhook).toEqual({ status: 'delivered', attempts: 3 });
    expect(hooks.received.filter((h) => h.path === '/flaky').map((h) => [h.answered, h.signatureValid])).toEqual([[500, true], [500, true], [204, true]]);

    const down = await createRule({ ...THRESHOLD, name: 'Dead receiver', webhookUrl: `${hooks.base}/down`, webhookSecret: 'delivery-secret-value' });
    await ws.owner.post(`${rulesUrl()}/${down.id}/test`, {});
    await eventually(async () => { await later(); return (await statusOf(down.id)).webhook.status === 'failed'; }, 15_000, 'giving up');
    expect(await statusOf(down.id)).toMatchObject({ webhook: { status: 'failed', attempts: 6 }, email: { status: 'none' }, lastError: 'webhook: HTTP 503' });
    expect(hooks.received.filter((h) => h.path === '/down')).toHaveLength(6);
    const row = await s.deps.db.selectFrom('alert_events').select('next_attempt_at').where('rule_id', '=', down.id).executeTakeFirstOrThrow();
    expect(row.next_attempt_at).toBeNull();
  });

  it('lists alerts newest first with paging, and acknowledges one (idempotently)', async () => {
    const rule = await createRule({ ...THRESHOLD, name: 'Paging' });
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.unshift((await ws.owner.post(`${rulesUrl()}/${rule.id}/test`, {})).json().id);
    const page1 = (await ws.owner.get(`/api/workspaces/${ws.id}/alerts?ruleId=${rule.id}&limit=2`)).json();
    expect(page1.items.map((a: AlertEvent) => a.id)).toEqual(ids.slice(0, 2));
    const page2 = (await ws.owner.get(`/api/workspaces/${ws.id}/alerts?ruleId=${rule.id}&limit=2&before=${page1.next}`)).json();
    expect(page2).toEqual({ items: [expect.objectContaining({ id: ids[2] })], next: null });

    const ack = await ws.owner.post(`/api/workspaces/${ws.id}/alerts/${ids[0]}/acknowledge`, {});
    expect(ack.json()).toMatchObject({ id: ids[0], acknowledgedBy: ws.ownerEmail });
    const again = await ws.owner.post(`/api/workspaces/${ws.id}/alerts/${ids[0]}/acknowledge`, {});
    expect(again.json().acknowledgedAt).toBe(ack.json().acknowledgedAt);
    const open = (await ws.owner.get(`/api/workspaces/${ws.id}/alerts?ruleId=${rule.id}&state=open`)).json().items.map((a: AlertEvent) => a.id);
    expect(open).toEqual(ids.slice(1));
    expect((await ws.owner.get(`/api/workspaces/${ws.id}/alerts?limit=0`)).json().error.details[0].path).toBe('querystring.limit');
  });
});
