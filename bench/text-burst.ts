/**
 * `npm run bench:text`: does a burst of 100,000 open-text answers waiting for analysis slow
 * ingestion down? Pairs of server processes, one after the other, each on a fresh store:
 *   A  TEXT_ANALYSIS=off: the batch ingestion run of run-all.ts (warm-up, calibration, a measured run);
 *   B  TEXT_ANALYSIS=on: first the burst (BENCH_TEXT_BURST answers, 100 per request, every item with
 *      an EN/繁/简 comment), then at once the same ingestion run while the analysis works through it;
 *      afterwards the time until the analysis has caught up (its speed with nothing else running).
 * The ratio B ÷ A per pair, median over BENCH_TEXT_PAIRS pairs; target ≥ 0.90 (at most 10 % slower).
 * Each run also checks that every acknowledged response was stored, and that the analysis still had
 * a backlog when B's measured run ended (otherwise the run did not overlap the burst).
 */
import os from 'node:os';
import { countAnalysed, countRows, startServer, type JsonChild, type ServerInfo } from './lib/child.js';
import { runLoad, warmThenMeasure } from './lib/load.js';
import { batchBodies, textBatchBodies } from './lib/workload.js';
import { fmt, printTable, verdict, writeResults, type Row } from './lib/report.js';

const BURST = Number(process.env.BENCH_TEXT_BURST ?? 100_000);
const PAIRS = Number(process.env.BENCH_TEXT_PAIRS ?? 3);
const RUN_S = Number(process.env.BENCH_SECONDS ?? 10);
const WARM_S = Number(process.env.BENCH_WARM_SECONDS ?? 2);
const CONNECTIONS = 32;
const BATCH = 100;
const median = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2; };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function ingest(child: JsonChild, info: ServerInfo, prefix: string) {
  const base = (sid: string) => `/api/workspaces/${info.workspaceId}/surveys/${sid}/responses/batch`;
  const { run } = await warmThenMeasure({
    url: info.url, path: base(info.surveys.batch.id), headers: { authorization: `Bearer ${info.apiKey}` },
    bodies: batchBodies(prefix, BATCH), connections: CONNECTIONS,
  }, base(info.surveys.warmBatch.id), WARM_S, RUN_S);
  const stored = await countRows(child, info.surveys.batch.id);
  return { perSec: (run.ok * BATCH) / run.seconds, durable: stored === run.ok * BATCH && run.non2xx === 0 && run.errors === 0, run };
}

async function pair(i: number) {
  const a = await startServer({ DATABASE_URL: '', TEXT_ANALYSIS: 'off' });
  const off = await ingest(a.child, a.info, `a${i}_`);
  await a.child.stop();
  console.log(`  pair ${i}: analysis off  ${fmt(off.perSec)} responses/s`);

  const b = await startServer({ DATABASE_URL: '', TEXT_ANALYSIS: 'on' });
  const headers = { authorization: `Bearer ${b.info.apiKey}` };
  const burstStarted = Date.now();
  const burst = await runLoad({ url: b.info.url, path: `/api/workspaces/${b.info.workspaceId}/surveys/${b.info.surveys.public.id}/responses/batch`, headers, bodies: textBatchBodies(`burst${i}_`, BATCH), connections: CONNECTIONS, amount: Math.ceil(BURST / BATCH) });
  const burstStored = await countRows(b.child, b.info.surveys.public.id);
  const burstSeconds = (Date.now() - burstStarted) / 1000;
  const before = await countAnalysed(b.child);
  const on = await ingest(b.child, b.info, `b${i}_`);
  const after = await countAnalysed(b.child);
  const drainStarted = Date.now();
  let last = after;
  while (!last.caughtUp) { await sleep(250); last = await countAnalysed(b.child); }
  const drainSeconds = (Date.now() - drainStarted) / 1000;
  await b.child.stop();
  const ratio = on.perSec / off.perSec;
  console.log(`  pair ${i}: burst backlog  ${fmt(on.perSec)} responses/s (ratio ${fmt(ratio, 3)}); analysed ${fmt(after.count - before.count)} texts during the run, ${fmt(last.count - after.count)} left, drained in ${fmt(drainSeconds, 1)} s`);
  return {
    off, on, ratio, burstStored, burstSeconds, burstDurable: burstStored === burst.ok * BATCH && burst.non2xx === 0,
    analysedDuringRun: after.count - before.count, leftAfterRun: last.count - after.count, overlapped: !after.caughtUp,
    drainSeconds, drainTextsPerSec: (last.count - after.count) / drainSeconds, totalTexts: last.count,
  };
}

