/**
 * `npm run bench:metrics` (also the second half of `npm run bench`): CX numbers over N synthetic
 * responses (BENCH_METRICS_ROWS, default 10,000,000). The query: NPS, CSAT and CES by month
 * for 24 months, by channel, filtered on one metadata value (plan=pro), in Asia/Taipei — through
 * the real HTTP API on SQLite and (with DATABASE_URL) PostgreSQL, against the same rows in DuckDB
 * run in the same process as the reference. The API's numbers are checked against DuckDB's.
 */
import os from 'node:os';
import { spawnTs } from '../lib/child.js';
import { fmt, printTable, writeResults } from '../lib/report.js';
import { duckdbReference, type Row } from './duckdb-reference.js';
import { loadProductStore, reuseStore, type Loaded } from './product-load.js';
import { ensureWebApp, measureDashboard } from './dashboard-page.js';

const N = Number(process.env.BENCH_METRICS_ROWS ?? 10_000_000);
const RUNS = Number(process.env.BENCH_METRICS_RUNS ?? 30);
const GEN = { count: N, seed: 7, end: '2026-01-01T00:00:00.000Z', months: 24 };
const TZ = 'Asia/Taipei', META = { key: 'plan', value: 'pro' };
const log = (s: string) => console.log(s);

interface Timed { p50: number; p95: number; runsMs: number[]; source: string; rows: Row[]; page?: Awaited<ReturnType<typeof measureDashboard>> }

const pct = (xs: number[], p: number) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]; };

/** Times the query through HTTP against a server child on the loaded store. */
async function timeApi(loaded: Loaded): Promise<Timed> {
  const child = spawnTs('metrics/serve.ts', 'metrics-server', loaded.env);
  const { url } = await child.next<{ url: string }>();
  const qs = new URLSearchParams({ from: '2024-01-01', to: '2026-01-01', interval: 'month', by: 'channel', meta: `${META.key}=${META.value}` });
  const get = async () => {
    const t = process.hrtime.bigint();
    const res = await fetch(`${url}/api/workspaces/${loaded.workspaceId}/metrics?${qs}`, { headers: { authorization: `Bearer ${loaded.apiKey}` } });
    const body = await res.json();
    if (res.status !== 200) throw new Error(`metrics query: ${res.status} ${JSON.stringify(body)}`);
    return { ms: Number(process.hrtime.bigint() - t) / 1e6, body };
  };
  for (let i = 0; i < 3; i++) await get();
  const runsMs: number[] = [];
  let last: any;
  for (let i = 0; i < RUNS; i++) { const r = await get(); runsMs.push(r.ms); last = r.body; }
  // The Overview dashboard over the same 24 months, in a real browser (SQLite run only).
  const page = loaded.env.DATABASE_URL ? undefined : await measureDashboard(url, `/w/${loaded.workspaceId}/dashboards/overview?from=2024-01-01&to=2025-12-31`, { email: 'metrics@example.com', password: 'metrics-bench-password' });
  await child.stop();
  return { p50: pct(runsMs, 50), p95: pct(runsMs, 95), runsMs, source: last.source, rows: toRows(last), page };
}

/** The API's answer in the reference's shape (counts only, so both can be compared exactly). */
function toRows(body: any): Row[] {
  const out: Row[] = [];
  for (const g of body.series) for (const p of g.points) {
    const ces: number[] = p.distribution.ces;
    out.push({
      month: p.period, channel: g.group, n: p.responses,
      nps_n: p.nps.n, promoters: p.nps.promoters, passives: p.nps.passives, detractors: p.nps.detractors,
      csat_n: p.csat.n, csat_satisfied: p.csat.satisfied,
      ces_n: p.ces.n, ces_sum: ces.reduce((a, v, i) => a + v * (i + 1), 0), ces_sum_squares: ces.reduce((a, v, i) => a + v * (i + 1) ** 2, 0), ces_easy: ces.slice(4).reduce((a, b) => a + b, 0),
    });
  }
  return out.sort((a, b) => a.month.localeCompare(b.month) || a.channel.localeCompare(b.channel));
}

function sameNumbers(a: Row[], b: Row[]): string | null {
  if (a.length !== b.length) return `${a.length} rows against ${b.length}`;
  for (let i = 0; i < a.length; i++) for (const k of Object.keys(a[i]) as (keyof Row)[])
    if (a[i][k] !== b[i][k]) return `${a[i].month} ${a[i].channel} ${k}: ${a[i][k]} against ${b[i][k]}`;
  return null;
}

async function storeRun(store: 'sqlite' | 'postgres') {
  const metric = { timeZone: TZ, dimensions: ['plan', 'region', 'utm_source'] };
  const reuse = store === 'sqlite' ? process.env.BENCH_METRICS_SQLITE_DIR : process.env.BENCH_METRICS_PG_SCHEMA;
  log(reuse ? `${store}: reusing ${reuse}` : `${store}: loading ${fmt(N)} rows…`);
  const loaded = reuse ? await reuseStore(store, reuse, metric, log) : await loadProductStore(store, GEN, metric, log);
  log(`${store}: loaded in ${fmt(loaded.loadSeconds, 1)} s, cube recount ${fmt(loaded.cubeSeconds, 1)} s; querying…`);
  try {
    const timed = await timeApi(loaded);
    // Printed at once, so a run stopped later (e.g. during the next store's load) keeps this figure.
    log(`${store}: API p50 ${fmt(timed.p50, 1)} ms, p95 ${fmt(timed.p95, 1)} ms (from ${timed.source})` + (timed.page && !('skipped' in timed.page) ? `; Overview first view ${fmt(timed.page.medianMs, 0)} ms (${timed.page.ms.map((x) => fmt(x, 0)).join(' ')})` : ''));
    return { loaded, timed };
  } finally { await loaded.cleanup(); }
}

