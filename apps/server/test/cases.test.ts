/**
 * Closed-loop cases through the API, on a real store and a real SMTP server: a rule opens a case
 * from a detractor, duplicates merge (one open case per customer per theme), the Chinese-speaking
 * agent gets the Chinese customer, closing needs a root cause, a reply goes out by SMTP and the
 * customer's raw MIME answer comes back into the case, SLA clocks warn and breach, the re-survey
 * decides recovery, and no workspace sees another's cases.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { liveSurvey, PASSWORD, startTestServer, type Client, type TestServer } from './harness.js';
import { eventually } from './alert-receivers.js';

let s: TestServer;
let w: { id: string; owner: Client };
let survey: { id: string; publicId: string };
let smtp: SMTPServer;
const sent: string[] = [];
let zhAgent: Client, enAgent: Client;

beforeAll(async () => {
  smtp = new SMTPServer({
    secure: false, authOptional: true, disabledCommands: ['STARTTLS'], logger: false,
    onData(stream, _session, done) { const c: Buffer[] = []; stream.on('data', (b: Buffer) => c.push(b)); stream.on('end', () => { sent.push(Buffer.concat(c).toString('utf8')); done(); }); },
  });
  await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', () => r()));
  s = await startTestServer({ smtpUrl: `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`, textAnalysis: 'off', mailFrom: 'Support <support@shop.example>' }, { cases: { slaEveryMs: 3_600_000 } });
  w = await s.workspace();
  survey = await liveSurvey(w.owner, w.id);
  enAgent = await agent('en-agent@shop.example');
  zhAgent = await agent('zh-agent@shop.example');
}, 60_000);
afterAll(async () => { await s.destroy(); await new Promise<void>((r) => smtp.close(() => r())); });

const base = () => `/api/workspaces/${w.id}/cases`;

/** A member with the agent role, invited through the real SMTP server (the harness reads the file mailer). */
async function agent(email: string): Promise<Client> {
  const before = sent.length;
  const inv = await w.owner.post(`/api/workspaces/${w.id}/invitations`, { email, role: 'agent' });
  expect(inv.statusCode, inv.body).toBe(201);
  const mail = await eventually(async () => sent.length > before && sent[sent.length - 1], 5000, 'the invitation');
  const token = /\/invite\/(inv_[A-Za-z0-9_-]+)/.exec(mail.replace(/=\r?\n/g, ''))![1];
  const acc = await s.app.inject({ method: 'POST', url: '/api/auth/accept-invitation', payload: { token, name: email.split('@')[0], password: PASSWORD } });
  expect(acc.statusCode, acc.body).toBe(200);
  return s.login(email, PASSWORD);
}
let keyN = 0;
const submit = (answers: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  s.app.inject({ method: 'POST', url: `/api/public/surveys/${survey.publicId}/responses`, payload: { idempotencyKey: `case-test-${++keyN}-${Date.now()}`, answers, ...extra } });
const drain = async () => { for (let i = 0; i < 3; i++) await s.deps.outbox.drain(); };
const cases = async (q = '') => (await w.owner.get(`${base()}${q}`)).json();

/** Invites an address and answers through the invitation, so the case knows the customer's email. */
async function answerAsInvited(email: string, answers: Record<string, unknown>, language = 'en', surveyRef = survey) {
  const before = sent.length;
  const inv = await w.owner.post(`/api/workspaces/${w.id}/surveys/${surveyRef.id}/invitations`, { recipients: [{ email, language }] });
  expect(inv.statusCode, inv.body).toBe(200);
  const mail = await eventually(async () => sent.length > before && sent[sent.length - 1], 5000, 'the invitation');
  const token = /[?&]t=(sv_[A-Za-z0-9_-]+)/.exec(mail.replace(/=\r?\n/g, '').replace(/=3D/g, '='))![1];
  const res = await s.app.inject({ method: 'POST', url: `/api/public/surveys/${surveyRef.publicId}/responses`, payload: { idempotencyKey: `inv-${++keyN}-${Date.now()}`, answers, inviteToken: token, language } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

describe('rules open cases', () => {
  let ruleId: string;
  it('validates a rule with field paths and stores a good one', async () => {
    const bad = await w.owner.post(`${base()}/rules`, { name: 'x', trigger: { match: 'all', conditions: [{ kind: 'score', metric: 'nps', op: 'lte', value: 11 }] } });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json().error.details)).toContain('body.trigger.conditions[0].value');
    const team = await w.owner.post(`${base()}/teams`, { name: 'Support', timeZone: 'Asia/Taipei', hours: [[], [{ from: '09:00', to: '18:00' }], [{ from: '09:00', to: '18:00' }], [{ from: '09:00', to: '18:00' }], [{ from: '09:00', to: '18:00' }], [{ from: '09:00', to: '18:00' }], []], assignment: 'least_loaded', leadUserId: w.owner.userId });
    expect(team.statusCode, team.body).toBe(201);
    for (const [agent, languages] of [[enAgent, ['en']], [zhAgent, ['zh-Hant', 'zh-Hans']]] as const) {
      const a = await w.owner.request({ method: 'PUT', url: `${base()}/agents/${agent.userId}`, payload: { teamId: team.json().id, languages, capacity: 5 } });
      expect(a.statusCode, a.body).toBe(200);
    }
    // The owner is an agent too (owners may work cases) but away: not assigned.
    expect((await w.owner.request({ method: 'PUT', url: `${base()}/agents/me/availability`, payload: { availability: 'away' } })).statusCode).toBe(200);
    const rule = await w.owner.post(`${base()}/rules`, { name: 'Detractors', trigger: { match: 'any', conditions: [{ kind: 'score', metric: 'nps', op: 'lte', value: 6 }, { kind: 'score', metric: 'csat', op: 'lte', value: 2 }] }, actions: { priority: 'high', teamId: team.json().id, tags: ['detractor'] } });
    expect(rule.statusCode, rule.body).toBe(201);
    ruleId = rule.json().id;
  });

  it('opens one case per customer per theme and assigns it by language', async () => {
    await submit({ nps: 9 }, { customerExternalId: 'happy-1' });
    await submit({ nps: 3 }, { customerExternalId: 'cust-zh', language: 'zh-Hant' });
    await submit({ nps: 2 }, { customerExternalId: 'cust-zh', language: 'zh-Hant' });
    await submit({ nps: 1 }, { customerExternalId: 'cust-en', language: 'en' });
    await drain();
    const list = await eventually(async () => { const l = await cases(); return l.cases.length >= 2 && l; }, 5000, 'two cases');
    expect(list.cases).toHaveLength(2);
    const zh = list.cases.find((c: { customer: { key: string } }) => c.customer.key === 'x:cust-zh');
    const en = list.cases.find((c: { customer: { key: string } }) => c.customer.key === 'x:cust-en');
    expect(zh).toMatchObject({ ownerId: zhAgent.userId, priority: 'high', category: 'new', theme: 'general', tags: ['detractor'], language: 'zh-Hant' });
    expect(en.ownerId).toBe(enAgent.userId);
    const detail = (await w.owner.get(`${base()}/${zh.id}`)).json();
    expect(detail.responses).toHaveLength(2);
    expect(detail.timeline.map((e: { kind: string }) => e.kind)).toEqual(['created', 'assigned', 'linked']);
    expect(detail.sla.firstResponseDueAt).not.toBeNull();
    const rule = (await w.owner.get(`${base()}/rules`)).json().find((r: { id: string }) => r.id === ruleId);
    expect(rule.matches).toBe(2);
  });

  it('judges a redelivered answer once', async () => {
    const id = (await submit({ nps: 0 }, { customerExternalId: 'cust-redo' })).json().id;
    await eventually(async () => (await cases()).cases.some((c: { customer: { key: string } }) => c.customer.key === 'x:cust-redo'), 5000, 'the case');
    const { judgeResponses } = await import('../src/modules/cases/case-opening.service.js');
    const again = await judgeResponses(s.deps, w.id, [id], { awaitText: false });
    expect(again).toEqual({ judged: 0, opened: [], linked: [] });
    expect((await cases()).cases.filter((c: { customer: { key: string } }) => c.customer.key === 'x:cust-redo')).toHaveLength(1);
  });

  it('dry-runs a rule over the last 30 days', async () => {
    const r = await w.owner.post(`${base()}/rules/dry-run`, { name: 'probe', trigger: { match: 'all', conditions: [{ kind: 'score', metric: 'nps', op: 'lte', value: 6 }] } });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ days: 30, matched: 4, cases: 3, byTheme: [{ theme: 'general', cases: 3 }] });
    expect(r.json().scanned).toBeGreaterThanOrEqual(5);
  });
});

