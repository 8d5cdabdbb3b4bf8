/**
 * Storage ceiling for customer events: how fast this SQLite file takes the event rows the intake
 * stores, without HTTP, JSON, validation, identity resolution or Kysely. Its own process, a fresh
 * file migrated through createDeps (same schema, indexes and pragmas), raw better-sqlite3: one
 * prepared INSERT … ON CONFLICT DO NOTHING per row, one transaction per batch. Rows are built
 * from the bench's own bodies outside the timed part. Prints one JSON line.
 * Env: ROWS (timed), WARM_ROWS (untimed, first), BATCH (rows per transaction, default 500).
 * QUEUE=1: the HTTP door's storage instead, one customer_intake_queue row per batch (its events
 * encrypted with the store's cipher, as the door does), one transaction per batch.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../apps/server/src/platform/config.js';
import { createDeps } from '../../apps/server/src/server.js';
import { createWorkspaceWithOwner } from '../../apps/server/src/modules/accounts/index.js';
import { newId, newTimeOrderedId } from '../../apps/server/src/platform/crypto/tokens.js';
import { eventBatchBodies } from './workload.js';

const total = Number(process.env.ROWS ?? 100_000);
const warmRows = Number(process.env.WARM_ROWS ?? 0);
const batch = Number(process.env.BATCH ?? 500);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tp-bench-events-'));
const config = loadConfig({ ...process.env, DATABASE_URL: '', DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
const { deps, store } = await createDeps(config);
const raw = store.sqlite!;
const { workspaceId } = await createWorkspaceWithOwner(deps, { name: 'Bench', ownerEmail: 'bench@example.com', password: 'bench-password-123' });
// Events need a profile (foreign key); one per 100 rows spreads them like real people would.
const profiles = Array.from({ length: 1000 }, () => newId());
const now0 = new Date().toISOString();
const addProfile = raw.prepare(`INSERT INTO customers (id, workspace_id, merged_into, name_enc, traits, consents, revenue, order_count, first_seen_at, last_seen_at, churn_risk, created_at, updated_at) VALUES (?, ?, NULL, NULL, '{}', '{}', '{}', 0, NULL, NULL, NULL, ?, ?)`);
raw.transaction(() => { for (const id of profiles) addProfile.run(id, workspaceId, now0, now0); })();

const COLS = ['id', 'workspace_id', 'customer_id', 'type', 'name', 'properties', 'revenue', 'currency', 'idempotency_key', 'transport', 'occurred_at', 'received_at'] as const;
const insert = raw.prepare(`INSERT INTO customer_events (${COLS.join(', ')}) VALUES (${COLS.map((c) => '@' + c).join(', ')}) ON CONFLICT (workspace_id, idempotency_key) DO NOTHING`);
const insertMany = raw.transaction((rows: object[]) => { for (const r of rows) insert.run(r); });

const bodies = eventBatchBodies('s', batch);
type Ev = { type: string; idempotencyKey: string; event?: string; url?: string; orderId?: string; revenue?: number; currency?: string; properties?: object; traits?: object };
function insertRows(rows: number): bigint {
  let ns = 0n;
  for (let done = 0, n = 0; done < rows; n++) {
    const now = new Date().toISOString();
    const events = (JSON.parse(bodies.next()) as { events: Ev[] }).events.slice(0, rows - done);
    const built = events.map((e, i) => ({
      id: newTimeOrderedId(), workspace_id: workspaceId, customer_id: profiles[(n * 7 + i) % profiles.length], type: e.type,
      name: e.event ?? e.url ?? e.orderId ?? null, properties: JSON.stringify(e.properties ?? (e.traits ? { traits: e.traits } : {})),
      revenue: e.revenue ?? null, currency: e.currency ?? null, idempotency_key: e.idempotencyKey, transport: 'http', occurred_at: now, received_at: now,
    }));
    const t = process.hrtime.bigint();
    insertMany(built);
    ns += process.hrtime.bigint() - t;
    done += built.length;
  }
  return ns;
}
const queueInsert = raw.prepare('INSERT INTO customer_intake_queue (id, workspace_id, actor, transport, event_count, events, attempts, error, next_attempt_at, received_at) VALUES (?, ?, ?, ?, ?, ?, 0, NULL, NULL, ?)');
const queueOne = raw.transaction((p: unknown[]) => { queueInsert.run(p); });
const actor = JSON.stringify({ type: 'api_key', id: 'bench', label: 'bench' });
/** One queue row per batch; the encryption is timed, as it is part of what the door does per batch. */
function queueRows(rows: number): bigint {
  let ns = 0n;
  for (let done = 0; done < rows;) {
    const events = (JSON.parse(bodies.next()) as { events: Ev[] }).events.slice(0, rows - done);
    const json = JSON.stringify(events);
    const t = process.hrtime.bigint();
    queueOne([newTimeOrderedId(), workspaceId, actor, 'http', events.length, deps.cipher.encrypt(json), new Date().toISOString()]);
    ns += process.hrtime.bigint() - t;
    done += events.length;
  }
  return ns;
}
const run = process.env.QUEUE === '1' ? queueRows : insertRows;
run(warmRows);
const seconds = Number(run(total)) / 1e9;
const synchronous = ['OFF', 'NORMAL', 'FULL', 'EXTRA'][raw.pragma('synchronous', { simple: true }) as number];
console.log(JSON.stringify({ rows: total, seconds, rowsPerSec: total / seconds, synchronous }));
await store.close();
fs.rmSync(dataDir, { recursive: true, force: true });
