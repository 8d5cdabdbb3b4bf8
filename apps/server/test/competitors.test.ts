/**
 * Competitor records over the API: Template 1 fields under an optimistic version, evidence links and
 * files, pasted reviews analysed with the workspace's themes, the comparison with our own analysed
 * answers, workspace isolation, field paths on bad input and no 500 for arbitrary bodies.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { seedDemoCompetitors } from '../src/modules/competitors/index.js';
import { liveSurvey, startTestServer, textSettled, type Client, type TestServer } from './harness.js';

let s: TestServer;
let A: { id: string; owner: Client };
let B: { id: string; owner: Client };
const base = (w: { id: string }) => `/api/workspaces/${w.id}`;

beforeAll(async () => {
  s = await startTestServer();
  A = await s.workspace('Lotus A');
  B = await s.workspace('Other B');
});
afterAll(async () => { await s.destroy(); });

const RECORD = {
  name: 'Jade Basket 翠籃網購',
  website: 'https://jadebasket.example.com',
  methods: ['website', 'mystery_shopping'],
  prices: [{ item: 'Rice 2 kg', amount: 189, currency: 'TWD', observedOn: '2026-11-01', source: 'https://jadebasket.example.com/rice' }],
  promotions: [{ description: 'Free delivery over NT$499', from: '2026-11-01', to: '2026-11-30', observedOn: '2026-11-02', source: 'App banner' }],
  sources: [{ label: 'Website', url: 'https://jadebasket.example.com', accessedOn: '2026-11-02' }],
  surprises: 'Delivery in 19 hours', suggestions: 'Match the threshold', researchedAt: '2026-11-02',
};

async function competitor(w = A, body: object = RECORD): Promise<{ id: string; version: number }> {
  const res = await w.owner.post(`${base(w)}/competitors`, body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

async function audits(action: string): Promise<number> {
  const r = await s.deps.db.selectFrom('audit_log').select('id').where('workspace_id', '=', A.id).where('action', '=', action).execute();
  return r.length;
}

describe('competitor records', () => {
  it('creates, reads, lists, updates under a version and deletes, with audit rows', async () => {
    const c = await competitor();
    const got = (await A.owner.get(`${base(A)}/competitors/${c.id}`)).json();
    expect(got).toMatchObject({ ...RECORD, version: 1, reviewCount: 0, market: '', sentiment: { n: 0, mean: null } });
    expect(got.promotions[0]).toEqual(RECORD.promotions[0]);
    const list = (await A.owner.get(`${base(A)}/competitors`)).json().items;
    expect(list.find((x: { id: string }) => x.id === c.id)).toMatchObject({ name: RECORD.name, methods: ['website', 'mystery_shopping'], reviewCount: 0 });

    const patched = await A.owner.patch(`${base(A)}/competitors/${c.id}`, { version: 1, surprises: 'Changed', methods: ['web_analytics'] });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({ version: 2, surprises: 'Changed', methods: ['web_analytics'], name: RECORD.name });
    const stale = await A.owner.patch(`${base(A)}/competitors/${c.id}`, { version: 1, surprises: 'Lost update' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('version_conflict');
    expect(await audits('competitor.created')).toBeGreaterThanOrEqual(1);
    expect(await audits('competitor.updated')).toBe(1);

    expect((await A.owner.delete(`${base(A)}/competitors/${c.id}`)).statusCode).toBe(204);
    expect((await A.owner.get(`${base(A)}/competitors/${c.id}`)).statusCode).toBe(404);
    expect(await audits('competitor.deleted')).toBe(1);
  });

  it('answers 400 with field paths', async () => {
    const cases: [object, string][] = [
      [{ name: '' }, 'body.name'],
      [{ name: 'x', methods: ['telepathy'] }, 'body.methods[0]'],
      [{ name: 'x', methods: ['website', 'website'] }, 'body.methods'],
      [{ name: 'x', website: 'javascript:alert(1)' }, 'body.website'],
      [{ name: 'x', prices: [{ item: 'a', amount: -1, currency: 'TWD', observedOn: '2026-01-01' }] }, 'body.prices[0].amount'],
      [{ name: 'x', prices: [{ item: 'a', amount: 1, currency: 'twd', observedOn: '2026-01-01' }] }, 'body.prices[0].currency'],
      [{ name: 'x', prices: [{ item: 'a', amount: 1, currency: 'TWD', observedOn: '2026-02-30' }] }, 'body.prices[0].observedOn'],
      [{ name: 'x', promotions: [{ description: 'a', from: '2026-02-10', to: '2026-02-01', observedOn: '2026-01-01' }] }, 'body.promotions[0].to'],
      [{ name: 'x', sources: [{ label: 'a', url: 'ftp://x.example' }] }, 'body.sources[0].url'],
      [{ name: 'x', extra: 1 }, 'body'],
    ];
    for (const [body, path] of cases) {
      const res = await A.owner.post(`${base(A)}/competitors`, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error.details.map((d: { path: string }) => d.path), JSON.stringify(body)).toContain(path);
    }
  });
});

describe('evidence', () => {
  it('attaches links (http/https only), uploads and downloads files with safe headers', async () => {
    const c = await competitor();
    const link = await A.owner.post(`${base(A)}/competitors/${c.id}/links`, { url: 'https://example.org/review', title: 'Forum thread', note: 'many complaints' });
    expect(link.statusCode, link.body).toBe(201);
    const bad = await A.owner.post(`${base(A)}/competitors/${c.id}/links`, { url: 'data:text/html,<b>x</b>', title: 'x' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].path).toBe('body.url');

    const bytes = Buffer.from('%PDF-1.4 fake price list 價格');
    const name = '價格表 (11月).pdf';
    const up = await A.owner.request({ method: 'POST', url: `${base(A)}/competitors/${c.id}/files?name=${encodeURIComponent(name)}`, headers: { 'content-type': 'application/pdf' }, payload: bytes });
    expect(up.statusCode, up.body).toBe(201);
    expect(up.json()).toMatchObject({ kind: 'file', fileName: name, contentType: 'application/pdf', size: bytes.length });
    const down = await A.owner.get(`${base(A)}/competitor-files/${up.json().id}`);
    expect(down.statusCode).toBe(200);
    expect(down.rawPayload.equals(bytes)).toBe(true);
    expect(down.headers['content-type']).toBe('application/pdf');
    expect(down.headers['x-content-type-options']).toBe('nosniff');
    expect(down.headers['content-disposition']).toBe(`attachment; filename="___ (11_).pdf"; filename*=UTF-8''${encodeURIComponent(name).replace(/[()]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`)}`);

    const html = await A.owner.request({ method: 'POST', url: `${base(A)}/competitors/${c.id}/files?name=x.html`, headers: { 'content-type': 'text/html' }, payload: '<script>alert(1)</script>' });
    expect(html.statusCode, html.body).toBe(201);
    const htmlDown = await A.owner.get(`${base(A)}/competitor-files/${html.json().id}`);
    expect(htmlDown.headers['content-type']).toBe('application/octet-stream');
    expect(htmlDown.headers['content-disposition']).toMatch(/^attachment;/);

    const big = await A.owner.request({ method: 'POST', url: `${base(A)}/competitors/${c.id}/files?name=big.bin`, headers: { 'content-type': 'application/octet-stream' }, payload: Buffer.alloc(5 * 1024 * 1024 + 1) });
    expect(big.statusCode).toBe(413);
    const noName = await A.owner.request({ method: 'POST', url: `${base(A)}/competitors/${c.id}/files`, headers: { 'content-type': 'application/octet-stream' }, payload: bytes });
    expect(noName.statusCode).toBe(400);
    expect(noName.json().error.details[0].path).toBe('querystring.name');
    const empty = await A.owner.request({ method: 'POST', url: `${base(A)}/competitors/${c.id}/files?name=e.txt`, headers: { 'content-type': 'application/octet-stream' } });
    expect(empty.statusCode).toBe(400);

    const list = (await A.owner.get(`${base(A)}/competitors/${c.id}/evidence`)).json().items;
    expect(list.map((e: { kind: string }) => e.kind).sort()).toEqual(['file', 'file', 'link']);
    expect((await A.owner.delete(`${base(A)}/competitor-evidence/${up.json().id}`)).statusCode).toBe(204);
    expect((await A.owner.get(`${base(A)}/competitor-files/${up.json().id}`)).statusCode).toBe(404);
    expect(await audits('competitor_evidence.file_added')).toBeGreaterThanOrEqual(2);
  });
});

describe('pasted reviews', () => {
  it('splits, analyses with the workspace themes, summarises per theme and deletes a paste', async () => {
    const c = await competitor();
    const text = [
      'Delivery was super fast, arrived the next morning.',
      'The delivery took two weeks, terrible.',
      '價格便宜，常常有優惠。',
      '退货很麻烦，客服不理人。',
      '',
    ].join('\n');
    const res = await A.owner.request({ method: 'POST', url: `${base(A)}/competitors/${c.id}/reviews`, headers: { 'accept-language': 'zh-Hant' }, payload: { text, source: 'App store' } });
    expect(res.statusCode, res.body).toBe(201);
    const paste = res.json();
    expect(paste.count).toBe(4);
    expect(paste.reviews[0]).toMatchObject({ source: 'App store', language: 'en', sentimentLabel: 'positive' });
    expect(paste.reviews[0].themes.map((t: { id: string }) => t.id)).toContain('delivery');
    expect(paste.reviews[0].themes.find((t: { id: string }) => t.id === 'delivery').name).toBe('物流配送');
    expect(paste.reviews[1].sentimentLabel).toBe('negative');
    expect(paste.reviews[2].language).toBe('zh-Hant');
    expect(paste.reviews[3].language).toBe('zh-Hans');
    expect(paste.reviews[0].modelVersion).toMatch(/^tp-/);

    const list = (await A.owner.get(`${base(A)}/competitors/${c.id}/reviews`)).json();
    expect(list.total).toBe(4);
    const themes = (await A.owner.get(`${base(A)}/competitors/${c.id}/themes`)).json();
    expect(themes.overall.n).toBe(4);
    const delivery = themes.themes.find((t: { id: string }) => t.id === 'delivery');
    expect(delivery).toMatchObject({ name: 'Delivery', n: 2, share: 0.5, negativeShare: 0.5 });
    expect(delivery.topPhrases.length).toBeGreaterThan(0);
    expect((await A.owner.get(`${base(A)}/competitors/${c.id}`)).json()).toMatchObject({ reviewCount: 4 });

    const listed = await A.owner.post(`${base(A)}/competitors/${c.id}/reviews`, { reviews: [{ text: 'Cheap prices', rating: 5, date: '2026-10-01' }] });
    expect(listed.statusCode, listed.body).toBe(201);
    expect(listed.json().reviews[0]).toMatchObject({ rating: 5, date: '2026-10-01' });
    const one = await A.owner.delete(`${base(A)}/competitors/${c.id}/reviews?review=${listed.json().reviews[0].id}`);
    expect(one.json()).toEqual({ deleted: 1 });
    const batch = await A.owner.delete(`${base(A)}/competitors/${c.id}/reviews?batch=${paste.batchId}`);
    expect(batch.json()).toEqual({ deleted: 4 });
    expect((await A.owner.delete(`${base(A)}/competitors/${c.id}/reviews?batch=${paste.batchId}`)).statusCode).toBe(404);
    expect((await A.owner.delete(`${base(A)}/competitors/${c.id}/reviews`)).statusCode).toBe(400);
    expect(await audits('competitor_reviews.pasted')).toBeGreaterThanOrEqual(2);
  });

  it('refuses empty, too many and too long pastes with a path', async () => {
    const c = await competitor();
    const post = (body: object) => A.owner.post(`${base(A)}/competitors/${c.id}/reviews`, body);
    const paths = async (body: object) => { const r = await post(body); expect(r.statusCode, r.body).toBe(400); return r.json().error.details.map((d: { path: string }) => d.path); };
    expect(await paths({ text: '\n \n' })).toContain('body.text');
    expect(await paths({})).toContain('body.text');
    expect(await paths({ text: 'a', reviews: [] })).toContain('body.text');
    expect(await paths({ text: Array.from({ length: 2001 }, (_, i) => `review ${i}`).join('\n') })).toContain('body.text');
    expect(await paths({ text: 'x'.repeat(10_001) })).toContain('body.text');
    expect(await paths({ reviews: [{ text: 'ok', rating: 11 }] })).toContain('body.reviews[0].rating');
    expect(await paths({ text: 'ok', format: 'sentences' })).toContain('body.format');
    const huge = await A.owner.request({ method: 'POST', url: `${base(A)}/competitors/${c.id}/reviews`, headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ text: '好'.repeat(1_500_000) }) });
    expect(huge.statusCode).toBe(413);
  });
});

describe('comparison with our answers', () => {
  it('puts our analysed answers per theme beside the competitors\' reviews', async () => {
    const w = await s.workspace('Compare');
    const survey = await liveSurvey(w.owner, w.id);
    const answers = ['Delivery was late again and nobody told me.', 'Terrible delivery, the parcel arrived broken.', 'The price is fair.'];
    for (const [i, why] of answers.entries()) {
      const r = await s.app.inject({ method: 'POST', url: `/api/public/surveys/${survey.publicId}/responses`, payload: { idempotencyKey: `compare-answer-${i}`, answers: { nps: 2, why_bad: why } } });
      expect(r.statusCode, r.body).toBe(201);
    }
    await textSettled(s);
    const c = await competitor(w, { name: 'Rival' });
    await w.owner.post(`${base(w)}/competitors/${c.id}/reviews`, { text: 'Delivery was super fast.\nLove the fast delivery!' });
    const today = new Date().toISOString().slice(0, 10);
    const res = await w.owner.get(`${base(w)}/competitors/compare?from=2020-01-01&to=${today}`);
    expect(res.statusCode, res.body).toBe(200);
    const cmp = res.json();
    expect(cmp.ours.overall.n).toBe(3);
    const ours = cmp.ours.themes.find((t: { id: string }) => t.id === 'delivery');
    const theirs = cmp.competitors[0].themes.find((t: { id: string }) => t.id === 'delivery');
    expect(ours.n).toBe(2);
    expect(ours.meanSentiment).toBeLessThan(0);
    expect(theirs.meanSentiment).toBeGreaterThan(0);
    expect(cmp.themes.map((t: { id: string }) => t.id)).toContain('delivery');
    const none = (await w.owner.get(`${base(w)}/competitors/compare?from=2020-01-01&to=2020-01-31`)).json();
    expect(none.ours.overall).toEqual({ n: 0, mean: null, positiveShare: null, negativeShare: null });
    const bad = await w.owner.get(`${base(w)}/competitors/compare?from=2026-02-01&to=2026-01-01`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].path).toBe('querystring.to');
  });
});

describe('workspace isolation', () => {
  it('gives another workspace 404 on the record, its evidence, files and reviews', async () => {
    const c = await competitor();
    const file = (await A.owner.request({ method: 'POST', url: `${base(A)}/competitors/${c.id}/files?name=a.txt`, headers: { 'content-type': 'text/plain' }, payload: 'secret' })).json();
    const paste = (await A.owner.post(`${base(A)}/competitors/${c.id}/reviews`, { text: 'Secret review' })).json();
    const other = B.owner;
    const calls = [
      other.get(`${base(B)}/competitors/${c.id}`),
      other.patch(`${base(B)}/competitors/${c.id}`, { version: 1, name: 'stolen' }),
      other.get(`${base(B)}/competitors/${c.id}/evidence`),
      other.post(`${base(B)}/competitors/${c.id}/links`, { url: 'https://x.example', title: 'x' }),
      other.request({ method: 'POST', url: `${base(B)}/competitors/${c.id}/files?name=b.txt`, headers: { 'content-type': 'text/plain' }, payload: 'x' }),
      other.get(`${base(B)}/competitor-files/${file.id}`),
      other.delete(`${base(B)}/competitor-evidence/${file.id}`),
      other.post(`${base(B)}/competitors/${c.id}/reviews`, { text: 'x' }),
      other.get(`${base(B)}/competitors/${c.id}/reviews`),
      other.get(`${base(B)}/competitors/${c.id}/themes`),
      other.delete(`${base(B)}/competitors/${c.id}/reviews?batch=${paste.batchId}`),
      other.delete(`${base(B)}/competitors/${c.id}`),
    ];
    for (const res of await Promise.all(calls)) expect(res.statusCode, res.body).toBe(404);
    // B's own lists hold nothing of A's; B's owner cannot reach A's workspace at all.
    expect((await other.get(`${base(B)}/competitors`)).json().items).toEqual([]);
    expect((await other.get(`${base(A)}/competitors/${c.id}`)).statusCode).toBe(404);
    expect((await A.owner.get(`${base(A)}/competitor-files/${file.id}`)).body).toBe('secret');
  });

  it('lets a viewer read and refuses changes', async () => {
    const c = await competitor();
    const viewer = await s.member(A.id, A.owner, 'viewer');
    expect((await viewer.get(`${base(A)}/competitors/${c.id}`)).statusCode).toBe(200);
    expect((await viewer.patch(`${base(A)}/competitors/${c.id}`, { version: 1, name: 'x' })).statusCode).toBe(403);
    expect((await viewer.post(`${base(A)}/competitors/${c.id}/reviews`, { text: 'x' })).statusCode).toBe(403);
  });
});

describe('arbitrary bodies', () => {
  it('never answer 500 on create, patch and paste', async () => {
    const c = await competitor();
    await fc.assert(fc.asyncProperty(fc.jsonValue(), fc.constantFrom('create', 'patch', 'reviews', 'links'), async (body, where) => {
      const url = where === 'create' ? `${base(A)}/competitors` : where === 'patch' ? `${base(A)}/competitors/${c.id}` : `${base(A)}/competitors/${c.id}/${where}`;
      const res = await A.owner.request({ method: where === 'patch' ? 'PATCH' : 'POST', url, headers: { 'content-type': 'application/json' }, payload: JSON.stringify(body) });
      expect(res.statusCode, res.body).toBeLessThan(500);
    }), { seed: 4242, numRuns: 150 });
  });
});

describe('demo competitors', () => {
  it('seeds two competitors with analysed reviews in three languages', async () => {
    const w = await s.workspace('Demo');
    const ids = await seedDemoCompetitors(s.deps, { workspaceId: w.id, actor: { type: 'system', id: 'demo', label: 'demo' } });
    expect(ids).toHaveLength(2);
    const list = (await w.owner.get(`${base(w)}/competitors`)).json().items;
    expect(list.reduce((n: number, c: { reviewCount: number }) => n + c.reviewCount, 0)).toBe(30);
    const themes = (await w.owner.get(`${base(w)}/competitors/${ids[0]}/themes`)).json();
    expect(themes.themes.length).toBeGreaterThanOrEqual(4);
    const langs = new Set((await w.owner.get(`${base(w)}/competitors/${ids[0]}/reviews`)).json().items.map((r: { language: string }) => r.language));
    expect([...langs].sort()).toEqual(['en', 'zh-Hans', 'zh-Hant']);
  });
});
