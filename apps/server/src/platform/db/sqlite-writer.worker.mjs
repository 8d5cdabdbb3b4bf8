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
// their keys, for compiled units). In `after` string params, the text "{{accepted}}" /
// "{{duplicates}}" (quotes included, so JSON gets a number) is replaced by this unit's counts.
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

const compilers = new Map();
const compilerUrls = Object.entries(workerData.compilers ?? {});
if (compilerUrls.length) {
  const { register } = await import('tsx/esm/api');
  register();
  for (const [name, url] of compilerUrls) compilers.set(name, (await import(url)).compile);
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
  const compile = compilers.get(unit.compiler);
  if (!compile) throw new Error(`no compiler named ${unit.compiler}`);
  const { rows, keys } = compile(unit.input);
  return { rows, keys, after: unit.after };
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

const runGroup = db.transaction((units) => units.map(runUnit));
const runOne = db.transaction((unit) => runUnit(unit));
const failure = (e) => ({ error: String(e?.message ?? e) });

parentPort.on('message', ({ id, units }) => {
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
  parentPort.postMessage({ id, results });
});
