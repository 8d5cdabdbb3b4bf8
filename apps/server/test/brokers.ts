/**
 * For the broker intake tests: the real Mosquitto and NATS on loopback (CI starts them), names
 * unique to one run so test files running side by side never share a topic, stream or session,
 * and a server that can be closed and opened again on the same store (a restart).
 */
import fs from 'node:fs';
import net from 'node:net';
import crypto from 'node:crypto';
import type { Config } from '../src/platform/config.js';
import { dropPostgresSchema } from '../src/platform/db/dialect.js';
import { createServer, type Touchpoint } from '../src/server.js';
import { startTestServer, type TestServer } from './harness.js';

export const MQTT_URL = 'mqtt://127.0.0.1:1883';
export const NATS_URL = 'nats://127.0.0.1:4222';

/** Fails (never skips) when the broker is down: these tests are part of CI, which runs them with both brokers up. */
export async function requireBroker(name: string, port: number, howToStart: string): Promise<void> {
  const ok = await new Promise<boolean>((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.setTimeout(2000);
    socket.once('connect', () => { socket.destroy(); resolve(true); });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => { socket.destroy(); resolve(false); });
  });
  if (!ok) throw new Error(`${name} is not reachable on 127.0.0.1:${port}; these tests need the real broker. Start it with: ${howToStart}`);
}

export const MOSQUITTO_START = 'mosquitto -d -c /etc/mosquitto/mosquitto.conf';
export const NATS_START = 'start-stop-daemon --start --oknodo --background --exec /usr/sbin/nats-server -- -a 127.0.0.1 -p 4222 -js -sd /var/lib/nats-server -l /var/log/nats-server.log';

/** A short id for this run's topics, subjects, streams and client ids. */
export const runId = () => `t${Date.now().toString(36)}${crypto.randomBytes(3).toString('hex')}`;

export async function waitFor<T>(what: string, probe: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs = 15_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await probe();
      if (v !== undefined && v !== false) return v;
    } catch (err) { last = err; }
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}${last ? `: ${(last as Error).message}` : ''}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/**
 * A test server whose process can "restart": `restart()` closes everything (transports first) and
 * opens a new server on the same store and configuration; `destroy()` cleans up whichever is open.
 */
export interface RestartableServer { first: TestServer; current: Touchpoint; config: Config; restart(between?: () => Promise<void>): Promise<Touchpoint>; destroy(): Promise<void> }

export async function restartableServer(overrides: Partial<Config>): Promise<RestartableServer> {
  const first = await startTestServer(overrides);
  const r: RestartableServer = {
    first, current: first, config: first.config,
    async restart(between) {
      await r.current.close();
      await between?.();
      r.current = await createServer(r.config);
      await r.current.app.ready();
      return r.current;
    },
    async destroy() {
      if (r.current === first) return first.destroy();
      await r.current.close();
      if (r.config.databaseSchema && process.env.DATABASE_URL) await dropPostgresSchema(process.env.DATABASE_URL, r.config.databaseSchema);
      fs.rmSync(first.dataDir, { recursive: true, force: true });
    },
  };
  return r;
}

/** Counts a workspace's stored events and its audit rows of stored batches over one transport. */
export async function storedCounts(tp: Touchpoint, workspaceId: string, transport: string) {
  const events = await tp.deps.db.selectFrom('customer_events').select((eb) => eb.fn.countAll().as('n'))
    .where('workspace_id', '=', workspaceId).where('transport', '=', transport).executeTakeFirstOrThrow();
  const audits = await tp.deps.db.selectFrom('audit_log').select(['details'])
    .where('workspace_id', '=', workspaceId).where('action', '=', 'customers.events_stored').execute();
  return { events: Number(events.n), batches: audits.filter((a) => JSON.parse(String(a.details)).transport === transport).length };
}

/**
 * A TCP forwarder to a broker on loopback, so a test can take "the broker" away from the server
 * (every connection cut, new ones refused) and bring it back, without restarting the shared broker.
 */
export interface BrokerLink { url: string; cut(): Promise<void>; restore(): Promise<void>; close(): Promise<void> }

export async function brokerLink(scheme: string, targetPort: number): Promise<BrokerLink> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect({ host: '127.0.0.1', port: targetPort });
    for (const s of [client, upstream]) { sockets.add(s); s.on('close', () => sockets.delete(s)); s.on('error', () => undefined); }
    client.pipe(upstream).pipe(client);
  });
  const listen = (port: number) => new Promise<void>((resolve, reject) => { server.once('error', reject); server.listen(port, '127.0.0.1', () => { server.off('error', reject); resolve(); }); });
  await listen(0);
  const port = (server.address() as net.AddressInfo).port;
  const stop = async () => {
    const closed = new Promise<void>((r) => server.close(() => r()));
    for (const s of sockets) s.destroy();
    await closed;
  };
  return { url: `${scheme}://127.0.0.1:${port}`, cut: stop, restore: () => listen(port), close: stop };
}

/** A workspace of a broker test: its owner (for the API) and an events:write key (for messages). */
export interface BrokerWs { id: string; ownerEmail: string; key: string }

/**
 * The workspace owner's API requests to whichever server runs now: a restart opens a new app, so the
 * session is made again when the app changed.
 */
export function ownerApi(current: () => Touchpoint, password: string) {
  const sessions = new Map<string, { app: unknown; cookie: string; csrf: string }>();
  const api = async (w: BrokerWs, method: 'GET' | 'PUT', url: string, payload?: object) => {
    const tp = current();
    let s = sessions.get(w.ownerEmail);
    if (!s || s.app !== tp.app) {
      const res = await tp.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: w.ownerEmail, password } });
      s = { app: tp.app, cookie: res.cookies.map((c) => `${c.name}=${c.value}`).join('; '), csrf: res.json().csrfToken };
      sessions.set(w.ownerEmail, s);
    }
    return tp.app.inject({ method, url: `/api/workspaces/${w.id}${url}`, payload, headers: { cookie: s.cookie, 'x-csrf-token': s.csrf } });
  };
  const people = async (w: BrokerWs, q: string) => (await api(w, 'GET', `/customers?q=${encodeURIComponent(q)}`)).json().items as { id: string }[];
  return { api, people };
}
