/**
 * The metric cube answers exactly what the rows answer: random responses (batch API — the SQLite
 * writer thread — public submits, partials completed later, deletions), random settings changes (time zone,
 * analysed metadata keys: a recount, run in chunks of 7 rows in the background, so later changes
 * and queries often meet it half done) and random queries (ranges, intervals, breakdowns, filters,
 * time zones). On both stores (npm run test:pg runs this file against PostgreSQL).
 * Sentiment too: open-text answers are analysed in the background (chunks of 5, while recounts and
 * deletions run), and stored analyses are changed or removed at random (a re-analysis, an answer
 * gone) through the same metrics call the analysis store makes.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryMetrics, type MetricsQuery } from '../src/modules/metrics/metrics.service.js';
import { recordAnalysisChanges } from '../src/modules/metrics/index.js';
import { liveSurvey, startTestServer, textSettled, type Client, type TestServer } from './harness.js';

const RUNS = Number(process.env.CUBE_RUNS ?? 12);
// The coverage checks after the property (the cube answered, with analysed texts) depend on which
// cases were drawn: one fixed seed keeps CI from failing on an unlucky draw; CUBE_SEED tries others.
const SEED = Number(process.env.CUBE_SEED ?? 20261123);
const ZONES = ['UTC', 'Asia/Taipei', 'America/New_York', 'Asia/Kolkata', 'Australia/Lord_Howe', 'Europe/London'];
const CHANNELS = ['link', 'email', 'api', 'sms'];
let s: TestServer, owner: Client, wid: string, key: string;
let surveys: { id: string; publicId: string }[];

beforeAll(async () => {
  s = await startTestServer({ publicRateLimit: 1_000_000 }, { recountChunkRows: 7, textChunk: 5, textSettleMs: 0 });
  const ws = await s.workspace();
  wid = ws.id; owner = ws.owner;
  surveys = [await liveSurvey(owner, wid), await liveSurvey(owner, wid)];
  key = await s.apiKey(wid, ['responses:write']);
}, 60_000);
afterAll(async () => { await s.destroy(); });

// Around a DST change (2026-03-08 US, 2026-03-29 UK, 2026-04-05 Lord Howe) and month ends.
const instant = fc.integer({ min: Date.parse('2026-02-20T00:00:00Z'), max: Date.parse('2026-04-10T00:00:00Z') }).map((ms) => new Date(ms).toISOString());
const response = fc.record({
  survey: fc.nat(1), at: instant, channel: fc.constantFrom(...CHANNELS),
  touchpoint: fc.option(fc.constantFrom('store', 'web', 'call'), { nil: undefined }),
  language: fc.option(fc.constantFrom('en', 'zh-Hant'), { nil: undefined }),
  plan: fc.option(fc.constantFrom('free', 'pro'), { nil: undefined }),
  region: fc.option(fc.constantFrom('north', 'south'), { nil: undefined }),
  nps: fc.integer({ min: 0, max: 10 }), csat: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }), ces: fc.option(fc.integer({ min: 1, max: 7 }), { nil: undefined }),
  complete: fc.boolean(),
  comment: fc.option(fc.constantFrom('Great service, thank you!', 'The parcel arrived late and broken.', '客服態度很好。', '退款一直没到账。', 'ok'), { nil: undefined }),
});
const dayFrom = (start: number, days: number) => fc.integer({ min: 0, max: days }).map((d) => new Date(start + d * 86_400_000).toISOString().slice(0, 10));
// Batches carry submittedAt in Feb–Apr; public submits land today: ranges cover either or both.
const day = fc.oneof(dayFrom(Date.parse('2026-02-15T00:00:00Z'), 55), dayFrom(Date.now() - 4 * 86_400_000, 5));
const query = fc.record({
  range: fc.tuple(day, day).map(([a, b]) => (a <= b ? [a, b] : [b, a])),
  // Mostly the workspace's zone (the cube answers), sometimes another one (the rows answer).
  tz: fc.oneof({ weight: 3, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.constantFrom(...ZONES) }),
  interval: fc.constantFrom('day', 'week', 'month', 'total'),
  by: fc.option(fc.constantFrom('channel', 'survey', 'touchpoint', 'language', 'meta:plan', 'meta:region'), { nil: undefined }),
  meta: fc.oneof({ weight: 2, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.constantFrom(['plan', 'pro'], ['plan', 'free'], ['region', 'north']) }),
  channels: fc.option(fc.subarray(CHANNELS, { minLength: 1 }), { nil: undefined }),
  survey: fc.option(fc.nat(1), { nil: undefined }),
});
type Of<A> = A extends fc.Arbitrary<infer T> ? T : never;
type Resp = Of<typeof response>;
type Query = Of<typeof query>;
const settings = fc.record({ timeZone: fc.constantFrom(...ZONES), dimensions: fc.subarray(['plan', 'region']) });

let n = 0;
async function store(items: Resp[]) {
  const answers = (r: Resp) => ({ nps: r.nps, ...(r.csat ? { csat: r.csat } : {}), ...(r.ces ? { ces: r.ces } : {}), ...(r.comment ? { comment: r.comment, ...(r.nps <= 6 ? { why_bad: r.comment } : {}) } : {}) });
  const metadata = (r: Resp) => ({ ...(r.plan ? { plan: r.plan } : {}), ...(r.region ? { region: r.region } : {}) });
  const half = Math.ceil(items.length / 2);
  for (const sv of [0, 1]) {
    const batch = items.slice(0, half).filter((r) => r.survey === sv).map((r) => ({
      idempotencyKey: `cube-${n++}`, answers: answers(r), complete: r.complete, channel: r.channel, touchpoint: r.touchpoint, language: r.language, metadata: metadata(r), submittedAt: r.at,
    }));
    if (!batch.length) continue;
    const res = await s.app.inject({ method: 'POST', url: `/api/workspaces/${wid}/surveys/${surveys[sv].id}/responses/batch`, headers: { authorization: `Bearer ${key}` }, payload: { responses: batch } });
    expect(res.statusCode, res.body).toBe(201);
  }
  // Public submits land "now"; some are partial first and completed by a second submit. They go
  // in concurrently, so they share grouped transactions (and the cube delta those keep).
  await Promise.all(items.slice(half).map(async (r) => {
    const body = { idempotencyKey: `cube-pub-${n++}`, answers: answers(r), channel: CHANNELS.includes(r.channel) && r.channel !== 'api' ? r.channel : 'link', touchpoint: r.touchpoint, language: r.language, metadata: metadata(r) };
    const url = `/api/public/surveys/${surveys[r.survey].publicId}/responses`;
    if (!r.complete) expect((await s.app.inject({ method: 'POST', url, payload: { ...body, complete: false, answers: { nps: (r.nps + 3) % 11 } } })).statusCode).toBe(201);
    expect((await s.app.inject({ method: 'POST', url, payload: body })).statusCode).toBe(201);
  }));
}

function toQuery(q: Query): MetricsQuery {
  return {
    from: q.range[0], to: q.range[1], timeZone: q.tz, interval: q.interval as MetricsQuery['interval'], by: q.by as MetricsQuery['by'],
    meta: q.meta && { key: q.meta[0], value: q.meta[1] }, channels: q.channels, surveyIds: q.survey === undefined ? undefined : [surveys[q.survey].id], compare: 'previous',
  };
}

/** A re-analysis with another outcome (new score and label), or an answer whose analysis is gone. */
const rewrite = fc.record({ pick: fc.nat(), score: fc.integer({ min: -10_000, max: 10_000 }).map((k) => k / 1e4), label: fc.constantFrom('positive', 'negative', 'neutral'), drop: fc.boolean() });
async function rewriteAnalyses(changes: Of<typeof rewrite>[]) {
  const stored = await s.deps.db.selectFrom('text_analyses').select(['id', 'response_id']).where('workspace_id', '=', wid).orderBy('id').execute();
  if (!stored.length) return;
  await s.deps.db.transaction().execute(async (trx) => {
    const picked = changes.map((c) => ({ ...c, row: stored[c.pick % stored.length] }));
    await recordAnalysisChanges(trx, picked.map((p) => p.row.response_id), async () => {
      for (const p of picked) {
        if (p.drop) await trx.deleteFrom('text_analyses').where('id', '=', p.row.id).execute();
        else await trx.updateTable('text_analyses').set({ sentiment_score: p.score, sentiment_label: p.label }).where('id', '=', p.row.id).execute();
      }
    });
  });
}

