/**
 * Customer events over NATS JetStream against the real nats-server on loopback: the stream and the
 * durable consumer are made when missing, a published event lands on the person, a message is
 * acknowledged only after its commit (and one whose store did not commit comes back), repeated and
 * invalid messages, authorisation, a restart, and a burst stored in few transactions.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, headers, type NatsConnection } from '@nats-io/transport-node';
import { jetstream, jetstreamManager, type JetStreamClient, type JetStreamManager } from '@nats-io/jetstream';
import { brokerLink, NATS_START, NATS_URL, requireBroker, restartableServer, runId, storedCounts, waitFor, type BrokerLink, type RestartableServer, ownerApi, type BrokerWs } from './brokers.js';
import { PASSWORD } from './harness.js';
import type { Touchpoint } from '../src/server.js';

const run = runId();
const prefix = `tpt.${run}`;
const stream = `TPT_${run}`;
const durable = `c-${run}`;
let srv: RestartableServer;
/** The server reaches nats-server through this link, which a test cuts to play a broker restart. */
let link: BrokerLink;
let nc: NatsConnection;
let js: JetStreamClient;
let jsm: JetStreamManager;
type Ws = BrokerWs;
let a: Ws;
let b: Ws;
const tp = (): Touchpoint => srv.current;

const { api, people } = ownerApi(() => tp(), PASSWORD);
const status = async (w: Ws) => ((await api(w, 'GET', '/customers/transports')).json().transports as { transport: string; [k: string]: any }[]).find((t) => t.transport === 'nats')!;
const counters = async (wid: string) => {
  const row = await tp().deps.db.selectFrom('customer_transports').selectAll().where('workspace_id', '=', wid).where('transport', '=', 'nats').executeTakeFirst();
  return { messages: Number(row?.messages ?? 0), accepted: Number(row?.accepted ?? 0), duplicates: Number(row?.duplicates ?? 0), invalid: Number(row?.invalid ?? 0), errors: JSON.parse(row?.errors ?? '[]') as { path: string; message: string }[] };
};
const subject = (wid: string) => `${prefix}.${wid}.events`;
async function send(wid: string, body: unknown, key?: string) {
  const h = headers();
  if (key) h.set('Authorization', `Bearer ${key}`);
  await js.publish(subject(wid), typeof body === 'string' ? body : JSON.stringify(body), { headers: h });
}
/** What JetStream still holds: messages in the (work-queue) stream, and those delivered but not acknowledged. */
const held = async () => {
  const [s, c] = await Promise.all([jsm.streams.info(stream), jsm.consumers.info(stream, durable)]);
  return { inStream: s.state.messages, unacked: c.num_ack_pending };
};

beforeAll(async () => {
  await requireBroker('nats-server (JetStream)', 4222, NATS_START);
  link = await brokerLink('nats', 4222);
  srv = await restartableServer({ natsUrl: link.url, natsSubjectPrefix: prefix, natsStream: stream, natsConsumer: durable, natsAckWaitMs: 1000 });
  const s = srv.first;
  const wa = await s.workspace('NATS A');
  const wb = await s.workspace('NATS B');
  a = { id: wa.id, ownerEmail: wa.ownerEmail, key: await s.apiKey(wa.id, ['events:write']) };
  b = { id: wb.id, ownerEmail: wb.ownerEmail, key: await s.apiKey(wb.id, ['events:write']) };
  expect((await api(a, 'PUT', '/customers/transports/nats', { enabled: true })).statusCode).toBe(200);
  nc = await connect({ servers: NATS_URL.replace('nats://', '') });
  js = jetstream(nc);
  jsm = await jetstreamManager(nc);
  await waitFor('the NATS intake to make its stream and connect', async () => (await status(a)).connected);
});

afterAll(async () => {
  await srv?.destroy();
  await link?.close();
  await jsm?.streams.delete(stream).catch(() => undefined);
  await nc?.close();
});

