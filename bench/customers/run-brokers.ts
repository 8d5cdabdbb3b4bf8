/**
 * `npm run bench:customers:brokers`: customer event ingestion over MQTT (Mosquitto) and NATS
 * JetStream against the HTTP path, in the same run, on the same server process (SQLite): the same
 * event mix as `bench:customers` (workload.ts), sent as messages of 500 events (a gateway that
 * batches) and of 1 event (a device that does not), and over HTTP as requests of 500 and of 1.
 *
 * A broker run publishes a fixed number of messages as fast as the publisher can (QoS 1 / JetStream
 * publish acks) and ends when the server has stored every event: events per second is stored events
 * over the time from the first publish to the last commit, so it includes the broker hop, the
 * consumer, validation, batching and the store. Checks that every event arrived exactly once.
 * Needs Mosquitto on 127.0.0.1:1883 and nats-server with JetStream on 127.0.0.1:4222.
 * Env: BENCH_SECONDS (HTTP runs, 10), BENCH_BATCH_MESSAGES (200), BENCH_SINGLE_MESSAGES (5000).
 */
import os from 'node:os';
import crypto from 'node:crypto';
import mqtt from 'mqtt';
import { connect, headers } from '@nats-io/transport-node';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { startServer, type JsonChild, type ServerInfo } from '../lib/child.js';
import { runLoad } from '../lib/load.js';
import { fmt, printTable, writeResults, type Row } from '../lib/report.js';
import type { RotatingBodies } from '../lib/workload.js';
import { eventBatchBodies } from './workload.js';

const RUN_S = Number(process.env.BENCH_SECONDS ?? 10);
const BATCH_MESSAGES = Number(process.env.BENCH_BATCH_MESSAGES ?? 200);
const SINGLE_MESSAGES = Number(process.env.BENCH_SINGLE_MESSAGES ?? 5000);
/** Publishes in flight at once: enough to keep both brokers' queues full. */
const PUBLISH_WINDOW = 256;
const run = `b${crypto.randomBytes(3).toString('hex')}`;
const MQTT_PREFIX = `tp-bench/${run}`;
const NATS_PREFIX = `tpbench.${run}`;
const STREAM = `TPBENCH_${run}`;

async function count(child: JsonChild, prefix: string): Promise<number> {
  child.send(`events ${prefix}`);
  return (await child.next<{ count: number }>()).count;
}

/** The owner's session: the transports' status (one row per transport) is the cheap way to watch progress. */
let session: { cookie: string; csrf: string };

/** Messages the transport has taken (stored or refused, redeliveries included) and events it stored. */
async function progress(info: ServerInfo, transport: 'mqtt' | 'nats'): Promise<{ messages: number; accepted: number }> {
  const res = await fetch(`${info.url}/api/workspaces/${info.workspaceId}/customers/transports`, { headers: { cookie: session.cookie } });
  const body = await res.json() as { transports: { transport: string; messages: number; accepted: number }[] };
  const t = body.transports.find((x) => x.transport === transport)!;
  return { messages: t.messages, accepted: t.accepted };
}

/**
 * Sends `messages` bodies through `publish` with a bounded window of publishes in flight, and never
 * more than AHEAD messages ahead of what the server has taken: a QoS 1 publish is done when the
 * broker has it, and Mosquitto drops what a subscriber's session queues beyond max_queued_messages
 * (1,000 by default), so an unthrottled publisher would measure the broker's drops, not the intake.
 * One poller reads the progress (every 20 ms) for all the publishing loops.
 */
const AHEAD = 1500;
async function publishAll(bodies: RotatingBodies, messages: number, publish: (body: string) => Promise<unknown>, taken: () => Promise<number>) {
  let next = 0;
  let seen = 0;
  let done = false;
  const poller = (async () => { while (!done) { seen = await taken(); await new Promise((r) => setTimeout(r, 20)); } })();
  await Promise.all(Array.from({ length: PUBLISH_WINDOW }, async () => {
    for (;;) {
      while (next < messages && next - seen >= AHEAD) await new Promise((r) => setTimeout(r, 10));
      if (next >= messages) return;
      next++;
      await publish(bodies.next());
    }
  }));
  done = true;
  await poller;
}

interface BrokerRun { transport: string; size: number; messages: number; events: number; seconds: number; perSec: number; stored: number }

