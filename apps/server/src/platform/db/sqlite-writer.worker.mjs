// The SQLite bulk writer thread (plain JavaScript so it loads the same under tsx, Vitest and
// node). It owns a second connection to the same WAL database and runs "units" of inserts the
// main thread compiled: a group of units is one transaction, so storage work runs on the other
// core while the main thread parses and validates the next requests.
//
// A unit: { rows: { sql, params: any[][] }, after: [{ sql, params, onlyIfAccepted }] }.
// `rows` are INSERT … ON CONFLICT DO NOTHING; the unit answers which row indexes were new.
// In `after` string params, the text "{{accepted}}" / "{{duplicates}}" (quotes included, so
// JSON gets a number) is replaced by this unit's counts.
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

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
  return inserted;
}

const runGroup = db.transaction((units) => units.map(runUnit));
const runOne = db.transaction((unit) => runUnit(unit));

parentPort.on('message', ({ id, units }) => {
  try {
    parentPort.postMessage({ id, results: runGroup(units).map((inserted) => ({ inserted })) });
  } catch {
    // The group rolled back whole: run each unit alone so only the faulty one reports an error.
    parentPort.postMessage({ id, results: units.map((u) => {
      try { return { inserted: runOne(u) }; } catch (e) { return { error: String(e?.message ?? e) }; }
    }) });
  }
});
