/**
 * Puts the synthetic rows into the product's own store (SQLite file or a PostgreSQL schema):
 * the real migrations, a workspace with five surveys asking nps/csat/ces, the metric settings
 * (time zone, analysed metadata keys), the rows by plain batched INSERTs, then the product's own
 * cube recount (recountNow: chunk by chunk, in the foreground), timed. Queries are then made through the real HTTP API.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import { CompiledQuery } from 'kysely';
import { loadConfig, type Config } from '../../apps/server/src/platform/config.js';
import { createDeps } from '../../apps/server/src/server.js';
import { createApiKey, createWorkspaceWithOwner } from '../../apps/server/src/modules/accounts/index.js';
import { createSurvey } from '../../apps/server/src/modules/surveys/index.js';
import { INSERT_NEW_RESPONSE_SQL, responseParams } from '../../apps/server/src/modules/responses/response-rows.js';
import { recountNow, updateMetricSettings } from '../../apps/server/src/modules/metrics/settings.service.js';
import { SYSTEM_ACTOR } from '../../apps/server/src/platform/audit.js';
import { syntheticChunks, type SyntheticOptions } from './synthetic.js';

export interface Loaded { env: Record<string, string>; workspaceId: string; apiKey: string; loadSeconds: number; cubeSeconds: number; rows: number; cubeCellWrites: number; cleanup(): Promise<void> }

const q = (id: string, type: string, en: string) => ({ id, type, required: false, title: { en } });
const SURVEY = { languages: ['en'], defaultLanguage: 'en', thankYou: { en: 'Thanks' }, questions: [q('nps', 'nps', 'Recommend?'), q('csat', 'csat', 'Satisfied?'), q('ces', 'ces', 'Easy?'), q('comment', 'open_text', 'Why?')] };

/**
 * BENCH_METRICS_SQLITE_DIR / BENCH_METRICS_PG_SCHEMA: reuse a SQLite DATA_DIR or a PostgreSQL schema an
 * earlier run filled (and kept, or left behind when it was stopped): no load, only the cube recount
 * (skipped with BENCH_METRICS_RECOUNT=0) and the queries. Loading 10M rows takes ~10 minutes, so the
 * slow part can run while the machine is busy and the timed queries later on a quiet one.
 */
