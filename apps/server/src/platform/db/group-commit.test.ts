import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openSqlite, type OpenedStore } from './dialect.js';
import { GroupCommitter } from './group-commit.js';

interface T { items: { id: string; label: string } }
let store: OpenedStore<T> | undefined;
afterEach(async () => { await store?.close(); store = undefined; });

async function fresh() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tp-gc-'));
  store = openSqlite<T>(path.join(dir, 'gc.db'), 'NORMAL');
  await store.db.schema.createTable('items').addColumn('id', 'text', (c) => c.primaryKey()).addColumn('label', 'text', (c) => c.notNull()).execute();
  return store.db;
}

describe('group commit', () => {
  it('commits units that arrive together in one transaction', async () => {
    const db = await fresh();
    const spy = vi.spyOn(db, 'transaction');
    const gc = new GroupCommitter(db);
    const ids = await Promise.all(Array.from({ length: 20 }, (_, i) => gc.run(async (trx) => {
      await trx.insertInto('items').values({ id: `i${i}`, label: 'x' }).execute();
      return `i${i}`;
    })));
    expect(ids).toEqual(Array.from({ length: 20 }, (_, i) => `i${i}`));
    expect(spy).toHaveBeenCalledTimes(1);
    expect(await db.selectFrom('items').select('id').execute()).toHaveLength(20);
  });

  it('isolates a failing unit: the others still commit, only it sees the error', async () => {
    const db = await fresh();
    const gc = new GroupCommitter(db);
    const results = await Promise.allSettled(Array.from({ length: 6 }, (_, i) => gc.run(async (trx) => {
      // Unit 3 collides with unit 2's primary key.
      await trx.insertInto('items').values({ id: i === 3 ? 'i2' : `i${i}`, label: 'x' }).execute();
      return i;
    })));
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
    expect((await db.selectFrom('items').select('id').orderBy('id').execute()).map((r) => r.id)).toEqual(['i0', 'i1', 'i2', 'i4', 'i5']);
  });

  it('splits long queues into groups of at most maxUnits', async () => {
    const db = await fresh();
    const spy = vi.spyOn(db, 'transaction');
    const gc = new GroupCommitter(db, 5);
    await Promise.all(Array.from({ length: 12 }, (_, i) => gc.run((trx) => trx.insertInto('items').values({ id: `i${i}`, label: 'x' }).execute())));
    expect(spy).toHaveBeenCalledTimes(3);
  });
});
