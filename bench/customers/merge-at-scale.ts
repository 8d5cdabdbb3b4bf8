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
 * Both stores are built first and both servers run side by side; the requests go to them in
 * turns of 50, so both are measured under the same load (the machine is shared). The 10 slowest
 * requests of each store are printed with when they came. The first 50 of each are a warm-up and not counted. The ratio large ÷ small of the p95 shows
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
import { login, startServe, type Serve } from './procs.js';

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
interface Slow { op: string; n: number; ms: number; afterStartS: number }
interface ScenarioResult {
  label: string; store: Omit<BuiltStore, 'destroy' | 'manual' | 'identify' | 'env' | 'apiKey'>;
  manual: Stats; manualHeavy: Stats; identify: Stats; identifyHeavy: Stats; unmerge: Stats;
  failures: string[]; slowest: Slow[]; historyOfPairs: { median: number; heavyMedian: number };
}

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t = performance.now();
  const value = await fn();
  return { ms: performance.now() - t, value };
}

/** A built store with its server running, and what was measured on it so far. */
interface Scenario {
  label: string; built: BuiltStore; server: Serve; startedAt: number; base: string;
  session: Record<string, string>; bearer: Record<string, string>;
  manual: Timed[]; identify: Timed[]; unmerge: number[]; mergeIds: string[]; failures: string[]; slow: Slow[];
}

async function build(label: string, profiles: number, events: number): Promise<BuiltStore> {
  console.log(`\n${label}: building ${fmt(profiles)} profiles, ${fmt(events)} events (${process.env.DATABASE_URL ? 'PostgreSQL' : 'SQLite'}); load ${load()}`);
  const built = await buildStore({ dir: TMP, profiles, events, seed: SEED, samples: MERGES + WARMUP, log: (m) => console.log(`  ${label}: ${m}`) });
  console.log(`  ${label}: store built in ${fmt(built.seconds)} s (indexes ${fmt(built.indexSeconds)} s): ${fmt(built.profiles)} profiles, ${fmt(built.identifiers)} identifiers, ${fmt(built.merges)} earlier merges, ${fmt(built.events)} events${built.bytes ? `, ${fmt(built.bytes / 2 ** 30, 2)} GB` : ''}; ${built.schema ? `schema ${built.schema}` : built.dataDir}`);
  return built;
}

async function serve(label: string, built: BuiltStore): Promise<Scenario> {
  const server = await startServe(built.env);
  const json = { 'content-type': 'application/json' };
  return {
    label, built, server, startedAt: Date.now(), base: `${server.url}/api/workspaces/${built.workspaceId}`,
    session: { ...(await login(server.url, OWNER.email, OWNER.password)), ...json }, bearer: { authorization: `Bearer ${built.apiKey}`, ...json },
    manual: [], identify: [], unmerge: [], mergeIds: [], failures: [], slow: [],
  };
}

function note(s: Scenario, op: string, n: number, ms: number) {
  s.slow.push({ op, n, ms, afterStartS: Math.round((Date.now() - s.startedAt) / 100) / 10 });
  s.slow.sort((a, b) => b.ms - a.ms);
  s.slow.length = Math.min(s.slow.length, 10);
}

async function manualMerges(s: Scenario, from: number, to: number) {
  for (let j = from; j < Math.min(to, s.built.manual.length); j++) {
    const p = s.built.manual[j];
    const r = await timed(async () => {
      const res = await fetch(`${s.base}/customers/${p.survivor}/merge`, { method: 'POST', headers: s.session, body: JSON.stringify({ absorbedId: p.absorbed }) });
      return { status: res.status, body: (await res.json()) as { id?: string; mergedProfileIds?: string[] } };
    });
    if (r.value.status !== 200 || r.value.body.id !== p.survivor || !r.value.body.mergedProfileIds?.includes(p.absorbed)) s.failures.push(`manual ${p.survivor} ← ${p.absorbed}: ${r.value.status} ${JSON.stringify(r.value.body).slice(0, 200)}`);
    if (j >= WARMUP) { s.manual.push({ ms: r.ms, heavy: p.heavy, history: p.survivorEvents + p.absorbedEvents }); note(s, 'merge by hand', j, r.ms); }
  }
}

