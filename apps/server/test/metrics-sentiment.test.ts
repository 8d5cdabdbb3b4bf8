/**
 * Sentiment as a metric through the API, on a real store: open-text answers analysed in the
 * background reach GET /metrics (value with n and interval, label shares, trend, breakdown,
 * segments, change against the previous range), from the cube and equal to the rows; a re-analysis
 * by a newer model moves it; a deleted response takes its texts' sentiment with it; sentiment targets, benchmarks and CX index weights
 * (older versions without a sentiment weight read as 0); a sentiment alert the clock fires once texts
 * are analysed; bad input; isolation.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sentiment as sentimentOf } from '@touchpoint/shared';
import { queryMetrics, type MetricsQuery } from '../src/modules/metrics/metrics.service.js';
import { recordAnalysisChanges } from '../src/modules/metrics/index.js';
import { liveSurvey, startTestServer, type Client, type TestServer } from './harness.js';
import { eventually } from './alert-receivers.js';
import { recountAnalysedWorkspaces } from '../migrations/2026-11-23-0007-sentiment-cube.js';

const GOOD = ['Great service, the staff were friendly and quick.', '客服態度很好，速度也快。', '快递很快，客服态度很好。'];
const BAD = ['The parcel arrived late and the box was broken.', '退款一直没到账，请尽快处理！', 'APP一直閃退，很失望。'];

let s: TestServer, ws: { id: string; owner: Client }, sid: string;
const range = 'from=2026-01-01&to=2026-03-31';

async function analysed() {
  for (let i = 0; i < 400; i++) {
    await s.deps.outbox.drain();
    await s.text.idle();
    if ((await ws.owner.get(`/api/workspaces/${ws.id}/text/status`)).json().backlog === 0) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('analysis did not settle');
}

/** The stored analyses, with the channel and day of their response, read straight from the store. */
const stored = () => s.deps.db.selectFrom('text_analyses').innerJoin('responses', 'responses.id', 'text_analyses.response_id')
  .select(['text_analyses.sentiment_score as score', 'text_analyses.sentiment_label as label', 'responses.channel', 'responses.created_at', 'responses.id'])
  .where('text_analyses.workspace_id', '=', ws.id).execute();

async function sameAsRows(q: MetricsQuery) {
  const cube = await queryMetrics(s.deps, ws.id, q);
  expect(cube.source).toBe('cube');
  expect({ ...cube, source: 'x' }).toEqual({ ...(await queryMetrics(s.deps, ws.id, { ...q, forceRows: true })), source: 'x' });
  return cube;
}

beforeAll(async () => {
  s = await startTestServer({ alertEvaluateEveryMs: 200 }, { textSettleMs: 0, textChunk: 7 });
  ws = await s.workspace();
  sid = (await liveSurvey(ws.owner, ws.id)).id;
  // February: mostly happy email answers; March: unhappy link answers (two texts when nps ≤ 6).
  const responses = Array.from({ length: 40 }, (_, i) => {
    const march = i % 2 === 1;
    const nps = march ? i % 7 : 8 + (i % 3);
    const comment = march ? BAD[i % BAD.length] : GOOD[i % GOOD.length];
    return {
      answers: { nps, comment, ...(nps <= 6 ? { why_bad: BAD[(i + 1) % BAD.length] } : {}) }, channel: march ? 'link' : 'email',
      submittedAt: new Date(Date.UTC(2026, march ? 2 : 1, 1 + (i % 27), 10)).toISOString(),
    };
  });
  const res = await ws.owner.post(`/api/workspaces/${ws.id}/surveys/${sid}/responses/batch`, { responses });
  expect(res.statusCode, res.body).toBe(201);
  await analysed();
}, 60_000);
afterAll(async () => { await s.destroy(); });

