/**
 * Customer events over MQTT against the real Mosquitto on loopback: a published event lands on the
 * person, a repeated or redelivered message stores nothing twice, an invalid one is recorded and
 * does not hold up the next, a message without the workspace's switch or key stores nothing, what
 * is published while the server is down arrives after it starts, and a message whose store did not
 * commit was not acknowledged (the broker sends it again).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import mqtt, { type MqttClient } from 'mqtt';
import { brokerLink, MOSQUITTO_START, MQTT_URL, requireBroker, restartableServer, runId, storedCounts, waitFor, type BrokerLink, type RestartableServer, ownerApi, type BrokerWs } from './brokers.js';
import { PASSWORD } from './harness.js';
import type { Touchpoint } from '../src/server.js';

const run = runId();
const prefix = `tp-test/${run}`;
let srv: RestartableServer;
/** The server reaches Mosquitto through this link, which a test cuts to play a broker restart. */
let link: BrokerLink;
let pub: MqttClient;
type Ws = BrokerWs;
let a: Ws;
let b: Ws;
const tp = (): Touchpoint => srv.current;

const { api, people } = ownerApi(() => tp(), PASSWORD);

const topic = (wid: string) => `${prefix}/${wid}/events`;
const send = (wid: string, body: unknown, key?: string) =>
  pub.publishAsync(topic(wid), typeof body === 'string' ? body : JSON.stringify(body), { qos: 1, properties: key ? { userProperties: { authorization: `Bearer ${key}` } } : {} });
const status = async (w: Ws) =>
  ((await api(w, 'GET', '/customers/transports')).json().transports as { transport: string; [k: string]: any }[]).find((t) => t.transport === 'mqtt')!;
const statusOf = async (wid: string) => {
  const row = await tp().deps.db.selectFrom('customer_transports').selectAll().where('workspace_id', '=', wid).where('transport', '=', 'mqtt').executeTakeFirst();
  return { messages: Number(row?.messages ?? 0), accepted: Number(row?.accepted ?? 0), duplicates: Number(row?.duplicates ?? 0), invalid: Number(row?.invalid ?? 0), errors: JSON.parse(row?.errors ?? '[]') as { path: string; message: string }[] };
};

beforeAll(async () => {
  await requireBroker('Mosquitto (MQTT)', 1883, MOSQUITTO_START);
  link = await brokerLink('mqtt', 1883);
  srv = await restartableServer({ mqttUrl: link.url, mqttTopicPrefix: prefix, mqttClientId: `tpt-${run}`, mqttShareGroup: `g${run}`, mqttConnections: 2, mqttSessionExpirySeconds: 600 });
  const s = srv.first;
  const wa = await s.workspace('MQTT A');
  const wb = await s.workspace('MQTT B');
  a = { id: wa.id, ownerEmail: wa.ownerEmail, key: await s.apiKey(wa.id, ['events:write']) };
  b = { id: wb.id, ownerEmail: wb.ownerEmail, key: await s.apiKey(wb.id, ['events:write']) };
  const on = await api(a, 'PUT', '/customers/transports/mqtt', { enabled: true });
  expect(on.statusCode, on.body).toBe(200);
  pub = await mqtt.connectAsync(MQTT_URL, { protocolVersion: 5, clientId: `tpt-pub-${run}`, clean: true });
  await waitFor('the MQTT intake to connect', async () => (await status(a)).connected);
});

afterAll(async () => {
  await pub?.endAsync();
  await srv?.destroy();
  await link?.close();
  // The intake's sessions would otherwise wait in the broker for a week: end them.
  for (let i = 0; i < 2; i++) {
    const c = await mqtt.connectAsync(MQTT_URL, { protocolVersion: 5, clientId: `tpt-${run}-${i}`, clean: true, properties: { sessionExpiryInterval: 0 } }).catch(() => null);
    await c?.endAsync();
  }
});

