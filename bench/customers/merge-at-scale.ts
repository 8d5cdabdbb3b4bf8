/**
 * `npm run bench:customers:merge`: identity resolution at scale (issue #6): "with 1 million
 * profiles and 20 million events: merge p95 under 50 ms".
 *
 * Two stores are built (customers/merge-store.ts: real migrations, rows written directly), a
 * small reference (10k profiles, 200k events) and the large one (1M profiles, 20M events), and
 * on each the real server (`touchpoint serve`, a child process) is measured over HTTP, one request
 * at a time, on the same kinds of pairs:
 *  - merge by hand: POST …/customers/:id/merge { absorbedId } as the workspace owner (a session:
 *    merges need customers.manage, which no API key has); the answer is the merged person;
 *  - merge on identify: POST …/events with one identify event in which an anonymous visitor's
 *    device id comes with a user's verified email, so the intake merges the two (API key);
 *  - unmerge: POST …/customers/merges/:id/unmerge of each identify merge.
 * The first 50 of each are a warm-up and not counted. The ratio large ÷ small of the p95 shows
 * whether a merge's cost grows with the history (events, profiles, merges) of the store; a tenth
 * of the pairs are measured on the users with the most events (the top 1 % at 1M profiles; at
 * 10k, the top ~550 so there are enough), reported on their own too.
 *
 * Flags: --profiles N (1,000,000) --events N (20,000,000) --ref-profiles N (10,000)
 * --ref-events N (200,000) --merges N (1,000 of each kind) --warmup N (50) --seed N (6)
 * --no-reference, --only-reference, --keep (keep the stores; their paths are printed).
 * Env: DATABASE_URL (PostgreSQL: a fresh schema per store), BENCH_TMP (where the SQLite files go;
 * default the OS temp directory: the large store takes about 10 GB).
 */
import os from 'node:os';
import { fmt, printTable, verdict, writeResults, type Row } from '../lib/report.js';
import { buildStore, OWNER, type BuiltStore, type Pair } from './merge-store.js';
import { login, startServe } from './procs.js';

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(`--${name}`);
const num = (name: string, fallback: number) => { const i = args.indexOf(`--${name}`); return i >= 0 ? Number(args[i + 1]) : fallback; };
const MERGES = num('merges', 1000);
const WARMUP = num('warmup', 50);
const SEED = num('seed', 6);
const TMP = process.env.BENCH_TMP ?? os.tmpdir();
const TARGET_MS = 50;

interface Stats { n: number; p50: number; p95: number; p99: number; max: number; mean: number }
function stats(xs: number[]): Stats {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p: number) => s[Math.max(0, Math.ceil(p * s.length) - 1)] ?? NaN;
  return { n: s.length, p50: q(0.5), p95: q(0.95), p99: q(0.99), max: s.at(-1) ?? NaN, mean: s.reduce((a, b) => a + b, 0) / Math.max(1, s.length) };
}
const ms = (x: number) => `${x.toFixed(1)} ms`;
const line = (s: Stats) => `p50 ${ms(s.p50)}, p95 ${ms(s.p95)}, p99 ${ms(s.p99)}, max ${ms(s.max)} (n ${s.n})`;
const load = () => os.loadavg().map((l) => l.toFixed(2)).join(' ');

interface Timed { ms: number; heavy: boolean; history: number }
interface ScenarioResult {
  label: string; store: Omit<BuiltStore, 'destroy' | 'manual' | 'identify' | 'env'>;
  manual: Stats; manualHeavy: Stats; identify: Stats; identifyHeavy: Stats; unmerge: Stats;
  failures: string[]; loadBefore: string; loadAfter: string; historyOfPairs: { median: number; heavyMedian: number };
}

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t = performance.now();
  const value = await fn();
  return { ms: performance.now() - t, value };
}

