/**
 * `npm run bench:customers:kill`: crash safety of customer event imports (issue #6). A seeded
 * JSONL file of 1M events (customers/import-file.ts) is imported by the real `touchpoint` command
 * in a child process, which is killed with SIGKILL at random points of its progress (read from the
 * import's cursor in the store, never from the process under test), then started again until the
 * import is done. Then: stored events = distinct keys the file holds, no key twice, and the
 * checksum over the stored (key, type, name, revenue) rows = the one computed from the file. At
 * every kill it also checks that the cursor and the stored events agree (events = the import's
 * accepted count). The reference is the same file imported uninterrupted in a fresh store, so the
 * time ratio shows what the kills cost.
 *
 * Two paths: `cli` (`touchpoint import events <file>`, run again after each kill: it continues the
 * same import at its cursor) and `serve` (`touchpoint serve` + POST …/customers/imports; the
 * restarted server resumes the import by itself).
 *
 * Flags: --events N (1,000,000), --kills N (3), --path cli|serve|both (both), --seed N (42),
 * --no-reference, --keep (keep the stores and the file). Env: DATABASE_URL (PostgreSQL, a fresh
 * schema per store), BENCH_TMP (where files go; default the OS temp directory).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { fmt, printTable, writeResults, type Row } from '../lib/report.js';
import { rowsChecksum, writeEventFile, type EventFile, type ExpectedRow } from './import-file.js';
import { childStore, runCli, startCli, startServe, type ChildStore, type Probe, type Serve } from './procs.js';
import { mulberry32 } from '../../apps/server/src/modules/demo/demo-random.js';

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(`--${name}`);
const option = (name: string, fallback: string) => { const i = args.indexOf(`--${name}`); return i >= 0 ? args[i + 1] : fallback; };
const EVENTS = Number(option('events', '1000000'));
const KILLS = Number(option('kills', '3'));
const SEED = Number(option('seed', '42'));
const PATHS = option('path', 'both') === 'both' ? ['cli', 'serve'] as const : [option('path', 'cli') as 'cli' | 'serve'];
const TMP = process.env.BENCH_TMP ?? os.tmpdir();
const PASSWORD = 'bench-password-123';

const rnd = mulberry32(SEED * 7919);
/** Kill points: one in each of KILLS equal parts of 5–95 % of the file, at a random place inside it. */
const killTargets = () => Array.from({ length: KILLS }, (_, i) => 0.05 + (0.9 / KILLS) * (i + 0.15 + 0.7 * rnd()));

