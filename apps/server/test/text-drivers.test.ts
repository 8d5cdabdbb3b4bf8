/**
 * Driver analysis through the API on a real store: the numbers equal the pure formula over the
 * same rows (scores as submitted, themes as the explorer shows them), under each dashboard filter;
 * the overall number equals GET …/metrics; another workspace's answers never count; bad input.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drivers, type DriverMetric, type DriversView, type TextAnalysisItem } from '@touchpoint/shared';
import { liveSurvey, startTestServer, type Client, type TestServer } from './harness.js';
import { MIXED_COMMENTS } from './mixed-comments.js';

// The shared corpus, and one answer too short to carry a theme.
const COMMENTS = [...MIXED_COMMENTS, 'ok'];
const CHANNELS = ['link', 'email', 'app'] as const;

interface Sent { id: string; surveyId: string; channel: string; plan: string; at: string; nps: number; csat: number | null; ces: number | null }

let s: TestServer;
let ws: { id: string; owner: Client };
let other: { id: string; owner: Client };
const sent: Sent[] = [];
const themesOf = new Map<string, Set<string>>();
/** Open-text answers sent per workspace: what the analysis must reach. */
const texts = new Map<string, number>();

async function submit(w: { id: string; owner: Client }, sid: string, n: number, make: (k: number) => Omit<Sent, 'id' | 'surveyId' | 'at'> & { comment: string; hour: number }) {
  const items = Array.from({ length: n }, (_, k) => {
    const x = make(k);
    const at = new Date(Date.UTC(2026, 2, 1 + (k % 20), x.hour)).toISOString();
    return { x, at, body: {
      channel: x.channel, metadata: { plan: x.plan }, submittedAt: at,
      answers: {
        nps: x.nps, comment: x.comment, ...(x.csat !== null ? { csat: x.csat } : {}), ...(x.ces !== null ? { ces: x.ces } : {}),
        // Some detractors write twice about delivery: the response still counts once for it.
        ...(x.nps <= 6 && k % 2 === 0 ? { why_bad: COMMENTS[4] } : {}),
      },
    } };
  });
  texts.set(w.id, (texts.get(w.id) ?? 0) + items.reduce((n, i) => n + Object.keys(i.body.answers).filter((q) => q === 'comment' || q === 'why_bad').length, 0));
  const res = await w.owner.post(`/api/workspaces/${w.id}/surveys/${sid}/responses/batch`, { responses: items.map((i) => i.body) });
  expect(res.statusCode, res.body).toBeLessThan(300);
  return items.map((i, k) => ({ id: res.json().ids[k] as string, surveyId: sid, at: i.at, channel: i.x.channel, plan: i.x.plan, nps: i.x.nps, csat: i.x.csat, ces: i.x.ces }));
}

