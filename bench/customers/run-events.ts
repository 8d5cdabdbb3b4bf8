/**
 * `npm run bench:customers`: customer event ingestion over HTTP, batches of 500, against its two
 * ceilings measured in the same run (the same method as the response ingest bench, ../README.md):
 * the HTTP ceiling (same route contract and validation, stores nothing) and the storage ceiling
 * of the door (raw better-sqlite3 inserts of one queue row per batch). The door acknowledges once
 * a batch is queued; the run also times how long its backlog takes to be applied (the applied
 * rate), and measures ?wait=true (stored before the answer) against the raw event-row ceiling.
 * Then, with DATABASE_URL, both on PostgreSQL. Checks that every acknowledged event is stored,
 * once applied (stored = 500 × 2xx).
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

/** Waits until no acknowledged batch waits to be applied; the seconds it took. */
async function drained(child: JsonChild): Promise<number> {
  const t0 = performance.now();
  for (;;) {
    child.send('queue');
    if ((await child.next<{ batches: number }>()).batches === 0) return (performance.now() - t0) / 1000;
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * `route` 'events' is the door (acknowledged once queued; the backlog is applied in the
 * background): the warm-up's and calibration's backlogs are applied before the measured run, and
 * after it the time until its own backlog is applied gives the applied rate. 'events?wait=true'
 * stores before answering.
 */
async function eventRun(child: JsonChild, info: ServerInfo, route: string, prefix: string, store: boolean) {
  const path = `/api/workspaces/${info.workspaceId}/${route}`;
  const queued = route === 'events';
  // Warm-up, calibration and the measured run (a fixed count, so it ends with nothing in flight),
  // as lib/load.ts warmThenMeasure, but on one route with other key prefixes, so the measured
  // run's events can be counted on their own.
  const o = { url: info.url, path, headers: { authorization: `Bearer ${info.apiKey}` }, connections: CONNECTIONS };
  await runLoad({ ...o, bodies: eventBatchBodies(`w${prefix}`, BATCH), seconds: WARM_S });
  const calibration = await runLoad({ ...o, bodies: eventBatchBodies(`k${prefix}`, BATCH, 20, 8), seconds: 1.5 });
  if (queued) await drained(child);
  const run = await runLoad({ ...o, bodies: eventBatchBodies(prefix, BATCH, 20, 9), amount: Math.max(CONNECTIONS * 2, Math.round(calibration.okPerSec * RUN_S)) });
  const drainSeconds = queued ? await drained(child) : 0;
  const stored = store ? await countEvents(child, `${prefix}`) : 0;
  const events = run.ok * BATCH;
  return { run, perSec: events / run.seconds, stored, drainSeconds, appliedPerSec: events / (run.seconds + drainSeconds) };
}

async function storageCeiling(rows: number, synchronous: string, queue: boolean) {
  const child = spawnTs('customers/storage-ceiling.ts', 'storage', { ROWS: String(rows), BATCH: String(BATCH), SQLITE_SYNCHRONOUS: synchronous, QUEUE: queue ? '1' : '0' });
  const out = await child.next<{ rows: number; seconds: number; rowsPerSec: number; synchronous: string }>();
  await child.exited;
  return out;
}

async function main() {
  const loadBefore = os.loadavg()[0];
  if (loadBefore > 0.7 * os.cpus().length) console.log(`warning: load average is ${loadBefore.toFixed(1)} before the bench; figures will be low and noisy`);
  const { child, info } = await startServer({ DATABASE_URL: '' });
  const ceiling = await eventRun(child, info, 'events-bench-discard', 'c', false);
  console.log(`  HTTP ceiling   ${fmt(ceiling.perSec)} events/s`);
  // ?wait=true first, on a store as fresh as the earlier figures of this bench were measured on.
  const waited = await eventRun(child, info, 'events?wait=true', 's', true);
  console.log(`  ?wait=true     ${fmt(waited.perSec)} events/s`);
  const ingest = await eventRun(child, info, 'events', 'e', true);
  console.log(`  HTTP ingest    ${fmt(ingest.perSec)} events/s acknowledged, ${fmt(ingest.appliedPerSec)} applied (backlog applied ${fmt(ingest.drainSeconds, 1)} s after the run)`);
  await child.stop();
  const synchronous = info.synchronous ?? 'FULL';
  const queueStorage = await storageCeiling(ingest.stored, synchronous, true);
  const storage = await storageCeiling(waited.stored, synchronous, false);
  let pg: Awaited<ReturnType<typeof eventRun>> | undefined;
  let pgWaited: Awaited<ReturnType<typeof eventRun>> | undefined;
  if (process.env.DATABASE_URL) {
    const s = await startServer({ DATABASE_URL: process.env.DATABASE_URL });
    pgWaited = await eventRun(s.child, s.info, 'events?wait=true', 'q', true);
    pg = await eventRun(s.child, s.info, 'events', 'p', true);
    await s.child.stop();
  }
  const min = Math.min(ceiling.perSec, queueStorage.rowsPerSec);
  const detail = (r: typeof ingest) => `${fmt(r.run.requests)} req in ${fmt(r.run.seconds, 1)} s, p50 ${r.run.latencyMs.p50} ms, p99 ${r.run.latencyMs.p99} ms${r.run.non2xx ? `, ${r.run.non2xx} non-2xx (${r.run.firstError})` : ''}`;
  const applied = (r: typeof ingest) => `${fmt(r.appliedPerSec)} events/s applied: the backlog was applied ${fmt(r.drainSeconds, 1)} s after the run`;
  const rows: Row[] = [
    { name: 'HTTP ingest, POST …/events (500/req), SQLite: acknowledged (queued)', value: `${fmt(ingest.perSec)} events/s`, detail: `${detail(ingest)}; ${applied(ingest)}; stored ${fmt(ingest.stored)} vs ${fmt(ingest.run.ok * BATCH)} acknowledged` },
    { name: 'HTTP ceiling, same contract, discards', value: `${fmt(ceiling.perSec)} events/s`, detail: detail(ceiling) },
    { name: 'Storage ceiling of the door, one queue row per batch', value: `${fmt(queueStorage.rowsPerSec)} events/s`, detail: `${fmt(queueStorage.rows)} events in ${fmt(queueStorage.seconds, 2)} s, synchronous=${queueStorage.synchronous}` },
    { name: 'Ratio ingest / min(ceilings)', value: fmt(ingest.perSec / min, 2), detail: `limited by the ${ceiling.perSec < queueStorage.rowsPerSec ? 'HTTP' : 'storage'} ceiling` },
    { name: 'POST …/events?wait=true (stored before the answer), SQLite', value: `${fmt(waited.perSec)} events/s`, detail: `${detail(waited)}; stored ${fmt(waited.stored)} vs ${fmt(waited.run.ok * BATCH)} acknowledged` },
    { name: 'Storage ceiling of event rows, raw better-sqlite3, 500/tx', value: `${fmt(storage.rowsPerSec)} events/s`, detail: `${fmt(storage.rows)} rows in ${fmt(storage.seconds, 2)} s; the bound on applying` },
  ];
  if (pg) rows.push({ name: 'PostgreSQL HTTP ingest (500/req): acknowledged (queued)', value: `${fmt(pg.perSec)} events/s`, detail: `${detail(pg)}; ${applied(pg)}; stored ${fmt(pg.stored)} vs ${fmt(pg.run.ok * BATCH)} acknowledged` });
  if (pgWaited) rows.push({ name: 'PostgreSQL ?wait=true', value: `${fmt(pgWaited.perSec)} events/s`, detail: `${detail(pgWaited)}; stored ${fmt(pgWaited.stored)} vs ${fmt(pgWaited.run.ok * BATCH)} acknowledged` });
  printTable('Customer event ingestion', rows);
  const v = verdict({ name: 'SQLite HTTP event ingest', actual: ingest.perSec, target: 50_000, unit: 'events/s', higherIsBetter: true });
  console.log(v.line);
  const durable = [ingest, waited, pg, pgWaited].every((r) => !r || r.stored === r.run.ok * BATCH);
  console.log(`${durable ? 'OK  ' : 'FAIL'}  every acknowledged event stored (stored = 500 × 2xx)`);
  writeResults({ at: new Date().toISOString(), loadBefore, loadAfter: os.loadavg()[0], ingest, waited, ceiling, queueStorage, storage, pg, pgWaited, pass: v.pass, durable }, 'customers-latest.json');
  if (!durable) process.exitCode = 1;
}
await main();
