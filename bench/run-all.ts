/**
 * `npm run bench`: response ingestion (HTTP vs. its two ceilings), public submits and the
 * respondent page, printed as a table and written to bench/results/latest.json.
 * The server always runs in its own process (see server-entry.ts); this process only drives
 * load (autocannon) and the browser, so the two never share an event loop.
 * Env: BENCH_SECONDS (10), BENCH_WARM_SECONDS (2), BENCH_PAGE_LOADS (10), BENCH_BACKFILL=1,
 * SQLITE_SYNCHRONOUS (FULL|NORMAL), DATABASE_URL (adds a PostgreSQL ingest run), BENCH_CPU_PROF=1.
 */
import os from 'node:os';
import { countRows, spawnTs, startServer, type JsonChild, type ServerInfo } from './lib/child.js';
import { warmThenMeasure, type LoadResult } from './lib/load.js';
import { BACKFILL, batchBodies, DISCARD_SUFFIX, publicBodies } from './lib/workload.js';
import { ensureRespondBundle, measurePage } from './lib/page.js';
import { fmt, printTable, verdict, writeResults, type Row, type Target } from './lib/report.js';

const CONNECTIONS = 32;
const BATCH = 100;
const RUN_S = Number(process.env.BENCH_SECONDS ?? 10);
const WARM_S = Number(process.env.BENCH_WARM_SECONDS ?? 2);
const PAGE_LOADS = Number(process.env.BENCH_PAGE_LOADS ?? 10);

interface Verified { warm: LoadResult; calibration: LoadResult; run: LoadResult; perSec: number; stored: number; expected: number; durable: boolean; warmStored: number }

/** Batch ingestion (or its discard twin); checks that every acknowledged response is stored. */
async function batchRun(child: JsonChild, info: ServerInfo, suffix: string, prefix: string, store: boolean): Promise<Verified> {
  const base = (sid: string) => `/api/workspaces/${info.workspaceId}/surveys/${sid}${suffix}`;
  const { warm, calibration, run } = await warmThenMeasure({
    url: info.url, path: base(info.surveys.batch.id), headers: { authorization: `Bearer ${info.apiKey}` },
    bodies: batchBodies(prefix, BATCH), connections: CONNECTIONS,
  }, base(info.surveys.warmBatch.id), WARM_S, RUN_S);
  const stored = store ? await countRows(child, info.surveys.batch.id) : 0;
  const expected = store ? run.ok * BATCH : 0;
  return { warm, calibration, run, perSec: (run.ok * BATCH) / run.seconds, stored, expected, durable: stored === expected, warmStored: store ? await countRows(child, info.surveys.warmBatch.id) : 0 };
}

async function publicRun(child: JsonChild, info: ServerInfo): Promise<Verified> {
  const path = (p: string) => `/api/public/surveys/${p}/responses`;
  const { warm, calibration, run } = await warmThenMeasure({ url: info.url, path: path(info.surveys.public.publicId), bodies: publicBodies('pub_'), connections: CONNECTIONS },
    path(info.surveys.warmPublic.publicId), WARM_S, RUN_S);
  const stored = await countRows(child, info.surveys.public.id);
  return { warm, calibration, run, perSec: run.ok / run.seconds, stored, expected: run.ok, durable: stored === run.ok, warmStored: await countRows(child, info.surveys.warmPublic.id) };
}

const loadDetail = (v: Verified, unit: number) =>
  `${fmt(v.run.reqPerSec)} req/s, ${fmt(v.run.requests)} req in ${fmt(v.run.seconds, 1)} s, p50 ${v.run.latencyMs.p50} ms, p99 ${v.run.latencyMs.p99} ms` +
  (v.run.non2xx || v.run.errors ? `, ${v.run.non2xx} non-2xx, ${v.run.errors} errors${v.run.firstError ? ` (${v.run.firstError})` : ''}` : '') +
  (unit && v.expected ? `; stored ${fmt(v.stored)} ${v.durable ? '=' : '≠'} ${unit} × ${fmt(v.run.ok)} acknowledged` : '');