async function settled(w: { id: string; owner: Client }, expected: number) {
  for (let i = 0; i < 400; i++) {
    await s.deps.outbox.drain();
    await s.text.idle();
    const st = (await w.owner.get(`/api/workspaces/${w.id}/text/status`)).json();
    if (st.backlog === 0 && st.analyzed === expected && st.retag === null) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('analysis did not settle');
}

async function explorerItems(w: { id: string; owner: Client }): Promise<TextAnalysisItem[]> {
  const out: TextAnalysisItem[] = [];
  let cursor: string | null = null;
  do {
    const res = await w.owner.get(`/api/workspaces/${w.id}/text/analyses?limit=200${cursor ? `&cursor=${cursor}` : ''}`);
    out.push(...res.json().items);
    cursor = res.json().nextCursor;
  } while (cursor);
  return out;
}

beforeAll(async () => {
  s = await startTestServer({}, { textSettleMs: 0, textChunk: 25 });
  ws = await s.workspace();
  other = await s.workspace();
  const a = (await liveSurvey(ws.owner, ws.id)).id, b = (await liveSurvey(ws.owner, ws.id)).id;
  const gen = (k: number) => ({
    nps: (k * 7) % 11, csat: k % 5 === 4 ? null : 1 + ((k * 3) % 5), ces: k % 6 === 5 ? null : 1 + ((k * 5) % 7),
    channel: CHANNELS[k % 3], plan: k % 4 === 0 ? 'pro' : 'free', comment: COMMENTS[(k * 5) % COMMENTS.length], hour: (k * 5) % 24,
  });
  sent.push(...await submit(ws, a, 90, gen), ...await submit(ws, b, 30, (k) => gen(k + 90)));
  // The other workspace: only delivery complaints from detractors, on the same days.
  const o = (await liveSurvey(other.owner, other.id)).id;
  await submit(other, o, 40, () => ({ nps: 0, csat: 1, ces: 1, channel: 'link', plan: 'pro', comment: COMMENTS[0], hour: 3 }));
  expect(texts.get(ws.id)).toBeGreaterThan(130);
  await settled(ws, texts.get(ws.id)!);
  await settled(other, texts.get(other.id)!);
  for (const item of await explorerItems(ws)) {
    const set = themesOf.get(item.responseId) ?? new Set<string>();
    for (const t of item.themes) set.add(t.id);
    themesOf.set(item.responseId, set);
  }
});
afterAll(async () => { await s?.destroy(); });

const get = (c: Client, wid: string, query: string) => c.get(`/api/workspaces/${wid}/text/drivers?${query}`);

/** The formula over the submitted rows that pass `keep`, with the API's presentation. */
function expected(metric: DriverMetric, keep: (r: Sent) => boolean) {
  const rows = sent.filter(keep).filter((r) => r[metric] !== null).map((r) => ({ score: r[metric]!, themes: themesOf.get(r.id) ?? [] }));
  return drivers(metric, rows);
}
const strip = (v: DriversView) => ({ n: v.n, tagged: v.tagged, overall: v.overall, themes: v.themes.map(({ id, name: _name, ...rest }) => ({ theme: id, ...rest })) });
const utcIn = (from: string, to: string, offsetHours = 0) => (r: Sent) => {
  const t = Date.parse(r.at) + offsetHours * 3_600_000; // local wall time as if UTC
  return t >= Date.parse(`${from}T00:00:00Z`) && t < Date.parse(`${to}T00:00:00Z`) + 86_400_000;
};

describe('GET …/text/drivers', () => {
  it('equals the formula over the same rows, for NPS, CSAT and CES', async () => {
    expect(themesOf.size).toBeGreaterThan(50);
    for (const metric of ['nps', 'csat', 'ces'] as const) {
      const res = await get(ws.owner, ws.id, `metric=${metric}&from=2026-03-01&to=2026-03-31`);
      expect(res.statusCode, res.body).toBe(200);
      const v = res.json() as DriversView;
      expect(v).toMatchObject({ metric, from: '2026-03-01', to: '2026-03-31', timeZone: 'UTC' });
      const want = expected(metric, () => true);
      expect(want.themes.length).toBeGreaterThan(2);
      expect(strip(v)).toEqual({ n: want.n, tagged: want.tagged, overall: want.overall, themes: want.themes });
      for (const t of v.themes) expect(t.name).toBeTruthy();
    }
  });

  it('has the same overall number as GET …/metrics under the same filters', async () => {
    const q = 'from=2026-03-03&to=2026-03-17&channel=email,app&meta=plan%3Dfree';
    const m = (await ws.owner.get(`/api/workspaces/${ws.id}/metrics?${q}&interval=total`)).json();
    const d = (await get(ws.owner, ws.id, `metric=nps&${q}`)).json() as DriversView;
    expect(d.n).toBe(m.total.nps.n);
    expect(d.overall.value).toBeCloseTo(m.total.nps.nps, 9);
    const c = (await get(ws.owner, ws.id, `metric=csat&${q}`)).json() as DriversView;
    expect(c.overall.value).toBeCloseTo(m.total.csat.csat, 9);
  });

  // Without a metadata filter the store sums per score; with one, rows are read: both paths are here.
  it('honours each dashboard filter: range in a time zone, surveys, channels, one metadata value', async () => {
    const cases: [string, (r: Sent) => boolean][] = [
      ['from=2026-03-04&to=2026-03-09', utcIn('2026-03-04', '2026-03-09')],
      ['from=2026-03-04&to=2026-03-09&tz=Asia/Taipei', utcIn('2026-03-04', '2026-03-09', 8)],
      [`from=2026-03-01&to=2026-03-31&survey=${sent[100].surveyId}`, (r) => r.surveyId === sent[100].surveyId],
      ['from=2026-03-01&to=2026-03-31&channel=link,app', (r) => r.channel !== 'email'],
      ['from=2026-03-01&to=2026-03-31&meta=plan%3Dpro', (r) => r.plan === 'pro'],
      ['from=2026-03-02&to=2026-03-15&channel=email&meta=plan%3Dfree', (r) => utcIn('2026-03-02', '2026-03-15')(r) && r.channel === 'email' && r.plan === 'free'],
    ];
    for (const [q, keep] of cases) for (const metric of ['nps', 'csat', 'ces'] as const) {
      const res = await get(ws.owner, ws.id, `metric=${metric}&${q}`);
      expect(res.statusCode, res.body).toBe(200);
      const want = expected(metric, keep);
      expect(want.n, q).toBeGreaterThan(0);
      expect(want.n, q).toBeLessThan(sent.length);
      expect(strip(res.json()), q).toEqual({ n: want.n, tagged: want.tagged, overall: want.overall, themes: want.themes });
    }
  });

  it('never counts another workspace\'s answers, nor shows them to its members', async () => {
    const mine = (await get(other.owner, other.id, 'metric=nps&from=2026-03-01&to=2026-03-31')).json() as DriversView;
    expect(mine.n).toBe(40);
    expect(mine.overall.value).toBe(-100);
    expect(mine.themes.every((t) => t.n <= 40)).toBe(true);
    const theirs = (await get(ws.owner, ws.id, 'metric=nps&from=2026-03-01&to=2026-03-31')).json() as DriversView;
    expect(theirs.n).toBe(sent.length);
    expect((await get(other.owner, ws.id, 'metric=nps&from=2026-03-01&to=2026-03-31')).statusCode).toBe(404);
  });

  it('a range without answers has no themes', async () => {
    const v = (await get(ws.owner, ws.id, 'metric=ces&from=2025-01-01&to=2025-01-31')).json() as DriversView;
    expect(v).toMatchObject({ n: 0, tagged: 0, overall: { n: 0, value: null }, themes: [] });
  });

  it('a dashboard keeps a drivers tile of NPS, CSAT or CES, and refuses one of another metric', async () => {
    const url = `/api/workspaces/${ws.id}/dashboards`;
    const ok = await ws.owner.post(url, { name: 'Drivers', tiles: [{ id: 'd1', type: 'drivers', metric: 'csat', size: 'l' }] });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().tiles[0]).toMatchObject({ id: 'd1', type: 'drivers', metric: 'csat', size: 'l' });
    const bad = await ws.owner.post(url, { name: 'Drivers', tiles: [{ id: 'd1', type: 'value', metric: 'nps' }, { id: 'd2', type: 'drivers', metric: 'cx_index' }] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.map((d: { path: string }) => d.path)).toEqual(['body.tiles[1].metric']);
  });

  it('answers 400 with field paths for bad parameters', async () => {
    const bad: [string, string][] = [
      ['metric=cx_index&from=2026-03-01&to=2026-03-31', 'querystring.metric'],
      ['metric=nps&from=2026-03-31&to=2026-03-01', 'querystring.to'],
      ['metric=nps&from=2026-02-30&to=2026-03-01', 'querystring.from'],
      ['metric=nps&to=2026-03-01', 'querystring.from'],
      ['metric=nps&from=2026-03-01&to=2026-03-02&meta=plan', 'querystring.meta'],
      ['metric=nps&from=2026-03-01&to=2026-03-02&tz=Mars/Olympus', 'querystring.tz'],
      ['metric=nps&from=2026-03-01&to=2026-03-02&limit=3', 'querystring'],
    ];
    for (const [q, path] of bad) {
      const res = await get(ws.owner, ws.id, q);
      expect(res.statusCode, q).toBe(400);
      expect(res.json().error.code).toBe('validation_failed');
      expect(res.json().error.details.map((d: { path: string }) => d.path), q).toContain(path);
    }
  });
});