async function scenario(label: string, profiles: number, events: number): Promise<ScenarioResult> {
  console.log(`\n${label}: building ${fmt(profiles)} profiles, ${fmt(events)} events (${process.env.DATABASE_URL ? 'PostgreSQL' : 'SQLite'}); load ${load()}`);
  const built = await buildStore({ dir: TMP, profiles, events, seed: SEED, samples: MERGES + WARMUP, log: (m) => console.log(`  ${label}: ${m}`) });
  console.log(`  ${label}: store built in ${fmt(built.seconds)} s (indexes ${fmt(built.indexSeconds)} s): ${fmt(built.profiles)} profiles, ${fmt(built.identifiers)} identifiers, ${fmt(built.merges)} earlier merges, ${fmt(built.events)} events${built.bytes ? `, ${fmt(built.bytes / 2 ** 30, 2)} GB` : ''}; ${built.schema ? `schema ${built.schema}` : built.dataDir}`);
  const failures: string[] = [];
  const server = await startServe(built.env);
  const loadBefore = load();
  try {
    const base = `${server.url}/api/workspaces/${built.workspaceId}`;
    const session = await login(server.url, OWNER.email, OWNER.password);
    const json = { 'content-type': 'application/json' };
    const bearer = { authorization: `Bearer ${built.apiKey}`, ...json };

    const manualTimes: Timed[] = [];
    for (const [j, p] of built.manual.entries()) {
      const r = await timed(async () => {
        const res = await fetch(`${base}/customers/${p.survivor}/merge`, { method: 'POST', headers: { ...session, ...json }, body: JSON.stringify({ absorbedId: p.absorbed }) });
        return { status: res.status, body: (await res.json()) as { id?: string; mergedProfileIds?: string[] } };
      });
      if (r.value.status !== 200 || r.value.body.id !== p.survivor || !r.value.body.mergedProfileIds?.includes(p.absorbed)) failures.push(`manual ${p.survivor} ← ${p.absorbed}: ${r.value.status} ${JSON.stringify(r.value.body).slice(0, 200)}`);
      if (j >= WARMUP) manualTimes.push({ ms: r.ms, heavy: p.heavy, history: p.survivorEvents + p.absorbedEvents });
    }
    console.log(`  ${label}: merge by hand      ${line(stats(manualTimes.map((t) => t.ms)))}`);

    const identifyTimes: Timed[] = [];
    const mergeIds: string[] = [];
    for (const [j, p] of built.identify.entries()) {
      const body = { events: [{ type: 'identify', anonymousId: p.anonymousId, email: p.email, traits: { plan: 'pro' }, consents: { email: true } }] };
      const r = await timed(async () => {
        const res = await fetch(`${base}/events`, { method: 'POST', headers: bearer, body: JSON.stringify(body) });
        return { status: res.status, body: (await res.json()) as { profileIds?: string[]; merges?: string[] } };
      });
      const ok = r.value.status === 202 && r.value.body.merges?.length === 1 && r.value.body.profileIds?.[0] === p.survivor;
      if (!ok) failures.push(`identify ${p.anonymousId} + ${p.email}: ${r.value.status} ${JSON.stringify(r.value.body).slice(0, 200)}`);
      else if (j >= WARMUP) mergeIds.push(r.value.body.merges![0]);
      if (j >= WARMUP) identifyTimes.push({ ms: r.ms, heavy: p.heavy, history: p.survivorEvents + p.absorbedEvents });
    }
    console.log(`  ${label}: merge on identify  ${line(stats(identifyTimes.map((t) => t.ms)))}`);

    const unmergeTimes: number[] = [];
    for (const id of mergeIds) {
      const r = await timed(async () => {
        const res = await fetch(`${base}/customers/merges/${id}/unmerge`, { method: 'POST', headers: { ...session, ...json }, body: '{}' });
        return { status: res.status, body: (await res.json()) as { unmergedAt?: string | null } };
      });
      if (r.value.status !== 200 || !r.value.body.unmergedAt) failures.push(`unmerge ${id}: ${r.value.status} ${JSON.stringify(r.value.body).slice(0, 200)}`);
      unmergeTimes.push(r.ms);
    }
    console.log(`  ${label}: unmerge            ${line(stats(unmergeTimes))}`);
    if (failures.length) console.log(`  ${label}: ${failures.length} failures, first: ${failures[0]}`);
    const median = (xs: number[]) => stats(xs).p50;
    const all = [...manualTimes, ...identifyTimes];
    return {
      label, store: { dataDir: built.dataDir, schema: built.schema, workspaceId: built.workspaceId, apiKey: '', profiles: built.profiles, events: built.events, identifiers: built.identifiers, merges: built.merges, seconds: built.seconds, indexSeconds: built.indexSeconds, bytes: built.bytes },
      manual: stats(manualTimes.map((t) => t.ms)), manualHeavy: stats(manualTimes.filter((t) => t.heavy).map((t) => t.ms)),
      identify: stats(identifyTimes.map((t) => t.ms)), identifyHeavy: stats(identifyTimes.filter((t) => t.heavy).map((t) => t.ms)),
      unmerge: stats(unmergeTimes), failures, loadBefore, loadAfter: load(),
      historyOfPairs: { median: median(all.filter((t) => !t.heavy).map((t) => t.history)), heavyMedian: median(all.filter((t) => t.heavy).map((t) => t.history)) },
    };
  } finally {
    await server.stop();
    if (flag('keep')) console.log(`  kept ${built.schema ? `schema ${built.schema} and ` : ''}${built.dataDir}`);
    else await built.destroy();
  }
}