interface ImportRow { id: string; status: string; cursor_bytes: number | string; size_bytes: number | string; accepted: number; duplicates: number; invalid: number; records: number }
interface KillNote { target: number; at: number; cursorBytes: number; storedEvents: number; accepted: number; consistent: boolean }
interface RunResult {
  path: 'cli' | 'serve'; kills: KillNote[]; seconds: number; lives: number; importRows: number;
  final: ImportRow; stored: number; distinct: number; checksum: string; pass: boolean;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const progressOf = (r: ImportRow | undefined) => (r ? Number(r.cursor_bytes) / Number(r.size_bytes) : 0);

async function latestImport(probe: Probe): Promise<ImportRow | undefined> {
  return (await probe.all<ImportRow>('SELECT id, status, cursor_bytes, size_bytes, accepted, duplicates, invalid, records FROM customer_imports ORDER BY created_at DESC LIMIT 1'))[0];
}
async function storedCount(probe: Probe): Promise<number> {
  return Number((await probe.all<{ n: number | string }>('SELECT count(*) AS n FROM customer_events'))[0].n);
}

/** Waits until the import's cursor passes `fraction` of the file (or the process ends first: false). */
async function waitForProgress(probe: () => Promise<Probe | null>, fraction: number, ended: () => boolean): Promise<boolean> {
  for (;;) {
    if (ended()) return false;
    const p = await probe();
    const row = p ? await latestImport(p).catch(() => undefined) : undefined;
    if (row && (row.status !== 'running' || progressOf(row) >= fraction)) return row.status === 'running';
    await sleep(50);
  }
}

/** The probe opens once the store exists (SQLite: the file appears when the child migrates it). */
function lazyProbe(store: ChildStore) {
  let p: Probe | null = null;
  return {
    get: async () => { if (!p) p = await store.probe().catch(() => null); return p; },
    close: async () => { await p?.close(); p = null; },
  };
}

async function verify(store: ChildStore, file: EventFile) {
  const probe = await store.probe();
  try {
    const [{ n, d }] = await probe.all<{ n: number | string; d: number | string }>('SELECT count(*) AS n, count(DISTINCT idempotency_key) AS d FROM customer_events');
    const rows = await probe.all<{ idempotency_key: string; type: string; name: string | null; revenue: number | null }>('SELECT idempotency_key, type, name, revenue FROM customer_events');
    const { checksum } = rowsChecksum(rows.map((r): ExpectedRow => ({ key: r.idempotency_key, type: r.type, name: r.name, revenue: r.revenue === null ? null : Number(r.revenue) })));
    const importRows = await probe.all<ImportRow>('SELECT id, status, cursor_bytes, size_bytes, accepted, duplicates, invalid, records FROM customer_imports ORDER BY created_at');
    return { stored: Number(n), distinct: Number(d), checksum, importRows };
  } finally { await probe.close(); }
}

async function noteKill(store: ChildStore, target: number, at: number): Promise<KillNote> {
  const probe = await store.probe();
  try {
    const row = (await latestImport(probe))!;
    const storedEvents = await storedCount(probe);
    return { target, at, cursorBytes: Number(row.cursor_bytes), storedEvents, accepted: row.accepted, consistent: storedEvents === row.accepted };
  } finally { await probe.close(); }
}

async function newWorkspace(store: ChildStore): Promise<string> {
  const out = await runCli(['workspace', 'create', '--name', 'Import bench', '--owner-email', 'import-bench@example.com', '--password', PASSWORD], store.env);
  return (JSON.parse(out) as { workspaceId: string }).workspaceId;
}

/** `touchpoint import events`, killed at each target, run again until it finishes. */
async function cliRun(file: EventFile, targets: number[], label: string): Promise<Omit<RunResult, 'stored' | 'distinct' | 'checksum' | 'pass' | 'importRows'> & { store: ChildStore }> {
  const store = childStore(TMP);
  const workspaceId = await newWorkspace(store);
  const kills: KillNote[] = [];
  const probe = lazyProbe(store);
  const started = Date.now();
  let lives = 0;
  for (;;) {
    lives++;
    const c = startCli(['import', 'events', file.file, '--workspace', workspaceId], store.env, `${label} life ${lives}`);
    let ended = false;
    void c.exited.then(() => { ended = true; });
    const target = targets[kills.length];
    if (target !== undefined && (await waitForProgress(probe.get, target, () => ended))) {
      c.child.kill('SIGKILL');
      await c.exited;
      const note = await noteKill(store, target, progressOf(await latestImport((await probe.get())!)));
      kills.push(note);
      console.log(`  ${label}: SIGKILL at ${(note.at * 100).toFixed(1)} % (target ${(target * 100).toFixed(1)} %), ${fmt(note.storedEvents)} events stored, import accepted ${fmt(note.accepted)} ${note.consistent ? '(agree)' : '(DISAGREE)'}`);
      continue;
    }
    const code = await c.exited;
    if (code !== 0) throw new Error(`${label}: import exited ${code}: ${c.stderr()}`);
    break;
  }
  const seconds = (Date.now() - started) / 1000;
  const final = (await latestImport((await probe.get())!))!;
  await probe.close();
  return { path: 'cli', kills, seconds, lives, final, store };
}

/** `touchpoint serve` + upload; the server is killed at each target and started again; it resumes the import itself. */
async function serveRun(file: EventFile, targets: number[], label: string): Promise<Omit<RunResult, 'stored' | 'distinct' | 'checksum' | 'pass' | 'importRows'> & { store: ChildStore }> {
  const store = childStore(TMP);
  const workspaceId = await newWorkspace(store);
  const apiKey = (await runCli(['api-key', 'create', '--workspace', workspaceId, '--name', 'import bench', '--scopes', 'events:write'], store.env)).trim();
  const kills: KillNote[] = [];
  const probe = lazyProbe(store);
  let server: Serve = await startServe(store.env);
  let lives = 1;
  const started = Date.now();
  const res = await fetch(`${server.url}/api/workspaces/${workspaceId}/customers/imports?format=jsonl&name=events.jsonl`, {
    method: 'POST', headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/x-ndjson' },
    body: Readable.toWeb(fs.createReadStream(file.file)) as ReadableStream, duplex: 'half',
  } as RequestInit);
  if (res.status !== 202) throw new Error(`${label}: upload answered ${res.status}: ${await res.text()}`);
  for (const target of targets) {
    let ended = false;
    void server.exited.then(() => { ended = true; });
    if (!(await waitForProgress(probe.get, target, () => ended))) break;
    server.child.kill('SIGKILL');
    await server.exited;
    const note = await noteKill(store, target, progressOf(await latestImport((await probe.get())!)));
    kills.push(note);
    console.log(`  ${label}: SIGKILL at ${(note.at * 100).toFixed(1)} % (target ${(target * 100).toFixed(1)} %), ${fmt(note.storedEvents)} events stored, import accepted ${fmt(note.accepted)} ${note.consistent ? '(agree)' : '(DISAGREE)'}`);
    server = await startServe(store.env);
    lives++;
  }
  let final: ImportRow;
  for (let last = -1; ; await sleep(200)) {
    final = (await latestImport((await probe.get())!))!;
    if (final.status !== 'running') break;
    const pct = Math.floor(progressOf(final) * 10);
    if (pct > last) { last = pct; console.log(`  ${label}: ${(progressOf(final) * 100).toFixed(0)} %`); }
  }
  const seconds = (Date.now() - started) / 1000;
  await server.stop();
  await probe.close();
  return { path: 'serve', kills, seconds, lives, final, store };
}

async function measured(kind: 'cli' | 'serve', file: EventFile, targets: number[], label: string): Promise<RunResult> {
  const r = kind === 'cli' ? await cliRun(file, targets, label) : await serveRun(file, targets, label);
  const v = await verify(r.store, file);
  const pass = v.stored === file.expected && v.distinct === v.stored && v.checksum === file.checksum && r.final.status === 'done' && r.kills.every((k) => k.consistent);
  console.log(`  ${label}: ${r.final.status} in ${fmt(r.seconds, 1)} s over ${r.lives} process lives; stored ${fmt(v.stored)} (${fmt(v.distinct)} distinct keys; expected ${fmt(file.expected)}), checksum ${v.checksum.slice(0, 16)}… ${v.checksum === file.checksum ? '= file' : '≠ file ' + file.checksum.slice(0, 16)}; ${v.importRows.length} import row(s)`);
  if (!flag('keep')) await r.store.destroy();
  else console.log(`  kept ${r.store.dataDir}${r.store.schema ? ` (schema ${r.store.schema})` : ''}`);
  return { path: r.path, kills: r.kills, seconds: r.seconds, lives: r.lives, final: r.final, importRows: v.importRows.length, stored: v.stored, distinct: v.distinct, checksum: v.checksum, pass };
}

async function main() {
  const loadBefore = os.loadavg();
  console.log(`Import crash safety: ${fmt(EVENTS)} events, ${KILLS} SIGKILLs, paths ${PATHS.join(' + ')}, store ${process.env.DATABASE_URL ? 'PostgreSQL' : 'SQLite'}; load average ${loadBefore.map((l) => l.toFixed(2)).join(' ')}`);
  const dir = fs.mkdtempSync(path.join(TMP, 'tp-bench-kill-'));
  const t0 = Date.now();
  const file = writeEventFile(path.join(dir, 'events.jsonl'), EVENTS, SEED);
  console.log(`  file: ${fmt(file.records)} records, ${fmt(file.bytes / 2 ** 20, 1)} MB, ${fmt(file.invalid)} invalid, ${fmt(file.repeats)} repeats; expected ${fmt(file.expected)} events, checksum ${file.checksum.slice(0, 16)}… (${fmt((Date.now() - t0) / 1000, 1)} s)`);
  const results: { path: string; reference?: RunResult; killed: RunResult }[] = [];
  try {
    for (const kind of PATHS) {
      const reference = flag('no-reference') ? undefined : await measured(kind, file, [], `${kind} reference`);
      const killed = await measured(kind, file, killTargets(), `${kind} with kills`);
      results.push({ path: kind, reference, killed });
    }
  } finally {
    if (!flag('keep')) fs.rmSync(dir, { recursive: true, force: true });
  }
  const loadAfter = os.loadavg();
  const rows: Row[] = [];
  for (const r of results) {
    const k = r.killed;
    rows.push({ name: `${r.path}: ${k.kills.length} SIGKILLs at ${k.kills.map((x) => `${(x.at * 100).toFixed(0)} %`).join(', ')}`, value: `${fmt(k.seconds, 1)} s`, detail: `${k.lives} lives, ${k.importRows} import row(s), ${k.final.status}; cursor and events agreed at every kill: ${k.kills.every((x) => x.consistent) ? 'yes' : 'NO'}` });
    rows.push({ name: `${r.path}: stored / distinct / expected`, value: `${fmt(k.stored)}`, detail: `${fmt(k.distinct)} distinct keys, ${fmt(file.expected)} expected; accepted ${fmt(k.final.accepted)}, duplicates ${fmt(k.final.duplicates)}, invalid ${fmt(k.final.invalid)}` });
    rows.push({ name: `${r.path}: checksum`, value: k.checksum === file.checksum ? 'equal' : 'DIFFERENT', detail: `${k.checksum.slice(0, 24)}… (file ${file.checksum.slice(0, 24)}…)` });
    if (r.reference) rows.push({ name: `${r.path}: uninterrupted reference`, value: `${fmt(r.reference.seconds, 1)} s`, detail: `ratio with kills ÷ reference ${fmt(k.seconds / r.reference.seconds, 2)}; reference checksum ${r.reference.checksum === file.checksum ? 'equal' : 'DIFFERENT'}, ${fmt(EVENTS / r.reference.seconds)} records/s` });
  }
  printTable(`Import crash safety (${process.env.DATABASE_URL ? 'PostgreSQL' : 'SQLite'}, ${fmt(EVENTS)} events; load ${loadBefore[0].toFixed(2)} → ${loadAfter[0].toFixed(2)})`, rows);
  const pass = results.every((r) => r.killed.pass && (!r.reference || r.reference.pass));
  console.log(`${pass ? 'PASS' : 'FAIL'}  zero events lost, zero duplicated (count, distinct keys and checksum against the file)`);
  writeResults({ loadBefore, loadAfter, store: process.env.DATABASE_URL ? 'postgres' : 'sqlite', file: { ...file, file: undefined }, results, pass }, `customers-import-kill${process.env.DATABASE_URL ? '-pg' : ''}.json`);
  if (!pass) process.exitCode = 1;
}
await main();