describe('customer events over NATS JetStream', () => {
  it('made the stream and the durable consumer, and shows the subject', async () => {
    const info = await jsm.streams.info(stream);
    expect(info.config).toMatchObject({ subjects: [`${prefix}.*.events`], retention: 'workqueue' });
    expect((await jsm.consumers.info(stream, durable)).config).toMatchObject({ durable_name: durable, ack_policy: 'explicit' });
    expect(await status(a)).toMatchObject({ configured: true, enabled: true, connected: true, broker: link.url, address: subject(a.id), stream, brokerError: null });
  });

  it('stores a published event on the person, then acknowledges it', async () => {
    await send(a.id, [{ type: 'identify', userId: 'pos-1', email: 'till@example.com', traits: { store: 'Taipei 101' } }, { type: 'order', userId: 'pos-1', orderId: 'n-1', revenue: 99, currency: 'TWD' }], a.key);
    await waitFor('2 events stored', async () => (await counters(a.id)).accepted === 2);
    const [p] = await people(a, 'till@example.com');
    expect((await api(a, 'GET', `/customers/${p.id}`)).json()).toMatchObject({ orderCount: 1, traits: { store: 'Taipei 101' } });
    await waitFor('the message to leave the stream', async () => (await held()).inStream === 0);
  });

  it('acknowledges only after the commit; a store that did not commit is delivered again, once', async () => {
    const before = await counters(a.id);
    // Holds the intake's next store before its transaction (other writers go on as usual).
    const batcher = tp().transports.batcher as unknown as { storeItems: (...args: unknown[]) => Promise<unknown> };
    const real = batcher.storeItems;
    let release: ((ok: boolean) => void) | undefined;
    batcher.storeItems = function (this: unknown, ...args: unknown[]) {
      return new Promise((resolve, reject) => {
        release = (ok) => (ok ? real.apply(this, args).then(resolve, reject) : reject(new Error('crashed before the commit')));
      });
    };
    await send(a.id, { type: 'track', userId: 'pos-2', event: 'Held commit' }, a.key);
    await waitFor('the store to begin', () => release !== undefined);
    // Delivered, stored in a transaction not yet committed: JetStream still has it, unacknowledged.
    expect(await held()).toEqual({ inStream: 1, unacked: 1 });
    release!(true);
    await waitFor('the ack after the commit', async () => { const h = await held(); return h.inStream === 0 && h.unacked === 0; });
    expect((await counters(a.id)).accepted).toBe(before.accepted + 1);

    // Now the store fails and the server stops before any commit: nothing acknowledged, so the next consumer gets it.
    release = undefined;
    await send(a.id, { type: 'track', userId: 'pos-3', event: 'Crashed commit' }, a.key);
    await waitFor('the store to begin', () => release !== undefined);
    const stopping = tp().transports.stop();
    release!(false);
    await stopping;
    batcher.storeItems = real;
    expect(await held()).toMatchObject({ inStream: 1 });
    tp().transports.start();
    await waitFor('the redelivered message to be stored', async () => (await people(a, 'pos-3')).length === 1);
    await waitFor('its ack', async () => (await held()).inStream === 0);
    expect((await counters(a.id)).accepted).toBe(before.accepted + 2);
  });

  it('stores a repeated message once and terminates an invalid one without blocking the next', async () => {
    const before = await counters(a.id);
    const same = { type: 'page', anonymousId: 'kiosk-7', url: '/welcome', timestamp: '2026-11-03T07:00:00Z' };
    await send(a.id, same, a.key);
    await send(a.id, same, a.key);
    await send(a.id, 'not json at all', a.key);
    await send(a.id, { events: [{ type: 'identify', userId: 'pos-4', email: 'not-an-email' }] }, a.key);
    await send(a.id, { type: 'track', userId: 'pos-4', event: 'After the bad ones' }, a.key);
    await waitFor('5 messages taken', async () => (await counters(a.id)).messages === before.messages + 5);
    const after = await counters(a.id);
    expect(after).toMatchObject({ accepted: before.accepted + 2, duplicates: before.duplicates + 1, invalid: before.invalid + 2 });
    expect(after.errors.map((e) => e.path)).toEqual(expect.arrayContaining(['', 'events[0].email']));
    await waitFor('nothing left in the stream', async () => { const h = await held(); return h.inStream === 0 && h.unacked === 0; });
  });

  it('stores nothing for a workspace that has not turned NATS on, or without its key', async () => {
    const ignored = tp().transports.intake.ignored.nats;
    await send(b.id, { type: 'track', userId: 'intruder', event: 'Into B' }, b.key);
    await waitFor('the message to B to be dropped', () => tp().transports.intake.ignored.nats === ignored + 1);
    expect(await storedCounts(tp(), b.id, 'nats')).toEqual({ events: 0, batches: 0 });
    const before = await counters(a.id);
    await send(a.id, { type: 'track', userId: 'intruder', event: 'No key' });
    await send(a.id, { type: 'track', userId: 'intruder', event: 'B key' }, b.key);
    await waitFor('2 refusals', async () => (await counters(a.id)).invalid === before.invalid + 2);
    expect(await people(a, 'intruder')).toHaveLength(0);
    expect((await counters(a.id)).errors.slice(0, 2).map((e) => e.path)).toEqual(['apiKey', 'apiKey']);
    await waitFor('nothing left in the stream', async () => (await held()).inStream === 0);
  });

  it('delivers what was published while the server was down', async () => {
    const before = await counters(a.id);
    await srv.restart(async () => {
      for (let i = 0; i < 5; i++) await send(a.id, { type: 'track', userId: 'pos-offline', event: `While down ${i}` }, a.key);
      expect((await held()).inStream).toBe(5);
    });
    await waitFor('the 5 events published while down', async () => (await counters(a.id)).accepted === before.accepted + 5);
  });

  it('stores a burst of small messages in few transactions', async () => {
    const before = await storedCounts(tp(), a.id, 'nats');
    const n = 300;
    await Promise.all(Array.from({ length: n }, (_, i) => send(a.id, { type: 'track', userId: `burst-${i % 20}`, event: 'Tap', properties: { i } }, a.key)));
    await waitFor(`${n} burst events`, async () => (await storedCounts(tp(), a.id, 'nats')).events === before.events + n);
    const after = await storedCounts(tp(), a.id, 'nats');
    expect(after.batches - before.batches).toBeLessThan(n / 4);
  });

  it('reconnects when the broker comes back, and goes on consuming', async () => {
    const before = await counters(a.id);
    await link.cut();
    await waitFor('the status to show the connection down', async () => !(await status(a)).connected);
    for (let i = 0; i < 3; i++) await send(a.id, { type: 'track', userId: 'pos-away', event: `While the broker was away ${i}` }, a.key);
    await link.restore();
    await waitFor('the 3 events published meanwhile', async () => (await counters(a.id)).accepted === before.accepted + 3, 20_000);
    await waitFor('the connection to show up again', async () => (await status(a)).connected);
  });
});