function pairRows(r: ScenarioResult): Row[] {
  const s = r.store;
  return [
    { name: `${r.label}: store`, value: `${fmt(s.profiles)} / ${fmt(s.events)}`, detail: `profiles / events; ${fmt(s.identifiers)} identifiers, ${fmt(s.merges)} earlier merges${s.bytes ? `, ${fmt(s.bytes / 2 ** 30, 2)} GB` : ''}; built in ${fmt(s.seconds)} s; load ${r.loadBefore} → ${r.loadAfter}` },
    { name: `${r.label}: merge by hand`, value: ms(r.manual.p95), detail: `${line(r.manual)}; heaviest users: p95 ${ms(r.manualHeavy.p95)}` },
    { name: `${r.label}: merge on identify`, value: ms(r.identify.p95), detail: `${line(r.identify)}; heaviest users: p95 ${ms(r.identifyHeavy.p95)}` },
    { name: `${r.label}: unmerge`, value: ms(r.unmerge.p95), detail: line(r.unmerge) },
    { name: `${r.label}: events of a pair (median)`, value: fmt(r.historyOfPairs.median), detail: `heaviest-user pairs: ${fmt(r.historyOfPairs.heavyMedian)}` },
  ];
}

async function main() {
  const loadBefore = load();
  const results: ScenarioResult[] = [];
  if (!flag('no-reference')) results.push(await scenario('reference', num('ref-profiles', 10_000), num('ref-events', 200_000)));
  if (!flag('only-reference')) results.push(await scenario('scale', num('profiles', 1_000_000), num('events', 20_000_000)));
  const rows = results.flatMap(pairRows);
  const [ref, big] = results.length === 2 ? results : [undefined, results[0]];
  if (ref && big) {
    rows.push({ name: 'ratio scale ÷ reference, p95', value: fmt(big.manual.p95 / ref.manual.p95, 2), detail: `by hand; on identify ${fmt(big.identify.p95 / ref.identify.p95, 2)}; unmerge ${fmt(big.unmerge.p95 / ref.unmerge.p95, 2)}` });
  }
  printTable(`Merges at scale (${process.env.DATABASE_URL ? 'PostgreSQL' : 'SQLite'}; load before ${loadBefore}, after ${load()})`, rows);
  const verdicts = [verdict({ name: `merge by hand p95 at ${fmt(big.store.profiles)} profiles / ${fmt(big.store.events)} events`, actual: big.manual.p95, target: TARGET_MS, unit: 'ms', higherIsBetter: false }),
    verdict({ name: `merge on identify p95 at ${fmt(big.store.profiles)} profiles / ${fmt(big.store.events)} events`, actual: big.identify.p95, target: TARGET_MS, unit: 'ms', higherIsBetter: false })];
  for (const v of verdicts) console.log(v.line);
  const failures = results.flatMap((r) => r.failures);
  console.log(`${failures.length ? 'FAIL' : 'OK  '}  every merge joined the two people and every unmerge undid one (${failures.length} failures)`);
  writeResults({ loadBefore, loadAfter: load(), store: process.env.DATABASE_URL ? 'postgres' : 'sqlite', results, pass: verdicts.every((v) => v.pass) }, `customers-merge${process.env.DATABASE_URL ? '-pg' : ''}.json`);
  if (failures.length) process.exitCode = 1;
}
await main();
