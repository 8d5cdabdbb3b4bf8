/**
 * The only place where SQLite and PostgreSQL differ. Everything else speaks portable Kysely.
 * Storage conventions that keep the two stores alike: ids are text (UUIDs), times are
 * ISO-8601 UTC text (sortable on both), JSON is text, booleans are 0/1 integers.
 */
import { Kysely, PostgresAdapter, PostgresDialect, SqliteDialect, sql } from 'kysely';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import fs from 'node:fs';
import path from 'node:path';
import { SqliteWriter } from './sqlite-writer.js';
import { updateRowById } from './row-insert.js';

export type StoreKind = 'sqlite' | 'postgres';

export interface OpenedStore<DB> {
  db: Kysely<DB>;
  kind: StoreKind;
  close(): Promise<void>;
  /** Raw better-sqlite3 handle (SQLite only), for the storage-ceiling benchmark and file checks. */
  sqlite?: SQLite.Database;
  /** SQLite only: a writer thread for bulk inserts, so storage runs beside HTTP work. */
  bulkWriter?: SqliteWriter;
}

/** `compilers`: modules that build rows on the writer thread (see SqliteWriter). */
export function openSqlite<DB>(file: string, synchronous: 'FULL' | 'NORMAL', compilers: Record<string, string> = {}): OpenedStore<DB> {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const handle = new SQLite(file);
  handle.pragma('journal_mode = WAL');
  handle.pragma(`synchronous = ${synchronous}`);
  handle.pragma('foreign_keys = ON');
  handle.pragma('busy_timeout = 5000');
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: withStatementCache(handle) }) });
  rawHandles.set(db, handle);
  const bulkWriter = new SqliteWriter(file, synchronous, compilers);
  return { db, kind: 'sqlite', sqlite: handle, bulkWriter, close: async () => { await bulkWriter.close(); await db.destroy(); } };
}

/**
 * Kysely's SQLite driver calls prepare() for every query, and SQLite then re-parses and re-plans
 * the SQL. Nearly all our SQL text repeats (the same query shapes, values bound as parameters),
 * so keep the most recently used statements. A statement still being iterated (a streamed
 * export) is busy and is never handed out twice: a fresh one is prepared instead.
 */
function withStatementCache(handle: SQLite.Database, max = 256) {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => handle.close(),
    prepare(text: string) {
      // Our transactions all write. A deferred BEGIN that reads first cannot upgrade to a write
      // once the writer thread has committed (SQLITE_BUSY_SNAPSHOT, no retry); IMMEDIATE takes
      // the write lock up front and waits for it under busy_timeout instead.
      const sqlText = text === 'begin' ? 'begin immediate' : text;
      const hit = cache.get(sqlText);
      if (hit && !hit.busy) {
        cache.delete(sqlText); // re-insert: Map order is the LRU order
        cache.set(sqlText, hit);
        return hit;
      }
      const stmt = handle.prepare(sqlText);
      if (!hit) {
        cache.set(sqlText, stmt);
        if (cache.size > max) cache.delete(cache.keys().next().value!);
      }
      return stmt;
    },
  };
}

const rawHandles = new WeakMap<Kysely<any>, SQLite.Database>();
/**
 * The better-sqlite3 handle behind a Kysely instance opened by openSqlite (undefined on
 * PostgreSQL), for the few hot paths that run prepared statements directly. There is one
 * connection: inside a Kysely transaction callback, statements on this handle are part of it.
 */
