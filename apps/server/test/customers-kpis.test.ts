/**
 * Customer KPIs through the API on a real store: exact numbers on a hand-built dataset (events
 * through POST /events), merged people counted once, months in the time zone, a segment filter,
 * revenue by segment, workspace isolation, and a bad query answered 400 with its paths.
 *
 * The dataset (USD unless said; range 2026-01-01…2026-04-30, so months Dec (before), Jan…Apr):
 *   A  identify Dec 15, order Dec 20 (60), Jan 10 (100), Feb 5 (50)   active Dec Jan Feb
 *   B  page Jan 3, orders Jan 20 (200) and Jan 25 (100), track Mar 2  active Jan Mar
 *   C  anonymous page Jan 5; as u-c track Feb 10; identify joining both Feb 11 (one merge);
 *      order Feb 12 (300)                                               active Jan Feb (one person)
 *   D  track Feb 1, order Feb 2 (500 TWD), order Apr 3 (40)            active Feb Apr
 *   E  track Mar 15                                                     active Mar
 *   F  order Jan 31 20:00 UTC (10): Feb 1 in Asia/Taipei               active Jan
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type Client, type TestServer } from './harness.js';

let s: TestServer;
let wid: string;
let owner: Client;
const roots: Record<string, string> = {};
const range = 'from=2026-01-01&to=2026-04-30';
const kpis = async (query: string, w = wid, c = owner) => {
  const res = await c.get(`/api/workspaces/${w}/customers/kpis?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const close = (x: number) => expect.closeTo(x, 9);

async function ingest(events: unknown[]) {
  const res = await owner.post(`/api/workspaces/${wid}/events?wait=true`, { events });
  expect(res.statusCode, res.body).toBe(202);
  return res.json() as { profileIds: string[]; merges: string[] };
}

let made = 0;
async function segment(id: string, name: string, members: string[], workspaceId = wid) {
  const now = new Date(Date.UTC(2026, 0, 1) + ++made * 1000).toISOString(); // listed in creation order
  await s.deps.db.insertInto('customer_segments').values({
    id, workspace_id: workspaceId, name, description: '', kind: 'static', definition: '{}', member_count: members.length, status: 'ready',
    build_cursor: null, build_done: members.length, build_total: members.length, built_at: now, snapshot_of: null, created_by: 'test', created_at: now, updated_at: now,
  }).execute();
  for (const m of members) await s.deps.db.insertInto('customer_segment_members').values({ segment_id: id, customer_id: m, workspace_id: workspaceId, added_at: now }).execute();
}

beforeAll(async () => {
  s = await startTestServer();
  ({ id: wid, owner } = await s.workspace('KPIs'));
  const order = (userId: string, orderId: string, revenue: number, timestamp: string, currency = 'USD') => ({ type: 'order', userId, orderId, revenue, currency, timestamp });
  await ingest([
    { type: 'identify', userId: 'u-a', email: 'a@example.com', timestamp: '2025-12-15T10:00:00Z' },
    order('u-a', 'a0', 60, '2025-12-20T10:00:00Z'), order('u-a', 'a1', 100, '2026-01-10T10:00:00Z'), order('u-a', 'a2', 50, '2026-02-05T10:00:00Z'),
    { type: 'page', userId: 'u-b', url: '/', timestamp: '2026-01-03T10:00:00Z' },
    order('u-b', 'b1', 200, '2026-01-20T10:00:00Z'), order('u-b', 'b2', 100, '2026-01-25T10:00:00Z'),
    { type: 'track', userId: 'u-b', event: 'Came back', timestamp: '2026-03-02T10:00:00Z' },
    { type: 'page', anonymousId: 'dev-c', url: '/pricing', timestamp: '2026-01-05T10:00:00Z' },
    { type: 'track', userId: 'u-c', event: 'Signed up', timestamp: '2026-02-10T10:00:00Z' },
  ]);
  const merged = await ingest([{ type: 'identify', userId: 'u-c', anonymousId: 'dev-c', timestamp: '2026-02-11T10:00:00Z' }]);
  expect(merged.merges).toHaveLength(1);
  await ingest([
    order('u-c', 'c1', 300, '2026-02-12T10:00:00Z'),
    { type: 'track', userId: 'u-d', event: 'Browsed', timestamp: '2026-02-01T10:00:00Z' },
    order('u-d', 'd1', 500, '2026-02-02T10:00:00Z', 'TWD'), order('u-d', 'd2', 40, '2026-04-03T10:00:00Z'),
    { type: 'track', userId: 'u-e', event: 'Browsed', timestamp: '2026-03-15T10:00:00Z' },
    order('u-f', 'f1', 10, '2026-01-31T20:00:00Z'),
  ]);
  const profiles = await s.deps.db.selectFrom('customers').select(['id', 'merged_into']).where('workspace_id', '=', wid).execute();
  const byUser = await s.deps.db.selectFrom('customer_identifiers').innerJoin('customers', 'customers.id', 'customer_identifiers.customer_id')
    .select(['customer_identifiers.customer_id as id', 'customers.merged_into as root']).where('customer_identifiers.workspace_id', '=', wid).where('kind', '=', 'external').execute();
  expect(profiles).toHaveLength(7); // C has two profiles
  const users = ['a', 'b', 'c', 'd', 'e', 'f'];
  const ids = await Promise.all(users.map(async (u) => (await owner.get(`/api/workspaces/${wid}/customers?q=u-${u}`)).json().items[0].id as string));
  users.forEach((u, i) => { roots[u] = byUser.find((r) => r.id === ids[i])?.root ?? ids[i]; });
  await segment('seg-vip', 'VIP', [roots.a, roots.c]);
  await segment('seg-quiet', 'Quiet', [roots.e]);
});
afterAll(async () => { await s.destroy(); });

describe('customer KPIs', () => {
  it('counts months, churn and retention (any event), a merged person once', async () => {
    const k = await kpis(range);
    expect(k).toMatchObject({ timeZone: 'UTC', basis: 'activity', currency: 'USD', segment: null });
    expect(k.currencies).toEqual([{ currency: 'USD', revenue: 860 }, { currency: 'TWD', revenue: 500 }]);
    expect(k.months.map((m: { month: string }) => m.month)).toEqual(['2026-01', '2026-02', '2026-03', '2026-04']);
    expect(k.months.map((m: { active: number }) => m.active)).toEqual([4, 3, 2, 1]);
    expect(k.months.map((m: { retained: number }) => m.retained)).toEqual([1, 2, 0, 0]);
    expect(k.months.map((m: { churn: number }) => m.churn)).toEqual([0, 0.5, 1, 1]);
    expect(k.months.map((m: { retention: number }) => m.retention)).toEqual([1, 0.5, 0, 0]);
    expect(k.months.map((m: { buyers: number }) => m.buyers)).toEqual([3, 3, 0, 1]);
    expect(k.months.map((m: { repeatBuyers: number }) => m.repeatBuyers)).toEqual([1, 0, 0, 0]);
    expect(k.months.map((m: { revenue: number }) => m.revenue)).toEqual([410, 350, 0, 40]);
    expect(k.months.every((m: { partial: boolean }) => !m.partial)).toBe(true);
  });

  it('builds the cohort triangle by first event, and by first order', async () => {
    const k = await kpis(range);
    expect(k.cohorts).toEqual([
      { month: '2026-01', size: 3, people: [3, 1, 1, 0], retention: [1, 1 / 3, 1 / 3, 0] },
      { month: '2026-02', size: 1, people: [1, 0, 1], retention: [1, 0, 1] },
      { month: '2026-03', size: 1, people: [1, 0], retention: [1, 0] },
      { month: '2026-04', size: 0, people: [0], retention: [null] },
    ]);
    const o = await kpis(`${range}&basis=order`);
    expect(o.cohorts.map((c: { size: number }) => c.size)).toEqual([2, 2, 0, 0]);
    expect(o.cohorts[0].retention).toEqual([1, 0, 0, 0]);
    expect(o.cohorts[1]).toMatchObject({ people: [2, 0, 1], retention: [1, 0, 0.5] });
    // Churn of buyers: nobody bought in March, so April has no churn.
    expect(o.months.map((m: { churn: number | null }) => m.churn)).toEqual([0, close(2 / 3), 1, null]);
  });

  it('CLV (historical and predictive, with inputs) and the repeat-purchase rate', async () => {
    const k = await kpis(range);
    expect(k.clv.historical).toEqual({ revenue: 860, people: 6, buyers: 5, perPerson: close(860 / 6), perBuyer: 172 });
    const months = 120 / (365.2425 / 12);
    expect(k.clv.predictive).toEqual({
      revenue: 800, orders: 7, buyers: 5, months: close(months), averageOrderValue: close(800 / 7), purchasesPerMonth: close(7 / 5 / months),
      monthlyChurn: close(5 / 7), expectedLifetimeMonths: close(1.4), value: close(224 / months),
    });
    expect(k.repeat).toEqual({ period: { buyers: 5, repeaters: 3, rate: 0.6 }, ever: { buyers: 5, repeaters: 3, rate: 0.6 } });
    const jan = await kpis('from=2026-01-01&to=2026-01-31');
    expect(jan.repeat.period).toEqual({ buyers: 3, repeaters: 1, rate: close(1 / 3) });
  });

  it('revenue by segment, with everybody for comparison', async () => {
    const k = await kpis(range);
    expect(k.revenueBySegment).toEqual([
      { id: null, name: null, members: 6, buyers: 5, revenue: 800, perMember: close(800 / 6) },
      { id: 'seg-vip', name: 'VIP', members: 2, buyers: 2, revenue: 450, perMember: 225 },
      { id: 'seg-quiet', name: 'Quiet', members: 1, buyers: 0, revenue: 0, perMember: 0 },
    ]);
    const only = await kpis(`${range}&segments=seg-quiet`);
    expect(only.revenueBySegment.map((r: { id: string | null }) => r.id)).toEqual([null, 'seg-quiet']);
    const twd = await kpis(`${range}&currency=TWD`);
    expect(twd.revenueBySegment[0]).toMatchObject({ revenue: 500, buyers: 1 });
    expect(twd.clv.historical.revenue).toBe(500);
  });

  it('a segment filters people: only its members count', async () => {
    const k = await kpis(`${range}&segment=seg-vip`);
    expect(k.segment).toEqual({ id: 'seg-vip', name: 'VIP' });
    expect(k.months.map((m: { active: number }) => m.active)).toEqual([2, 2, 0, 0]);
    expect(k.months.map((m: { churn: number | null }) => m.churn)).toEqual([0, 0, 1, null]);
    expect(k.cohorts[0]).toEqual({ month: '2026-01', size: 1, people: [1, 1, 0, 0], retention: [1, 1, 0, 0] });
    expect(k.repeat.period).toEqual({ buyers: 2, repeaters: 1, rate: 0.5 });
    expect(k.clv.historical).toMatchObject({ revenue: 510, people: 2, buyers: 2 });
    expect(k.revenueBySegment).toEqual([
      { id: null, name: 'VIP', members: 2, buyers: 2, revenue: 450, perMember: 225 },
      { id: 'seg-vip', name: 'VIP', members: 2, buyers: 2, revenue: 450, perMember: 225 },
      { id: 'seg-quiet', name: 'Quiet', members: 0, buyers: 0, revenue: 0, perMember: null },
    ]);
  });

  it('reads months in the time zone (the query\'s, else the workspace\'s)', async () => {
    const k = await kpis(`${range}&tz=Asia/Taipei`);
    expect(k.timeZone).toBe('Asia/Taipei');
    expect(k.months.map((m: { active: number }) => m.active)).toEqual([3, 4, 2, 1]);
    expect(k.cohorts.map((c: { size: number }) => c.size)).toEqual([2, 2, 1, 0]);
    const put = await owner.request({ method: 'PUT', url: `/api/workspaces/${wid}/metrics/settings`, payload: { timeZone: 'Asia/Taipei' } });
    expect(put.statusCode, put.body).toBe(200);
    expect((await kpis(range)).months.map((m: { active: number }) => m.active)).toEqual([3, 4, 2, 1]);
    await owner.request({ method: 'PUT', url: `/api/workspaces/${wid}/metrics/settings`, payload: { timeZone: 'UTC' } });
  });

  it('marks a month the range ends inside as partial', async () => {
    const k = await kpis('from=2026-02-01&to=2026-03-10');
    expect(k.months.map((m: { partial: boolean }) => m.partial)).toEqual([false, true]);
  });

  it('keeps workspaces apart', async () => {
    const other = await s.workspace('Other KPIs');
    const res = await other.owner.post(`/api/workspaces/${other.id}/events?wait=true`, { events: [{ type: 'order', userId: 'u-z', orderId: 'z1', revenue: 9, currency: 'EUR', timestamp: '2026-02-02T00:00:00Z' }] });
    expect(res.statusCode).toBe(202);
    const k = await kpis(range, other.id, other.owner);
    expect(k).toMatchObject({ currency: 'EUR', currencies: [{ currency: 'EUR', revenue: 9 }] });
    expect(k.revenueBySegment).toEqual([{ id: null, name: null, members: 1, buyers: 1, revenue: 9, perMember: 9 }]);
    expect(k.months.map((m: { active: number }) => m.active)).toEqual([0, 1, 0, 0]);
    expect((await kpis(range)).currencies.map((c: { currency: string }) => c.currency)).toEqual(['USD', 'TWD']);
    // Another workspace's segment is not found here, and our KPIs are not readable from there.
    expect((await other.owner.get(`/api/workspaces/${other.id}/customers/kpis?${range}&segment=seg-vip`)).statusCode).toBe(404);
    expect((await other.owner.get(`/api/workspaces/${wid}/customers/kpis?${range}`)).statusCode).toBe(404);
  });

  it('answers a bad query with 400 and the fields\' paths', async () => {
    const res = await owner.get(`/api/workspaces/${wid}/customers/kpis?from=2026-02-30&to=2026-01-01&basis=weekly&currency=usd&tz=Mars/Olympus&x=1`);
    expect(res.statusCode).toBe(400);
    const paths = res.json().error.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(expect.arrayContaining([expect.stringMatching(/from$/), expect.stringMatching(/basis$/), expect.stringMatching(/currency$/), expect.stringMatching(/tz$/)]));
    const backwards = await owner.get(`/api/workspaces/${wid}/customers/kpis?from=2026-03-01&to=2026-01-01`);
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().error.details.map((d: { path: string }) => d.path)).toEqual([expect.stringMatching(/to$/)]);
    expect((await owner.get(`/api/workspaces/${wid}/customers/kpis?from=2026-01-01`)).statusCode).toBe(400);
  });

  it('needs customers.read', async () => {
    const viewer = await s.member(wid, owner, 'viewer');
    expect((await viewer.get(`/api/workspaces/${wid}/customers/kpis?${range}`)).statusCode).toBe(403);
    const agent = await s.member(wid, owner, 'agent');
    expect((await agent.get(`/api/workspaces/${wid}/customers/kpis?${range}`)).statusCode).toBe(200);
  });
});
