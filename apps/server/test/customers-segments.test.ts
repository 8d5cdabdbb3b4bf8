/**
 * Customer segments through the API on a real store: definitions with AND/OR groups over traits,
 * events, orders, consents and survey scores; the background build with progress; live membership
 * following new events, merges, unmerges and erasure; static snapshots; the count's trend; the
 * dashboard filter; validation with field paths; isolation between workspaces.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { npsFromCounts } from '@touchpoint/shared';
import { liveSurvey, startTestServer, type Client, type TestServer } from './harness.js';

let s: TestServer, owner: Client, wid: string;
const base = () => `/api/workspaces/${wid}/segments`;
const events = (list: unknown[]) => owner.post(`/api/workspaces/${wid}/events?wait=true`, { events: list });
const daysAgo = (d: number) => new Date(Date.now() - d * 86_400_000).toISOString();

async function until<T>(read: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await read();
    if (ok(v) || Date.now() > end) return v;
    await new Promise((r) => setTimeout(r, 50));
  }
}
const segment = async (id: string) => (await owner.get(`${base()}/${id}`)).json();
const ready = (id: string) => until(() => segment(id), (x) => x.status === 'ready');
const memberIds = async (id: string) => ((await owner.get(`${base()}/${id}/members?limit=200`)).json().items as { id: string }[]).map((m) => m.id).sort();
const profileOf = async (userId: string) => (await owner.get(`/api/workspaces/${wid}/customers?q=${userId}`)).json().items[0]?.id as string;

// Taiwanese buyers with two orders in the last 30 days, or anyone who opted in to marketing and said "vip".
const TW_BUYERS = {
  kind: 'group', match: 'any', conditions: [
    { kind: 'group', match: 'all', conditions: [
      { kind: 'trait', method: 'geographic', key: 'country', op: 'eq', value: 'tw' },
      { kind: 'event', type: 'order', op: 'at_least', count: 2, days: 30 },
    ] },
    { kind: 'group', match: 'all', conditions: [
      { kind: 'consent', purpose: 'marketing', state: 'granted' },
      { kind: 'trait', method: 'psychographic', key: 'interests', op: 'contains', value: 'vip' },
    ] },
  ],
};

beforeAll(async () => {
  s = await startTestServer({}, { segments: { settleMs: 30, everyMs: 40 } });
  ({ id: wid, owner } = await s.workspace('Segments'));
  const order = (userId: string, orderId: string, ago: number) => ({ type: 'order', userId, orderId, revenue: 100, currency: 'TWD', timestamp: daysAgo(ago) });
  const res = await events([
    { type: 'identify', userId: 'a', traits: { country: 'TW', age: 31 } }, order('a', 'a1', 3), order('a', 'a2', 10),
    // Two orders, but one is older than 30 days.
    { type: 'identify', userId: 'b', traits: { country: 'TW', age: 45 } }, order('b', 'b1', 3), order('b', 'b2', 60),
    { type: 'identify', userId: 'c', traits: { country: 'HK' } }, order('c', 'c1', 1), order('c', 'c2', 2),
    { type: 'identify', userId: 'd', traits: { interests: ['tea', 'VIP'] }, consents: { marketing: true } },
    { type: 'identify', userId: 'e', traits: { interests: ['vip'] }, consents: { marketing: false } },
  ]);
  expect(res.statusCode, res.body).toBe(202);
}, 60_000);
afterAll(async () => { await s.destroy(); });

describe('segments', () => {
  let live: string;

  it('previews a definition, creates it, and builds its members in the background', async () => {
    const preview = await owner.post(`${base()}/preview`, { definition: TW_BUYERS });
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json()).toMatchObject({ count: 2, exact: true, people: 5 });
    const created = await owner.post(base(), { name: 'TW repeat buyers', definition: TW_BUYERS });
    expect(created.statusCode, created.body).toBe(201);
    live = created.json().id;
    expect(created.json()).toMatchObject({ kind: 'live', status: 'building', methods: ['behavioural', 'psychographic', 'geographic'] });
    const done = await ready(live);
    expect(done).toMatchObject({ status: 'ready', memberCount: 2, progress: null });
    expect(await memberIds(live)).toEqual([await profileOf('a'), await profileOf('d')].sort());
    const ofA = (await owner.get(`/api/workspaces/${wid}/customers/${await profileOf('a')}/segments`)).json().items;
    expect(ofA.map((x: { id: string }) => x.id)).toEqual([live]);
    expect((await owner.get(`/api/workspaces/${wid}/customers/${await profileOf('c')}/segments`)).json().items).toEqual([]);
  });

  it('follows a qualifying event within seconds (through the queued door), and a person who stops qualifying', async () => {
    const started = Date.now();
    const queued = await owner.post(`/api/workspaces/${wid}/events`, { events: [{ type: 'order', userId: 'b', orderId: 'b3', revenue: 50, currency: 'TWD', timestamp: daysAgo(1) }] });
    expect(queued.json()).toMatchObject({ queued: 1 });
    const after = await until(() => segment(live), (x) => x.memberCount === 3);
    expect(after.memberCount).toBe(3);
    expect(Date.now() - started).toBeLessThan(5000);
    // d withdraws marketing consent: out.
    await events([{ type: 'identify', userId: 'd', consents: { marketing: false } }]);
    expect((await until(() => segment(live), (x) => x.memberCount === 2)).memberCount).toBe(2);
    expect(await memberIds(live)).toEqual([await profileOf('a'), await profileOf('b')].sort());
  });

  it('counts a merged person once, and twice again after the unmerge', async () => {
    // A device that shopped twice from Taiwan before signing in: a person of its own, and a member.
    const device = (await events([
      { type: 'identify', anonymousId: 'dev-7', traits: { country: 'TW' } },
      { type: 'order', anonymousId: 'dev-7', orderId: 'd1', revenue: 10, timestamp: daysAgo(2) },
      { type: 'order', anonymousId: 'dev-7', orderId: 'd2', revenue: 10, timestamp: daysAgo(4) },
    ])).json().profileIds[0];
    expect((await until(() => segment(live), (x) => x.memberCount === 3)).memberCount).toBe(3);
    const a = await profileOf('a');
    const merged = await owner.post(`/api/workspaces/${wid}/customers/${a}/merge`, { absorbedId: device });
    expect(merged.statusCode, merged.body).toBe(200);
    expect((await until(() => segment(live), (x) => x.memberCount === 2)).memberCount).toBe(2);
    expect(await memberIds(live)).toEqual([a, await profileOf('b')].sort());
    const merges = (await owner.get(`/api/workspaces/${wid}/customers/${a}/merges`)).json().items;
    const manual = merges.find((m: { absorbedId: string; unmergedAt: string | null }) => m.absorbedId === device && !m.unmergedAt);
    expect((await owner.post(`/api/workspaces/${wid}/customers/merges/${manual.id}/unmerge`, {})).statusCode).toBe(200);
    expect((await until(() => segment(live), (x) => x.memberCount === 3)).memberCount).toBe(3);
    expect(await memberIds(live)).toContain(device);
  });

  it('freezes a static snapshot while the live segment moves on', async () => {
    const snap = await owner.post(`${base()}/${live}/snapshot`, { name: 'Frozen' });
    expect(snap.statusCode, snap.body).toBe(201);
    expect(snap.json()).toMatchObject({ kind: 'static', status: 'ready', memberCount: 3, snapshotOf: live });
    await events([{ type: 'identify', userId: 'f', traits: { interests: ['vip'] }, consents: { marketing: true } }]);
    expect((await until(() => segment(live), (x) => x.memberCount === 4)).memberCount).toBe(4);
    expect((await segment(snap.json().id)).memberCount).toBe(3);
    const edit = await owner.patch(`${base()}/${snap.json().id}`, { definition: { kind: 'group', match: 'all', conditions: [] } });
    expect(edit.statusCode).toBe(400);
    expect(edit.json().error.details[0].path).toBe('body.definition');
  });

  it('takes an erased person out and keeps the count true', async () => {
    const f = await profileOf('f');
    expect((await owner.delete(`/api/workspaces/${wid}/customers/${f}`)).statusCode).toBe(200);
    expect((await segment(live)).memberCount).toBe(3);
    expect(await memberIds(live)).not.toContain(f);
  });

  it('re-evaluates everyone when the definition changes, and shows the trend', async () => {
    const res = await owner.patch(`${base()}/${live}`, { definition: { kind: 'group', match: 'all', conditions: [{ kind: 'trait', method: 'demographic', key: 'age', op: 'between', value: [30, 40] }] } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().status).toBe('building');
    expect(await ready(live)).toMatchObject({ memberCount: 1, methods: ['demographic'] });
    const trend = (await owner.get(`${base()}/${live}/trend?days=7`)).json().points;
    expect(trend.at(-1)).toEqual({ day: new Date().toISOString().slice(0, 10), members: 1 });
  });

  it('holds people by their latest survey score, and filters dashboard numbers to members', async () => {
    const sid = (await liveSurvey(owner, wid)).id;
    const detractors = (await owner.post(base(), { name: 'Detractors', definition: { kind: 'group', match: 'all', conditions: [{ kind: 'metric', metric: 'nps', band: 'detractor' }] } })).json().id;
    const day = new Date().toISOString().slice(0, 10);
    const batch = await owner.post(`/api/workspaces/${wid}/surveys/${sid}/responses/batch`, { responses: [
      { answers: { nps: 3, why_bad: 'Delivery was late' }, customerExternalId: 'a', submittedAt: `${day}T00:00:01Z` },
      { answers: { nps: 10, comment: 'Great tea' }, customerExternalId: 'c', submittedAt: `${day}T00:00:02Z` },
      { answers: { nps: 2, why_bad: 'Rude staff' }, customerExternalId: 'nobody', submittedAt: `${day}T00:00:03Z` },
    ] });
    expect(batch.statusCode, batch.body).toBe(201);
    const seg = await until(() => segment(detractors), (x) => x.status === 'ready' && x.memberCount === 1);
    expect(seg.memberCount).toBe(1);
    expect(await memberIds(detractors)).toEqual([await profileOf('a')]);
    const metrics = await owner.get(`/api/workspaces/${wid}/metrics?from=${day}&to=${day}&interval=total&segment=${detractors}`);
    expect(metrics.statusCode, metrics.body).toBe(200);
    expect(metrics.json().source).toBe('rows');
    expect(metrics.json().total.nps).toEqual(npsFromCounts(0, 0, 1));
    // Every dashboard tile takes the same filter: the open-text tile and the drivers.
    const texts = await owner.get(`/api/workspaces/${wid}/metrics/open-text?from=${day}&to=${day}&segment=${detractors}`);
    expect(texts.statusCode, texts.body).toBe(200);
    expect(texts.json().map((x: { text: string }) => x.text)).toEqual(['Delivery was late']);
    const drivers = await owner.get(`/api/workspaces/${wid}/text/drivers?from=${day}&to=${day}&segment=${detractors}`);
    expect(drivers.statusCode, drivers.body).toBe(200);
    expect(drivers.json().n).toBe(1);
  });

  it('refuses a bad definition with field paths, and hides segments from other workspaces', async () => {
    const bad = await owner.post(base(), { name: 'x', definition: { kind: 'group', match: 'all', conditions: [{ kind: 'trait', key: 'age', op: 'between', value: 3 }, { kind: 'event', type: 'order', op: 'at_least', count: -1 }] } });
    expect(bad.statusCode).toBe(400);
    const paths = bad.json().error.details.map((d: { path: string }) => d.path);
    expect(paths).toContain('body.definition.conditions[0].value');
    expect(paths).toContain('body.definition.conditions[1].count');
    const other = await s.workspace('Elsewhere');
    expect((await other.owner.get(`/api/workspaces/${other.id}/segments/${live}`)).statusCode).toBe(404);
    expect((await other.owner.get(`/api/workspaces/${other.id}/segments`)).json().items).toEqual([]);
    expect((await other.owner.delete(`/api/workspaces/${other.id}/segments/${live}`)).statusCode).toBe(404);
    expect((await segment(live)).id).toBe(live);
  });
});
