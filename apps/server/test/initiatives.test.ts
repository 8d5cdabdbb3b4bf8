/**
 * The innovation portfolio through the API on a real store: initiatives with optimistic versions,
 * audit rows and workspace isolation; the six innovation areas and the Shopee example as templates
 * (ROI ≈ 1,696 %, payback within the first month); business cases validated with field paths and
 * analysed on read; measured benefit drivers filled from customer 360; and, after launch, the
 * actual change of CSAT from real answers stored in the past beside the expected one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Initiative, InitiativeSummary } from '@touchpoint/shared';
import { liveSurvey, startTestServer, type Client, type TestServer } from './harness.js';
import { SMALL_CASE } from './routes/initiatives.js';
import { seedDemoInitiatives } from '../src/modules/initiatives/index.js';

let s: TestServer;
let ws: { id: string; owner: Client };
let other: { id: string; owner: Client };
beforeAll(async () => {
  s = await startTestServer();
  ws = await s.workspace('Portfolio');
  other = await s.workspace('Other');
}, 60_000);
afterAll(async () => { await s.destroy(); });

const url = (wid = ws.id) => `/api/workspaces/${wid}/initiatives`;
const put = (c: Client, path: string, payload: unknown) => c.request({ method: 'PUT', url: path, payload: payload as never });
const create = async (body: Record<string, unknown>) => {
  const res = await ws.owner.post(url(), body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as Initiative;
};
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

describe('initiatives API', () => {
  it('creates, reads, changes (with versions) and deletes an initiative, with audit rows and isolation', async () => {
    const made = await create({ name: 'Chat support 24/7', area: 'omnichannel', priority: 'must_have', why: 'Support only 8 h a day today', budget: { min: 1000, max: 5000, currency: 'TWD' }, expectedRoi: 1.5, valueScore: 8, costScore: 6, ownerId: ws.owner.userId });
    expect(made).toMatchObject({ name: 'Chat support 24/7', status: 'idea', version: 0, budget: { min: 1000, max: 5000, currency: 'TWD' }, expectedRoi: 1.5, businessCase: null, analysis: null, actual: null, ownerId: ws.owner.userId });

    const changed = await ws.owner.patch(`${url()}/${made.id}`, { status: 'planned', version: 0 });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ status: 'planned', version: 1, name: 'Chat support 24/7' });
    const stale = await ws.owner.patch(`${url()}/${made.id}`, { status: 'dropped', version: 0 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('initiative_changed');

    // Bad input: field paths, never a 500.
    const bad = await ws.owner.patch(`${url()}/${made.id}`, { valueScore: 11, budget: { min: 9, max: 1, currency: 'usd' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.map((d: { path: string }) => d.path).sort()).toEqual(['body.budget.currency', 'body.budget.max', 'body.valueScore'].sort());
    const stranger = await ws.owner.patch(`${url()}/${made.id}`, { ownerId: other.owner.userId });
    expect(stranger.statusCode).toBe(400);
    expect(stranger.json().error.details).toEqual([{ path: 'body.ownerId', message: 'not a member of this workspace' }]);

    // Another workspace sees nothing of it.
    expect((await other.owner.get(`${url(other.id)}/${made.id}`)).statusCode).toBe(404);
    expect((await other.owner.patch(`${url(other.id)}/${made.id}`, { status: 'dropped' })).statusCode).toBe(404);
    expect((await put(other.owner, `${url(other.id)}/${made.id}/business-case`, SMALL_CASE)).statusCode).toBe(404);
    expect((await other.owner.delete(`${url(other.id)}/${made.id}`)).statusCode).toBe(404);
    expect((await other.owner.get(url(other.id))).json().items).toEqual([]);

    expect((await ws.owner.delete(`${url()}/${made.id}`)).statusCode).toBe(204);
    expect((await ws.owner.get(`${url()}/${made.id}`)).statusCode).toBe(404);
    const audit = await s.deps.db.selectFrom('audit_log').select('action').where('target_id', '=', made.id).orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['initiative.created', 'initiative.updated', 'initiative.deleted']);
  });

  it('loads the six innovation areas in the UI language and filters the portfolio', async () => {
    const res = await ws.owner.request({ method: 'POST', url: `${url()}/templates/innovation-areas`, headers: { 'accept-language': 'zh-CN,zh;q=0.9' } });
    expect(res.statusCode, res.body).toBe(201);
    const items = res.json().items as InitiativeSummary[];
    expect(items.map((i) => i.area)).toEqual(['ai_ml', 'data_driven_marketing', 'blockchain', 'ar_vr', 'omnichannel', 'sustainability']);
    expect(items.map((i) => i.name)).toContain('全渠道整合');
    for (const i of items) {
      expect(i.why.length).toBeGreaterThan(10);
      expect(i.budget!.min).toBeLessThan(i.budget!.max);
    }
    const must = (await ws.owner.get(`${url()}?priority=must_have&area=omnichannel`)).json().items as InitiativeSummary[];
    expect(must.map((i) => i.name)).toEqual(['全渠道整合']);
    expect((await ws.owner.get(`${url()}?status=nonsense`)).statusCode).toBe(400);
    const english = await ws.owner.post(`${url()}/templates/innovation-areas`);
    expect((english.json().items as InitiativeSummary[]).map((i) => i.name)).toContain('Omnichannel integration');
  });

  it('loads the Shopee example: ROI ≈ 1,696 %, payback within the first month, and lists its summary', async () => {
    const res = await ws.owner.post(`${url()}/templates/shopee`);
    expect(res.statusCode, res.body).toBe(201);
    const shopee = res.json() as Initiative;
    expect(shopee.name).toBe('Recommendation engine (Shopee example)');
    expect(shopee.businessCase!.periodUnit).toBe('month');
    expect(shopee.analysis!.roi).toBeCloseTo(16.96, 2);
    expect(shopee.analysis!.payback.simple!).toBeGreaterThan(0);
    expect(shopee.analysis!.payback.simple!).toBeLessThan(1);
    expect(shopee.analysis!.scenarios.pessimistic.npv).toBeLessThan(shopee.analysis!.scenarios.optimistic.npv);
    const listed = ((await ws.owner.get(url())).json().items as InitiativeSummary[]).find((i) => i.id === shopee.id)!;
    expect(listed.summary).toMatchObject({ currency: 'USD', periodUnit: 'month', roi: shopee.analysis!.roi, npv: shopee.analysis!.npv });
    const zh = await ws.owner.request({ method: 'POST', url: `${url()}/templates/shopee`, headers: { 'accept-language': 'zh-TW' } });
    expect(zh.json().name).toBe('推薦引擎（Shopee 範例）');
    expect(zh.json().businessCase.costs[0].label).toBe('推薦引擎開發');
  });

  it('stores a business case with field-path errors, a version check and the analysis on read', async () => {
    const made = await create({ name: 'Self-service portal' });
    const bad = await put(ws.owner, `${url()}/${made.id}/business-case`, { ...SMALL_CASE, costs: [{ ...SMALL_CASE.costs[0], from: 2, to: 1 }], discountRate: 'ten' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.map((d: { path: string }) => d.path)).toContain('body.discountRate');
    const late = await put(ws.owner, `${url()}/${made.id}/business-case`, { ...SMALL_CASE, costs: [{ ...SMALL_CASE.costs[0], from: 2, to: 1 }] });
    expect(late.statusCode).toBe(400);
    expect(late.json().error.details).toEqual([{ path: 'body.costs[0].to', message: 'must not be before from' }]);

    const saved = await put(ws.owner, `${url()}/${made.id}/business-case?version=0`, SMALL_CASE);
    expect(saved.statusCode, saved.body).toBe(200);
    const got = (await ws.owner.get(`${url()}/${made.id}`)).json() as Initiative;
    expect(got.version).toBe(1);
    expect(got.businessCase).toMatchObject({ currency: 'USD', periods: 2, sensitivityPct: 20 });
    // −1000 now, +800 at the end of years 1 and 2 at 10 %: −1000 + 800/1.1 + 800/1.21.
    expect(got.analysis!.npv).toBeCloseTo(-1000 + 800 / 1.1 + 800 / 1.21, 6);
    expect(got.analysis!.roi).toBeCloseTo(0.6, 9);
    expect(got.analysis!.flows).toEqual([-1000, 800, 800]);
    expect(got.businessCaseUpdatedAt).not.toBeNull();
    expect((await put(ws.owner, `${url()}/${made.id}/business-case?version=0`, SMALL_CASE)).statusCode).toBe(409);
  });

  it('fills a measured retention driver from customer 360, or refuses at the driver when no CLV is measured', async () => {
    const made = await create({ name: 'Loyalty programme' });
    const retention = (source: 'measured' | 'input', segmentId: string | null = null) => ({
      ...SMALL_CASE,
      benefits: [{ id: 'ret', label: 'Retention +2 points', amount: 0, from: 1, to: 2, category: 'retention', driver: { kind: 'retention', points: 2, segmentId, customers: 10, valuePerCustomer: 5, source } }],
    });
    // Nothing ordered yet: no CLV to measure.
    const none = await put(ws.owner, `${url()}/${made.id}/business-case`, retention('measured'));
    expect(none.statusCode).toBe(400);
    expect(none.json().error.details[0].path).toBe('body.benefits[0].driver.source');
    const unknown = await put(ws.owner, `${url()}/${made.id}/business-case`, retention('measured', 'no-such-segment'));
    expect(unknown.json().error.details).toEqual([{ path: 'body.benefits[0].driver.segmentId', message: 'no such segment in this workspace' }]);

    const order = (userId: string, orderId: string, revenue: number, daysAgo: number) => ({ type: 'order', userId, orderId, revenue, currency: 'USD', timestamp: new Date(Date.now() - daysAgo * 86_400_000).toISOString() });
    const ingest = await ws.owner.post(`/api/workspaces/${ws.id}/events?wait=true`, { events: [
      { type: 'identify', userId: 'p1', email: 'p1@example.org' }, { type: 'identify', userId: 'p2', email: 'p2@example.org' }, { type: 'identify', userId: 'p3', email: 'p3@example.org' },
      order('p1', 'o1', 120, 100), order('p1', 'o2', 80, 40), order('p2', 'o3', 200, 70), order('p3', 'o4', 50, 10),
    ] });
    expect(ingest.statusCode, ingest.body).toBeLessThan(300);
    const saved = await put(ws.owner, `${url()}/${made.id}/business-case`, retention('measured'));
    expect(saved.statusCode, saved.body).toBe(200);
    const got = saved.json() as Initiative;
    const kpis = (await ws.owner.get(`/api/workspaces/${ws.id}/customers/kpis?from=${got.measurements[0].from}&to=${got.measurements[0].to}&currency=USD`)).json();
    const clv = kpis.clv.predictive.value ?? kpis.clv.historical.perBuyer;
    const driver = got.businessCase!.benefits[0].driver!;
    expect(driver.customers).toBe(kpis.revenueBySegment[0].members);
    expect(driver.customers).toBe(3);
    expect(driver.valuePerCustomer).toBeCloseTo(clv, 2);
    expect(got.measurements[0]).toMatchObject({ lineId: 'ret', customers: 3, currency: 'USD', segmentId: null });
    expect(got.measurements[0].measuredAt).toMatch(/^\d{4}-/);
    // customers × points / 100 × value per customer a year; yearly periods.
    expect(got.analysis!.benefitAmounts.ret).toBeCloseTo(3 * 0.02 * driver.valuePerCustomer, 6);
    // Typed inputs stay as typed.
    const typed = (await put(ws.owner, `${url()}/${made.id}/business-case`, retention('input'))).json() as Initiative;
    expect(typed.businessCase!.benefits[0].driver).toMatchObject({ customers: 10, valuePerCustomer: 5 });
    expect(typed.measurements).toEqual([]);
  });

  it('reports the actual CSAT change after launch beside the expected one, from answers stored in the past', async () => {
    const survey = await liveSurvey(ws.owner, ws.id);
    const key = await s.apiKey(ws.id, ['responses:write']);
    const at = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toISOString();
    const answers = [
      // Baseline (before launch 10 days ago, the 11 days before it): 2 of 4 satisfied = 50 %.
      ...[5, 2, 4, 1].map((csat) => ({ answers: { nps: 8, csat }, submittedAt: at(15) })),
      // After launch: 4 of 5 satisfied = 80 %.
      ...[5, 5, 4, 4, 2].map((csat) => ({ answers: { nps: 9, csat }, submittedAt: at(5) })),
    ];
    const batch = await s.app.inject({ method: 'POST', url: `/api/workspaces/${ws.id}/surveys/${survey.id}/responses/batch`, headers: { authorization: `Bearer ${key}` }, payload: { responses: answers } });
    expect(batch.statusCode, batch.body).toBe(201);

    const made = await create({ name: 'Omnichannel support', status: 'launched', launchDate: day(-10), expectedChange: { metric: 'csat', change: 10, by: day(80) } });
    expect(made.actual).toMatchObject({ metric: 'csat', unit: 'percent', expected: 10, segmentId: null });
    expect(made.actual!.after).toMatchObject({ from: day(-10), value: 80, n: 5 });
    expect(made.actual!.baseline).toMatchObject({ from: day(-21), to: day(-11), value: 50, n: 4 });
    expect(made.actual!.actual).toBeCloseTo(30, 9);

    // Not launched (or launching later): no actual.
    const planned = (await ws.owner.patch(`${url()}/${made.id}`, { status: 'planned' })).json() as Initiative;
    expect(planned.actual).toBeNull();
    const future = (await ws.owner.patch(`${url()}/${made.id}`, { status: 'launched', launchDate: day(5) })).json() as Initiative;
    expect(future.actual).toBeNull();
  });

  it('never answers 500 to a bad initiative, patch or business case (fast-check, fixed seed)', async () => {
    const made = await create({ name: 'Property target' });
    const SEED = { seed: 7007, numRuns: 60 };
    const num = fc.oneof(fc.double(), fc.integer({ min: -5, max: 700 }), fc.constant(Number.MAX_VALUE), fc.constant(null), fc.string({ maxLength: 4 }));
    const line = fc.record({ id: fc.constantFrom('a', 'b', ''), label: fc.string({ maxLength: 5 }), amount: num, from: num, to: num, growth: num, category: fc.constantFrom('technology', 'revenue', 'nope'),
      driver: fc.option(fc.record({ kind: fc.constant('retention'), points: num, segmentId: fc.option(fc.string({ maxLength: 3 })), customers: num, valuePerCustomer: num, source: fc.constantFrom('input', 'measured', 'x') })) }, { requiredKeys: [] });
    const cases = fc.record({ currency: fc.constantFrom('USD', 'usd', 'TWD'), periodUnit: fc.constantFrom('month', 'year', 'week'), periods: num, startDate: fc.constantFrom('2026-01-01', '2026-13-01', 'x'),
      discountRate: num, financeRate: num, reinvestRate: num, sensitivityPct: num, costs: fc.array(line, { maxLength: 3 }), benefits: fc.array(line, { maxLength: 3 }) }, { requiredKeys: [] });
    await fc.assert(fc.asyncProperty(cases, async (body) => {
      const res = await put(ws.owner, `${url()}/${made.id}/business-case`, body);
      expect([200, 400]).toContain(res.statusCode);
    }), SEED);
    const patches = fc.record({ name: fc.string({ maxLength: 3 }), valueScore: num, costScore: num, expectedRoi: num, status: fc.constantFrom('idea', 'launched', 'gone'), launchDate: fc.constantFrom(null, '2026-02-30', '2026-01-01'),
      expectedChange: fc.option(fc.record({ metric: fc.constantFrom('csat', 'nps', 'clv', 'zzz'), change: num, segmentId: fc.option(fc.constantFrom('nope', 'x')) })), budget: fc.option(fc.record({ min: num, max: num, currency: fc.constantFrom('USD', 'x') })) }, { requiredKeys: [] });
    await fc.assert(fc.asyncProperty(patches, async (body) => {
      const res = await ws.owner.patch(`${url()}/${made.id}`, body);
      expect([200, 400]).toContain(res.statusCode);
    }), SEED);
  }, 60_000);

  it('seeds the demo portfolio: six areas, the Shopee example, omnichannel launched 60 days ago expecting CSAT +5', async () => {
    const demo = await s.workspace('Demo');
    await seedDemoInitiatives(s.deps, { workspaceId: demo.id, actor: { type: 'system', id: 'demo', label: 'demo' } });
    const items = (await demo.owner.get(url(demo.id))).json().items as InitiativeSummary[];
    expect(items).toHaveLength(7);
    expect(items.filter((i) => i.summary).map((i) => i.name)).toEqual(['Recommendation engine (Shopee example)']);
    const launched = items.find((i) => i.status === 'launched')!;
    expect(launched).toMatchObject({ area: 'omnichannel', launchDate: day(-60), expectedChange: { metric: 'csat', change: 5 } });
    const page = (await demo.owner.get(`${url(demo.id)}/${launched.id}`)).json() as Initiative;
    expect(page.actual).toMatchObject({ metric: 'csat', expected: 5, after: { from: day(-60), to: day(0) }, baseline: { to: day(-61) } });
  });
});
