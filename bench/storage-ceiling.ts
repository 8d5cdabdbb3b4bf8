/**
 * Storage ceiling: how fast can this SQLite file take the very rows the HTTP path stores,
 * without HTTP, JSON parsing, validation or Kysely? Runs in its own process on a fresh file:
 * migrations through createDeps (same schema, indexes, WAL and synchronous pragmas), then raw
 * better-sqlite3: one prepared INSERT, one transaction per batch (as storeBatch commits one
 * transaction per request). Rows are built with the server's own buildRow (same columns, same
 * JSON text) outside the timed section. Prints one JSON line with the result.
 * Env: ROWS (timed rows), WARM_ROWS (stored first, untimed, into a second survey: the HTTP
 * run's warm-up left as many rows behind), BATCH (rows per transaction, default 100).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../apps/server/src/platform/config.js';
import { createDeps } from '../apps/server/src/server.js';
import { createWorkspaceWithOwner } from '../apps/server/src/modules/accounts/index.js';
import { createSurvey } from '../apps/server/src/modules/surveys/index.js';
import { buildRow } from '../apps/server/src/modules/responses/response-rows.js';
import { SYSTEM_ACTOR } from '../apps/server/src/platform/audit.js';
import { BENCH_SURVEY, batchBodies } from './lib/workload.js';
import type { BatchRequest } from '@touchpoint/shared';

const total = Number(process.env.ROWS ?? 100_000);
const warmRows = Number(process.env.WARM_ROWS ?? 0);
const batch = Number(process.env.BATCH ?? 100);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tp-bench-store-'));
const config = loadConfig({ ...process.env, DATABASE_URL: '', DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
const { deps, store } = await createDeps(config);
const raw = store.sqlite!;

const { workspaceId } = await createWorkspaceWithOwner(deps, { name: 'Bench', ownerEmail: 'bench@example.com', password: 'bench-password-123' });
const warmSurvey = await createSurvey(deps, { workspaceId, actor: SYSTEM_ACTOR }, BENCH_SURVEY, 'live');
const survey = await createSurvey(deps, { workspaceId, actor: SYSTEM_ACTOR }, BENCH_SURVEY, 'live');

const COLS = ['id', 'workspace_id', 'survey_id', 'respondent_id', 'idempotency_key', 'status', 'answers', 'channel', 'touchpoint', 'language',
  'customer_external_id', 'order_id', 'metadata', 'nps', 'csat', 'ces', 'created_at', 'updated_at', 'completed_at'] as const;
// ON CONFLICT DO NOTHING as storeBatch does, so the unique-index work is the same.
const insert = raw.prepare(`INSERT INTO responses (${COLS.join(', ')}) VALUES (${COLS.map((c) => '@' + c).join(', ')}) ON CONFLICT (survey_id, idempotency_key) DO NOTHING`);
const insertMany = raw.transaction((rows: object[]) => { for (const r of rows) insert.run(r); });

const bodies = batchBodies('s', batch);
/** Stores `rows` rows into `target`, one transaction per batch; returns the time spent inserting. */
function insertRows(target: typeof survey, rows: number): bigint {
  let ns = 0n;
  for (let done = 0; done < rows;) {
    const now = new Date().toISOString();
    const items = (JSON.parse(bodies.next()) as BatchRequest).responses.slice(0, rows - done);
    const built = items.map((item) => buildRow(target, { ...item, idempotencyKey: item.idempotencyKey! }, { channel: 'api', respondentId: null, now }));
    const t = process.hrtime.bigint();
    insertMany(built);
    ns += process.hrtime.bigint() - t;
    done += built.length;
  }
  return ns;
}
insertRows(warmSurvey, warmRows);
const timedNs = insertRows(survey, total);
const stored = total;
const seconds = Number(timedNs) / 1e9;
const count = (raw.prepare('SELECT count(*) AS n FROM responses WHERE survey_id = ?').get(survey.id) as { n: number }).n;
const synchronous = ['OFF', 'NORMAL', 'FULL', 'EXTRA'][raw.pragma('synchronous', { simple: true }) as number];
console.log(JSON.stringify({ rows: stored, count, seconds, rowsPerSec: stored / seconds, transactions: Math.ceil(stored / batch), warmRows, synchronous }));
await store.close();
fs.rmSync(dataDir, { recursive: true, force: true });