export function sqliteHandleOf(db: Kysely<any>): SQLite.Database | undefined {
  return rawHandles.get(db);
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

/**
 * Locks the rows a SELECT reads until the transaction ends: FOR SHARE (many holders; holds off
 * FOR UPDATE) or FOR UPDATE (one holder) on PostgreSQL. A locked read waits for the holders and
 * then sees the row as they committed it, even under READ COMMITTED. SQLite has no row locks and
 * needs none: a write transaction (BEGIN IMMEDIATE, or the writer thread's) excludes every other
 * writer for its whole length, so the SELECT is left as it is.
 */
export function lockingRead<QB extends { forShare(): QB; forUpdate(): QB }>(qb: QB, db: Kysely<any>, mode: 'share' | 'update'): QB {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return qb;
  return mode === 'share' ? qb.forShare() : qb.forUpdate();
}

/**
 * Rows several processes take work from (the outbox): on PostgreSQL a worker locks the rows it
 * reads until its transaction ends and skips rows another worker holds, so each row is worked by
 * one process at a time. SQLite serves one process; the SELECT is left as it is.
 */
export function claimingRead<QB extends { forUpdate(): QB; skipLocked(): QB }>(qb: QB, db: Kysely<any>): QB {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return qb;
  return qb.forUpdate().skipLocked();
}

export const isPostgres = (db: Kysely<any>) => db.getExecutor().adapter instanceof PostgresAdapter;

/**
 * How long a long job on one connection (a metric recount) pauses between its write transactions,
 * so that writers on other connections get the lock. SQLite's busy handler polls for the lock with
 * back-off, up to 100 ms apart: a job that takes it again at once could keep another process's
 * writer out until its busy_timeout. 25 ms gaps give such a writer a fair chance on every few
 * polls at a small cost. PostgreSQL queues lock waiters in order: no pause.
 */
export function writeLockPauseMs(db: Kysely<any>): number {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 0 : 25;
}

/** Did a statement fail on a unique or primary key (either store)? */
export function isUniqueViolation(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}

/**
 * Serialises transactions that take the same key until they end: a transaction-scoped advisory
 * lock on PostgreSQL (re-entrant, so units sharing a group-commit transaction pass). SQLite runs
 * one write transaction at a time already. Used where a decision reads before it writes and two
 * concurrent transactions must not both decide on the same stale read (identity resolution).
 */
export async function lockKey(trx: Kysely<any>, key: string): Promise<void> {
  if (!(trx.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`.execute(trx);
}

/**
 * Updates many rows by id, each with its own values (every patch the same columns). PostgreSQL:
 * one `UPDATE … FROM (VALUES …)` per 500 rows, one round trip each instead of one per row
 * (`casts` names the columns whose text parameters need a type, e.g. { order_count: 'integer' }).
 * SQLite: a cached single-row UPDATE per row, with no round trips to save.
 */
export async function updateRowsById(db: Kysely<any>, table: string, rows: { id: string; patch: Record<string, unknown> }[], casts: Record<string, string> = {}): Promise<void> {
  if (!rows.length) return;
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) {
    for (const r of rows) await updateRowById(db, table, r.id, r.patch);
    return;
  }
  const cols = Object.keys(rows[0].patch);
  const value = (c: string) => (casts[c] ? sql`v.${sql.ref(c)}::${sql.raw(casts[c])}` : sql`v.${sql.ref(c)}`);
  for (let i = 0; i < rows.length; i += 500) {
    const part = rows.slice(i, i + 500);
    const values = sql.join(part.map((r) => sql`(${sql.join([r.id, ...cols.map((c) => r.patch[c] ?? null)])})`));
    await sql`update ${sql.table(table)} as t set ${sql.join(cols.map((c) => sql`${sql.ref(c)} = ${value(c)}`))}
      from (values ${values}) as v(${sql.join(['id', ...cols].map((c) => sql.ref(c)))}) where t.id = v.id`.execute(db);
  }
}

/**
 * A number stored under `key` in a JSON text column, 0 when absent (e.g. one currency of a
 * profile's revenue { "TWD": 1200 }): json_extract on SQLite, ->> with a cast on PostgreSQL.
 */
export function jsonNumber(db: Kysely<any>, column: string, key: string) {
  if (db.getExecutor().adapter instanceof PostgresAdapter) return sql<number>`coalesce((${sql.ref(column)}::jsonb ->> ${key})::double precision, 0)`;
  return sql<number>`coalesce(json_extract(${sql.ref(column)}, ${`$."${key.replace(/"/g, '')}"`}), 0)`;
}