async function main() {
  const loadBefore = os.loadavg()[0];
  if (loadBefore > 0.7 * os.cpus().length) console.log(`warning: load average is ${loadBefore.toFixed(1)} before the bench; figures will be low and noisy`);
  console.log(`Text burst bench: ${fmt(BURST)} answers waiting for analysis vs none, ${PAIRS} pairs, ${CONNECTIONS} connections, ${RUN_S} s runs (SQLite)`);
  const pairs = [];
  for (let i = 1; i <= PAIRS; i++) pairs.push(await pair(i));
  const ratio = median(pairs.map((p) => p.ratio));
  const rows: Row[] = [
    { name: 'Ingest, analysis off (A)', value: `${fmt(median(pairs.map((p) => p.off.perSec)))} responses/s`, detail: `median; runs ${pairs.map((p) => fmt(p.off.perSec)).join(' / ')}` },
    { name: `Ingest during a ${fmt(BURST)}-answer backlog (B)`, value: `${fmt(median(pairs.map((p) => p.on.perSec)))} responses/s`, detail: `median; runs ${pairs.map((p) => fmt(p.on.perSec)).join(' / ')}` },
    { name: 'Ratio B ÷ A (per pair, median)', value: fmt(ratio, 3), detail: pairs.map((p) => fmt(p.ratio, 3)).join(' / ') },
    { name: 'Texts analysed during the measured run', value: fmt(median(pairs.map((p) => p.analysedDuringRun))), detail: pairs.map((p) => `${fmt(p.analysedDuringRun)} (${fmt(p.leftAfterRun)} left)`).join(' / ') },
    { name: 'Analysis after ingestion stopped', value: `${fmt(median(pairs.map((p) => p.drainTextsPerSec)))} texts/s`, detail: pairs.map((p) => `${fmt(p.leftAfterRun)} in ${fmt(p.drainSeconds, 1)} s`).join(' / ') },
    { name: 'Burst stored', value: `${fmt(median(pairs.map((p) => p.burstStored)))} responses`, detail: pairs.map((p) => `${fmt(p.burstSeconds, 1)} s`).join(' / ') },
  ];
  printTable('Ingestion with a burst of answers waiting for analysis', rows);
  const target = verdict({ name: 'ingest during the backlog ÷ ingest without analysis', actual: ratio, target: 0.9, unit: '', higherIsBetter: true });
  const checks = [
    { name: 'every acknowledged response stored (burst, A and B runs)', pass: pairs.every((p) => p.burstDurable && p.off.durable && p.on.durable) },
    { name: 'the analysis still had a backlog when each B run ended (the runs overlapped the burst)', pass: pairs.every((p) => p.overlapped) },
    { name: 'every burst answer analysed in the end', pass: pairs.every((p) => p.totalTexts >= p.burstStored) },
  ];
  console.log('\nTargets');
  console.log(target.line);
  for (const c of checks) console.log(`${c.pass ? 'OK  ' : 'FAIL'}  ${c.name}`);
  const file = writeResults({ burst: BURST, pairs, ratio, loadAverage: { before: loadBefore, after: os.loadavg()[0] }, target: { ...target }, checks }, 'text-burst.json');
  console.log(`\nwrote ${file}`);
  if (checks.some((c) => !c.pass)) process.exitCode = 1;
}

await main();
