/**
 * `npm run bench:customers`: customer event ingestion over HTTP, batches of 500, against its two
 * ceilings measured in the same run (the same method as the response ingest bench, ../README.md):
 * the HTTP ceiling (same route contract and validation, stores nothing) and the storage ceiling
 * (raw better-sqlite3 inserts of the same rows). Then, with DATABASE_URL, the same run on
 * PostgreSQL. Checks that every acknowledged event is stored (stored = 500 × 2xx).
 * Env: BENCH_SECONDS (10), BENCH_WARM_SECONDS (2), DATABASE_URL.
 */
import os from 'node:os';
import { spawnTs, startServer, type JsonChild, type ServerInfo } from '../lib/child.js';
import { runLoad } from '../lib/load.js';
import { fmt, printTable, verdict, writeResults, type Row } from '../lib/report.js';
import { eventBatchBodies } from './workload.js';

const CONNECTIONS = 16;
const BATCH = 500;
const RUN_S = Number(process.env.BENCH_SECONDS ?? 10);
const WARM_S = Number(process.env.BENCH_WARM_SECONDS ?? 2);

async function countEvents(child: JsonChild, prefix: string) {
  child.send(`events ${prefix}`);
  return (await child.next<{ count: number }>()).count;
}

async function eventRun(child: JsonChild, info: ServerInfo, route: string, prefix: string, store: boolean) {
  const path = `/api/workspaces/${info.workspaceId}/${route}`;
  // Warm-up, calibration and the measured run (a fixed count, so it ends with nothing in flight),
  // as lib/load.ts warmThenMeasure, but on one route with other key prefixes, so the measured
  // run's events can be counted on their own.
  const o = { url: info.url, path, headers: { authorization: `Bearer ${info.apiKey}` }, connections: CONNECTIONS };
  await runLoad({ ...o, bodies: eventBatchBodies(`w${prefix}`, BATCH), seconds: WARM_S });
  const calibration = await runLoad({ ...o, bodies: eventBatchBodies(`k${prefix}`, BATCH, 20, 8), seconds: 1.5 });
  const run = await runLoad({ ...o, bodies: eventBatchBodies(prefix, BATCH, 20, 9), amount: Math.max(CONNECTIONS * 2, Math.round(calibration.okPerSec * RUN_S)) });
  const stored = store ? await countEvents(child, `${prefix}`) : 0;
  return { run, perSec: (run.ok * BATCH) / run.seconds, stored };
}

async function main() {
  const loadBefore = os.loadavg()[0];
  if (loadBefore > 0.7 * os.cpus().length) console.log(`warning: load average is ${loadBefore.toFixed(1)} before the bench; figures will be low and noisy`);
  const { child, info } = await startServer({ DATABASE_URL: '' });
  const ceiling = await eventRun(child, info, 'events-bench-discard', 'c', false);
  console.log(`  HTTP ceiling   ${fmt(ceiling.perSec)} events/s`);
  const ingest = await eventRun(child, info, 'events', 'e', true);
  console.log(`  HTTP ingest    ${fmt(ingest.perSec)} events/s`);
  await child.stop();
  const storageChild = spawnTs('customers/storage-ceiling.ts', 'storage', { ROWS: String(ingest.stored), BATCH: String(BATCH), SQLITE_SYNCHRONOUS: info.synchronous ?? 'FULL' });
  const storage = await storageChild.next<{ rows: number; seconds: number; rowsPerSec: number; synchronous: string }>();
  await storageChild.exited;
  let pg: Awaited<ReturnType<typeof eventRun>> | undefined;
  if (process.env.DATABASE_URL) {
    const s = await startServer({ DATABASE_URL: process.env.DATABASE_URL });
    pg = await eventRun(s.child, s.info, 'events', 'p', true);
    await s.child.stop();
  }
  const min = Math.min(ceiling.perSec, storage.rowsPerSec);
  const detail = (r: typeof ingest) => `${fmt(r.run.requests)} req in ${fmt(r.run.seconds, 1)} s, p50 ${r.run.latencyMs.p50} ms, p99 ${r.run.latencyMs.p99} ms${r.run.non2xx ? `, ${r.run.non2xx} non-2xx (${r.run.firstError})` : ''}`;
  const rows: Row[] = [
    { name: 'HTTP ingest, POST …/events (500/req), SQLite', value: `${fmt(ingest.perSec)} events/s`, detail: `${detail(ingest)}; stored ${fmt(ingest.stored)} vs ${fmt(ingest.run.ok * BATCH)} acknowledged` },
    { name: 'HTTP ceiling, same contract, discards', value: `${fmt(ceiling.perSec)} events/s`, detail: detail(ceiling) },
    { name: 'Storage ceiling, raw better-sqlite3, 500/tx', value: `${fmt(storage.rowsPerSec)} events/s`, detail: `${fmt(storage.rows)} rows in ${fmt(storage.seconds, 2)} s, synchronous=${storage.synchronous}` },
    { name: 'Ratio ingest / min(ceilings)', value: fmt(ingest.perSec / min, 2), detail: `limited by the ${ceiling.perSec < storage.rowsPerSec ? 'HTTP' : 'storage'} ceiling` },
  ];
  if (pg) rows.push({ name: 'PostgreSQL HTTP ingest (500/req)', value: `${fmt(pg.perSec)} events/s`, detail: `${detail(pg)}; stored ${fmt(pg.stored)} vs ${fmt(pg.run.ok * BATCH)} acknowledged` });
  printTable('Customer event ingestion', rows);
  const v = verdict({ name: 'SQLite HTTP event ingest', actual: ingest.perSec, target: 50_000, unit: 'events/s', higherIsBetter: true });
  console.log(v.line);
  const durable = ingest.stored === ingest.run.ok * BATCH && (!pg || pg.stored === pg.run.ok * BATCH);
  console.log(`${durable ? 'OK  ' : 'FAIL'}  every acknowledged event stored (stored = 500 × 2xx)`);
  writeResults({ at: new Date().toISOString(), loadBefore, loadAfter: os.loadavg()[0], ingest, ceiling, storage, pg, pass: v.pass, durable }, 'customers-latest.json');
  if (!durable) process.exitCode = 1;
}
await main();
