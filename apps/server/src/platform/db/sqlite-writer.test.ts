import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { SqliteWriter } from './sqlite-writer.js';

let writer: SqliteWriter | undefined;
afterEach(async () => { await writer?.close(); writer = undefined; });

function fresh() {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tp-sw-')), 'w.db');
  const db = new SQLite(file);
  db.pragma('journal_mode = WAL');
  db.exec('CREATE TABLE items (id TEXT PRIMARY KEY, label TEXT NOT NULL); CREATE TABLE log (note TEXT NOT NULL)');
  writer = new SqliteWriter(file, 'FULL');
  return db;
}
const INSERT = 'INSERT INTO items (id, label) VALUES (?, ?) ON CONFLICT (id) DO NOTHING';
const LOG = 'INSERT INTO log (note) VALUES (?)';

describe('SQLite writer thread', () => {
  it('reports which rows were new and fills the counts into the follow-up statements', async () => {
    const db = fresh();
    db.prepare('INSERT INTO items VALUES (?, ?)').run('a', 'old');
    const inserted = await writer!.run({
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
});
