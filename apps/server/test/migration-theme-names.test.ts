/**
 * Migration 0008 on a store that lived before it, on SQLite and (with DATABASE_URL) PostgreSQL:
 * starter themes the workspace kept get their names per language; a renamed starter theme and a
 * theme of the workspace's own get none (their `name` is shown in every language).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { Migrator, type Kysely } from 'kysely';
import { migrations } from '../migrations/index.js';
import { dropPostgresSchema, openPostgres, openSqlite, type OpenedStore } from '../src/platform/db/dialect.js';

const BEFORE = '2026-11-23-0007-sentiment-cube';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tp-mig-'));
const schema = `mig_${crypto.randomBytes(4).toString('hex')}`;
afterAll(async () => {
  fs.rmSync(dir, { recursive: true, force: true });
  if (process.env.DATABASE_URL) await dropPostgresSchema(process.env.DATABASE_URL, schema);
});

async function open(): Promise<OpenedStore<any>> {
  return process.env.DATABASE_URL ? openPostgres(process.env.DATABASE_URL, schema) : openSqlite(path.join(dir, 'old.db'), 'NORMAL');
}
const migrator = (db: Kysely<any>) => new Migrator({ db, provider: { getMigrations: async () => migrations }, ...(process.env.DATABASE_URL ? { migrationTableSchema: schema } : {}) });

describe('migration 0008 (theme names)', () => {
  it('names the starter themes a workspace kept, and nothing else', async () => {
    expect(Object.keys(migrations)).toContain(BEFORE);
    const store = await open();
    try {
      const db = store.db;
      expect((await migrator(db).migrateTo(BEFORE)).error).toBeUndefined();
      const now = '2026-11-01T00:00:00.000Z';
      await db.insertInto('workspaces').values({ id: 'ws_old', name: 'Old', settings: '{}', created_at: now }).execute();
      const theme = (id: string, name: string) => ({ workspace_id: 'ws_old', id, name, keywords: '["x"]', examples: '[]', created_at: now, updated_at: now });
      await db.insertInto('text_themes').values([theme('delivery', 'Delivery'), theme('price', 'Pricing'), theme('checkout', 'Checkout')]).execute();

      const result = await migrator(db).migrateToLatest();
      expect(result.error).toBeUndefined();
      const rows = await db.selectFrom('text_themes').select(['id', 'names']).where('workspace_id', '=', 'ws_old').orderBy('id').execute();
      expect(rows.map((r) => [r.id, JSON.parse(r.names)])).toEqual([
        ['checkout', {}],
        ['delivery', { en: 'Delivery', 'zh-Hant': '物流配送', 'zh-Hans': '物流配送' }],
        ['price', {}],
      ]);
    } finally { await store.close(); }
  });
});