async function main() {
  ensureRespondBundle();
  const started = Date.now();
  const loadBefore = os.loadavg()[0];
  // Two cores: anything else running (tests, builds) steals from the server or the load generator.
  if (loadBefore > 0.7 * os.cpus().length) console.log(`warning: load average is ${loadBefore.toFixed(1)} before the bench; figures will be low and noisy`);
  console.log(`Touchpoint bench: ${CONNECTIONS} connections, ${RUN_S} s runs after ${WARM_S} s warm-ups + 1.5 s calibrations, ${BACKFILL ? 'backfill (historic submittedAt)' : 'live'} workload`);

  // 1–3 on SQLite, one server process for all HTTP runs (each run writes to its own survey).
  const { child, info } = await startServer({ DATABASE_URL: '' });
  const mode = `SQLite ${info.journal?.toUpperCase()}, synchronous=${info.synchronous}`;
  console.log(`server ${info.url} (pid ${info.pid}), ${mode}`);
  const httpCeiling = await batchRun(child, info, DISCARD_SUFFIX, 'c', false);
  console.log(`  HTTP ceiling   ${fmt(httpCeiling.perSec)} responses/s`);
  const ingest = await batchRun(child, info, '/responses/batch', 'r', true);
  console.log(`  HTTP ingest    ${fmt(ingest.perSec)} responses/s`);
  const submits = await publicRun(child, info);
  console.log(`  public submits ${fmt(submits.perSec)} responses/s`);
  const page = await measurePage(`${info.url}/s/${info.surveys.public.publicId}`, PAGE_LOADS);
  await child.stop();

  // Storage ceiling in its own process, after the server is gone (no competition for disk/CPU).
  const storageChild = spawnTs('storage-ceiling.ts', 'storage', { ROWS: String(ingest.stored), WARM_ROWS: String(ingest.warmStored), BATCH: String(BATCH), SQLITE_SYNCHRONOUS: info.synchronous ?? 'FULL' });
  const storage = await storageChild.next<{ rows: number; count: number; seconds: number; rowsPerSec: number; synchronous: string }>();
  await storageChild.exited;

  // 4. Optional: the same ingestion against PostgreSQL.
  let pg: Verified | undefined;
  if (process.env.DATABASE_URL) {
    const s = await startServer({ DATABASE_URL: process.env.DATABASE_URL });
    pg = await batchRun(s.child, s.info, '/responses/batch', 'pg', true);
    await s.child.stop();
  }

  const ceiling = Math.min(httpCeiling.perSec, storage.rowsPerSec);
  const ratio = ingest.perSec / ceiling;
  // One event loop does the HTTP work and the SQLite work of a request one after the other, so
  // even with zero overhead ingest cannot beat 1 / (1/H + 1/S): the harmonic bound.
  const serialBound = 1 / (1 / httpCeiling.perSec + 1 / storage.rowsPerSec);
  const rows: Row[] = [
    { name: 'HTTP ingest, POST …/responses/batch (100/req)', value: `${fmt(ingest.perSec)} responses/s`, detail: loadDetail(ingest, BATCH) },
    { name: 'HTTP ceiling, same route contract, discards', value: `${fmt(httpCeiling.perSec)} responses/s`, detail: loadDetail(httpCeiling, 0) },
    { name: 'Storage ceiling, raw better-sqlite3, 100/tx', value: `${fmt(storage.rowsPerSec)} responses/s`, detail: `${fmt(storage.rows)} rows in ${fmt(storage.seconds, 2)} s, synchronous=${storage.synchronous}` },
    { name: 'Ratio ingest / min(ceilings)', value: fmt(ratio, 2), detail: `limited by the ${httpCeiling.perSec < storage.rowsPerSec ? 'HTTP' : 'storage'} ceiling (${fmt(ceiling)} responses/s)` },
    { name: 'Serial bound 1/(1/HTTP + 1/storage)', value: `${fmt(serialBound)} responses/s`, detail: `ingest reaches ${fmt((100 * ingest.perSec) / serialBound)} % of it; ratio at the bound would be ${fmt(serialBound / ceiling, 2)}` },
    { name: 'Public submits, 1 response/req', value: `${fmt(submits.perSec)} responses/s`, detail: loadDetail(submits, 1) },
  ];
  if (pg) rows.push({ name: 'PostgreSQL HTTP ingest (100/req)', value: `${fmt(pg.perSec)} responses/s`, detail: loadDetail(pg, BATCH) });
  if ('skipped' in page) rows.push({ name: 'Respondent page', value: 'skipped', detail: page.skipped });
  else rows.push({ name: 'Respondent page, cold, Pixel 7', value: `${fmt(page.bytesMedian / 1024, 1)} KB, ${fmt(page.ttiMedianMs)} ms`, detail: `median of ${page.loads}; TTI ms ${page.ttiMs.join(' ')}; ${page.resources.map((r) => `${r.url} ${fmt(r.bytes)} B`).join(', ')}` });
  printTable(`Results (${mode})`, rows);

  const targets: Target[] = [
    { name: 'HTTP ingest', actual: ingest.perSec, target: 25_000, unit: 'responses/s', higherIsBetter: true },
    { name: 'ingest / min(HTTP ceiling, storage ceiling)', actual: ratio, target: 0.6, unit: '', higherIsBetter: true },
  ];
  if (!('skipped' in page)) targets.push(
    { name: 'respondent page bytes on the wire', actual: page.bytesMedian / 1024, target: 50, unit: 'KB', higherIsBetter: false },
    { name: 'respondent page time to interactive (median)', actual: page.ttiMedianMs, target: 300, unit: 'ms', higherIsBetter: false });
  const verdicts = targets.map(verdict);
  const checks = [
    { name: 'HTTP ceiling answered 2xx only', pass: httpCeiling.run.non2xx === 0 && httpCeiling.run.errors === 0 },
    { name: 'batch ingest durable (stored = 100 × 2xx)', pass: ingest.durable && ingest.run.non2xx === 0 && ingest.run.errors === 0 },
    { name: 'public submits durable (stored = 2xx)', pass: submits.durable && submits.run.non2xx === 0 && submits.run.errors === 0 },
    ...(pg ? [{ name: 'PostgreSQL ingest durable (stored = 100 × 2xx)', pass: pg.durable && pg.run.non2xx === 0 }] : []),
  ];
  console.log('\nTargets');
  for (const v of verdicts) console.log(v.line);
  if ('skipped' in page) console.log('SKIP  respondent page bytes and time to interactive (no Chromium)');
  for (const c of checks) console.log(`${c.pass ? 'OK  ' : 'FAIL'}  ${c.name}`);

  const file = writeResults({
    settings: { connections: CONNECTIONS, batchSize: BATCH, runSeconds: RUN_S, warmSeconds: WARM_S, workload: BACKFILL ? 'backfill' : 'live', store: mode },
    loadAverage: { before: loadBefore, after: os.loadavg()[0] },
    sqlite: { httpCeiling, ingest, storage, ratio, serialBound, limitedBy: httpCeiling.perSec < storage.rowsPerSec ? 'http' : 'storage', publicSubmits: submits },
    postgres: pg ?? null, page,
    targets: targets.map((t, i) => ({ ...t, pass: verdicts[i].pass })), checks,
  });
  console.log(`\nwrote ${file} in ${fmt((Date.now() - started) / 1000)} s`);
  if (checks.some((c) => !c.pass)) process.exitCode = 1;
}

await main();