async function identifyMerges(s: Scenario, from: number, to: number) {
  for (let j = from; j < Math.min(to, s.built.identify.length); j++) {
    const p = s.built.identify[j];
    const body = { events: [{ type: 'identify', anonymousId: p.anonymousId, email: p.email, traits: { plan: 'pro' }, consents: { email: true } }] };
    const r = await timed(async () => {
      const res = await fetch(`${s.base}/events?wait=true`, { method: 'POST', headers: s.bearer, body: JSON.stringify(body) });
      return { status: res.status, body: (await res.json()) as { profileIds?: string[]; merges?: string[] } };
    });
    const ok = r.value.status === 202 && r.value.body.merges?.length === 1 && r.value.body.profileIds?.[0] === p.survivor;
    if (!ok) s.failures.push(`identify ${p.anonymousId} + ${p.email}: ${r.value.status} ${JSON.stringify(r.value.body).slice(0, 200)}`);
    else if (j >= WARMUP) s.mergeIds.push(r.value.body.merges![0]);
    if (j >= WARMUP) { s.identify.push({ ms: r.ms, heavy: p.heavy, history: p.survivorEvents + p.absorbedEvents }); note(s, 'merge on identify', j, r.ms); }
  }
}

async function unmerges(s: Scenario, from: number, to: number) {
  for (let j = from; j < Math.min(to, s.mergeIds.length); j++) {
    const id = s.mergeIds[j];
    const r = await timed(async () => {
      const res = await fetch(`${s.base}/customers/merges/${id}/unmerge`, { method: 'POST', headers: s.session, body: '{}' });
      return { status: res.status, body: (await res.json()) as { unmergedAt?: string | null } };
    });
    if (r.value.status !== 200 || !r.value.body.unmergedAt) s.failures.push(`unmerge ${id}: ${r.value.status} ${JSON.stringify(r.value.body).slice(0, 200)}`);
    s.unmerge.push(r.ms);
    note(s, 'unmerge', j, r.ms);
  }
}

function result(s: Scenario): ScenarioResult {
  const b = s.built;
  const median = (xs: number[]) => stats(xs).p50;
  const all = [...s.manual, ...s.identify];
  return {
    label: s.label, store: { dataDir: b.dataDir, schema: b.schema, workspaceId: b.workspaceId, profiles: b.profiles, events: b.events, identifiers: b.identifiers, merges: b.merges, seconds: b.seconds, indexSeconds: b.indexSeconds, bytes: b.bytes },
    manual: stats(s.manual.map((t) => t.ms)), manualHeavy: stats(s.manual.filter((t) => t.heavy).map((t) => t.ms)),
    identify: stats(s.identify.map((t) => t.ms)), identifyHeavy: stats(s.identify.filter((t) => t.heavy).map((t) => t.ms)),
    unmerge: stats(s.unmerge), failures: s.failures, slowest: s.slow,
    historyOfPairs: { median: median(all.filter((t) => !t.heavy).map((t) => t.history)), heavyMedian: median(all.filter((t) => t.heavy).map((t) => t.history)) },
  };
}

function pairRows(r: ScenarioResult): Row[] {
  const s = r.store;
  return [
    { name: `${r.label}: store`, value: `${fmt(s.profiles)} / ${fmt(s.events)}`, detail: `profiles / events; ${fmt(s.identifiers)} identifiers, ${fmt(s.merges)} earlier merges${s.bytes ? `, ${fmt(s.bytes / 2 ** 30, 2)} GB` : ''}; built in ${fmt(s.seconds)} s (indexes ${fmt(s.indexSeconds)} s)` },
    { name: `${r.label}: merge by hand`, value: ms(r.manual.p95), detail: `${line(r.manual)}; heaviest users: p95 ${ms(r.manualHeavy.p95)}` },
    { name: `${r.label}: merge on identify`, value: ms(r.identify.p95), detail: `${line(r.identify)}; heaviest users: p95 ${ms(r.identifyHeavy.p95)}` },
    { name: `${r.label}: unmerge`, value: ms(r.unmerge.p95), detail: line(r.unmerge) },
    { name: `${r.label}: events of a pair (median)`, value: fmt(r.historyOfPairs.median), detail: `heaviest-user pairs: ${fmt(r.historyOfPairs.heavyMedian)}` },
  ];
}