async function brokerRun(info: ServerInfo, child: JsonChild, transport: 'mqtt' | 'nats', prefix: string, size: number, messages: number, publish: (body: string) => Promise<unknown>): Promise<BrokerRun> {
  const bodies = eventBatchBodies(prefix, size, 20, 9);
  const before = await progress(info, transport);
  const start = performance.now();
  await publishAll(bodies, messages, publish, async () => (await progress(info, transport)).messages - before.messages);
  // Done when every event is stored (a redelivered message counts as a message again, not as events).
  for (let n = 0; n < messages * size; n = (await progress(info, transport)).accepted - before.accepted) {
    if (performance.now() - start > 600_000) throw new Error(`only ${n} of ${messages * size} events came through ${transport}`);
    await new Promise((r) => setTimeout(r, 10));
  }
  const end = performance.now();
  const seconds = (end - start) / 1000;
  const stored = await count(child, prefix);
  return { transport, size, messages, events: messages * size, seconds, perSec: (messages * size) / seconds, stored };
}

async function httpRun(info: ServerInfo, child: JsonChild, prefix: string, size: number, connections: number) {
  const o = { url: info.url, path: `/api/workspaces/${info.workspaceId}/events?wait=true`, headers: { authorization: `Bearer ${info.apiKey}` }, connections };
  await runLoad({ ...o, bodies: eventBatchBodies(`w${prefix}`, size), seconds: 2 });
  const calibration = await runLoad({ ...o, bodies: eventBatchBodies(`k${prefix}`, size, 20, 8), seconds: 1.5 });
  const r = await runLoad({ ...o, bodies: eventBatchBodies(prefix, size, 20, 9), amount: Math.max(connections * 2, Math.round(calibration.okPerSec * RUN_S)) });
  const stored = await count(child, prefix);
  return { size, connections, requests: r.requests, seconds: r.seconds, perSec: (r.ok * size) / r.seconds, stored, acknowledged: r.ok * size, p50: r.latencyMs.p50, p99: r.latencyMs.p99 };
}

