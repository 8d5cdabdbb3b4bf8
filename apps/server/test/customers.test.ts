/**
 * Customer 360 through the API on a real store: intake, identity resolution with merge and
 * unmerge, trait rules, search in any script, survey answers on the timeline, isolation and
 * encryption at rest.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FieldCipher } from '../src/platform/crypto/field-cipher.js';
import { rotateKeys } from '../src/cli/rotate-keys.js';
import { liveSurvey, startTestServer, type Client, type TestServer } from './harness.js';

let s: TestServer;
let wid: string;
let owner: Client;
const events = (wsId: string) => `/api/workspaces/${wsId}/events?wait=true`;
const post = (body: unknown, headers: Record<string, string> = {}) => owner.request({ method: 'POST', url: events(wid), payload: body as object, headers });
const person = async (id: string) => (await owner.get(`/api/workspaces/${wid}/customers/${id}`)).json();

beforeAll(async () => {
  s = await startTestServer();
  ({ id: wid, owner } = await s.workspace('Customers'));
});
afterAll(async () => { await s.destroy(); });

describe('customer events and profiles', () => {
  it('builds a profile from identify, track, page and order, answered 202 after the commit', async () => {
    const res = await post({ events: [
      { type: 'identify', userId: 'u-100', email: 'Mei.Chen@Example.com', phone: '+886 912-345-678', name: '陳美玲 Mei Chen', traits: { plan: 'pro', age: 34, vip: true, interests: ['tea', 'hiking'], birthday: '1992-04-01' }, consents: { email: true, sms: false }, timestamp: '2026-10-01T08:00:00Z' },
      { type: 'track', userId: 'u-100', event: 'Added to cart', properties: { sku: 'TEA-1' }, timestamp: '2026-10-02T09:00:00Z' },
      { type: 'page', userId: 'u-100', url: '/checkout', timestamp: '2026-10-02T09:01:00Z' },
      { type: 'order', userId: 'u-100', orderId: 'o-1', revenue: 1200, currency: 'TWD', timestamp: '2026-10-02T09:05:00Z' },
      { type: 'order', userId: 'u-100', orderId: 'o-2', revenue: 300.5, currency: 'TWD', timestamp: '2026-10-05T09:05:00Z' },
    ] });
    expect(res.statusCode, res.body).toBe(202);
    const body = res.json();
    expect(body).toMatchObject({ accepted: 5, duplicates: 0, merges: [] });
    expect(new Set(body.profileIds).size).toBe(1);
    const p = await person(body.profileIds[0]);
    expect(p).toMatchObject({
      name: '陳美玲 Mei Chen', email: 'mei.chen@example.com', phone: '+886 912-345-678', orderCount: 2, clv: 1500.5, currency: 'TWD',
      firstSeenAt: '2026-10-01T08:00:00.000Z', lastSeenAt: '2026-10-05T09:05:00.000Z',
      traits: { plan: 'pro', age: 34, vip: true, interests: ['tea', 'hiking'], birthday: '1992-04-01' },
      consents: { email: { granted: true }, sms: { granted: false } }, churnRisk: null,
    });
    expect(p.identifiers.map((i: { kind: string }) => i.kind).sort()).toEqual(['email', 'external', 'phone']);
  });

  it('stores a retried batch once (Idempotency-Key), and an order id once', async () => {
    const batch = { events: [{ type: 'track', userId: 'u-200', event: 'Opened app' }, { type: 'order', userId: 'u-200', orderId: 'o-9', revenue: 10 }] };
    const first = (await post(batch, { 'idempotency-key': 'retry-1' })).json();
    const again = (await post(batch, { 'idempotency-key': 'retry-1' })).json();
    expect(first).toMatchObject({ accepted: 2, duplicates: 0 });
    expect(again).toMatchObject({ accepted: 0, duplicates: 2, profileIds: [null, null] });
    const other = (await post({ events: [{ type: 'order', userId: 'u-200', orderId: 'o-9', revenue: 10 }] })).json();
    expect(other).toMatchObject({ accepted: 0, duplicates: 1 });
    expect((await person(first.profileIds[0])).orderCount).toBe(1);
  });

  it('refuses a bad batch whole, with field paths, and stores nothing', async () => {
    await owner.request({ method: 'PUT', url: `/api/workspaces/${wid}/customers/traits/score`, payload: { type: 'number', rule: 'latest' } });
    const res = await post({ events: [
      { type: 'track', userId: 'u-bad', event: 'ok' },
      { type: 'order', userId: 'u-bad', orderId: 'x', revenue: 'lots' },
      { type: 'identify', userId: 'u-bad', traits: { score: 'high' } },
      { type: 'track', event: 'nobody' },
      { type: 'teleport', userId: 'u-bad' },
    ] });
    expect(res.statusCode).toBe(400);
    const paths = res.json().error.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['events[1].revenue', 'events[2].traits.score', 'events[3].userId', 'events[4].type']));
    expect(paths.some((p: string) => p.startsWith('events[0]'))).toBe(false);
    expect((await owner.get(`/api/workspaces/${wid}/customers?q=u-bad`)).json().items).toEqual([]);
    expect((await post({ events: [] })).statusCode).toBe(400);
    expect((await owner.request({ method: 'POST', url: events(wid), payload: '{"events": [', headers: { 'content-type': 'application/json' } })).statusCode).toBe(400);
  });

  it('merges an anonymous visitor into the person on identify, and unmerges them back exactly', async () => {
    const a = (await post({ events: [{ type: 'page', anonymousId: 'dev-1', url: '/pricing', timestamp: '2026-11-01T10:00:00Z' }] })).json();
    const u = (await post({ events: [{ type: 'identify', userId: 'u-300', email: 'kai@example.org', traits: { city: 'Taipei' }, timestamp: '2026-11-02T10:00:00Z' }] })).json();
    const anon = a.profileIds[0], known = u.profileIds[0];
    expect(anon).not.toBe(known);
    const join = (await post({ events: [{ type: 'identify', userId: 'u-300', anonymousId: 'dev-1', timestamp: '2026-11-03T10:00:00Z' }] })).json();
    expect(join.merges).toHaveLength(1);
    const merged = await person(anon);
    expect(merged.id).toBe(known);
    expect(merged.mergedProfileIds).toEqual([anon]);
    const tl = (await owner.get(`/api/workspaces/${wid}/customers/${known}/timeline`)).json();
    // The merge happened now; the events carry their own (earlier) times.
    expect(tl.items.map((i: { kind: string; title: string }) => `${i.kind}:${i.title}`)).toEqual(['merge:anonymous', 'identify:null', 'identify:null', 'page:/pricing']);
    const history = (await owner.get(`/api/workspaces/${wid}/customers/${known}/merges`)).json().items;
    expect(history).toEqual([expect.objectContaining({ survivorId: known, absorbedId: anon, reason: 'anonymous', unmergedAt: null })]);

    const undo = await owner.post(`/api/workspaces/${wid}/customers/merges/${history[0].id}/unmerge`, {});
    expect(undo.statusCode, undo.body).toBe(200);
    expect((await person(anon)).id).toBe(anon);
    expect((await person(known)).mergedProfileIds).toEqual([]);
    // The rules never join what a person split, and a repeated unmerge changes nothing.
    const again = (await post({ events: [{ type: 'track', userId: 'u-300', anonymousId: 'dev-1', event: 'Viewed' }] })).json();
    expect(again.merges).toEqual([]);
    expect((await owner.post(`/api/workspaces/${wid}/customers/merges/${history[0].id}/unmerge`, {})).statusCode).toBe(200);
    // A manual merge is still possible.
    const manual = await owner.post(`/api/workspaces/${wid}/customers/${known}/merge`, { absorbedId: anon });
    expect(manual.statusCode, manual.body).toBe(200);
    expect(manual.json().mergedProfileIds).toEqual([anon]);
  });

  it('keeps two users of one device apart, and never merges on an unverified email', async () => {
    const first = (await post({ events: [{ type: 'identify', userId: 'u-400', anonymousId: 'shared-tablet' }] })).json();
    const second = (await post({ events: [{ type: 'identify', userId: 'u-401', anonymousId: 'shared-tablet' }] })).json();
    expect(second.profileIds[0]).not.toBe(first.profileIds[0]);
    expect(second.merges).toEqual([]);
    const refused = await owner.post(`/api/workspaces/${wid}/customers/${first.profileIds[0]}/merge`, { absorbedId: second.profileIds[0] });
    expect(refused.statusCode).toBe(409);

    const verified = (await post({ events: [{ type: 'identify', userId: 'u-500', email: 'lin@example.org' }] })).json();
    const typed = (await post({ events: [{ type: 'identify', anonymousId: 'kiosk-9', email: 'lin@example.org', verified: false }] })).json();
    expect(typed.profileIds[0]).not.toBe(verified.profileIds[0]);
    expect(typed.merges).toEqual([]);
  });

  it('resolves traits of merged profiles by rule: latest, first or both', async () => {
    for (const [key, rule] of [['tier', 'latest'], ['signupSource', 'first'], ['nickname', 'both']] as const) {
      expect((await owner.request({ method: 'PUT', url: `/api/workspaces/${wid}/customers/traits/${key}`, payload: { type: 'string', rule } })).statusCode).toBe(200);
    }
    const a = (await post({ events: [{ type: 'identify', anonymousId: 'dev-trait', traits: { tier: 'silver', signupSource: 'ad', nickname: 'Ah Mei' }, timestamp: '2026-01-01T00:00:00Z' }] })).json();
    await post({ events: [{ type: 'identify', userId: 'u-600', traits: { tier: 'gold', signupSource: 'store', nickname: '阿美' }, timestamp: '2026-06-01T00:00:00Z' }] });
    await post({ events: [{ type: 'identify', userId: 'u-600', anonymousId: 'dev-trait', timestamp: '2026-07-01T00:00:00Z' }] });
    expect((await person(a.profileIds[0])).traits).toMatchObject({ tier: 'gold', signupSource: 'ad', nickname: ['Ah Mei', '阿美'] });
  });

  it('finds people by email, phone, id and by name in Traditional or Simplified Chinese', async () => {
    const find = async (q: string) => (await owner.get(`/api/workspaces/${wid}/customers?q=${encodeURIComponent(q)}`)).json().items.map((i: { name: string | null }) => i.name);
    expect(await find('MEI.CHEN@example.com')).toEqual(['陳美玲 Mei Chen']);
    expect(await find('+886912345678')).toEqual(['陳美玲 Mei Chen']);
    expect(await find('u-100')).toEqual(['陳美玲 Mei Chen']);
    expect(await find('陈美玲')).toEqual(['陳美玲 Mei Chen']);
    expect(await find('美玲')).toEqual(['陳美玲 Mei Chen']);
    expect(await find('mei')).toEqual(['陳美玲 Mei Chen']);
    expect(await find('nobody-like-this')).toEqual([]);
    expect((await owner.get(`/api/workspaces/${wid}/customers`)).json().items.length).toBeGreaterThan(3);
  });

  it('puts survey answers on the timeline, by customer id and by respondent email, with the latest NPS', async () => {
    const survey = await liveSurvey(owner, wid);
    const batch = await owner.post(`/api/workspaces/${wid}/surveys/${survey.id}/responses/batch`, { responses: [
      { answers: { nps: 4 }, customerExternalId: 'u-100', submittedAt: '2026-10-03T00:00:00Z' },
      { answers: { nps: 9, csat: 5 }, respondent: { email: 'mei.chen@example.com' }, submittedAt: '2026-10-04T00:00:00Z' },
      { answers: { nps: 10 }, customerExternalId: 'somebody-else' },
    ] });
    expect(batch.statusCode, batch.body).toBe(201);
    const id = (await owner.get(`/api/workspaces/${wid}/customers?q=u-100`)).json().items[0].id;
    const p = await person(id);
    expect(p.latestNps).toBe(9);
    const tl = (await owner.get(`/api/workspaces/${wid}/customers/${id}/timeline?kinds=response`)).json();
    expect(tl.items.map((i: { nps: number; title: string }) => [i.title, i.nps])).toEqual([['Checkout NPS', 9], ['Checkout NPS', 4]]);
  });

  it('pages the timeline without gaps or repeats, and filters by kind', async () => {
    const id = (await owner.get(`/api/workspaces/${wid}/customers?q=u-100`)).json().items[0].id;
    const all = (await owner.get(`/api/workspaces/${wid}/customers/${id}/timeline?limit=200`)).json().items;
    const paged: { id: string }[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { id: string }[]; nextCursor: string | null } = (await owner.get(`/api/workspaces/${wid}/customers/${id}/timeline?limit=2${cursor ? `&cursor=${cursor}` : ''}`)).json();
      paged.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    expect(paged.map((i) => i.id)).toEqual(all.map((i: { id: string }) => i.id));
    expect(all.length).toBe(7);
    const orders = (await owner.get(`/api/workspaces/${wid}/customers/${id}/timeline?kinds=order`)).json().items;
    expect(orders.map((o: { title: string; revenue: number }) => [o.title, o.revenue])).toEqual([['o-2', 300.5], ['o-1', 1200]]);
    expect((await owner.get(`/api/workspaces/${wid}/customers/${id}/timeline?kinds=nonsense`)).statusCode).toBe(400);
    expect((await owner.get(`/api/workspaces/${wid}/customers/${id}/timeline?cursor=garbage`)).statusCode).toBe(400);
  });

  it('shows each workspace only its own people, and takes events from an API key with events:write', async () => {
    const other = await s.workspace('Other');
    const id = (await owner.get(`/api/workspaces/${wid}/customers?q=u-100`)).json().items[0].id;
    expect((await other.owner.get(`/api/workspaces/${other.id}/customers/${id}`)).statusCode).toBe(404);
    expect((await other.owner.get(`/api/workspaces/${other.id}/customers?q=u-100`)).json().items).toEqual([]);
    expect((await other.owner.get(`/api/workspaces/${wid}/customers/${id}`)).statusCode).toBe(404);
    // The same external id in another workspace is another person.
    const key = await s.apiKey(other.id, ['events:write']);
    const res = await s.app.inject({ method: 'POST', url: events(other.id), headers: { authorization: `Bearer ${key}` }, payload: { events: [{ type: 'identify', userId: 'u-100', name: 'Someone Else' }] } });
    expect(res.statusCode, res.body).toBe(202);
    expect(res.json().profileIds[0]).not.toBe(id);
    expect((await s.app.inject({ method: 'GET', url: `/api/workspaces/${other.id}/customers`, headers: { authorization: `Bearer ${key}` } })).statusCode).toBe(403);
  });

  it('stores identifiers and names only encrypted', async () => {
    const rows = await s.deps.db.selectFrom('customer_identifiers').select(['value_enc', 'value_hash']).execute();
    const names = await s.deps.db.selectFrom('customers').select('name_enc').where('name_enc', 'is not', null).execute();
    const events = await s.deps.db.selectFrom('customer_events').select('properties').execute();
    const stored = JSON.stringify([rows, names, events]);
    for (const plain of ['mei.chen@example.com', 'Mei.Chen', '912-345-678', '陳美玲', 'u-100', 'kai@example.org']) expect(stored.includes(plain), plain).toBe(false);
  });

  it('re-encrypts names and identifiers on key rotation, keeping every value and look-up', async () => {
    const read = async () => ({
      ids: await s.deps.db.selectFrom('customer_identifiers').select(['id', 'value_enc', 'value_hash']).orderBy('id').execute(),
      names: await s.deps.db.selectFrom('customers').select(['id', 'name_enc']).where('name_enc', 'is not', null).orderBy('id').execute(),
    });
    const before = await read();
    const r = await rotateKeys(s.deps);
    const rotated = new FieldCipher(r.ring);
    const after = await read();
    expect(after.ids.map((x) => x.value_hash)).toEqual(before.ids.map((x) => x.value_hash));
    after.ids.forEach((row, i) => {
      expect(rotated.keyIdOf(row.value_enc)).toBe(r.ring.activeKeyId);
      expect(rotated.decrypt(row.value_enc)).toBe(s.deps.cipher.decrypt(before.ids[i].value_enc));
    });
    after.names.forEach((row, i) => expect(rotated.decrypt(row.name_enc!)).toBe(s.deps.cipher.decrypt(before.names[i].name_enc!)));
  });
});