describe('customer events over MQTT', () => {
  it('shows the workspace where to publish, and that it is on', async () => {
    const st = await status(a);
    expect(st).toMatchObject({ configured: true, enabled: true, connected: true, broker: link.url, address: topic(a.id), stream: null, brokerError: null });
    expect(await status(b)).toMatchObject({ enabled: false, address: topic(b.id) });
    const audit = await tp().deps.db.selectFrom('audit_log').select('action').where('workspace_id', '=', a.id).where('action', '=', 'customers.transport_enabled').execute();
    expect(audit).toHaveLength(1);
  });

  it('stores a published event on the person, with the transport in the audit row', async () => {
    await send(a.id, { type: 'identify', userId: 'dev-1', email: 'kiosk.owner@example.com', name: '林小明', traits: { plan: 'iot' } }, a.key);
    await send(a.id, [{ type: 'track', userId: 'dev-1', event: 'Door opened', timestamp: '2026-11-01T08:00:00Z' }, { type: 'order', userId: 'dev-1', orderId: 'm-1', revenue: 42, currency: 'TWD' }], a.key);
    await waitFor('3 events stored', async () => (await statusOf(a.id)).accepted === 3);
    const found = await people(a, 'kiosk.owner@example.com');
    expect(found).toHaveLength(1);
    const id = found[0].id;
    const person = (await api(a, 'GET', `/customers/${id}`)).json();
    expect(person).toMatchObject({ name: '林小明', orderCount: 1, traits: { plan: 'iot' } });
    const timeline = (await api(a, 'GET', `/customers/${id}/timeline?limit=10`)).json();
    expect(timeline.items.map((i: { kind: string }) => i.kind).sort()).toEqual(['identify', 'order', 'track']);
    const audit = await tp().deps.db.selectFrom('audit_log').select(['actor_type', 'details']).where('workspace_id', '=', a.id).where('action', '=', 'customers.events_stored').execute();
    expect(audit.every((r) => r.actor_type === 'api_key' && JSON.parse(r.details).transport === 'mqtt')).toBe(true);
    expect(await storedCounts(tp(), a.id, 'mqtt')).toMatchObject({ events: 3 });
  });

  it('stores a repeated message and an event with its own key once', async () => {
    const before = await statusOf(a.id);
    const same = { type: 'track', userId: 'dev-2', event: 'Button pressed', timestamp: '2026-11-02T10:00:00Z' };
    await send(a.id, same, a.key);
    await send(a.id, same, a.key);
    await send(a.id, { type: 'page', anonymousId: 'screen-9', url: '/menu', idempotencyKey: 'screen-9:boot-1' }, a.key);
    await send(a.id, { url: '/menu', type: 'page', anonymousId: 'screen-9', idempotencyKey: 'screen-9:boot-1' }, a.key);
    await waitFor('4 more messages', async () => (await statusOf(a.id)).messages === before.messages + 4);
    const after = await statusOf(a.id);
    expect(after.accepted - before.accepted).toBe(2);
    expect(after.duplicates - before.duplicates).toBe(2);
  });

  it('records an invalid message with field paths and goes on with the next', async () => {
    const before = await statusOf(a.id);
    await send(a.id, '{"type": "track", oops', a.key);
    await send(a.id, [{ type: 'track', userId: 'dev-3', event: 'ok' }, { type: 'track', event: 'nobody' }, { type: 'order', userId: 'dev-3' }], a.key);
    await send(a.id, { type: 'track', userId: 'dev-3', event: 'After the bad ones' }, a.key);
    await waitFor('the valid message after the invalid ones', async () => (await statusOf(a.id)).accepted === before.accepted + 1);
    const after = await statusOf(a.id);
    expect(after.invalid - before.invalid).toBe(2);
    const paths = after.errors.map((e) => e.path);
    expect(paths).toContain('');
    expect(paths).toContain('events[1].userId');
    expect(paths.some((p) => p.startsWith('events[2].'))).toBe(true);
    const st = await status(a);
    expect(st.errors[0]).toMatchObject({ path: expect.any(String), message: expect.any(String), at: expect.any(String) });
    expect(st.invalid).toBe(after.invalid);
  });

  it('stores nothing without the switch, without a key, with a key of another workspace or scope', async () => {
    const ignoredBefore = tp().transports.intake.ignored.mqtt;
    // B has not turned MQTT on: even its own key stores nothing, and nothing is recorded there.
    await send(b.id, { type: 'track', userId: 'intruder', event: 'Into B' }, b.key);
    await waitFor('the message to B to be dropped', () => tp().transports.intake.ignored.mqtt === ignoredBefore + 1);
    expect(await storedCounts(tp(), b.id, 'mqtt')).toEqual({ events: 0, batches: 0 });
    expect(await statusOf(b.id)).toMatchObject({ messages: 0 });

    const readOnly = await srv.first.apiKey(a.id, ['customers:read']);
    const before = await statusOf(a.id);
    await send(a.id, { type: 'track', userId: 'intruder', event: 'No key' });
    await send(a.id, { type: 'track', userId: 'intruder', event: 'B key' }, b.key);
    await send(a.id, { type: 'track', userId: 'intruder', event: 'Read key' }, readOnly);
    // MQTT 3.1.1 clients have no user properties: the envelope carries the key; a wrong one is refused.
    await send(a.id, { apiKey: 'tpk_not-a-key', events: [{ type: 'track', userId: 'intruder', event: 'Made-up key' }] });
    await waitFor('4 refusals', async () => (await statusOf(a.id)).invalid === before.invalid + 4);
    const after = await statusOf(a.id);
    expect(after.accepted).toBe(before.accepted);
    expect(after.errors.slice(0, 4).map((e) => e.path)).toEqual(['apiKey', 'apiKey', 'apiKey', 'apiKey']);
    // The two connections take them in any order: compare as a set.
    const messages = after.errors.slice(0, 4).map((e) => e.message).join(' | ');
    for (const why of ['is required', 'unknown or revoked', 'lacks the events:write scope']) expect(messages).toContain(why);
    expect(messages.match(/unknown or revoked/g)).toHaveLength(2);
    expect(await people(a, 'intruder')).toHaveLength(0);
    const refusedAudit = await tp().deps.db.selectFrom('audit_log').select('details').where('workspace_id', '=', a.id).where('action', '=', 'customers.transport_refused').execute();
    expect(refusedAudit.length).toBeGreaterThan(0);
  });

  it('accepts an envelope with its key (MQTT 3.1.1) and keeps workspaces apart', async () => {
    await api(b, 'PUT', '/customers/transports/mqtt', { enabled: true });
    const bBefore = await statusOf(b.id);
    await send(b.id, { apiKey: b.key, events: [{ type: 'identify', userId: 'shared-id', traits: { shop: 'B' } }] });
    await send(a.id, { type: 'identify', userId: 'shared-id', traits: { shop: 'A' } }, a.key);
    await waitFor('B stores its event', async () => (await statusOf(b.id)).accepted === bBefore.accepted + 1);
    await waitFor('A stores its event', async () => (await people(a, 'shared-id')).length === 1);
    const inB = await people(b, 'shared-id');
    const inA = await people(a, 'shared-id');
    expect(inB).toHaveLength(1);
    expect((await api(b, 'GET', `/customers/${inB[0].id}`)).json().traits).toEqual({ shop: 'B' });
    expect((await api(a, 'GET', `/customers/${inA[0].id}`)).json().traits).toEqual({ shop: 'A' });
    // A's owner cannot read B's status: B is not their workspace.
    expect((await api({ ...b, ownerEmail: a.ownerEmail }, 'GET', '/customers/transports')).statusCode).toBe(404);
  });

  it('delivers what was published while the server was down, once', async () => {
    const before = await statusOf(a.id);
    await srv.restart(async () => {
      for (let i = 0; i < 5; i++) await send(a.id, { type: 'track', userId: 'dev-offline', event: `While down ${i}` }, a.key);
    });
    await waitFor('the 5 events published while down', async () => (await statusOf(a.id)).accepted === before.accepted + 5);
    await new Promise((r) => setTimeout(r, 300));
    expect((await statusOf(a.id)).accepted).toBe(before.accepted + 5);
  });

  it('does not acknowledge a message whose store did not commit: the broker sends it again', async () => {
    const before = await statusOf(a.id);
    // The next store of the intake "crashes" before its commit: it waits, then fails. (Only the
    // intake's: other writers of the server, such as the segment worker, go on as usual.)
    const batcher = tp().transports.batcher as unknown as { storeItems: (...args: unknown[]) => Promise<unknown> };
    const real = batcher.storeItems;
    let held: ((err: Error) => void) | undefined;
    batcher.storeItems = () => new Promise((_, reject) => { held = reject; });
    await send(a.id, { type: 'track', userId: 'dev-crash', event: 'Stored after a crash' }, a.key);
    await waitFor('the store to begin', () => held !== undefined);
    const stopping = tp().transports.stop();
    held!(new Error('crashed before the commit'));
    await stopping;
    batcher.storeItems = real;
    expect((await statusOf(a.id)).accepted).toBe(before.accepted);
    tp().transports.start();
    await waitFor('the redelivered message to be stored', async () => (await statusOf(a.id)).accepted === before.accepted + 1);
    expect(await people(a, 'dev-crash')).toHaveLength(1);
  });

  it('reconnects when the broker comes back, and gets what was published meanwhile', async () => {
    const before = await statusOf(a.id);
    await link.cut();
    await waitFor('the status to show the connection down', async () => !(await status(a)).connected);
    for (let i = 0; i < 3; i++) await send(a.id, { type: 'track', userId: 'dev-away', event: `While the broker was away ${i}` }, a.key);
    await link.restore();
    await waitFor('the connection to come back', async () => (await status(a)).connected);
    await waitFor('the 3 events published meanwhile', async () => (await statusOf(a.id)).accepted === before.accepted + 3);
  });
});
