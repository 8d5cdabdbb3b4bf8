import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { SqliteWriter } from './sqlite-writer.js';

let writer: SqliteWriter | undefined;
afterEach(async () => { await writer?.close(); writer = undefined; });

// A compiler module, as a module of ours would provide one (loaded by URL on the writer thread).
const COMPILER = new URL('./sqlite-writer.test-compiler.ts', import.meta.url).href;

function fresh() {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tp-sw-')), 'w.db');
  const db = new SQLite(file);
  db.pragma('journal_mode = WAL');
  db.exec('CREATE TABLE items (id TEXT PRIMARY KEY, label TEXT NOT NULL); CREATE TABLE log (note TEXT NOT NULL)');
  writer = new SqliteWriter(file, 'FULL', { labels: COMPILER });
  return db;
}
const INSERT = 'INSERT INTO items (id, label) VALUES (?, ?) ON CONFLICT (id) DO NOTHING';
const LOG = 'INSERT INTO log (note) VALUES (?)';

describe('SQLite writer thread', () => {
  it('reports which rows were new and fills the counts into the follow-up statements', async () => {
    const db = fresh();
    db.prepare('INSERT INTO items VALUES (?, ?)').run('a', 'old');
    const { inserted } = await writer!.run({
      rows: { sql: INSERT, params: [['a', 'x'], ['b', 'y'], ['c', 'z']] },
      after: [{ sql: LOG, params: ['{"accepted":"{{accepted}}","duplicates":"{{duplicates}}"}'] }],
    });
    expect(inserted).toEqual([1, 2]);
    expect(db.prepare('SELECT note FROM log').pluck().all()).toEqual(['{"accepted":2,"duplicates":1}']);
  });

  it('skips onlyIfAccepted steps when nothing was new', async () => {
    const db = fresh();
    await writer!.run({ rows: { sql: INSERT, params: [['a', 'x']] }, after: [] });
    await writer!.run({ rows: { sql: INSERT, params: [['a', 'x']] }, after: [{ sql: LOG, params: ['event'], onlyIfAccepted: true }] });
    expect(db.prepare('SELECT count(*) FROM log').pluck().get()).toBe(0);
  });

  it('rolls back a failing unit alone; units sent together still commit', async () => {
    const db = fresh();
    const results = await Promise.allSettled([
      writer!.run({ rows: { sql: INSERT, params: [['a', 'x']] }, after: [{ sql: LOG, params: ['a'] }] }),
      writer!.run({ rows: { sql: INSERT, params: [['b', 'y']] }, after: [{ sql: LOG, params: [null] }] }), // NOT NULL violation
      writer!.run({ rows: { sql: INSERT, params: [['c', 'z']] }, after: [{ sql: LOG, params: ['c'] }] }),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(db.prepare('SELECT id FROM items ORDER BY id').pluck().all()).toEqual(['a', 'c']);
    expect(db.prepare('SELECT note FROM log ORDER BY note').pluck().all()).toEqual(['a', 'c']);
  });

  it('builds rows on the writer thread with a compiler module and answers the new rows\' keys', async () => {
    const db = fresh();
    db.prepare('INSERT INTO items VALUES (?, ?)').run('b', 'old');
    const r = await writer!.run({ compiler: 'labels', input: { text: 'a b c', prefix: 'x' }, after: [{ sql: LOG, params: ['"{{accepted}}"'] }] });
    expect(r).toEqual({ inserted: [0, 2], keys: ['a', 'c'] });
    expect(db.prepare('SELECT id || label FROM items ORDER BY id').pluck().all()).toEqual(['axa', 'bold', 'cxc']);
    expect(db.prepare('SELECT note FROM log ORDER BY rowid').pluck().all()).toEqual(['2', 'group of 1: 2 new']);
  });

  it('calls afterGroup once per transaction with all units of its compiler', async () => {
    const db = fresh();
    await Promise.all([
      writer!.run({ compiler: 'labels', input: { text: 'a b', prefix: 'x' }, after: [] }),
      writer!.run({ compiler: 'labels', input: { text: 'b c d', prefix: 'y' }, after: [] }),
    ]);
    expect(db.prepare('SELECT note FROM log').pluck().all()).toEqual(['group of 2: 4 new']);
  });

  it('rejects a unit whose compiler throws or is unknown; the others in its group commit', async () => {
    const db = fresh();
    const results = await Promise.allSettled([
      writer!.run({ compiler: 'labels', input: { text: 'a', prefix: 'x' }, after: [] }),
      writer!.run({ compiler: 'labels', input: { text: '', prefix: 'x' }, after: [] }), // the compiler refuses empty text
      writer!.run({ compiler: 'nope', input: {}, after: [] }),
      writer!.run({ rows: { sql: INSERT, params: [['d', 'y']] }, after: [] }),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'rejected', 'fulfilled']);
    expect(String((results[1] as PromiseRejectedResult).reason)).toMatch(/empty text/);
    expect(String((results[2] as PromiseRejectedResult).reason)).toMatch(/no compiler named nope/);
    expect(db.prepare('SELECT id FROM items ORDER BY id').pluck().all()).toEqual(['a', 'd']);
    // The group went through whole (no rollback), so afterGroup ran once, for the unit that compiled.
    expect(db.prepare('SELECT note FROM log').pluck().all()).toEqual(['group of 1: 1 new']);
  });
});