/** The bench workspace's owner turns both transports on (the switch needs customers.manage, which no API key grants). */
async function enableTransports(info: ServerInfo) {
  const login = await fetch(`${info.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'bench@example.com', password: 'bench-password-123' }) });
  const cookie = (login.headers.getSetCookie?.() ?? []).map((c) => c.split(';')[0]).join('; ');
  const { csrfToken } = await login.json() as { csrfToken: string };
  session = { cookie, csrf: csrfToken };
  for (const t of ['mqtt', 'nats']) {
    const res = await fetch(`${info.url}/api/workspaces/${info.workspaceId}/customers/transports/${t}`, { method: 'PUT', headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' }, body: JSON.stringify({ enabled: true }) });
    if (!res.ok) throw new Error(`turning ${t} on failed: ${res.status} ${await res.text()}`);
  }
  for (let i = 0; i < 200; i++) {
    const res = await fetch(`${info.url}/api/workspaces/${info.workspaceId}/customers/transports`, { headers: { cookie } });
    const body = await res.json() as { transports: { connected: boolean }[] };
    if (body.transports.every((t) => t.connected)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the server did not connect to both brokers');
}

async function main() {
  const loadBefore = os.loadavg();
  const { child, info } = await startServer({
    DATABASE_URL: '', TEXT_ANALYSIS: 'off',
    MQTT_URL: 'mqtt://127.0.0.1:1883', MQTT_TOPIC_PREFIX: MQTT_PREFIX, MQTT_CLIENT_ID: `tpbench-${run}`, MQTT_SHARE_GROUP: `g${run}`, MQTT_SESSION_EXPIRY_SECONDS: '600',
    NATS_URL: 'nats://127.0.0.1:4222', NATS_SUBJECT_PREFIX: NATS_PREFIX, NATS_STREAM: STREAM, NATS_CONSUMER: `c${run}`,
  });
  await enableTransports(info);
  await new Promise((r) => setTimeout(r, 1000));

  const mq = await mqtt.connectAsync('mqtt://127.0.0.1:1883', { protocolVersion: 5, clientId: `tpbench-pub-${run}`, clean: true });
  const topic = `${MQTT_PREFIX}/${info.workspaceId}/events`;
  const mqttPublish = (body: string) => mq.publishAsync(topic, body, { qos: 1, properties: { userProperties: { authorization: `Bearer ${info.apiKey}` } } });
  const nc = await connect({ servers: '127.0.0.1:4222' });
  const js = jetstream(nc);
  const subject = `${NATS_PREFIX}.${info.workspaceId}.events`;
  const h = headers();
  h.set('Authorization', `Bearer ${info.apiKey}`);
  const natsPublish = (body: string) => js.publish(subject, body, { headers: h });

  const results: { http: Awaited<ReturnType<typeof httpRun>>[]; brokers: BrokerRun[] } = { http: [], brokers: [] };
  try {
    // Warm the consumers and the store's caches a little before measuring.
    await brokerRun(info, child, 'mqtt', 'wm', 500, 10, mqttPublish);
    await brokerRun(info, child, 'nats', 'wn', 500, 10, natsPublish);
    // Each broker pair is bracketed by two HTTP runs (before and after) and compared with their
    // mean: later runs find more people already known and cost less, and the shared machine's load
    // drifts, so a single HTTP run before them would flatter the brokers.
    for (const [size, connections, messages, tag] of [[500, 16, BATCH_MESSAGES, 'b'], [1, 64, SINGLE_MESSAGES, 'a']] as const) {
      results.http.push(await httpRun(info, child, `h${tag}1`, size, connections));
      for (const [transport, publish] of [['mqtt', mqttPublish], ['nats', natsPublish]] as const) {
        const r = await brokerRun(info, child, transport, `${transport[0]}${tag}`, size, messages, publish);
        console.log(`  ${transport.toUpperCase().padEnd(4)} ${size}/message  ${fmt(r.perSec)} events/s`);
        results.brokers.push(r);
      }
      results.http.push(await httpRun(info, child, `h${tag}2`, size, connections));
      console.log(`  HTTP ${size}/request  ${fmt(results.http.at(-2)!.perSec)} then ${fmt(results.http.at(-1)!.perSec)} events/s`);
    }
  } finally {
    await mq.endAsync();
    await (await jetstreamManager(nc)).streams.delete(STREAM).catch(() => undefined);
    await nc.close();
    await child.stop();
    // End the server's MQTT sessions, or the broker keeps them for the expiry.
    for (let i = 0; i < 4; i++) {
      const c = await mqtt.connectAsync('mqtt://127.0.0.1:1883', { protocolVersion: 5, clientId: `tpbench-${run}-${i}`, clean: true }).catch(() => null);
      await c?.endAsync();
    }
  }

  const loadAfter = os.loadavg();
  const httpOf = (size: number) => results.http.filter((r) => r.size === size);
  const mean = (size: number) => httpOf(size).reduce((a, r) => a + r.perSec, 0) / httpOf(size).length;
  const rows: Row[] = [];
  for (const size of [500, 1]) {
    const [before, after] = httpOf(size);
    rows.push({ name: `HTTP POST …/events, ${size} event${size === 1 ? '' : 's'}/request (${before.connections} conn.)`, value: `${fmt(mean(size))} events/s`, detail: `mean of ${fmt(before.perSec)} before and ${fmt(after.perSec)} after the broker runs; p50 ${before.p50}/${after.p50} ms, p99 ${before.p99}/${after.p99} ms` });
    for (const b of results.brokers.filter((x) => x.size === size)) {
      rows.push({ name: `${b.transport === 'mqtt' ? 'MQTT QoS 1' : 'NATS JetStream'}, ${size} event${size === 1 ? '' : 's'}/message`, value: `${fmt(b.perSec)} events/s`, detail: `${fmt(b.messages)} messages, ${fmt(b.events)} events in ${fmt(b.seconds, 2)} s; ${fmt(b.perSec / mean(size), 2)} × HTTP at ${size}/request` });
    }
  }
  printTable('Customer events over brokers against HTTP (SQLite, one server process)', rows);
  console.log(`load average before ${loadBefore.map((l) => l.toFixed(2)).join(' ')}, after ${loadAfter.map((l) => l.toFixed(2)).join(' ')} (${os.cpus().length} cores)`);
  const exact = results.brokers.every((b) => b.stored === b.events) && results.http.every((r) => r.stored === r.acknowledged);
  console.log(`${exact ? 'OK  ' : 'FAIL'}  every published or acknowledged event stored exactly once`);
  writeResults({ at: new Date().toISOString(), loadBefore, loadAfter, ...results, exact }, 'customers-brokers-latest.json');
  if (!exact) process.exitCode = 1;
}
await main();
