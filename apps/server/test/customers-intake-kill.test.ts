/**
 * An acknowledged customer event survives SIGKILL. The real server runs as a child process
 * (SQLite with synchronous=FULL, or PostgreSQL); each life sends batches over real HTTP, several
 * at once, while the drainer is applying earlier ones, and is killed with SIGKILL the instant the
 * last acknowledgement arrives. A last life applies what is left. Then every acknowledged event is
 * stored exactly once (by idempotency key), and no batch is left in the queue.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadConfig } from '../src/platform/config.js';
import { openStore } from '../src/server.js';
import { childStore, rawRequest as request, runCli, startServe } from './processes.js';

const LIVES = 6;
const BATCHES_PER_LIFE = 6;
const EVENTS_PER_BATCH = 250;
const store = childStore();
afterAll(async () => { await store.destroy(); });

let workspaceId: string;
let auth: Record<string, string>;
beforeAll(async () => {
  const created = await runCli(['workspace', 'create', '--name', 'Intake kill', '--owner-email', 'kill@example.com', '--password', 'kill-password-123'], store.env);
  expect(created.code, created.stderr).toBe(0);
  workspaceId = JSON.parse(created.stdout).workspaceId;
  const key = await runCli(['api-key', 'create', '--workspace', workspaceId, '--name', 'kill', '--scopes', 'events:write'], store.env);
  expect(key.code, key.stderr).toBe(0);
  auth = { authorization: `Bearer ${key.stdout.trim()}` };
}, 60_000);

it(`stores every acknowledged event once across ${LIVES} SIGKILLs while batches are being applied`, async () => {
  const acked = new Set<string>();
  for (let life = 0; life < LIVES; life++) {
    const server = await startServe(store.env);
    const url = `${server.url}/api/workspaces/${workspaceId}/events`;
    let answered = 0;
    // Each life's batches go at once; the kill follows the last acknowledgement at once.
    const sent = Array.from({ length: BATCHES_PER_LIFE }, (_, b) => {
      const batchKey = `life${life}-b${b}`;
      const events = Array.from({ length: EVENTS_PER_BATCH }, (_, i) => (i % 5 === 0
        ? { type: 'identify', userId: `k-${(life * 997 + b * 31 + i) % 400}`, email: `k${(life * 997 + b * 31 + i) % 400}@example.org`, traits: { life } }
        : { type: 'track', userId: `k-${(life * 997 + b * 31 + i) % 400}`, event: `Kill ${life}` }));
      return request(url, 'POST', { events }, { ...auth, 'idempotency-key': batchKey }, ({ status }) => {
        if (status === 202 && ++answered === BATCHES_PER_LIFE) server.child.kill('SIGKILL');
      }).then((r) => {
        expect(r.status, r.body).toBe(202);
        for (let i = 0; i < EVENTS_PER_BATCH; i++) acked.add(`${batchKey}:${i}`);
      });
    });
    await Promise.all(sent);
    await server.exited;
    expect(server.child.signalCode).toBe('SIGKILL');
  }
  // A last life applies whatever the kills left queued.
  const last = await startServe(store.env);
  try {
    for (let i = 0; i < 300; i++) {
      const q = JSON.parse((await request(`${last.url}/api/workspaces/${workspaceId}/events/queue`, 'GET', undefined, auth)).body);
      if (q.queuedBatches === 0) break;
      expect(q.failing).toEqual([]);
      await new Promise((r) => setTimeout(r, 100));
    }
  } finally {
    last.child.kill('SIGKILL');
    await last.exited;
  }
  expect(acked.size).toBe(LIVES * BATCHES_PER_LIFE * EVENTS_PER_BATCH);
  const opened = await openStore(loadConfig(store.env));
  try {
    const rows = await opened.db.selectFrom('customer_events').select('idempotency_key').where('workspace_id', '=', workspaceId).execute();
    const keys = rows.map((r) => r.idempotency_key);
    expect(keys.length).toBe(acked.size);
    expect(new Set(keys)).toEqual(acked);
    expect((await opened.db.selectFrom('customer_intake_queue').select('id').execute()).length).toBe(0);
  } finally {
    await opened.close();
  }
}, 120_000);