/** Slices of this many requests alternate between the stores, so both are measured under the same load. */
const SLICE = 50;

async function main() {
  const loadBefore = load();
  const plan: [string, number, number][] = [];
  if (!flag('no-reference')) plan.push(['reference', num('ref-profiles', 10_000), num('ref-events', 200_000)]);
  if (!flag('only-reference')) plan.push(['scale', num('profiles', 1_000_000), num('events', 20_000_000)]);
  const built: [string, BuiltStore][] = [];
  for (const [label, p, e] of plan) built.push([label, await build(label, p, e)]);
  const scenarios: Scenario[] = [];
  let results: ScenarioResult[] = [];
  const loadMeasured: string[] = [];
  try {
    for (const [label, b] of built) scenarios.push(await serve(label, b));
    loadMeasured.push(load());
    console.log(`\nmeasuring, ${SLICE} requests per store in turn; load ${load()}`);
    const n = MERGES + WARMUP;
    for (const [name, run, count] of [['merge by hand', manualMerges, () => n], ['merge on identify', identifyMerges, () => n], ['unmerge', unmerges, () => Math.max(...scenarios.map((s) => s.mergeIds.length))]] as const) {
      for (let i = 0; i < count(); i += SLICE) for (const s of scenarios) await run(s, i, i + SLICE);
      for (const s of scenarios) console.log(`  ${s.label}: ${name.padEnd(18)} ${line(stats(name === 'unmerge' ? s.unmerge : (name === 'merge by hand' ? s.manual : s.identify).map((t) => t.ms)))}`);
      loadMeasured.push(load());
    }
    results = scenarios.map(result);
    for (const r of results) {
      console.log(`  ${r.label}: slowest: ${r.slowest.map((x) => `${x.op} #${x.n} ${ms(x.ms)} at ${x.afterStartS} s`).join('; ')}`);
      if (r.failures.length) console.log(`  ${r.label}: ${r.failures.length} failures, first: ${r.failures[0]}`);
    }
  } finally {
    for (const s of scenarios) await s.server.stop();
    for (const [label, b] of built) {
      if (flag('keep')) console.log(`  kept ${label}: ${b.schema ? `schema ${b.schema} and ` : ''}${b.dataDir}`);
      else await b.destroy();
    }
  }
  const rows = results.flatMap(pairRows);
  const [ref, big] = results.length === 2 ? results : [undefined, results[0]];
  if (ref && big) {
    rows.push({ name: 'ratio scale ÷ reference, p95', value: fmt(big.manual.p95 / ref.manual.p95, 2), detail: `by hand; on identify ${fmt(big.identify.p95 / ref.identify.p95, 2)}; unmerge ${fmt(big.unmerge.p95 / ref.unmerge.p95, 2)}` });
  }
  printTable(`Merges at scale (${process.env.DATABASE_URL ? 'PostgreSQL' : 'SQLite'}; load before ${loadBefore}; while measuring ${loadMeasured.join(' | ')})`, rows);
  const verdicts = [verdict({ name: `merge by hand p95 at ${fmt(big.store.profiles)} profiles / ${fmt(big.store.events)} events`, actual: big.manual.p95, target: TARGET_MS, unit: 'ms', higherIsBetter: false }),
    verdict({ name: `merge on identify p95 at ${fmt(big.store.profiles)} profiles / ${fmt(big.store.events)} events`, actual: big.identify.p95, target: TARGET_MS, unit: 'ms', higherIsBetter: false })];
  for (const v of verdicts) console.log(v.line);
  const failures = results.flatMap((r) => r.failures);
  console.log(`${failures.length ? 'FAIL' : 'OK  '}  every merge joined the two people and every unmerge undid one (${failures.length} failures)`);
  writeResults({ loadBefore, loadMeasured, store: process.env.DATABASE_URL ? 'postgres' : 'sqlite', results, pass: verdicts.every((v) => v.pass) }, `customers-merge${process.env.DATABASE_URL ? '-pg' : ''}.json`);
  if (failures.length) process.exitCode = 1;
}
await main();
