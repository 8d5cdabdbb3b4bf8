/**
 * A person's export and erasure through the API and the CLI: the export holds every merged profile,
 * identifier, event and survey answer; the erasure removes all of it (and nobody else's) in one
 * transaction, the metrics follow, and both are audited without copying personal data.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { liveSurvey, startTestServer, type Client, type TestServer } from './harness.js';

let s: TestServer, owner: Client, wid: string, sid: string;
let person: string, other: string;
const base = () => `/api/workspaces/${wid}`;

beforeAll(async () => {
  s = await startTestServer();
  ({ id: wid, owner } = await s.workspace('Privacy'));
  sid = (await liveSurvey(owner, wid)).id;
  const res = await owner.post(`${base()}/events?wait=true`, { events: [
    { type: 'identify', userId: 'erase-me', email: 'wang.xm@example.cn', name: '王小明', traits: { city: '上海' }, timestamp: '2026-03-02T09:00:00Z' },
    // A device seen on its own, then signed in: its profile is merged into the person's.
    { type: 'page', anonymousId: 'dev-erase', url: '/pricing', timestamp: '2026-03-01T09:00:00Z' },
    { type: 'identify', userId: 'erase-me', anonymousId: 'dev-erase', timestamp: '2026-03-02T10:00:00Z' },
    { type: 'order', userId: 'erase-me', orderId: 'o-e1', revenue: 88, currency: 'CNY', timestamp: '2026-03-03T09:00:00Z' },
    { type: 'identify', userId: 'keep-me', email: 'keep@example.org', name: 'Keep Me', timestamp: '2026-03-02T09:00:00Z' },
  ] });
  expect(res.statusCode, res.body).toBe(202);
  expect(res.json().merges).toHaveLength(1);
  person = res.json().profileIds[0];
  other = res.json().profileIds[4];
  const batch = await owner.post(`${base()}/surveys/${sid}/responses/batch`, { responses: [
    { answers: { nps: 2, comment: '太慢了' }, customerExternalId: 'erase-me', submittedAt: '2026-03-04T10:00:00Z' },
    { answers: { nps: 3 }, respondent: { email: 'Wang.XM@example.cn', name: '王小明' }, submittedAt: '2026-03-05T10:00:00Z' },
    { answers: { nps: 10 }, customerExternalId: 'keep-me', submittedAt: '2026-03-06T10:00:00Z' },
  ] });
  expect(batch.statusCode, batch.body).toBe(201);
}, 60_000);
afterAll(async () => { await s.destroy(); });

const npsTotal = async () => (await owner.get(`${base()}/metrics?from=2026-03-01&to=2026-03-31&interval=total`)).json().total.nps;

describe('a person\'s data', () => {
  it('exports everything about the person, including merged profiles, survey answers and cases', async () => {
    // A case about the person (by their email) and one about someone else.
    const mine = await owner.post(`${base()}/cases`, { title: '包裹遲到', customerEmail: 'wang.xm@example.cn', customerName: '王小明' });
    expect(mine.statusCode, mine.body).toBe(201);
    expect((await owner.post(`${base()}/cases/${mine.json().id}/notes`, { body: 'internal: VIP' })).statusCode).toBe(201);
    expect((await owner.post(`${base()}/cases`, { title: 'Other', customerEmail: 'keep@example.org' })).statusCode).toBe(201);
    const res = await owner.get(`${base()}/customers/${person}/export`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-disposition']).toContain('.json');
    const data = res.json();
    expect(data.person).toMatchObject({ name: '王小明', email: 'wang.xm@example.cn', orderCount: 1, traits: { city: '上海' } });
    expect(data.person.mergedProfileIds).toHaveLength(1);
    expect(data.events.map((e: { type: string }) => e.type)).toEqual(['page', 'identify', 'identify', 'order']);
    expect(data.merges).toHaveLength(1);
    expect(data.responses.map((r: { nps: number }) => r.nps)).toEqual([2, 3]);
    expect(data.responses[0].answers).toEqual({ nps: 2, comment: '太慢了' });
    expect(data.respondents).toHaveLength(1);
    expect(data.cases).toHaveLength(1);
    expect(data.cases[0]).toMatchObject({ title: '包裹遲到', timeline: [{ kind: 'created' }] });
    const audit = (await owner.get(`${base()}/audit`)).json().items.find((a: { action: string }) => a.action === 'customers.exported');
    expect(audit).toMatchObject({ targetId: person, details: { profiles: 2, events: 4, responses: 2 } });
    expect(JSON.stringify(audit)).not.toContain('王小明');
  });

  it('erases the person, their identifiers, events and answers, and nobody else; metrics follow', async () => {
    expect((await npsTotal()).n).toBe(3);
    const res = await owner.delete(`${base()}/customers/${person}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ profiles: 2, events: 4, responses: 2, respondents: 1, cases: 1 });
    expect((await owner.get(`${base()}/cases?category=new`)).json().cases.map((c: { title: string }) => c.title)).toEqual(['Other']);
    expect((await owner.get(`${base()}/customers/${person}`)).statusCode).toBe(404);
    for (const q of ['erase-me', 'dev-erase', 'wang.xm@example.cn', '王小明']) expect((await owner.get(`${base()}/customers?q=${encodeURIComponent(q)}`)).json().items, q).toEqual([]);
    const left = await s.deps.db.selectFrom('customer_identifiers').select('customer_id').where('workspace_id', '=', wid).execute();
    expect(new Set(left.map((r) => r.customer_id))).toEqual(new Set([other]));
    expect(await s.deps.db.selectFrom('respondents').select('id').where('workspace_id', '=', wid).execute()).toEqual([]);
    const nps = await npsTotal();
    expect(nps.n).toBe(1);
    expect(nps.nps).toBe(100);
    expect((await owner.get(`${base()}/customers/${other}`)).json().name).toBe('Keep Me');
    const audit = (await owner.get(`${base()}/audit`)).json().items.find((a: { action: string }) => a.action === 'customers.erased');
    expect(audit.details).toEqual({ profiles: 2, events: 4, responses: 2, respondents: 1, cases: 1 });
    expect((await owner.delete(`${base()}/customers/${person}`)).statusCode).toBe(404);
  });

  it('refuses export and erasure to those who may only read customers, and to other workspaces', async () => {
    const agent = await s.member(wid, owner, 'agent');
    expect((await agent.get(`${base()}/customers/${other}`)).statusCode).toBe(200);
    expect((await agent.get(`${base()}/customers/${other}/export`)).statusCode).toBe(403);
    expect((await agent.delete(`${base()}/customers/${other}`)).statusCode).toBe(403);
    const stranger = await s.workspace('Elsewhere');
    expect((await stranger.owner.delete(`/api/workspaces/${stranger.id}/customers/${other}`)).statusCode).toBe(404);
    expect((await owner.get(`${base()}/customers/${other}`)).statusCode).toBe(200);
  });

  it('skips survey invitations to people who refused surveys or email, by email or by customer id', async () => {
    await owner.post(`${base()}/events?wait=true`, { events: [
      { type: 'identify', userId: 'no-surveys', email: 'quiet@example.org', consents: { surveys: false } },
      { type: 'identify', userId: 'no-email', consents: { email: false } },
      { type: 'identify', userId: 'yes-please', email: 'happy@example.org', consents: { surveys: true, email: true } },
    ] });
    const res = await owner.post(`${base()}/surveys/${sid}/invitations`, { recipients: [
      { email: 'Quiet@example.org' }, { email: 'someone@example.org', customerExternalId: 'no-email' }, { email: 'happy@example.org' }, { email: 'stranger@example.org' },
    ] });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ sent: 2, noConsent: ['quiet@example.org', 'someone@example.org'] });
    // Consent given again later: the newest answer counts.
    await owner.post(`${base()}/events?wait=true`, { events: [{ type: 'identify', userId: 'no-surveys', consents: { surveys: true } }] });
    expect((await owner.post(`${base()}/surveys/${sid}/invitations`, { recipients: [{ email: 'quiet@example.org' }] })).json()).toMatchObject({ sent: 1, noConsent: [] });
  });
});
