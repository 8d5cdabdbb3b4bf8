/**
 * Text analytics through the API on a real store: background analysis of open-text answers in
 * en / 繁 / 简, the explorer's filters and keyset paging against a filter computed here over the
 * stored analyses (fast-check), taxonomy edits re-tagging history, isolation, bad input, resume.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { TextAnalysisItem } from '@touchpoint/shared';
import { liveSurvey, startTestServer, type Client, type TestServer } from './harness.js';
import { MIXED_COMMENTS } from './mixed-comments.js';
import { MODEL_VERSION, TextWorker } from '../src/modules/text-analytics/index.js';

const COMMENTS = MIXED_COMMENTS;

let s: TestServer;
let ws: { id: string; owner: Client };
let sid: string;
let all: TextAnalysisItem[] = [];

async function batch(n: number, offset = 0) {
  const responses = Array.from({ length: n }, (_, i) => {
    const k = i + offset;
    const nps = k % 11;
    return { answers: { nps, comment: COMMENTS[k % COMMENTS.length], ...(nps <= 6 ? { why_bad: COMMENTS[(k + 5) % COMMENTS.length] } : {}) }, submittedAt: new Date(Date.UTC(2026, 0, 1 + (k % 40), k % 24)).toISOString() };
  });
  const res = await ws.owner.post(`/api/workspaces/${ws.id}/surveys/${sid}/responses/batch`, { responses });
  expect(res.statusCode, res.body).toBeLessThan(300);
}
const textsOf = (n: number, offset = 0) => Array.from({ length: n }, (_, i) => ((i + offset) % 11 <= 6 ? 2 : 1)).reduce((a, b) => a + b, 0);

async function settled(expected: number) {
  for (let i = 0; i < 200; i++) {
    await s.deps.outbox.drain();
    await s.text.idle();
    const st = (await ws.owner.get(`/api/workspaces/${ws.id}/text/status`)).json();
    if (st.backlog === 0 && st.analyzed === expected && st.retag === null) return st;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('analysis did not settle');
}

async function everything(query = ''): Promise<TextAnalysisItem[]> {
  const out: TextAnalysisItem[] = [];
  let cursor: string | null = null;
  do {
    const res = await ws.owner.get(`/api/workspaces/${ws.id}/text/analyses?limit=7${query}${cursor ? `&cursor=${cursor}` : ''}`);
    expect(res.statusCode, res.body).toBe(200);
    out.push(...res.json().items);
    cursor = res.json().nextCursor;
  } while (cursor);
  return out;
}

beforeAll(async () => {
  s = await startTestServer({}, { textSettleMs: 0, textChunk: 9, textRetagChunk: 11 });
  ws = await s.workspace();
  sid = (await liveSurvey(ws.owner, ws.id)).id;
});
afterAll(async () => { await s.destroy(); });

describe('text analytics', () => {
  it('analyses open-text answers in the background, with the model version', async () => {
    await batch(60);
    const st = await settled(textsOf(60));
    expect(st.modelVersion).toBe(MODEL_VERSION);
    all = await everything();
    expect(all).toHaveLength(textsOf(60));
    expect(new Set(all.map((a) => a.id)).size).toBe(all.length);
    expect(all.every((a) => a.modelVersion === MODEL_VERSION && a.surveyId === sid)).toBe(true);
    const byText = (t: string) => all.find((a) => a.text === t)!;
    expect(byText(COMMENTS[0]).language).toBe('en');
    expect(byText(COMMENTS[4]).language).toBe('zh-Hant');
    expect(byText(COMMENTS[9]).language).toBe('zh-Hans');
    expect(byText(COMMENTS[9]).sentiment.label).toBe('negative');
    expect(byText(COMMENTS[0]).themes.map((t) => t.id)).toContain('delivery');
    expect(byText(COMMENTS[8]).themes.map((t) => t.id)).toContain('price');
    const a = byText(COMMENTS[2]).aspects[0];
    expect(COMMENTS[2].slice(a.start, a.end)).toBe(a.term);
    // Newest first by response time.
    const keys = all.map((x) => `${x.createdAt}|${x.id}`);
    expect([...keys].sort().reverse()).toEqual(keys);
  });

  it('explorer filters and pages exactly like a filter over the stored analyses', async () => {
    const themes = ['delivery', 'price', 'staff', 'app-website', 'refund-returns'];
    const band = (n: number | null) => (n === null ? null : n >= 9 ? 'promoter' : n >= 7 ? 'passive' : 'detractor');
    await fc.assert(fc.asyncProperty(
      fc.record({
        theme: fc.option(fc.constantFrom(...themes), { nil: undefined }),
        sentiment: fc.option(fc.constantFrom('negative', 'neutral', 'positive'), { nil: undefined }),
        language: fc.option(fc.constantFrom('en', 'zh-Hant', 'zh-Hans'), { nil: undefined }),
        scoreBand: fc.option(fc.constantFrom('promoter', 'passive', 'detractor'), { nil: undefined }),
        q: fc.option(fc.constantFrom('app', '退款', 'price', '快遞'), { nil: undefined }),
        from: fc.option(fc.constantFrom('2026-01-05', '2026-01-20'), { nil: undefined }),
        questionId: fc.option(fc.constantFrom('comment', 'why_bad'), { nil: undefined }),
      }),
      async (f) => {
        const qs = Object.entries(f).filter(([, v]) => v !== undefined).map(([k, v]) => `&${k}=${encodeURIComponent(v as string)}`).join('');
        const got = (await everything(qs)).map((x) => x.id);
        const want = all.filter((x) => (!f.theme || x.themes.some((t) => t.id === f.theme)) && (!f.sentiment || x.sentiment.label === f.sentiment)
          && (!f.language || x.language === f.language) && (!f.scoreBand || band(x.nps) === f.scoreBand)
          && (!f.q || x.text.toLowerCase().includes(f.q.toLowerCase())) && (!f.from || x.createdAt >= `${f.from}T00:00:00.000Z`)
          && (!f.questionId || x.questionId === f.questionId)).map((x) => x.id);
        expect(got).toEqual(want);
        const first = (await ws.owner.get(`/api/workspaces/${ws.id}/text/analyses?limit=3${qs}`)).json();
        expect(first.total).toBe(want.length);
        const sum = first.facets.sentiment.negative + first.facets.sentiment.neutral + first.facets.sentiment.positive;
        expect(sum).toBe(want.length);
        if (f.theme) expect(first.facets.themes.find((t: { id: string }) => t.id === f.theme)?.count ?? 0).toBe(want.length);
      },
    ), { numRuns: 25 });
    expect((await everything(`&surveyId=${sid}`)).length).toBe(all.length);
    expect((await everything('&surveyId=nope')).length).toBe(0);
  });

  it('a taxonomy edit re-tags history in the background, with progress', async () => {
    const created = await ws.owner.post(`/api/workspaces/${ws.id}/text/themes`, { name: 'Packaging', keywords: ['packaging', 'box', '包裝'] });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().id).toBe('packaging');
    const view = (await ws.owner.get(`/api/workspaces/${ws.id}/text/themes`)).json();
    expect(view.version).toBe(2);
    expect(view.themes.map((t: { id: string }) => t.id)).toContain('packaging');
    if (view.retag) expect(view.retag.total).toBe(all.length);
    await settled(all.length);
    const tagged = await everything('&theme=packaging');
    const want = all.filter((x) => /packaging|box|包裝|包装/i.test(x.text)).map((x) => x.id);
    expect(tagged.map((x) => x.id)).toEqual(want);
    expect(want.length).toBeGreaterThan(0);
    expect(tagged.every((x) => x.taxonomyVersion === 2 && x.modelVersion === MODEL_VERSION)).toBe(true);
    // Rename, then delete: the name follows at once, the filter empties.
    expect((await ws.owner.patch(`/api/workspaces/${ws.id}/text/themes/packaging`, { name: 'Boxes' })).statusCode).toBe(200);
    await settled(all.length);
    expect((await everything('&theme=packaging'))[0].themes.find((t) => t.id === 'packaging')?.name).toBe('Boxes');
    expect((await ws.owner.delete(`/api/workspaces/${ws.id}/text/themes/packaging`)).statusCode).toBe(204);
    await settled(all.length);
    expect(await everything('&theme=packaging')).toEqual([]);
    const audit = (await ws.owner.get(`/api/workspaces/${ws.id}/audit?limit=100`)).json().items.map((a: { action: string }) => a.action);
    expect(audit).toEqual(expect.arrayContaining(['text_theme.created', 'text_theme.updated', 'text_theme.deleted', 'text_taxonomy.retagged', 'text.analyzed']));
  });

  it('suggests themes from key phrases and adopts one', async () => {
    const sug = await ws.owner.get(`/api/workspaces/${ws.id}/text/themes/suggestions?from=2026-01-01&to=2026-12-31`);
    expect(sug.statusCode, sug.body).toBe(200);
    expect(sug.json().texts).toBe(all.length);
    const adopt = await ws.owner.post(`/api/workspaces/${ws.id}/text/themes/suggestions/adopt`, { label: 'Service speed', phrases: ['service', '服務'] });
    expect(adopt.statusCode, adopt.body).toBe(201);
    expect(adopt.json()).toMatchObject({ id: 'service-speed', name: 'Service speed', keywords: ['service', '服務'] });
    await settled(all.length);
    expect((await everything('&theme=service-speed')).length).toBeGreaterThan(0);
  });

  it('keeps workspaces apart and answers bad input with 400 and field paths', async () => {
    const other = await s.workspace();
    expect((await other.owner.get(`/api/workspaces/${other.id}/text/analyses`)).json().items).toEqual([]);
    expect((await other.owner.get(`/api/workspaces/${ws.id}/text/analyses`)).statusCode).toBe(404);
    expect((await other.owner.patch(`/api/workspaces/${other.id}/text/themes/service-speed`, { name: 'x' })).statusCode).toBe(404);
    expect((await other.owner.delete(`/api/workspaces/${ws.id}/text/themes/delivery`)).statusCode).toBe(404);
    const bad = await ws.owner.get(`/api/workspaces/${ws.id}/text/analyses?sentiment=angry&limit=0&theme=Bad%20Id`);
    expect(bad.statusCode).toBe(400);
    const paths = bad.json().error.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['querystring.sentiment', 'querystring.limit', 'querystring.theme']));
    const cur = await ws.owner.get(`/api/workspaces/${ws.id}/text/analyses?cursor=garbage`);
    expect(cur.statusCode).toBe(400);
    const body = await ws.owner.post(`/api/workspaces/${ws.id}/text/themes`, { name: '', keywords: 'x' });
    expect(body.statusCode).toBe(400);
    expect(body.json().error.details.map((d: { path: string }) => d.path)).toEqual(expect.arrayContaining(['body.name', 'body.keywords']));
    expect((await ws.owner.post(`/api/workspaces/${ws.id}/text/themes`, { id: 'delivery', name: 'Again', keywords: ['x'] })).statusCode).toBe(409);
  });

  it('resumes a backlog after a restart without analysing anything twice', async () => {
    await s.text.stop();
    await batch(40, 60);
    await s.deps.outbox.drain();
    // A first worker does part of the backlog and is stopped; a second one (the restart) finishes.
    const first = new TextWorker(s.deps, { chunk: 5, settleMs: 0 });
    first.kick();
    await new Promise((r) => setTimeout(r, 30));
    await first.stop();
    const mid = (await ws.owner.get(`/api/workspaces/${ws.id}/text/status`)).json();
    expect(mid.backlog).toBeLessThan(40);
    const second = new TextWorker(s.deps, { chunk: 7, settleMs: 0 });
    await second.start();
    await second.idle();
    const total = all.length + textsOf(40, 60);
    const st = (await ws.owner.get(`/api/workspaces/${ws.id}/text/status`)).json();
    expect(st).toMatchObject({ backlog: 0, analyzed: total });
    const after = await everything();
    expect(after).toHaveLength(total);
    expect(new Set(after.map((x) => `${x.responseId}|${x.questionId}`)).size).toBe(total);
    // Analyses made before the stop were kept, not redone.
    const kept = new Map(after.map((x) => [x.id, x]));
    expect(all.every((x) => kept.get(x.id)?.analyzedAt === x.analyzedAt)).toBe(true);
    await second.stop();
  });
});