describe('metric cube', () => {
  it('answers every query exactly as the rows do, while responses and settings change', async () => {
    let fromCube = 0, withSentiment = 0;
    await fc.assert(fc.asyncProperty(fc.array(response, { minLength: 1, maxLength: 30 }), fc.option(settings, { nil: undefined }), fc.array(query, { minLength: 3, maxLength: 6 }), fc.array(fc.nat(), { maxLength: 3 }), fc.boolean(), fc.array(rewrite, { maxLength: 3 }), async (items, change, queries, deletions, settle, rewrites) => {
      await store(items);
      await rewriteAnalyses(rewrites); // analyses of earlier runs; this run's are being analysed meanwhile
      // Delete a few stored responses through the API: every number they touched must follow.
      const stored = await s.deps.db.selectFrom('responses').select(['id', 'survey_id']).where('workspace_id', '=', wid).orderBy('id').execute();
      const victims = deletions.map((d) => stored.splice(d % Math.max(1, stored.length), 1)[0]).filter(Boolean);
      await Promise.all(victims.map(async (v) => expect((await owner.delete(`/api/workspaces/${wid}/surveys/${v.survey_id}/responses/${v.id}`)).statusCode).toBe(204)));
      if (change) expect((await owner.request({ method: 'PUT', url: `/api/workspaces/${wid}/metrics/settings`, payload: change })).statusCode).toBe(200);
      // Half the time the recount is left running into the queries and the next run's changes.
      if (settle) await s.recounts.idle();
      // Analyses commit in the background: let them all land, so both answers read the same texts.
      // (Not one drain + idle: a drain returns at once while the background one runs its handlers,
      // and analyses it starts then land between the cube's answer and the rows'.)
      await textSettled(s);
      for (const q of queries) {
        const cube = await queryMetrics(s.deps, wid, toQuery(q));
        const rows = await queryMetrics(s.deps, wid, { ...toQuery(q), forceRows: true });
        if (cube.source === 'cube') fromCube++;
        if (cube.source === 'cube' && cube.total.sentiment.n > 0) withSentiment++;
        expect({ ...cube, source: 'x' }).toEqual({ ...rows, source: 'x' });
      }
    }), { numRuns: RUNS, seed: SEED });
    expect(fromCube).toBeGreaterThan(RUNS / 2); // the cube did answer many of them
    expect(withSentiment).toBeGreaterThan(RUNS / 4); // … with analysed texts in them
  }, 240_000);

  it('drops a deleted survey\'s numbers with it', async () => {
    const extra = await liveSurvey(owner, wid);
    const res = await s.app.inject({ method: 'POST', url: `/api/workspaces/${wid}/surveys/${extra.id}/responses/batch`, headers: { authorization: `Bearer ${key}` }, payload: { responses: [{ answers: { nps: 10 }, submittedAt: '2026-03-03T10:00:00Z' }, { answers: { nps: 1 } }] } });
    expect(res.statusCode).toBe(201);
    const q = { from: '2026-01-01', to: '2026-12-31', interval: 'total' as const, by: 'survey' as const };
    expect((await queryMetrics(s.deps, wid, q)).series.some((g) => g.group === extra.id)).toBe(true);
    expect((await owner.delete(`/api/workspaces/${wid}/surveys/${extra.id}`)).statusCode).toBe(204);
    const after = await queryMetrics(s.deps, wid, q);
    expect(after.series.some((g) => g.group === extra.id)).toBe(false);
    expect({ ...after, source: 'x' }).toEqual({ ...(await queryMetrics(s.deps, wid, { ...q, forceRows: true })), source: 'x' });
  });

  it('is kept per workspace: another workspace\'s responses never show', async () => {
    const other = await s.workspace();
    const sv = await liveSurvey(other.owner, other.id);
    const k = await s.apiKey(other.id, ['responses:write']);
    const res = await s.app.inject({ method: 'POST', url: `/api/workspaces/${other.id}/surveys/${sv.id}/responses/batch`, headers: { authorization: `Bearer ${k}` }, payload: { responses: [{ answers: { nps: 0 }, submittedAt: '2026-03-01T12:00:00Z' }] } });
    expect(res.statusCode).toBe(201);
    const mine = await owner.get(`/api/workspaces/${wid}/metrics?from=2026-01-01&to=2026-12-31&interval=total`);
    const theirs = await other.owner.get(`/api/workspaces/${other.id}/metrics?from=2026-01-01&to=2026-12-31&interval=total`);
    expect(theirs.json().total.responses).toBe(1);
    expect(mine.json().total.responses).toBe((await queryMetrics(s.deps, wid, { from: '2026-01-01', to: '2026-12-31', interval: 'total', forceRows: true })).total.responses);
    expect((await owner.get(`/api/workspaces/${other.id}/metrics?from=2026-01-01&to=2026-12-31`)).statusCode).toBe(404);
  });

  it('refuses bad queries with field paths', async () => {
    const bad = async (qs: string) => (await owner.get(`/api/workspaces/${wid}/metrics?${qs}`)).json().error;
    expect((await bad('from=2026-02-30&to=2026-03-01')).details[0].path).toBe('querystring.from');
    expect((await bad('from=2026-03-01&to=2026-02-01')).details[0].path).toBe('querystring.to');
    expect((await bad('from=2026-03-01&to=2026-03-02&tz=Mars/Olympus')).details[0].path).toBe('querystring.tz');
    expect((await bad('from=2026-03-01&to=2026-03-02&by=colour')).details[0].path).toBe('querystring.by');
    expect((await bad('from=2026-03-01&to=2026-03-02&meta=plan')).details[0].path).toBe('querystring.meta');
    const put = await owner.request({ method: 'PUT', url: `/api/workspaces/${wid}/metrics/settings`, payload: { timeZone: 'Nowhere/Land', dimensions: ['ok', 'not ok'] } });
    expect(put.statusCode).toBe(400);
    expect(put.json().error.details.map((d: { path: string }) => d.path).sort()).toEqual(['body.dimensions[1]', 'body.timeZone']);
  });
});