async function main() {
  const started = Date.now();
  ensureWebApp();
  // BENCH_METRICS_STORES=postgres measures PostgreSQL alone (e.g. after a SQLite run at the same N).
  const stores = (process.env.BENCH_METRICS_STORES ?? 'sqlite,postgres').split(',');
  const sqlite = stores.includes('sqlite') ? await storeRun('sqlite') : null;
  const pg = process.env.DATABASE_URL && stores.includes('postgres') ? await storeRun('postgres') : null;
  const first = sqlite ?? pg;
  if (!first) throw new Error('nothing to measure: BENCH_METRICS_STORES names no store (postgres needs DATABASE_URL)');
  log(`duckdb: loading ${fmt(N)} rows…`);
  const duck = await duckdbReference({ ...GEN, workspaceId: first.loaded.workspaceId, surveyIds: ['svy_1', 'svy_2', 'svy_3', 'svy_4', 'svy_5'], timeZone: TZ, metaKey: META.key, metaValue: META.value, runs: RUNS });
  const checks = [
    ...(sqlite ? [{ name: 'SQLite API numbers = DuckDB numbers', diff: sameNumbers(sqlite.timed.rows, duck.result) }] : []),
    ...(pg ? [{ name: 'PostgreSQL API numbers = DuckDB numbers', diff: sameNumbers(pg.timed.rows, duck.result) }] : []),
  ];
  const line = (label: string, t: Timed, l: Loaded) => ({ name: label, value: `p50 ${fmt(t.p50, 1)} ms, p95 ${fmt(t.p95, 1)} ms`, detail: `answered from ${t.source}; ${fmt(l.rows)} rows loaded in ${fmt(l.loadSeconds, 0)} s, cube recount ${fmt(l.cubeSeconds, 0)} s (${fmt(l.cubeCellWrites)} cell writes); p95 ÷ DuckDB p95 = ${fmt(t.p95 / duck.p95, 3)}` });
  printTable(`CX metrics over ${fmt(N)} responses: NPS/CSAT/CES by month × channel, 24 months, plan=pro, ${TZ}`, [
    ...(sqlite ? [line('SQLite, through the HTTP API', sqlite.timed, sqlite.loaded)] : []),
    ...(pg ? [line('PostgreSQL, through the HTTP API', pg.timed, pg.loaded)] : []),
    ...(sqlite?.timed.page ? [{ name: 'Overview dashboard, first view (Chromium)', value: 'skipped' in sqlite.timed.page ? 'skipped' : `${fmt(sqlite.timed.page.medianMs, 0)} ms`, detail: 'skipped' in sqlite.timed.page ? sqlite.timed.page.skipped : `median of ${sqlite.timed.page.ms.length} cold loads (ms: ${sqlite.timed.page.ms.map((x) => fmt(x, 0)).join(' ')}), 9 tiles, 24 months, SQLite` }] : []),
    { name: 'DuckDB reference (in-process SQL)', value: `p50 ${fmt(duck.p50, 1)} ms, p95 ${fmt(duck.p95, 1)} ms`, detail: `${fmt(duck.rows)} rows loaded in ${fmt(duck.loadSeconds, 0)} s; ${duck.result.length} result rows` },
  ]);
  const page = sqlite?.timed.page && !('skipped' in sqlite.timed.page) ? sqlite.timed.page : null;
  const targets = [
    ...(page ? [{ name: 'Overview dashboard first view < 1,000 ms', pass: page.medianMs < 1000, actual: page.medianMs }] : []),
    ...(sqlite ? [{ name: 'SQLite p95 ≤ 100 ms', pass: sqlite.timed.p95 <= 100, actual: sqlite.timed.p95 }, { name: 'SQLite p95 ≤ DuckDB p95', pass: sqlite.timed.p95 <= duck.p95, actual: sqlite.timed.p95 / duck.p95 }] : []),
    ...(pg ? [{ name: 'PostgreSQL p95 ≤ 100 ms', pass: pg.timed.p95 <= 100, actual: pg.timed.p95 }, { name: 'PostgreSQL p95 ≤ DuckDB p95', pass: pg.timed.p95 <= duck.p95, actual: pg.timed.p95 / duck.p95 }] : []),
  ];
  console.log('\nTargets');
  for (const t of targets) console.log(`${t.pass ? 'PASS' : 'MISS'}  ${t.name} (${fmt(t.actual, t.actual < 10 ? 3 : 1)})`);
  for (const c of checks) console.log(`${c.diff ? 'FAIL' : 'OK  '}  ${c.name}${c.diff ? `: ${c.diff}` : ''}`);
  const file = writeResults({
    rows: N, seed: GEN.seed, timeZone: TZ, meta: META, runs: RUNS, machine: { cpus: os.cpus().length, load: os.loadavg() },
    sqlite: sqlite && { ...sqlite.timed, rows: undefined, load: sqlite.loaded.loadSeconds, cube: sqlite.loaded.cubeSeconds },
    postgres: pg && { ...pg.timed, rows: undefined, load: pg.loaded.loadSeconds, cube: pg.loaded.cubeSeconds },
    duckdb: { p50: duck.p50, p95: duck.p95, load: duck.loadSeconds }, targets, checks,
  }, 'metrics-latest.json');
  console.log(`\nwrote ${file} in ${fmt((Date.now() - started) / 1000)} s`);
  if (checks.some((c) => c.diff)) process.exitCode = 1;
}

await main();