describe('working a case', () => {
  it('needs a root cause and a resolution code to close, and refuses a stale version', async () => {
    const c = (await cases()).cases.find((x: { customer: { key: string } }) => x.customer.key === 'x:cust-en');
    const stale = await enAgent.patch(`${base()}/${c.id}`, { version: c.version + 5, priority: 'low' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('case_changed');
    const bad = await enAgent.patch(`${base()}/${c.id}`, { version: c.version, status: 'closed' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.map((d: { path: string }) => d.path).sort()).toEqual(['body.resolutionCode', 'body.rootCause']);
    const closed = await enAgent.patch(`${base()}/${c.id}`, { version: c.version, status: 'closed', rootCause: 'general', resolutionCode: 'explained' });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({ category: 'closed', rootCause: 'general', resolutionCode: 'explained' });
    // The customer is unhappy again: a new case opens (the closed one no longer holds the key) …
    await submit({ nps: 4 }, { customerExternalId: 'cust-en' });
    await drain();
    const again = await eventually(async () => { const l = (await cases()).cases.filter((x: { customer: { key: string } }) => x.customer.key === 'x:cust-en'); return l.length === 2 && l; }, 5000, 'the second case');
    // … so reopening the first conflicts with it.
    const fresh = (await w.owner.get(`${base()}/${c.id}`)).json();
    const reopen = await enAgent.patch(`${base()}/${c.id}`, { version: fresh.version, status: 'open' });
    expect(reopen.statusCode).toBe(409);
    expect(reopen.json().error).toMatchObject({ code: 'open_case_exists', details: { caseId: again.find((x: { id: string }) => x.id !== c.id).id } });
  });

  it('emails the customer through SMTP and takes the raw MIME reply back into the case', async () => {
    await answerAsInvited('mei@example.tw', { nps: 2 }, 'zh-Hant');
    await drain();
    const c = await eventually(async () => (await cases()).cases.find((x: { customer: { email: string | null } }) => x.customer.email === 'mei@example.tw'), 5000, 'the case of the invited customer');
    expect(c.ownerId).toBe(zhAgent.userId);
    const before = sent.length;
    const reply = await zhAgent.post(`${base()}/${c.id}/replies`, { body: '陳小姐您好，很抱歉造成您的不便。我們會在明天下午三點前為您退款。' });
    expect(reply.statusCode, reply.body).toBe(201);
    expect(reply.json().data.status).toBe('sent');
    const raw = await eventually(async () => sent.length > before && sent[sent.length - 1], 5000, 'the reply mail');
    const messageId = /^Message-ID:\s*(<[^>]+>)/im.exec(raw)![1];
    const replyTo = /^Reply-To:\s*(\S+)/im.exec(raw)![1];
    expect(replyTo).toMatch(/^support\+c-[a-z0-9]+@shop\.example$/);
    expect(raw).toMatch(new RegExp(`Subject: .*\\[#${c.number}\\]|=\\?UTF-8`, 'i'));
    let detail = (await w.owner.get(`${base()}/${c.id}`)).json();
    expect(detail).toMatchObject({ category: 'waiting', sla: { paused: true } });
    expect(detail.firstRespondedAt).not.toBeNull();

    const settings = (await w.owner.get(`${base()}/settings`)).json();
    const token = settings.inboundUrl.split('/').pop();
    const mime = [`From: Mei <mei@example.tw>`, `To: ${replyTo}`, `Subject: Re: refund [#${c.number}]`, `Message-ID: <answer-1@example.tw>`, `In-Reply-To: ${messageId}`, 'MIME-Version: 1.0', 'Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: 8bit', '', '好的，謝謝，我等你們的退款。', '', `在 2026年11月24日 寫道：`, '> 陳小姐您好', ''].join('\r\n');
    const inbound = await s.app.inject({ method: 'POST', url: `/api/public/cases/inbound/${token}`, headers: { 'content-type': 'message/rfc822' }, payload: mime });
    expect(inbound.statusCode, inbound.body).toBe(202);
    expect(inbound.json()).toMatchObject({ caseId: c.id, stored: true });
    // The same message again is stored once.
    const twice = await s.app.inject({ method: 'POST', url: `/api/public/cases/inbound/${token}`, headers: { 'content-type': 'message/rfc822' }, payload: mime });
    expect(twice.json()).toMatchObject({ caseId: c.id, stored: false });
    detail = (await w.owner.get(`${base()}/${c.id}`)).json();
    const inbox = detail.timeline.filter((e: { kind: string }) => e.kind === 'email_in');
    expect(inbox).toHaveLength(1);
    expect(inbox[0].data.body).toBe('好的，謝謝，我等你們的退款。');
    expect(detail).toMatchObject({ category: 'open', sla: { paused: false } });

    // Unknown secret: 404; a message matching no case: 404, nothing stored.
    expect((await s.app.inject({ method: 'POST', url: '/api/public/cases/inbound/in_nope_nope_nope', headers: { 'content-type': 'message/rfc822' }, payload: mime })).statusCode).toBe(404);
    const stray = mime.replace(`To: ${replyTo}`, 'To: support@shop.example').replace(`In-Reply-To: ${messageId}`, 'X-Nothing: 1').replace(`[#${c.number}]`, '').replace('answer-1', 'answer-2');
    expect((await s.app.inject({ method: 'POST', url: `/api/public/cases/inbound/${token}`, headers: { 'content-type': 'message/rfc822' }, payload: stray })).statusCode).toBe(404);
  });
});

describe('SLA clocks', () => {
  it('warn, breach and escalate by the team\'s business hours', async () => {
    const c = (await cases()).cases.find((x: { customer: { key: string } }) => x.customer.key === 'x:cust-zh');
    const due = Date.parse(c.sla.firstResponseDueAt);
    // Other cases come due too; this one is past 80 % of its target: a warning.
    expect(await s.cases.sweep(due - 60_000)).toBeGreaterThanOrEqual(1);
    let detail = (await w.owner.get(`${base()}/${c.id}`)).json();
    expect(detail.sla.firstResponse).toBe('warning');
    expect(await s.cases.sweep(due + 1)).toBeGreaterThanOrEqual(1);
    detail = (await w.owner.get(`${base()}/${c.id}`)).json();
    expect(detail.sla.firstResponse).toBe('breached');
    expect(detail.priority).toBe('urgent');
    const kinds = detail.timeline.map((e: { kind: string }) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(['sla_warning', 'sla_breach', 'priority', 'escalated']));
    // Nothing more to announce: a second sweep at the same instant changes nothing.
    expect(await s.cases.sweep(due + 1)).toBe(0);
  });
});

describe('the loop closes', () => {
  it('sends the re-survey on closing and counts the recovery', async () => {
    await answerAsInvited('li@example.cn', { nps: 1 }, 'zh-Hans');
    await drain();
    const c = await eventually(async () => (await cases()).cases.find((x: { customer: { email: string | null } }) => x.customer.email === 'li@example.cn'), 5000, 'the case');
    const before = sent.length;
    const closed = await zhAgent.patch(`${base()}/${c.id}`, { version: c.version, status: 'resolved', rootCause: 'general', resolutionCode: 'refunded', resurvey: true });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json().timeline.find((e: { kind: string }) => e.kind === 'resurvey_sent').data.status).toBe('sent');
    const mail = await eventually(async () => sent.length > before && sent[sent.length - 1], 5000, 'the re-survey');
    const settings = (await w.owner.get(`${base()}/settings`)).json();
    const follow = (await w.owner.get(`/api/workspaces/${w.id}/surveys/${settings.resurveySurveyId}`)).json();
    const token = /[?&]t=(sv_[A-Za-z0-9_-]+)/.exec(mail.replace(/=\r?\n/g, '').replace(/=3D/g, '='))![1];
    const answer = await s.app.inject({ method: 'POST', url: `/api/public/surveys/${follow.publicId}/responses`, payload: { idempotencyKey: `resurvey-${Date.now()}`, answers: { resolved: 'yes', csat: 5, nps: 9 }, inviteToken: token } });
    expect(answer.statusCode, answer.body).toBe(201);
    await drain();
    const detail = await eventually(async () => { const d = (await w.owner.get(`${base()}/${c.id}`)).json(); return d.timeline.some((e: { kind: string }) => e.kind === 'resurvey_answered') && d; }, 5000, 'the answer on the case');
    expect(detail.responses.find((r: { resurvey: boolean }) => r.resurvey)).toMatchObject({ nps: 9 });
    const today = new Date().toISOString().slice(0, 10);
    const m = (await w.owner.get(`${base()}/metrics?from=${today}&to=${today}&by=agent`)).json();
    expect(m.overall.recovered).toBe(1);
    expect(m.overall.detractors).toBeGreaterThanOrEqual(4);
    expect(m.overall.closed).toBe(2);
    expect(m.pareto[0]).toMatchObject({ rootCause: 'general', count: 2, cumulative: 1 });
    expect(m.groups.find((g: { key: string }) => g.key === zhAgent.userId).recovered).toBe(1);
  });
});

describe('workspaces', () => {
  it('see only their own cases, rules and inbound mail', async () => {
    const other = await s.workspace();
    const mine = (await cases()).cases[0];
    expect((await other.owner.get(`/api/workspaces/${other.id}/cases/${mine.id}`)).statusCode).toBe(404);
    expect((await other.owner.patch(`/api/workspaces/${other.id}/cases/${mine.id}`, { version: mine.version, priority: 'low' })).statusCode).toBe(404);
    expect((await other.owner.get(`/api/workspaces/${other.id}/cases`)).json().cases).toEqual([]);
    expect((await other.owner.get(`/api/workspaces/${other.id}/cases/rules`)).json()).toEqual([]);
    expect((await w.owner.get(`/api/workspaces/${other.id}/cases`)).statusCode).toBe(404);
    // Another workspace's inbound secret does not reach this workspace's case, even by its reply address.
    const token = (await other.owner.get(`/api/workspaces/${other.id}/cases/settings`)).json().inboundUrl.split('/').pop();
    const detail = (await w.owner.get(`${base()}/${mine.id}`)).json();
    const out = detail.timeline.find((e: { kind: string }) => e.kind === 'email_out');
    const mime = ['From: x@example.com', `To: support+c-abcdefghijkl@shop.example`, `Subject: Re: [#${mine.number}]`, `In-Reply-To: ${out?.data.messageId ?? '<none@x>'}`, '', 'hello'].join('\r\n');
    expect((await s.app.inject({ method: 'POST', url: `/api/public/cases/inbound/${token}`, headers: { 'content-type': 'message/rfc822' }, payload: mime })).statusCode).toBe(404);
  });
});
