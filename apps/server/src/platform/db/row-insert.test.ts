import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { openSqlite, type OpenedStore } from './dialect.js';
import { insertRow } from './row-insert.js';

interface T { items: { id: string; label: string | null; n: number | null } }
let store: OpenedStore<T> | undefined;
afterEach(async () => { await store?.close(); store = undefined; });

async function fresh() {
  store = openSqlite<T>(path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tp-ri-')), 'ri.db'), 'NORMAL');
  await store.db.schema.createTable('items').addColumn('id', 'text', (c) => c.primaryKey()).addColumn('label', 'text').addColumn('n', 'integer').execute();
  return store.db;
}

describe('insertRow', () => {
  it('stores exactly what Kysely would, whatever the column order or left-out columns', async () => {
    const db = await fresh();
    const row = fc.record({ label: fc.option(fc.string(), { nil: undefined }), n: fc.option(fc.integer(), { nil: undefined }) });
    let i = 0;
    await fc.assert(fc.asyncProperty(row, fc.boolean(), async (r, reversed) => {
      const id = `r${i++}`;
      const entries = Object.entries({ id, ...r });
      await insertRow(db, 'items', Object.fromEntries(reversed ? entries.reverse() : entries));
      const got = await db.selectFrom('items').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      expect(got).toEqual({ id, label: r.label ?? null, n: r.n ?? null });
    }), { numRuns: 200 });
  });

  it('refuses values that are SQL expressions rather than parameters', async () => {
    const db = await fresh();
    await expect(insertRow(db, 'items', { id: 'x', label: sql`upper('a')` })).rejects.toThrow(/not plain parameters/);
  });
});