export async function reuseStore(store: 'sqlite' | 'postgres', kept: string, metric: { timeZone: string; dimensions: string[] }, log: (s: string) => void): Promise<Loaded> {
  const env: Record<string, string> = store === 'sqlite'
    ? { DATA_DIR: kept, LOG_LEVEL: 'silent', DATABASE_URL: '' }
    : { DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'tp-metrics-')), LOG_LEVEL: 'silent', DATABASE_URL: process.env.DATABASE_URL!, DATABASE_SCHEMA: kept };
  const { deps, store: opened } = await createDeps(loadConfig({ ...process.env, ...env }));
  const ws = await deps.db.selectFrom('workspaces').select('id').where('name', '=', 'Metrics bench').executeTakeFirstOrThrow();
  const ctx = { workspaceId: ws.id, actor: { ...SYSTEM_ACTOR, label: 'bench' } };
  const apiKey = (await createApiKey(deps, ctx, { name: 'bench', scopes: ['responses:read'] })).key;
  const rows = Number((await deps.db.selectFrom('responses').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const started = Date.now();
  // BENCH_METRICS_RECOUNT=0: the store's cube is already current (an earlier run counted it); only query.
  const skip = process.env.BENCH_METRICS_RECOUNT === '0';
  const built = skip ? { cellWrites: NaN } : (await recountNow(deps, ctx, metric, { onProgress: (n) => { if (n % 1_000_000 === 0) log(`  ${store}: cube recount at ${(n / 1e6).toFixed(0)}M rows`); } })).rebuilt;
  const cubeSeconds = skip ? NaN : (Date.now() - started) / 1000;
  opened.sqlite?.pragma('wal_checkpoint(TRUNCATE)');
  await opened.close();
  // Left in place: whoever passed the directory decides when it goes.
  return { env, workspaceId: ws.id, apiKey, loadSeconds: NaN, cubeSeconds, rows, cubeCellWrites: built.cellWrites, cleanup: async () => {} };
}

export async function loadProductStore(store: 'sqlite' | 'postgres', gen: Omit<SyntheticOptions, 'workspaceId' | 'surveyIds'>, metric: { timeZone: string; dimensions: string[] }, log: (s: string) => void): Promise<Loaded> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tp-metrics-'));
  const schema = store === 'postgres' ? `bench_m_${crypto.randomBytes(4).toString('hex')}` : '';
  const env: Record<string, string> = { DATA_DIR: dataDir, LOG_LEVEL: 'silent', DATABASE_URL: store === 'postgres' ? process.env.DATABASE_URL! : '', ...(schema ? { DATABASE_SCHEMA: schema } : {}) };
  log(`  ${store}: DATA_DIR ${dataDir}${schema ? `, schema ${schema}` : ''} (BENCH_METRICS_KEEP=1 keeps it)`);
  const config: Config = loadConfig({ ...process.env, ...env });
  const { deps, store: opened } = await createDeps(config);
  const { workspaceId } = await createWorkspaceWithOwner(deps, { name: 'Metrics bench', ownerEmail: 'metrics@example.com', password: 'metrics-bench-password' });
  const ctx = { workspaceId, actor: { ...SYSTEM_ACTOR, label: 'bench' } };
  const surveyIds: string[] = [];
  for (let i = 1; i <= 5; i++) {
    surveyIds.push((await createSurvey(deps, ctx, { name: `Bench survey ${i}`, definition: SURVEY } as never, 'live')).id);
  }
  const apiKey = (await createApiKey(deps, ctx, { name: 'bench', scopes: ['responses:read'] })).key;
  await updateMetricSettings(deps, ctx, metric);

  let rows = 0;
  const started = Date.now();
  // Bulk-load settings, for this load only (the product's own settings are back for the queries):
  // SQLite gets a 4 GB page cache and no fsync per chunk; PostgreSQL loses the three secondary
  // indexes of responses until the rows are in (one sorted build each instead of 10M random inserts).
  const SECONDARY = ['responses_idempotency', 'responses_survey_time', 'responses_workspace_time'];
  if (opened.sqlite) { opened.sqlite.pragma('cache_size = -4000000'); opened.sqlite.pragma('synchronous = OFF'); }
  else for (const ix of SECONDARY) await deps.db.executeQuery(CompiledQuery.raw(`DROP INDEX ${ix}`));
  for (const chunk of syntheticChunks({ ...gen, workspaceId, surveyIds }, 10_000)) {
    if (opened.sqlite) {
      const insert = opened.sqlite.prepare(INSERT_NEW_RESPONSE_SQL);
      opened.sqlite.transaction(() => { for (const r of chunk) insert.run(responseParams(r)); })();
    } else {
      // One statement per chunk: each column as an array, unnested server-side.
      const cols = ['id', 'workspace_id', 'survey_id', 'respondent_id', 'idempotency_key', 'status', 'answers', 'channel', 'touchpoint', 'language', 'customer_external_id', 'order_id', 'metadata', 'nps', 'csat', 'ces', 'created_at', 'updated_at', 'completed_at'] as const;
      const ints = new Set(['nps', 'csat', 'ces']);
      const text = `INSERT INTO responses (${cols.join(', ')}) SELECT * FROM unnest(${cols.map((c, i) => `$${i + 1}::${ints.has(c) ? 'int' : 'text'}[]`).join(', ')})`;
      await deps.db.executeQuery(CompiledQuery.raw(text, cols.map((c) => chunk.map((r) => r[c]))));
    }
    rows += chunk.length;
    if (rows % 1_000_000 === 0) log(`  ${store}: ${(rows / 1e6).toFixed(0)}M rows loaded (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  }
  if (opened.sqlite) opened.sqlite.pragma(`synchronous = ${config.sqliteSynchronous}`);
  else {
    await deps.db.executeQuery(CompiledQuery.raw('CREATE UNIQUE INDEX responses_idempotency ON responses (survey_id, idempotency_key)'));
    await deps.db.executeQuery(CompiledQuery.raw('CREATE INDEX responses_survey_time ON responses (survey_id, created_at)'));
    await deps.db.executeQuery(CompiledQuery.raw('CREATE INDEX responses_workspace_time ON responses (workspace_id, created_at)'));
    await deps.db.executeQuery(CompiledQuery.raw('ANALYZE responses'));
  }
  const loadSeconds = (Date.now() - started) / 1000;
  const cubeStarted = Date.now();
  const built = (await recountNow(deps, ctx, metric, { onProgress: (n) => { if (n % 1_000_000 === 0) log(`  ${store}: cube recount at ${(n / 1e6).toFixed(0)}M rows`); } })).rebuilt;
  const cubeSeconds = (Date.now() - cubeStarted) / 1000;
  if (opened.sqlite) opened.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  await opened.close();
  return {
    env, workspaceId, apiKey, loadSeconds, cubeSeconds, rows, cubeCellWrites: built.cellWrites,
    async cleanup() {
      if (process.env.BENCH_METRICS_KEEP === '1') return;
      fs.rmSync(dataDir, { recursive: true, force: true });
      if (schema) {
        const { dropPostgresSchema } = await import('../../apps/server/src/platform/db/dialect.js');
        await dropPostgresSchema(process.env.DATABASE_URL!, schema);
      }
    },
  };
}