describe('sentiment metric', () => {
  it('is the mean score of the analysed texts, with n, interval and label shares, from the cube', async () => {
    const texts = await stored();
    expect(texts.length).toBeGreaterThan(40);
    const res = await ws.owner.get(`/api/workspaces/${ws.id}/metrics?${range}&interval=month&compare=previous`);
    expect(res.statusCode).toBe(200);
    const m = res.json();
    expect(m.source).toBe('cube');
    const expected = sentimentOf(texts.map((t) => ({ score: Number(t.score), label: t.label })));
    expect(m.total.sentiment.n).toBe(texts.length);
    expect(m.total.sentiment.mean).toBeCloseTo(expected.mean!, 10);
    expect(m.total.sentiment.ci.low).toBeCloseTo(expected.ci!.low, 10);
    expect(m.total.sentiment.positiveShare).toBeCloseTo(expected.positiveShare!, 10);
    expect(m.total.sentiment.negative).toBe(texts.filter((t) => t.label === 'negative').length);
    // The trend: February happier than March.
    const [feb, mar] = m.series[0].points.filter((p: { period: string }) => p.period >= '2026-02').map((p: { sentiment: { mean: number } }) => p.sentiment.mean);
    expect(feb).toBeGreaterThan(0.2);
    expect(mar).toBeLessThan(-0.1);
    // The previous range (Oct–Dec 2025) has no texts: nothing to test against.
    expect(m.previous.total.sentiment.n).toBe(0);
    expect(m.previous.change.sentiment).toMatchObject({ delta: null, significant: false });
  });

  it('trends by day and week, breaks down, compares segments, and equals the rows', async () => {
    for (const interval of ['day', 'week', 'month', 'total'] as const) await sameAsRows({ from: '2026-01-01', to: '2026-03-31', interval });
    const byChannel = await sameAsRows({ from: '2026-01-01', to: '2026-03-31', interval: 'total', by: 'channel', versus: ['email', 'link'] });
    const email = byChannel.series.find((g) => g.group === 'email')!.points[0].sentiment;
    expect(email.n).toBe((await stored()).filter((t) => t.channel === 'email').length);
    expect(byChannel.versus!.change.sentiment.delta).toBeLessThan(-0.3);
    expect(byChannel.versus!.change.sentiment.significant).toBe(true);
    await sameAsRows({ from: '2026-01-01', to: '2026-03-31', interval: 'month', by: 'language' });
    const march = await sameAsRows({ from: '2026-03-01', to: '2026-03-31', interval: 'total', compare: 'previous' });
    expect(march.previous!.change.sentiment.delta).toBeLessThan(-0.3);
    expect(march.previous!.change.sentiment.significant).toBe(true);
  });

  it('follows a re-analysis by a newer model through the real store path', async () => {
    const q: MetricsQuery = { from: '2026-01-01', to: '2026-03-31', interval: 'month', by: 'channel' };
    const original = await sameAsRows(q);
    // Ten texts as an older model scored them (kept in the cube the way the store keeps it).
    const older = (await s.deps.db.selectFrom('text_analyses').select(['id', 'response_id']).where('workspace_id', '=', ws.id).orderBy('id').limit(10).execute());
    await s.deps.db.transaction().execute((trx) => recordAnalysisChanges(trx, older.map((o) => o.response_id), () =>
      trx.updateTable('text_analyses').set({ model_version: 'tp-older', sentiment_score: 0.99, sentiment_label: 'positive' }).where('id', 'in', older.map((o) => o.id)).execute()));
    expect((await sameAsRows(q)).total.sentiment.mean).not.toBeCloseTo(original.total.sentiment.mean!, 6);
    expect((await ws.owner.post(`/api/workspaces/${ws.id}/text/reanalyze`, {})).statusCode).toBe(202);
    await eventually(async () => {
      const st = (await ws.owner.get(`/api/workspaces/${ws.id}/text/status`)).json();
      return st.reanalysis === null && st.otherModelVersions === 0;
    }, 15_000, 'the re-analysis');
    expect(await sameAsRows(q)).toEqual(original);
  });

  it('loses a deleted response\'s texts with it', async () => {
    const before = (await queryMetrics(s.deps, ws.id, { from: '2026-01-01', to: '2026-03-31', interval: 'total' })).total.sentiment.n;
    const victim = (await stored()).find((t) => t.channel === 'link')!;
    const texts = (await stored()).filter((t) => t.id === victim.id).length;
    expect((await ws.owner.delete(`/api/workspaces/${ws.id}/surveys/${sid}/responses/${victim.id}`)).statusCode).toBe(204);
    const after = await sameAsRows({ from: '2026-01-01', to: '2026-03-31', interval: 'total' });
    expect(after.total.sentiment.n).toBe(before - texts);
  });

  it('takes sentiment targets and benchmarks on −1…1, and refuses others with the field path', async () => {
    const target = await ws.owner.post(`/api/workspaces/${ws.id}/metrics/targets`, { metric: 'sentiment', operator: '>=', value: 0.25, due: '2027-06-30' });
    expect(target.statusCode, target.body).toBe(201);
    const bench = await ws.owner.post(`/api/workspaces/${ws.id}/metrics/benchmarks`, { metric: 'sentiment', kind: 'industry', label: 'Retail', value: -0.05, source: 'report', asOf: '2026-01-01' });
    expect(bench.statusCode, bench.body).toBe(201);
    const bad = await ws.owner.post(`/api/workspaces/${ws.id}/metrics/targets`, { metric: 'sentiment', operator: '>=', value: 30, due: '2027-06-30' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.map((d: { path: string }) => d.path)).toEqual(['body.value']);
    expect((await ws.owner.post(`/api/workspaces/${ws.id}/metrics/targets`, { metric: 'nps', operator: '>=', value: 30, due: '2027-06-30' })).statusCode).toBe(201);
  });

  it('joins the CX index with its own weight; versions without one weigh it 0', async () => {
    const base = `/api/workspaces/${ws.id}/metrics`;
    expect((await ws.owner.get(`${base}/cx-index`)).json().weights).toEqual({ nps: 1, csat: 1, ces: 1, sentiment: 0 });
    // A version saved before sentiment existed (its JSON has no sentiment key).
    await s.deps.db.insertInto('cx_index_versions').values({ workspace_id: ws.id, version: 1, weights: JSON.stringify({ nps: 1, csat: 0, ces: 0 }), created_by: 'old', created_at: '2026-01-01T00:00:00.000Z' }).execute();
    expect((await ws.owner.get(`${base}/cx-index`)).json().history[0].weights).toEqual({ nps: 1, csat: 0, ces: 0, sentiment: 0 });
    const onlyNps = (await ws.owner.get(`${base}?${range}&interval=total`)).json().total;
    expect(onlyNps.cxIndex.value).toBeCloseTo((onlyNps.nps.nps + 100) / 2, 10);

    const put = await ws.owner.request({ method: 'PUT', url: `${base}/cx-index`, payload: { nps: 1, csat: 0, ces: 0, sentiment: 3 } });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json().version).toBe(2);
    const m = (await ws.owner.get(`${base}?${range}&interval=month`)).json();
    expect(m.cxIndexVersion).toBe(2);
    const t = m.total;
    expect(t.cxIndex.components.sentiment).toBeCloseTo((t.sentiment.mean + 1) * 50, 10);
    expect(t.cxIndex.value).toBeCloseTo(((t.nps.nps + 100) / 2 + 3 * (t.sentiment.mean + 1) * 50) / 4, 10);
    // The index trends with it: each month's index uses that month's sentiment.
    for (const p of m.series[0].points) expect(p.cxIndex.components.sentiment).toBeCloseTo((p.sentiment.mean + 1) * 50, 10);

    const bad = await ws.owner.request({ method: 'PUT', url: `${base}/cx-index`, payload: { nps: 0, csat: 0, ces: 0, sentiment: -1 } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.map((d: { path: string }) => d.path)).toContain('body.sentiment');
  });

  it('fires a sentiment alert from the clock: texts are analysed after the arrivals were evaluated', async () => {
    const now = new Date().toISOString();
    const res = await ws.owner.post(`/api/workspaces/${ws.id}/surveys/${sid}/responses/batch`, { responses: BAD.map((comment) => ({ answers: { nps: 2, comment }, submittedAt: now })) });
    expect(res.statusCode, res.body).toBe(201);
    await analysed();
    // The arrivals' evaluation runs when its 1 s window closes: let it pass, then create the rule,
    // so no arrival wakes it and only the clock can.
    await new Promise((r) => setTimeout(r, 1_500));
    const rule = await ws.owner.post(`/api/workspaces/${ws.id}/alerts/rules`, { name: 'Unhappy today', metric: 'sentiment', kind: 'threshold', config: { operator: 'below', value: 0, windowDays: 1 }, minResponses: 3 });
    expect(rule.statusCode, rule.body).toBe(201);
    const [alert] = await eventually(async () => {
      const items = (await ws.owner.get(`/api/workspaces/${ws.id}/alerts?ruleId=${rule.json().id}`)).json().items;
      return items.length > 0 && items;
    }, 10_000, 'the sentiment alert');
    const today = (await queryMetrics(s.deps, ws.id, { from: now.slice(0, 10), to: now.slice(0, 10), interval: 'total' })).total.sentiment;
    expect(alert).toMatchObject({ n: today.n, window: { from: now.slice(0, 10), to: now.slice(0, 10) } });
    expect(alert.value).toBeCloseTo(today.mean!, 10);
    expect(alert.value).toBeLessThan(0);
    const bad = await ws.owner.post(`/api/workspaces/${ws.id}/alerts/rules`, { name: 'x', metric: 'sentiment', kind: 'threshold', config: { operator: 'below', value: -3 } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.map((d: { path: string }) => d.path)).toEqual(['body.config.value']);
  });

  it('migration 0007 recounts workspaces analysed before it, so their cells get the sentiment they lacked', async () => {
    const q: MetricsQuery = { from: '2026-01-01', to: '2026-12-31', interval: 'month', by: 'channel' };
    const expected = await queryMetrics(s.deps, ws.id, q);
    expect(expected.total.sentiment.n).toBeGreaterThan(0);
    // The cube as 0007 finds it: cells without sentiment.
    await s.deps.db.updateTable('metric_cube').set({ sent_n: 0, sent_sum: 0, sent_sq: 0, sent_pos: 0, sent_neg: 0 }).where('workspace_id', '=', ws.id).execute();
    expect((await queryMetrics(s.deps, ws.id, q)).total.sentiment.n).toBe(0);
    // A workspace whose rows all came through the SQLite writer thread had no settings row before 0007: it gets the defaults.
    await s.deps.db.deleteFrom('metric_settings').where('workspace_id', '=', ws.id).execute();
    await recountAnalysedWorkspaces(s.deps.db as never);
    expect(await s.deps.db.selectFrom('metric_settings').select(['time_zone', 'recount_after_at', 'updated_at']).where('workspace_id', '=', ws.id).executeTakeFirst())
      .toEqual({ time_zone: 'UTC', recount_after_at: '', updated_at: '' });
    const during = await queryMetrics(s.deps, ws.id, q);
    expect(during.source).toBe('rows'); // exact meanwhile
    expect({ ...during, source: 'x' }).toEqual({ ...expected, source: 'x' });
    s.recounts.kick(ws.id);
    await s.recounts.idle();
    expect(await sameAsRows(q)).toEqual(expected);
  });

  it('is kept per workspace', async () => {
    const other = await s.workspace();
    const m = (await other.owner.get(`/api/workspaces/${other.id}/metrics?${range}&interval=total`)).json();
    expect(m.total.sentiment).toMatchObject({ n: 0, mean: null });
    expect((await other.owner.get(`/api/workspaces/${ws.id}/metrics?${range}`)).statusCode).toBe(404);
  });
});
