// The SQLite bulk writer thread (plain JavaScript so it loads the same under tsx, Vitest and
// node). It owns a second connection to the same WAL database and runs "units" of inserts: a
// group of units is one transaction, so storage work runs on the other core while the main
// thread parses and validates the next requests.
//
// A unit is either ready SQL, { rows: { sql, params: any[][] }, after: [{ sql, params, onlyIfAccepted }] },
// or { compiler, input, after }: a named compiler (a TypeScript module given in workerData,
// loaded through tsx) turns `input` into { rows, keys } here, off the main thread. That is how a
// batch of responses travels as its request body text instead of ~2,000 cloned values.
// `rows` are INSERT … ON CONFLICT DO NOTHING; the unit answers which row indexes were new (and
// their keys, for compiled units). A compiler module may also export afterGroup(list): called once
// per transaction with every unit it compiled ({ input, params, inserted }) and a read(sql, params)
// function (one row, in the same transaction), it returns more statements for that transaction — how derived data (the metric cube) is kept in step, each
// touched aggregate written once per group instead of once per unit. In `after` string params, the text "{{accepted}}" /
// "{{duplicates}}" (quotes included, so JSON gets a number) is replaced by this unit's counts.
import { parentPort, receiveMessageOnPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

const compilers = new Map();
const compilerUrls = Object.entries(workerData.compilers ?? {});
if (compilerUrls.length) {
  const { register } = await import('tsx/esm/api');
  register();
  for (const [name, url] of compilerUrls) compilers.set(name, await import(url));
}

const db = new Database(workerData.file);
db.pragma('journal_mode = WAL');
db.pragma(`synchronous = ${workerData.synchronous}`);
db.pragma('foreign_keys = ON');
db.pragma('busy_timeout = 10000');

const statements = new Map();
const prepare = (sql) => {
  let s = statements.get(sql);
  if (!s) { s = db.prepare(sql); statements.set(sql, s); }
  return s;
};

/** Compiles a unit outside the transaction, so the write lock is held only for the inserts. */
function compileUnit(unit) {
  if (!unit.compiler) return unit;
  const mod = compilers.get(unit.compiler);
  if (!mod) throw new Error(`no compiler named ${unit.compiler}`);
  const { rows, keys } = mod.compile(unit.input);
  return { compiler: unit.compiler, input: unit.input, rows, keys, after: unit.after };
}

function runUnit(unit) {
  const inserted = [];
  if (unit.rows.params.length) {
    const insert = prepare(unit.rows.sql);
    unit.rows.params.forEach((p, i) => { if (insert.run(p).changes) inserted.push(i); });
  }
  const accepted = String(inserted.length), duplicates = String(unit.rows.params.length - inserted.length);
  for (const step of unit.after) {
    if (step.onlyIfAccepted && !inserted.length) continue;
    const params = step.params.map((v) => (typeof v === 'string' ? v.replaceAll('"{{accepted}}"', accepted).replaceAll('"{{duplicates}}"', duplicates) : v));
    prepare(step.sql).run(params);
  }
  return unit.keys ? { inserted, keys: inserted.map((i) => unit.keys[i]) } : { inserted };
}

const read = (sql, params) => prepare(sql).get(params);

/** Runs units, then each compiler's afterGroup over its units; call inside a transaction. */
function runUnits(units) {
  const results = units.map(runUnit);
  const byCompiler = new Map();
  units.forEach((u, i) => {
    if (!u.compiler) return;
    if (!byCompiler.has(u.compiler)) byCompiler.set(u.compiler, []);
    byCompiler.get(u.compiler).push({ input: u.input, params: u.rows.params, inserted: results[i].inserted });
  });
  for (const [name, list] of byCompiler) {
    const afterGroup = compilers.get(name).afterGroup;
    if (afterGroup) for (const step of afterGroup(list, read)) prepare(step.sql).run(step.params);
  }
  return results;
}

const runGroup = db.transaction(runUnits);
const runOne = db.transaction((unit) => runUnits([unit])[0]);
const failure = (e) => ({ error: String(e?.message ?? e) });

/**
 * Runs messages as one transaction. Messages that queued up while the previous transaction ran
 * join it (up to MAX_UNITS units): when the writer falls behind, its transactions grow, so the
 * commit, its fsync and the per-transaction aggregate writes are shared by more rows.
 */
const MAX_UNITS = 256;
function runMessages(messages) {
  const units = messages.flatMap((m) => m.units);
  const compiled = units.map((u) => { try { return compileUnit(u); } catch (e) { return failure(e); } });
  const ready = compiled.filter((u) => !u.error);
  const results = compiled.slice();
  try {
    const done = runGroup(ready);
    let k = 0;
    compiled.forEach((u, i) => { if (!u.error) results[i] = done[k++]; });
  } catch {
    // The group rolled back whole: run each unit alone so only the faulty one reports an error.
    compiled.forEach((u, i) => {
      if (u.error) return;
      try { results[i] = runOne(u); } catch (e) { results[i] = failure(e); }
    });
  }
  let at = 0;
  for (const { id, units: own } of messages) {
    parentPort.postMessage({ id, results: results.slice(at, at + own.length) });
    at += own.length;
  }
}

parentPort.on('message', (first) => {
  const messages = [first];
  let count = first.units.length;
  while (count < MAX_UNITS) {
    const next = receiveMessageOnPort(parentPort);
    if (!next) break;
    messages.push(next.message);
    count += next.message.units.length;
  }
  runMessages(messages);
});
