/**
 * The HTTP event door on a real store: a batch is acknowledged once queued (one row), then applied
 * in the background by the same intake as every transport. Queued batches survive a restart, are
 * applied once even when two worker nodes drain together, keep their arrival time, answer 429 past
 * the backlog limit, and a batch that cannot be applied is reported and retried without holding
 * up the rest. Each workspace sees only its own queue.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, startTestServer, type Client, type TestServer } from './harness.js';

let s: TestServer;
let wid: string;
let owner: Client;
const post = (c: Client, w: string, events: unknown[], headers: Record<string, string> = {}) =>
  c.request({ method: 'POST', url: `/api/workspaces/${w}/events`, payload: { events }, headers });
const queued = async (srv: TestServer, w: string) => Number((await srv.deps.db.selectFrom('customer_intake_queue').select((eb) => eb.fn.countAll().as('n')).where('workspace_id', '=', w).executeTakeFirstOrThrow()).n);
const stored = async (srv: TestServer, w: string) => srv.deps.db.selectFrom('customer_events').select(['idempotency_key', 'type', 'name', 'occurred_at', 'received_at']).where('workspace_id', '=', w).orderBy('idempotency_key').execute();

beforeAll(async () => {
  s = await startTestServer({}, { intake: { pollMs: 100, retryMs: 60_000 } });
  ({ id: wid, owner } = await s.workspace('Intake queue'));
});
afterAll(async () => { await s.destroy(); });

describe('customer events queued at the door', () => {
  it('acknowledges a batch once queued, then applies it: profile, events, timeline', async () => {
    const res = await post(owner, wid, [
      { type: 'identify', userId: 'q-1', email: 'q1@example.org', name: '排隊者', traits: { city: 'Taipei' } },
      { type: 'track', userId: 'q-1', event: 'Opened app' },
    ]);
    expect(res.statusCode).toBe(202);
    const body = res.json();
    expect(body).toEqual({ batchId: expect.any(String), queued: 2 });
    await s.intake.idle();
    expect(await queued(s, wid)).toBe(0);
    const found = (await owner.get(`/api/workspaces/${wid}/customers?q=q1@example.org`)).json();
    expect(found.items).toHaveLength(1);
    const person = (await owner.get(`/api/workspaces/${wid}/customers/${found.items[0].id}`)).json();
    expect(person.traits.city).toBe('Taipei');
    const rows = await stored(s, wid);
    expect(rows.map((r) => r.type).sort()).toEqual(['identify', 'track']);
    // Events without their own time happened when the door took them, which is also their received_at.
    for (const r of rows) expect(r.occurred_at).toBe(r.received_at);
    expect((await owner.get(`/api/workspaces/${wid}/events/queue`)).json()).toMatchObject({ queuedBatches: 0, queuedEvents: 0, oldestReceivedAt: null, failing: [] });
  });

  it('refuses an invalid batch whole with field paths and queues nothing', async () => {
    const before = await queued(s, wid);
    const res = await post(owner, wid, [{ type: 'track', userId: 'q-2', event: 'Fine' }, { type: 'order', userId: 'q-2', orderId: 'x', revenue: 'lots' }]);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.map((d: { path: string }) => d.path)).toContain('events[1].revenue');
    expect(await queued(s, wid)).toBe(before);
    expect((await owner.request({ method: 'POST', url: `/api/workspaces/${wid}/events?wait=maybe`, payload: { events: [{ type: 'track', userId: 'q', event: 'E' }] } })).statusCode).toBe(400);
  });

  it('stores a batch retried with the same Idempotency-Key once, queued or applied', async () => {
    await s.intake.stop();
    const batch = [{ type: 'track', userId: 'q-3', event: 'Retried' }, { type: 'order', userId: 'q-3', orderId: 'q-3-o', revenue: 12, currency: 'TWD' }];
    for (let i = 0; i < 3; i++) expect((await post(owner, wid, batch, { 'idempotency-key': 'retry-me' })).statusCode).toBe(202);
    expect(await queued(s, wid)).toBe(3);
    await s.intake.start();
    await s.intake.idle();
    expect((await post(owner, wid, batch, { 'idempotency-key': 'retry-me' })).statusCode).toBe(202);
    await s.intake.idle();
    const rows = (await stored(s, wid)).filter((r) => r.name === 'Retried' || r.name === 'q-3-o');
    expect(rows.map((r) => r.idempotency_key)).toEqual(['order:app:q-3-o', 'retry-me:0']);
  });

  it('answers 429 with Retry-After past the backlog limit, and accepts again once applied', async () => {
    const small = await startTestServer({ customerIntakeMaxBacklog: 1000 }, { intake: { pollMs: 100 } });
    try {
      const w = await small.workspace('Small backlog');
      await small.intake.stop();
      const events = (n: number, tag: string) => Array.from({ length: n }, (_, i) => ({ type: 'track', userId: `b-${i % 7}`, event: `Burst ${tag}` }));
      expect((await post(w.owner, w.id, events(600, 'a'))).statusCode).toBe(202);
      const refused = await post(w.owner, w.id, events(600, 'b'));
      expect(refused.statusCode).toBe(429);
      expect(refused.headers['retry-after']).toBe('5');
      expect(refused.json().error.code).toBe('intake_backlog_full');
      await small.intake.start();
      await small.intake.idle();
      expect((await post(w.owner, w.id, events(600, 'b'))).statusCode).toBe(202);
      await small.intake.idle();
      expect((await stored(small, w.id)).length).toBe(1200);
    } finally { await small.destroy(); }
  });

  it('reports a batch that cannot be applied and goes on with the ones behind it', async () => {
    const w = await s.workspace('Broken batch');
    await s.intake.stop();
    // A row no door would write (its events are not JSON): applying it must fail.
    await s.deps.db.insertInto('customer_intake_queue').values({
      id: '00000000-0001-7000-8000-000000000000', workspace_id: w.id, actor: JSON.stringify({ type: 'system', id: 'test', label: 'test' }), transport: 'http',
      event_count: 1, events: s.deps.cipher.encrypt('[{"type":'), attempts: 0, error: null, next_attempt_at: null, received_at: new Date().toISOString(),
    }).execute();
    expect((await post(w.owner, w.id, [{ type: 'track', userId: 'after', event: 'Behind the broken one' }])).statusCode).toBe(202);
    await s.intake.start();
    await s.intake.idle();
    expect((await stored(s, w.id)).map((r) => r.name)).toEqual(['Behind the broken one']);
    const status = (await w.owner.get(`/api/workspaces/${w.id}/events/queue`)).json();
    expect(status.queuedBatches).toBe(1);
    expect(status.failing).toEqual([expect.objectContaining({ batchId: '00000000-0001-7000-8000-000000000000', attempts: 1, error: expect.stringMatching(/JSON/i), nextAttemptAt: expect.any(String) })]);
    // The broken batch is this workspace's alone.
    expect((await owner.get(`/api/workspaces/${wid}/events/queue`)).json().failing).toEqual([]);
    await s.deps.db.deleteFrom('customer_intake_queue').where('workspace_id', '=', w.id).execute();
  });

  it('keeps personal data encrypted while queued, and an erasure waits until the queue is applied', { timeout: 20_000 }, async () => {
    const first = await post(owner, wid, [{ type: 'identify', userId: 'q-erase', email: 'erase.me@example.org', phone: '+886912345678', name: '林小姐' }], {});
    await s.intake.idle();
    const found = (await owner.get(`/api/workspaces/${wid}/customers?q=erase.me@example.org`)).json().items[0];
    expect(first.statusCode).toBe(202);
    await s.intake.stop();
    expect((await post(owner, wid, [{ type: 'identify', userId: 'q-erase', email: 'erase.me@example.org', traits: { city: '台中' } }])).statusCode).toBe(202);
    const row = await s.deps.db.selectFrom('customer_intake_queue').select('events').where('workspace_id', '=', wid).executeTakeFirstOrThrow();
    expect(row.events).not.toMatch(/erase\.me|台中|q-erase/);
    // With no worker applying them, the erasure waits 5 s for the queue, then asks to be retried.
    const refused = await owner.delete(`/api/workspaces/${wid}/customers/${found.id}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('events_pending');
    // With a worker, it waits for the batch to be applied and erases.
    setTimeout(() => void s.intake.start(), 300);
    expect((await owner.delete(`/api/workspaces/${wid}/customers/${found.id}`)).statusCode).toBe(200);
    expect((await owner.get(`/api/workspaces/${wid}/customers?q=erase.me@example.org`)).json().items).toEqual([]);
  });

  it('keeps queued batches across a restart, and two worker nodes draining together store each event once', async () => {
    const shared = { dataDir: s.dataDir, databaseSchema: s.config.databaseSchema };
    // A web-only node takes the batches; nothing applies them yet.
    const web = await startTestServer({ ...shared, worker: false }, { intake: { pollMs: 100 } });
    const webOwner = await web.login(owner.email, PASSWORD);
    await s.intake.stop();
    const batches = Array.from({ length: 40 }, (_, b) => Array.from({ length: 50 }, (_, i) => ({ type: 'track', userId: `n-${(b * 50 + i) % 60}`, event: `Node ${b}-${i}` })));
    for (const [b, events] of batches.entries()) expect((await post(webOwner, wid, events, { 'idempotency-key': `node-${b}` })).statusCode).toBe(202);
    await web.close();
    expect(await queued(s, wid)).toBe(40);
    // Two workers on the same store, small transactions so that they overlap.
    const a = await startTestServer({ ...shared }, { intake: { pollMs: 20, maxEvents: 100 } });
    const b = await startTestServer({ ...shared }, { intake: { pollMs: 20, maxEvents: 100 } });
    try {
      await Promise.all([a.intake.idle(), b.intake.idle()]);
      const rows = (await stored(s, wid)).filter((r) => r.name?.startsWith('Node '));
      expect(rows).toHaveLength(2000);
      expect(new Set(rows.map((r) => r.idempotency_key)).size).toBe(2000);
      expect(await queued(s, wid)).toBe(0);
      expect(a.intake.stats.applied + b.intake.stats.applied).toBeGreaterThanOrEqual(2000);
    } finally {
      await a.close();
      await b.close();
      await s.intake.start();
    }
  });
});
