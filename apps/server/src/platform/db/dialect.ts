/**
 * The only place where SQLite and PostgreSQL differ. Everything else speaks portable Kysely.
 * Storage conventions that keep the two stores alike: ids are text (UUIDs), times are
 * ISO-8601 UTC text (sortable on both), JSON is text, booleans are 0/1 integers.
 */
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import fs from 'node:fs';
import path from 'node:path';

export type StoreKind = 'sqlite' | 'postgres';

export interface OpenedStore<DB> {
  db: Kysely<DB>;
  kind: StoreKind;
  close(): Promise<void>;
  /** Raw better-sqlite3 handle (SQLite only), for the storage-ceiling benchmark and file checks. */
  sqlite?: SQLite.Database;
}

export function openSqlite<DB>(file: string, synchronous: 'FULL' | 'NORMAL'): OpenedStore<DB> {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const handle = new SQLite(file);
  handle.pragma('journal_mode = WAL');
  handle.pragma(`synchronous = ${synchronous}`);
  handle.pragma('foreign_keys = ON');
  handle.pragma('busy_timeout = 5000');
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: handle }) });
  return { db, kind: 'sqlite', sqlite: handle, close: () => db.destroy() };
}

export async function openPostgres<DB>(url: string, schema?: string): Promise<OpenedStore<DB>> {
  if (schema) {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    await admin.end();
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    ...(schema ? { options: `-c search_path="${schema}"` } : {}),
  });
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return { db, kind: 'postgres', close: () => db.destroy() };
}

/** Drops a Postgres schema (tests clean up after themselves). */
export async function dropPostgresSchema(url: string, schema: string): Promise<void> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await admin.end();
}

/** Case-insensitive substring match: ILIKE on Postgres, LIKE (ASCII case-insensitive) on SQLite. */
export function likeOperator(kind: StoreKind): 'ilike' | 'like' {
  return kind === 'postgres' ? 'ilike' : 'like';
}

/** Integer column type for auto-incrementing sequence numbers in migrations. */
export function serialType(kind: StoreKind) {
  return kind === 'postgres' ? sql`bigserial` : sql`integer`;
}

/** Bigint values come back as strings from pg; normalise to number. */
export function toNumber(v: unknown): number {
  return typeof v === 'string' ? Number(v) : typeof v === 'bigint' ? Number(v) : (v as number) ?? 0;
}
