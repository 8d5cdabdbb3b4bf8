/**
 * Identity resolution against a reference: when no device or email is shared between users, the
 * deterministic rules must join exactly the identifiers that appeared together in some event
 * (connected components, by union-find), whatever the order of the events and however they are
 * split into batches; and the count of stored events is exact under retries.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { startTestServer, type Client, type TestServer } from './harness.js';

let s: TestServer;
let ws: { id: string; owner: Client };
beforeAll(async () => { s = await startTestServer(); ws = await s.workspace('Resolution'); });
const storedCount = async (workspaceId: string) => Number((await s.deps.db.selectFrom('customer_events').select((eb) => eb.fn.countAll<number>().as('n')).where('workspace_id', '=', workspaceId).executeTakeFirstOrThrow()).n);
afterAll(async () => { await s.destroy(); });

class UnionFind {
  private parent = new Map<string, string>();
  find(x: string): string {
    if (!this.parent.has(x)) this.parent.set(x, x);
    const p = this.parent.get(x)!;
    if (p === x) return x;
    const r = this.find(p);
    this.parent.set(x, r);
    return r;
  }
  union(a: string, b: string) { this.parent.set(this.find(a), this.find(b)); }
}

// Four people; each owns one user id, one email and two devices: nothing is shared between them.
const eventArb = fc.record({
  person: fc.integer({ min: 0, max: 3 }),
  withUser: fc.boolean(), withEmail: fc.boolean(), device: fc.constantFrom(null, 0, 1),
  kind: fc.constantFrom('identify', 'track', 'page'),
}).filter((e) => e.withUser || e.withEmail || e.device !== null).filter((e) => e.kind === 'identify' || !e.withEmail);

describe('identity resolution', () => {
  it('joins exactly the identifiers seen together, in any order and any batching', async () => {
    let run = 0;
    await fc.assert(fc.asyncProperty(fc.array(eventArb, { minLength: 1, maxLength: 14 }), fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 14 }), async (spec, cuts) => {
      // Identifiers carry the run's tag, so runs in one workspace never meet.
      const tag = `r${++run}-${Date.now().toString(36)}`;
      const before = await storedCount(ws.id);
      const uf = new UnionFind();
      const events = spec.map((e, i) => {
        const ids: string[] = [];
        const ev: Record<string, unknown> = { type: e.kind, timestamp: new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString() };
        if (e.withUser) { ev.userId = `${tag}-user-${e.person}`; ids.push(`u${e.person}`); }
        if (e.withEmail) { ev.email = `${tag}-p${e.person}@example.org`; ids.push(`e${e.person}`); }
        if (e.device !== null) { ev.anonymousId = `${tag}-dev-${e.person}-${e.device}`; ids.push(`d${e.person}.${e.device}`); }
        if (e.kind === 'track') ev.event = 'Clicked';
        for (const id of ids.slice(1)) uf.union(ids[0], id);
        return { ev, first: ids[0] };
      });
      const profileOf: string[] = [];
      for (let i = 0, c = 0; i < events.length; c++) {
        const n = cuts[c % cuts.length];
        const res = await ws.owner.post(`/api/workspaces/${ws.id}/events?wait=true`, { events: events.slice(i, i + n).map((e) => e.ev) });
        expect(res.statusCode, res.body).toBe(202);
        profileOf.push(...res.json().profileIds);
        i += n;
      }
      const personOf = new Map<string, string>();
      for (const id of new Set(profileOf)) personOf.set(id, (await ws.owner.get(`/api/workspaces/${ws.id}/customers/${id}`)).json().id);
      // Same component ⇔ same person.
      for (let a = 0; a < events.length; a++) for (let b = a + 1; b < events.length; b++) {
        const sameRef = uf.find(events[a].first) === uf.find(events[b].first);
        const sameGot = personOf.get(profileOf[a]) === personOf.get(profileOf[b]);
        expect(sameGot, `events ${a} and ${b}`).toBe(sameRef);
      }
      expect(await storedCount(ws.id)).toBe(before + events.length);
    }), { numRuns: 25 });
  }, 120_000);

  it('stores each event of concurrent, retried batches exactly once', async () => {
    const other = await s.workspace('Concurrent');
    const batches = Array.from({ length: 8 }, (_, b) => ({
      key: `batch-${b}`,
      events: Array.from({ length: 50 }, (_, i) => ({ type: 'track', userId: `user-${(b * 50 + i) % 37}`, anonymousId: `dev-${(b * 7 + i) % 23}`, event: 'Tapped' })),
    }));
    const send = (b: (typeof batches)[number]) => other.owner.request({ method: 'POST', url: `/api/workspaces/${other.id}/events?wait=true`, payload: { events: b.events }, headers: { 'idempotency-key': b.key } });
    const answers = await Promise.all([...batches, ...batches].map(send));
    expect(answers.map((a) => a.statusCode)).toEqual(answers.map(() => 202));
    expect(answers.reduce((n, a) => n + a.json().accepted, 0)).toBe(400);
    expect(await storedCount(other.id)).toBe(400);
    // Every user id and every device is one verified identifier of one profile.
    const dupes = await s.deps.db.selectFrom('customer_identifiers').select(['value_hash', (eb) => eb.fn.countAll<number>().as('n')])
      .where('workspace_id', '=', other.id).groupBy('value_hash').having((eb) => eb.fn.countAll(), '>', 1).execute();
    expect(dupes).toEqual([]);
  });
});
