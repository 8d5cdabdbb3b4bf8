/**
 * npx tsx bench/metrics/duckdb-cli.ts --count 1000000 --seed 7 --tz Asia/Taipei --meta plan=pro --runs 30
 *   [--end 2026-01-01T00:00:00.000Z] [--months 24] [--surveys 5] [--meta-mode columns|json] [--selftest]
 *
 * Prints one JSON line: load and query timings of the DuckDB reference, the number of result
 * rows, peak RSS (this process, DuckDB's native memory included) and the load average, since the
 * machine is shared and a busy neighbour shows up in every figure. --result adds the rows and
 * every run's time.
 * --selftest checks the generator and the reference query instead (see selftest.ts) and exits
 * non-zero on any failure.
 */
import os from 'node:os';
import { duckdbReference, type ReferenceOptions } from './duckdb-reference.js';
import { runSelftest } from './selftest.js';

function parseArgs(argv: string[]): Map<string, string> {
  const flags = new Map<string, string>();
  for (let k = 0; k < argv.length; k++) {
    const a = argv[k];
    if (!a.startsWith('--')) throw new Error(`unexpected argument ${a}`);
    const next = argv[k + 1];
    if (next === undefined || next.startsWith('--')) flags.set(a.slice(2), 'true');
    else { flags.set(a.slice(2), next); k++; }
  }
  return flags;
}

function intFlag(flags: Map<string, string>, name: string, fallback: number): number {
  const raw = flags.get(name);
  if (raw === undefined) return fallback;
  const n = Number(raw.replace(/_/g, ''));
  if (!Number.isSafeInteger(n) || n < 0) throw new Error(`--${name} must be a non-negative integer, got ${raw}`);
  return n;
}

async function main(): Promise<number> {
  const flags = parseArgs(process.argv.slice(2));
  const known = ['count', 'seed', 'tz', 'meta', 'runs', 'end', 'months', 'surveys', 'meta-mode', 'selftest', 'result'];
  for (const f of flags.keys()) if (!known.includes(f)) throw new Error(`unknown flag --${f}`);

  const surveys = intFlag(flags, 'surveys', 5);
  const [metaKey, ...rest] = (flags.get('meta') ?? 'plan=pro').split('=');
  const metaMode = flags.get('meta-mode') ?? 'columns';
  if (metaMode !== 'columns' && metaMode !== 'json') throw new Error('--meta-mode must be columns or json');
  const o: ReferenceOptions = {
    count: intFlag(flags, 'count', 1_000_000), seed: intFlag(flags, 'seed', 7),
    workspaceId: 'ws_bench', surveyIds: Array.from({ length: surveys }, (_, k) => `svy_bench_${k + 1}`),
    end: flags.get('end') ?? '2026-01-01T00:00:00.000Z', months: intFlag(flags, 'months', 24),
    timeZone: flags.get('tz') ?? 'Asia/Taipei', metaKey, metaValue: rest.join('='),
    runs: intFlag(flags, 'runs', 30), metaMode,
  };
  if (!metaKey || rest.length === 0) throw new Error('--meta must be key=value');

  if (flags.has('selftest')) return (await runSelftest(o)) ? 0 : 1;

  const loadBefore = os.loadavg()[0];
  const r = await duckdbReference(o);
  const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;
  console.log(JSON.stringify({
    count: o.count, seed: o.seed, tz: o.timeZone, meta: `${metaKey}=${o.metaValue}`, runs: o.runs,
    rowsLoaded: r.rows, loadSeconds: round(r.loadSeconds), generateSeconds: round(r.generateSeconds),
    extractSeconds: round(r.extractSeconds), p50Ms: round(r.p50), p95Ms: round(r.p95),
    minMs: round(Math.min(...r.runsMs)), maxMs: round(Math.max(...r.runsMs)), resultRows: r.result.length,
    peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
    tzMode: r.tzMode, metaMode: r.metaMode, duckdb: r.duckdb, threads: r.threads, node: process.version,
    loadAvg1mBefore: round(loadBefore), loadAvg1mAfter: round(os.loadavg()[0]),
    ...(flags.has('result') ? { runsMs: r.runsMs.map((x) => round(x, 1)), result: r.result } : {}),
  }));
  return 0;
}

main().then((code) => { process.exitCode = code; }, (err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 2;
});
