import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openSqlite, type OpenedStore } from './dialect.js';
import { GroupCommitter, shareUntilCommit } from './group-commit.js';

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

  it('shares per-transaction work between its units and finishes it once, before the commit', async () => {
    const db = await fresh();
    const gc = new GroupCommitter(db);
    const KEY = {};
    let finished = 0;
    // Each unit adds its id to the shared list; the finisher writes one summary row in the same transaction.
    const unit = (id: string, fail = false) => gc.run(async (trx) => {
      await trx.insertInto('items').values({ id: fail ? 'a0' : id, label: 'x' }).execute();
      const shared = shareUntilCommit(trx, KEY, () => [] as string[], async (ids) => {
        finished++;
        await trx.insertInto('items').values({ id: `sum-${ids.join('+')}`, label: 'summary' }).execute();
      });
      shared!.push(id);
    });
    await Promise.all(['a0', 'a1', 'a2'].map((id) => unit(id)));
    expect(finished).toBe(1);
    expect((await db.selectFrom('items').select('id').where('label', '=', 'summary').execute()).map((r) => r.id)).toEqual(['sum-a0+a1+a2']);
    // A failing unit rolls the group back: the others run again alone, each with its own state.
    const settled = await Promise.allSettled([unit('b0'), unit('b1', true), unit('b2')]);
    expect(settled.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((await db.selectFrom('items').select('id').where('label', '=', 'summary').orderBy('id').execute()).map((r) => r.id)).toEqual(['sum-a0+a1+a2', 'sum-b0', 'sum-b2']);
    // Outside a grouped transaction there is nothing to share.
    await db.transaction().execute(async (trx) => expect(shareUntilCommit(trx, KEY, () => 1, async () => {})).toBeUndefined());
  });
});
