/**
 * What a rule tells the world and what the inbox streams: a new case mails the rule's addresses and
 * calls its signed webhook (the outcome lands on the timeline), the workspace stream carries `cases`
 * frames, and a custom status of the waiting kind pauses the SLA clock like the built-in one.
 * Public and workspace endpoints of cases never answer 500 to bad input (fast-check, fixed seed).
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, liveSurvey, type Client, type TestServer } from './harness.js';
import { eventually, readEventStream, startSmtp, startWebhookReceiver } from './alert-receivers.js';

let s: TestServer;
let w: { id: string; owner: Client };
let smtp: Awaited<ReturnType<typeof startSmtp>>;
let hooks: Awaited<ReturnType<typeof startWebhookReceiver>>;
let publicId: string;
let url = '';

beforeAll(async () => {
  [smtp, hooks] = await Promise.all([startSmtp(), startWebhookReceiver()]);
  s = await startTestServer({ smtpUrl: smtp.url, textAnalysis: 'off', alertWebhookAllowPrivate: true }, { cases: { slaEveryMs: 3_600_000 } });
  url = await s.listen(0, '127.0.0.1');
  w = await s.workspace();
  publicId = (await liveSurvey(w.owner, w.id)).publicId;
}, 60_000);
afterAll(async () => { await s.destroy(); await smtp.close(); await hooks.close(); });

const base = () => `/api/workspaces/${w.id}/cases`;

describe('a new case', () => {
  it('mails the rule\'s addresses, calls its signed webhook and streams to open inboxes', async () => {
    hooks.secrets['/cases'] = 'a-webhook-secret-of-16+';
    const rule = await w.owner.post(`${base()}/rules`, { name: 'Angry', trigger: { match: 'all', conditions: [{ kind: 'score', metric: 'csat', op: 'lte', value: 2 }] }, actions: { priority: 'urgent', notifyEmails: ['lead@shop.example'], webhookUrl: `${hooks.base}/cases`, webhookSecret: hooks.secrets['/cases'] } });
    expect(rule.statusCode, rule.body).toBe(201);
    expect(JSON.stringify(rule.json())).not.toContain(hooks.secrets['/cases']);
    const login = await s.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: w.owner.email, password: 'correct horse battery' } });
    const stream = readEventStream(`${url}/api/workspaces/${w.id}/stream`, { cookie: login.cookies.map((c) => `${c.name}=${c.value}`).join('; ') });
    await new Promise((r) => setTimeout(r, 200));
    const res = await s.app.inject({ method: 'POST', url: `/api/public/surveys/${publicId}/responses`, payload: { idempotencyKey: `notify-${Date.now()}`, answers: { nps: 8, csat: 1 }, customerExternalId: 'angry-1' } });
    expect(res.statusCode).toBe(201);
    const mail = await eventually(() => smtp.inbox.find((m) => m.to.includes('lead@shop.example')), 10_000, 'the notification mail');
    expect(mail.subject).toMatch(/^New case #1 \(urgent\)/);
    const hook = await eventually(() => hooks.received.find((h) => h.path === '/cases'), 10_000, 'the webhook');
    expect(hook.signatureValid).toBe(true);
    expect(JSON.parse(hook.body)).toMatchObject({ event: 'case.opened', case: { number: 1, priority: 'urgent' } });
    const frame = await eventually(() => stream.events.find((e) => e.event === 'cases'), 10_000, 'a cases frame');
    expect(frame.data).toMatchObject({ kind: 'opened' });
    stream.close();
    const c = (await w.owner.get(base())).json().cases[0];
    const detail = await eventually(async () => { const d = (await w.owner.get(`${base()}/${c.id}`)).json(); return d.timeline.some((e: { kind: string }) => e.kind === 'notified') && d; }, 10_000, 'the notified event');
    expect(detail.timeline.find((e: { kind: string }) => e.kind === 'notified').data).toMatchObject({ emails: [{ to: 'lead@shop.example', ok: true }], webhook: { ok: true, status: 204 } });
  });

  it('pauses its SLA in a custom status of the waiting kind, and refuses an unknown status', async () => {
    const settings = (await w.owner.get(`${base()}/settings`)).json();
    const put = await w.owner.request({ method: 'PUT', url: `${base()}/settings`, payload: { statuses: [{ key: 'awaiting_parts', names: { en: 'Awaiting parts', 'zh-Hant': '等待零件', 'zh-Hans': '等待零件' }, category: 'waiting' }], resolutionCodes: settings.resolutionCodes, templates: settings.templates } });
    expect(put.statusCode, put.body).toBe(200);
    const c = (await w.owner.get(base())).json().cases[0];
    const bad = await w.owner.patch(`${base()}/${c.id}`, { version: c.version, status: 'lost_in_space' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].path).toBe('body.status');
    const waiting = await w.owner.patch(`${base()}/${c.id}`, { version: c.version, status: 'awaiting_parts' });
    expect(waiting.statusCode, waiting.body).toBe(200);
    expect(waiting.json()).toMatchObject({ status: 'awaiting_parts', category: 'waiting', sla: { paused: true } });
    expect((await w.owner.get(`${base()}?category=waiting`)).json().cases.map((x: { id: string }) => x.id)).toEqual([c.id]);
  });
});

describe('the inbox search', () => {
  it('finds cases by number, customer email and title words, taking % and _ literally', async () => {
    const a = (await w.owner.post(base(), { title: 'Refund 50% off_sale', customerEmail: 'Pat@Example.com', theme: 'price' })).json();
    const b = (await w.owner.post(base(), { title: 'Refund 50 dollars offXsale', theme: 'price' })).json();
    const q = async (text: string) => (await w.owner.get(`${base()}?category=new&category=open&category=waiting&q=${encodeURIComponent(text)}`)).json().cases.map((c: { id: string }) => c.id).sort();
    expect(await q('50%')).toEqual([a.id]);
    expect(await q('off_sale')).toEqual([a.id]);
    expect(await q('refund')).toEqual([a.id, b.id].sort());
    expect(await q(`#${b.number}`)).toEqual([b.id]);
    expect(await q('pat@example.com')).toEqual([a.id]);
  });
});

describe('loop numbers', () => {
  it('count the local days of the zone asked for', async () => {
    const localToday = (tz: string) => new Intl.DateTimeFormat('en-CA', { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
    for (const tz of ['Pacific/Kiritimati', 'Pacific/Pago_Pago', 'Asia/Taipei']) {
      const day = localToday(tz);
      const m = await w.owner.get(`${base()}/metrics?from=${day}&to=${day}&tz=${encodeURIComponent(tz)}`);
      expect(m.statusCode, m.body).toBe(200);
      expect(m.json().overall.opened, tz).toBeGreaterThanOrEqual(1);
    }
    // UTC+14 and UTC−11 are never on the same date: a day that is today in one holds nothing in the other.
    const kiri = localToday('Pacific/Kiritimati');
    expect((await w.owner.get(`${base()}/metrics?from=${kiri}&to=${kiri}&tz=Pacific%2FPago_Pago`)).json().overall.opened).toBe(0);
    const bad = await w.owner.get(`${base()}/metrics?from=${kiri}&to=${kiri}&tz=Mars%2FOlympus`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].path).toBe('querystring.tz');
  });
});

describe('a new customer', () => {
  it('answering twice at the same moment gets both answers stored (one respondent)', async () => {
    const send = (n: number) => s.app.inject({ method: 'POST', url: `/api/public/surveys/${publicId}/responses`, payload: { idempotencyKey: `twin-${n}-${Date.now()}`, answers: { nps: 9 }, customerExternalId: 'twin-customer' } });
    const answers = await Promise.all([send(1), send(2), send(3)]);
    expect(answers.map((r) => r.statusCode)).toEqual([201, 201, 201]);
    const respondents = await s.deps.db.selectFrom('respondents').select('id').where('workspace_id', '=', w.id).where('external_id', '=', 'twin-customer').execute();
    expect(respondents).toHaveLength(1);
  });
});

describe('bad input', () => {
  const SEED = { seed: 20261124, numRuns: 60 };
  it('never makes the inbound endpoint answer 500', async () => {
    const token = (await w.owner.get(`${base()}/settings`)).json().inboundUrl.split('/').pop();
    const bodies = fc.oneof(
      fc.uint8Array({ maxLength: 400 }).map((b) => Buffer.from(b)),
      fc.string({ maxLength: 300 }).map((x) => Buffer.from(x)),
      fc.tuple(fc.string({ maxLength: 40 }), fc.string({ maxLength: 80 })).map(([subject, body]) => Buffer.from(`From: x@example.com\r\nSubject: ${subject}\r\nIn-Reply-To: <case.${'a'.repeat(12)}.x@shop>\r\n\r\n${body}`)),
    );
    await fc.assert(fc.asyncProperty(bodies, async (payload) => {
      const res = await s.app.inject({ method: 'POST', url: `/api/public/cases/inbound/${token}`, headers: { 'content-type': 'message/rfc822' }, payload });
      expect([202, 400, 404, 413]).toContain(res.statusCode);
    }), SEED);
    const big = await s.app.inject({ method: 'POST', url: `/api/public/cases/inbound/${token}`, headers: { 'content-type': 'message/rfc822' }, payload: Buffer.alloc(11 * 1024 * 1024, 65) });
    expect(big.statusCode).toBe(413);
  });

  it('never makes a case change or the inbox query answer 500', async () => {
    const c = (await w.owner.get(base())).json().cases[0];
    const anything = fc.dictionary(fc.constantFrom('version', 'status', 'priority', 'ownerId', 'teamId', 'tags', 'rootCause', 'resolutionCode', 'title', 'resurvey', 'extra'), fc.oneof(fc.string({ maxLength: 30 }), fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.string({ maxLength: 10 }), { maxLength: 3 })));
    await fc.assert(fc.asyncProperty(anything, async (body) => {
      const res = await w.owner.patch(`${base()}/${c.id}`, body);
      expect([200, 400, 403, 404, 409]).toContain(res.statusCode);
    }), SEED);
    const queries = fc.dictionary(fc.constantFrom('category', 'priority', 'owner', 'sla', 'q', 'sort', 'limit', 'cursor', 'theme', 'tag', 'zzz'), fc.string({ maxLength: 20 }));
    await fc.assert(fc.asyncProperty(queries, async (q) => {
      const res = await w.owner.get(`${base()}?${new URLSearchParams(q)}`);
      expect([200, 400]).toContain(res.statusCode);
    }), SEED);
  });
});
