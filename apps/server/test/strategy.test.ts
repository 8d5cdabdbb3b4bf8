/**
 * Strategy records through the API on the real store: the course's gap analysis with NPS read live
 * and computed gaps, edits under optimistic versions, SMART goals with live and manual progress, the
 * target-market worksheet linked to a customer segment; audit rows, read-only roles and workspace
 * isolation.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { liveSurvey, startTestServer, type TestServer } from './harness.js';

let s: TestServer;
let ws: Awaited<ReturnType<TestServer['workspace']>>;
let empty: Awaited<ReturnType<TestServer['workspace']>>;
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const api = (wid: string, path: string) => `/api/workspaces/${wid}${path}`;

beforeAll(async () => {
  s = await startTestServer();
  ws = await s.workspace('Strategy 策略');
  empty = await s.workspace('Empty');
  const survey = await liveSurvey(ws.owner, ws.id);
  // NPS 25 (2 promoters, 1 detractor of 4), CSAT 2 of 3 satisfied, 10 and 40 days ago.
  const answers = [{ nps: 10, csat: 5 }, { nps: 9, csat: 4 }, { nps: 3, csat: 2 }, { nps: 8 }];
  for (const ago of [10, 40]) {
    const at = new Date(Date.now() - ago * 86_400_000).toISOString();
    const res = await ws.owner.post(api(ws.id, `/surveys/${survey.id}/responses/batch`), { responses: answers.map((a) => ({ answers: a, submittedAt: at })) });
    expect(res.statusCode, res.body).toBe(201);
  }
}, 60_000);
afterAll(async () => { await s.destroy(); });

describe('gap analyses', () => {
  it('loads the course example with NPS linked live and the gaps computed', async () => {
    const res = await ws.owner.request({ method: 'POST', url: api(ws.id, '/gap-analyses/templates/course'), headers: { 'accept-language': 'zh-TW' } });
    expect(res.statusCode, res.body).toBe(201);
    const a = res.json();
    expect(a.name).toBe('顧客體驗評估框架（課程範例）');
    expect(a.rows.map((r: { criterion: string }) => r.criterion)).toEqual(['customer_feedback', 'performance_metrics', 'app_features', 'support_availability', 'strategic_adjustments']);
    const [nps, csat, app, support] = a.rows;
    expect(nps.current).toMatchObject({ kind: 'live', metric: 'nps', fallback: 50 });
    expect(nps.resolved).toMatchObject({ source: 'live', value: 25, n: 8 });
    expect(nps.gap).toMatchObject({ difference: 45, shortfall: 45, standing: 'behind' });
    expect(csat.resolved.value).toBeCloseTo(200 / 3, 6);
    expect(csat.resolved.unit).toBe('%');
    expect(app.resolved).toMatchObject({ source: 'typed', text: '基本搜尋，沒有個人化' });
    expect(app.gap).toBeNull();
    expect(support.gap).toMatchObject({ shortfall: 16, standing: 'behind' });
    expect(support.gap.percentOfBenchmark).toBeCloseTo(66.667, 3);

    const audit = (await ws.owner.get(api(ws.id, '/audit'))).json();
    expect(JSON.stringify(audit)).toContain('gap_analysis.created');
  });

  it('keeps the course numbers typed when nothing is answered, and the fallback shows when a live metric has no data', async () => {
    const a = (await empty.owner.post(api(empty.id, '/gap-analyses/templates/course'))).json();
    expect(a.name).toBe('CX evaluation framework (course example)');
    expect(a.rows[0].current).toEqual({ kind: 'number', value: 50, unit: 'NPS' });
    expect(a.rows[0].gap.shortfall).toBe(20);
    const live = (await empty.owner.post(api(empty.id, '/gap-analyses'), {
      name: 'Live without answers', rows: [{ criterion: 'customer_feedback', current: { kind: 'live', metric: 'nps', fallback: 50 }, benchmark: { kind: 'number', value: 70 } }],
    })).json();
    expect(live.rows[0].resolved).toMatchObject({ source: 'fallback', value: 50, n: 0 });
    expect(live.rows[0].gap.shortfall).toBe(20);
  });

  it('reads direction from the metric: churn lower than the benchmark is ahead', async () => {
    const a = (await ws.owner.post(api(ws.id, '/gap-analyses'), {
      name: 'Lower is better', period: { kind: 'range', from: day(-60), to: day(0) },
      rows: [{ criterion: 'custom', customLabel: 'Minutes to answer', current: { kind: 'number', value: 30 }, benchmark: { kind: 'number', value: 45 }, higherIsBetter: false }],
    })).json();
    expect(a.rows[0].gap).toMatchObject({ difference: 15, shortfall: -15, standing: 'ahead' });
    expect(a.range).toEqual({ from: day(-60), to: day(0) });
  });

  it('edits rows in order under a version, keeps row ids, and answers 409 to a stale edit', async () => {
    const a = (await ws.owner.post(api(ws.id, '/gap-analyses'), { name: 'Edit me' })).json();
    const rows = [
      { criterion: 'support_availability', current: { kind: 'text', text: '8 h a day' }, benchmark: { kind: 'text', text: '24/7 chatbots' } },
      { criterion: 'custom', customLabel: 'Delivery 配送', current: { kind: 'number', value: 48, unit: 'h' }, benchmark: { kind: 'number', value: 24, unit: 'h' }, higherIsBetter: false, priority: 'low', initiativeId: 'init-1', roi: 120 },
    ];
    const b = await ws.owner.patch(api(ws.id, `/gap-analyses/${a.id}`), { rows, version: 1 });
    expect(b.statusCode, b.body).toBe(200);
    const edited = b.json();
    expect(edited.version).toBe(2);
    expect(edited.rows[1].gap).toMatchObject({ shortfall: 24, standing: 'behind' });
    const reordered = [edited.rows[1], edited.rows[0]].map(({ resolved: _r, gap: _g, ...r }: Record<string, unknown>) => r);
    const c = (await ws.owner.patch(api(ws.id, `/gap-analyses/${a.id}`), { rows: reordered, version: 2 })).json();
    expect(c.rows.map((r: { id: string }) => r.id)).toEqual([edited.rows[1].id, edited.rows[0].id]);
    const stale = await ws.owner.patch(api(ws.id, `/gap-analyses/${a.id}`), { name: 'Stale', version: 2 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('gap_analysis_changed');
  });

  it('answers 400 with field paths to bad rows', async () => {
    const res = await ws.owner.post(api(ws.id, '/gap-analyses'), { name: 'Bad', rows: [{ criterion: 'custom', current: { kind: 'live', metric: 'nope' } }] });
    expect(res.statusCode).toBe(400);
    const paths = res.json().error.details.map((d: { path: string }) => d.path);
    expect(paths.some((p: string) => p.startsWith('body.rows[0]'))).toBe(true);
    const period = await ws.owner.post(api(ws.id, '/gap-analyses'), { name: 'Bad period', period: { kind: 'range', from: '2026-05-01', to: '2026-04-01' } });
    expect(period.statusCode).toBe(400);
  });
});

describe('SMART goals', () => {
  it('reads the baseline live before the start and judges progress from the series', async () => {
    const res = await ws.owner.post(api(ws.id, '/goals'), { title: 'NPS +10 %', metric: 'nps', startDate: day(-20), deadline: day(60), targetChangePercent: 10, specific: 'NPS of all buyers' });
    expect(res.statusCode, res.body).toBe(201);
    const g = res.json();
    // The 30 days before the start hold the answers of 40 days ago: NPS 25 → target 27.5.
    expect(g.baseline.value).toBe(25);
    expect(g.target).toBeCloseTo(27.5, 9);
    expect(g.progress.current).toMatchObject({ source: 'live', value: 25, n: 4 });
    expect(g.progress.series.length).toBeGreaterThan(0);
    expect(g.progress.series.length).toBeLessThanOrEqual(12);
    expect(['at_risk', 'off_track']).toContain(g.progress.status);
    expect(g.progress.projection.line).toHaveLength(2);
  });

  it('refuses a change without a baseline, and a deadline before the start', async () => {
    const none = await empty.owner.post(api(empty.id, '/goals'), { title: 'x', metric: 'csat', startDate: day(-5), deadline: day(30), targetChangePercent: 10 });
    expect(none.statusCode).toBe(400);
    expect(none.json().error.details[0].path).toBe('body.targetChangePercent');
    const backwards = await ws.owner.post(api(ws.id, '/goals'), { title: 'x', metric: 'csat', baselineValue: 70, target: 77, startDate: day(5), deadline: day(1) });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().error.details.map((d: { path: string }) => d.path)).toContain('body.deadline');
  });

  it('manual goals progress from check-ins, lower is better, and check-ins come and go', async () => {
    const g = (await ws.owner.post(api(ws.id, '/goals'), {
      title: 'Cost −10 %', metric: null, unit: 'TWD', higherIsBetter: false, baselineValue: 1000, target: 900, startDate: day(-60), deadline: day(60), template: 'cost_down_10',
    })).json();
    expect(g.progress.status).toBe('no_data');
    const one = await ws.owner.post(api(ws.id, `/goals/${g.id}/check-ins`), { date: day(-30), value: 975 });
    expect(one.statusCode, one.body).toBe(201);
    const two = (await ws.owner.post(api(ws.id, `/goals/${g.id}/check-ins`), { date: day(-1), value: 950 })).json();
    expect(two.progress.current).toMatchObject({ value: 950, source: 'manual' });
    expect(two.progress.percent).toBeCloseTo(50, 9);
    expect(two.progress.status).toBe('on_track'); // −25 a month: 900 by the deadline
    const removed = await ws.owner.delete(api(ws.id, `/goal-check-ins/${two.checkIns[1].id}`));
    expect(removed.statusCode).toBe(200);
    expect(removed.json().checkIns).toHaveLength(1);
    const live = (await ws.owner.post(api(ws.id, '/goals'), { title: 'Live', metric: 'csat', baselineValue: 60, target: 70, startDate: day(-5), deadline: day(30) })).json();
    expect((await ws.owner.post(api(ws.id, `/goals/${live.id}/check-ins`), { date: day(0), value: 1 })).statusCode).toBe(400);
  });

  it('edits under a version and reports achieved / missed after the deadline', async () => {
    const g = (await ws.owner.post(api(ws.id, '/goals'), { title: 'Past', metric: 'nps', baselineValue: 0, target: 20, startDate: day(-90), deadline: day(-2) })).json();
    expect(g.progress.status).toBe('achieved');
    const p = await ws.owner.patch(api(ws.id, `/goals/${g.id}`), { target: 40, version: g.version });
    expect(p.json().progress.status).toBe('missed');
    expect((await ws.owner.patch(api(ws.id, `/goals/${g.id}`), { target: 41, version: g.version })).statusCode).toBe(409);
    expect((await ws.owner.patch(api(ws.id, `/goals/${g.id}`), { deadline: day(-100) })).statusCode).toBe(400);
    const baseline = (await ws.owner.get(api(ws.id, `/goals/baseline?metric=nps&startDate=${day(-5)}`))).json();
    expect(baseline).toMatchObject({ value: 25, n: 4 });
  });
});

describe('target-market worksheets', () => {
  it('links a customer segment and shows its name and member count, missing once deleted', async () => {
    const seg = await ws.owner.post(api(ws.id, '/segments'), { name: 'Taipei 台北', definition: { kind: 'group', match: 'all', conditions: [{ kind: 'trait', method: 'geographic', key: 'city', op: 'eq', value: 'Taipei' }] } });
    expect(seg.statusCode, seg.body).toBe(201);
    const res = await ws.owner.post(api(ws.id, '/market-worksheets'), {
      name: 'Lotus Mart', persona: 'Mei-Ling, 32', positioning: 'Curated quality in 24 hours',
      segmentation: [{ basis: 'geographic', description: 'Taipei', segmentId: seg.json().id, sizeEstimate: '2.6 M' }],
      engagement: [{ platform: 'LINE', tactics: 'Official account', kpi: 'Friends +25 %', budget: 450000 }, { platform: 'Shopee', tactics: 'Bundles' }],
    });
    expect(res.statusCode, res.body).toBe(201);
    const w = res.json();
    expect(w.segmentation[0].segment).toMatchObject({ name: 'Taipei 台北', memberCount: 0 });
    expect(w.engagement.map((e: { platform: string }) => e.platform)).toEqual(['LINE', 'Shopee']);
    expect((await ws.owner.get(api(ws.id, '/market-worksheets'))).json().items[0]).toMatchObject({ segments: 1, platforms: ['LINE', 'Shopee'] });
    expect((await ws.owner.delete(api(ws.id, `/segments/${seg.json().id}`))).statusCode).toBe(204);
    const after = (await ws.owner.get(api(ws.id, `/market-worksheets/${w.id}`))).json();
    expect(after.segmentation[0]).toMatchObject({ segment: null, segmentMissing: true });
    const edited = (await ws.owner.patch(api(ws.id, `/market-worksheets/${w.id}`), { engagement: [after.engagement[1]], version: 1 })).json();
    expect(edited.engagement).toEqual([after.engagement[1]]);
    expect((await ws.owner.patch(api(ws.id, `/market-worksheets/${w.id}`), { name: 'Stale', version: 1 })).statusCode).toBe(409);
  });
});

describe('access', () => {
  it('a second workspace gets 404 on the first one\'s records; a viewer reads but cannot change', async () => {
    const gap = (await ws.owner.post(api(ws.id, '/gap-analyses'), { name: 'Mine' })).json();
    const goal = (await ws.owner.post(api(ws.id, '/goals'), { title: 'Mine', metric: null, baselineValue: 1, target: 2, startDate: day(-1), deadline: day(9), checkIns: [{ date: day(0), value: 1.5 }] })).json();
    const sheet = (await ws.owner.post(api(ws.id, '/market-worksheets'), { name: 'Mine' })).json();
    for (const path of [`/gap-analyses/${gap.id}`, `/goals/${goal.id}`, `/market-worksheets/${sheet.id}`]) {
      expect((await empty.owner.get(api(empty.id, path))).statusCode).toBe(404);
      expect((await empty.owner.patch(api(empty.id, path), { name: 'x' })).statusCode).toBeGreaterThanOrEqual(400);
      expect((await empty.owner.delete(api(empty.id, path))).statusCode).toBe(404);
    }
    expect((await empty.owner.delete(api(empty.id, `/goal-check-ins/${goal.checkIns[0].id}`))).statusCode).toBe(404);
    expect((await empty.owner.post(api(empty.id, `/goals/${goal.id}/check-ins`), { date: day(0), value: 1 })).statusCode).toBe(404);
    expect((await empty.owner.get(api(empty.id, '/gap-analyses'))).json().items.some((i: { id: string }) => i.id === gap.id)).toBe(false);

    const viewer = await s.member(ws.id, ws.owner, 'viewer');
    expect((await viewer.get(api(ws.id, `/gap-analyses/${gap.id}`))).statusCode).toBe(200);
    expect((await viewer.patch(api(ws.id, `/gap-analyses/${gap.id}`), { name: 'No' })).statusCode).toBe(403);
    expect((await viewer.post(api(ws.id, '/gap-analyses/templates/course'))).statusCode).toBe(403);
  });
});

describe('demo', () => {
  it('seeds the course analysis, three goals and the Lotus Mart worksheet', async () => {
    const { seedDemoStrategy } = await import('../src/modules/strategy/index.js');
    const demo = await s.workspace('Demo');
    await seedDemoStrategy(s.deps, { workspaceId: demo.id, actor: { type: 'system', id: 'system', label: 'system' } });
    const gaps = (await demo.owner.get(api(demo.id, '/gap-analyses'))).json().items;
    expect(gaps).toHaveLength(1);
    const gap = (await demo.owner.get(api(demo.id, `/gap-analyses/${gaps[0].id}`))).json();
    expect(gap.rows[0].resolved).toMatchObject({ source: 'fallback', value: 50 });
    const goals = (await demo.owner.get(api(demo.id, '/goals'))).json().items;
    expect(goals.map((g: { template: string }) => g.template).sort()).toEqual(['cost_down_10', 'csat_up_10', 'retention_up_20']);
    const cost = goals.find((g: { template: string }) => g.template === 'cost_down_10');
    expect(cost.checkIns).toHaveLength(2);
    expect(cost.progress.status).toBe('on_track');
    const sheets = (await demo.owner.get(api(demo.id, '/market-worksheets'))).json().items;
    expect(sheets[0].name).toContain('蓮花商城');
  });
});
