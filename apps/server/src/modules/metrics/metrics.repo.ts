/** SQL of the metrics module: the cube's upserts and reads, its settings and the recount's cursor. */
import { CompiledQuery, sql, type Selectable } from 'kysely';
import type { Db, Trx } from '../../schema.js';
import { lockingRead, toNumber } from '../../platform/db/dialect.js';
import { KEY_COLUMNS, MEASURES, type CubeDelta, type CubeSettings, type CubeSource, type RecountCursor } from './cube.js';
import type { MetricSettingsTable } from './metrics.tables.js';

type Q = Db | Trx;
const CHUNK = 200; // 200 cells × 32 values stay under every placeholder limit

const addExisting = Object.fromEntries(MEASURES.map((m) => [m, sql`metric_cube.${sql.ref(m)} + excluded.${sql.ref(m)}`]));

// Compiling this 32-column upsert costs ~80 µs, more than running it: keep the SQL text per
// dialect (the adapter object) and row count, and bind fresh values each time.
const compiled = new WeakMap<object, Map<number, string>>();
function upsertSql(db: Q, rows: number): string {
  const adapter = db.getExecutor().adapter;
  let byCount = compiled.get(adapter);
  if (!byCount) { byCount = new Map(); compiled.set(adapter, byCount); }
  let text = byCount.get(rows);
  if (!text) {
    const blank = Object.fromEntries([...KEY_COLUMNS.map((k) => [k, '']), ...MEASURES.map((m) => [m, 0])]);
    text = db.insertInto('metric_cube').values(Array.from({ length: rows }, () => blank) as never)
      .onConflict((oc) => oc.columns([...KEY_COLUMNS]).doUpdateSet(addExisting as never)).compile().sql;
    byCount.set(rows, text);
  }
  return text;
}

/** Adds a delta's cells to the cube (call inside the transaction that changed the responses). */
export async function applyDelta(db: Q, delta: CubeDelta): Promise<number> {
  const entries = delta.entries();
  for (let i = 0; i < entries.length; i += CHUNK) {
    const chunk = entries.slice(i, i + CHUNK);
    // Parameters in the compiled order: each row's key columns, then its measures.
    const params = chunk.flatMap(({ key, counts }) => [...KEY_COLUMNS.map((k) => key[k]), ...counts]);
    await db.executeQuery(CompiledQuery.raw(upsertSql(db, chunk.length), params));
  }
  return entries.length;
}

export const DEFAULT_SETTINGS: CubeSettings = { timeZone: 'UTC', dimensions: [] };

/** How far a running recount has got (rows counted, rows the workspace had when it started). */
export interface RecountProgress { done: number; total: number; startedAt: string }
export interface StoredSettings extends CubeSettings {
  /** null: never saved (the defaults). */
  updatedAt: string | null;
  /** Bumped by every settings change (each clears the cube): a reader can tell it happened. */
  generation: number;
  recount: RecountProgress | null;
}

const SETTINGS_COLUMNS = ['time_zone', 'dimensions', 'updated_at', 'recount_after_at', 'recount_after_id', 'recount_done', 'recount_total', 'recount_started_at', 'generation'] as const;
type SettingsRow = Pick<Selectable<MetricSettingsTable>, (typeof SETTINGS_COLUMNS)[number]>;

function fromRow(row: SettingsRow | undefined): StoredSettings {
  if (!row) return { ...DEFAULT_SETTINGS, updatedAt: null, generation: 0, recountCursor: null, recount: null };
  const running = row.recount_after_at !== null;
  return {
    timeZone: row.time_zone, dimensions: JSON.parse(row.dimensions), updatedAt: row.updated_at || null, generation: toNumber(row.generation),
    recountCursor: running ? { createdAt: row.recount_after_at!, id: row.recount_after_id ?? '' } : null,
    recount: running ? { done: toNumber(row.recount_done), total: toNumber(row.recount_total), startedAt: row.recount_started_at ?? '' } : null,
  };
}

const selectSettings = (db: Q, workspaceId: string) => db.selectFrom('metric_settings').select(SETTINGS_COLUMNS).where('workspace_id', '=', workspaceId);

/** A plain read (no lock): what queries plan with and GET …/metrics/settings shows. */
export async function findSettings(db: Q, workspaceId: string): Promise<StoredSettings> {
  return fromRow(await selectSettings(db, workspaceId).executeTakeFirst());
}

/**
 * The settings row read with a row lock held until the transaction ends (PostgreSQL; see
 * lockingRead): 'share' for the writers of responses, 'update' for a settings change or a recount
 * chunk. With `create`, a workspace without a row gets the default one first, so there is always
 * a row to lock: a writer that found no row would hold nothing a settings change waits for.
 * (updated_at '' marks it as never saved.)
 */
export async function lockSettings(trx: Trx, workspaceId: string, mode: 'share' | 'update', create: boolean): Promise<StoredSettings | null> {
  const read = () => lockingRead(selectSettings(trx, workspaceId), trx, mode).executeTakeFirst();
  let row = await read();
  if (!row && create) {
    await trx.insertInto('metric_settings').values({ workspace_id: workspaceId, time_zone: DEFAULT_SETTINGS.timeZone, dimensions: '[]', updated_at: '' })
      .onConflict((oc) => oc.column('workspace_id').doNothing()).execute();
    row = await read();
  }
  return row ? fromRow(row) : null;
}

/**
 * New settings, with the recount cursor before every response (the row is locked by
 * lockSettings). The old cells are cleared by the first chunks (clearCubePart), not here: at
 * millions of cells that alone would hold writers off for many seconds.
 */
export async function startRecount(trx: Trx, workspaceId: string, s: CubeSettings, at: { now: string; total: number }): Promise<void> {
  await trx.updateTable('metric_settings').set((eb) => ({
    time_zone: s.timeZone, dimensions: JSON.stringify(s.dimensions), updated_at: at.now, generation: eb('generation', '+', 1),
    recount_after_at: '', recount_after_id: '', recount_done: 0, recount_total: at.total, recount_started_at: at.now,
  })).where('workspace_id', '=', workspaceId).execute();
}

/**
 * Deletes up to `limit` of the workspace's cells, the first in key order; true when some are left.
 * The limit'th key bounds a range delete along the primary key (portable: no DELETE … LIMIT on
 * PostgreSQL, no rowid in SQLite's WITHOUT ROWID cube).
 */
export async function clearCubePart(db: Q, workspaceId: string, limit: number): Promise<boolean> {
  const cols = KEY_COLUMNS.filter((c) => c !== 'workspace_id');
  let bounded = db.selectFrom('metric_cube').select(cols).where('workspace_id', '=', workspaceId);
  for (const c of cols) bounded = bounded.orderBy(c);
  const bound = await bounded.limit(1).offset(limit).executeTakeFirst();
  let del = db.deleteFrom('metric_cube').where('workspace_id', '=', workspaceId);
  if (bound) del = del.where(sql<boolean>`(${sql.join(cols.map((c) => sql.ref(c)))}) < (${sql.join(cols.map((c) => bound[c]))})`);
  await del.execute();
  return bound !== undefined;
}

/** The cursor after a chunk (null: every response is counted), with the rows counted so far. */
export async function moveRecountCursor(trx: Trx, workspaceId: string, to: RecountCursor | null, done: number): Promise<void> {
  await trx.updateTable('metric_settings')
    .set(to ? { recount_after_at: to.createdAt, recount_after_id: to.id, recount_done: done } : { recount_after_at: null, recount_after_id: null, recount_done: done })
    .where('workspace_id', '=', workspaceId).execute();
}

/** Workspaces whose recount was left unfinished (a restart or a crash): the runner resumes them. */
export async function unfinishedRecounts(db: Q): Promise<string[]> {
  return (await db.selectFrom('metric_settings').select('workspace_id').where('recount_after_at', 'is not', null).execute()).map((r) => r.workspace_id);
}

/** The fields of a response the cube reads. */
export const CUBE_SOURCE_COLUMNS = ['id', 'workspace_id', 'survey_id', 'status', 'channel', 'touchpoint', 'language', 'metadata', 'nps', 'csat', 'ces', 'created_at'] as const;

/**
 * The next responses after `cursor` in (created_at, id) order. The row-value comparison gives
 * both stores a range on the (workspace_id, created_at) index, so a page starts where the last
 * one ended. `created_at > a OR (created_at = a AND id > b)` made both walk the workspace's index
 * from its first entry for every page, a cost that grows with the square of the rows (SQLite,
 * 1M rows in pages of 5k: 19 s against 7 s).
 */
export function responsesAfter(db: Q, workspaceId: string, cursor: RecountCursor, limit: number): Promise<CubeSource[]> {
  return db.selectFrom('responses').select(CUBE_SOURCE_COLUMNS)
    .where('workspace_id', '=', workspaceId)
    .where((eb) => eb(eb.refTuple('created_at', 'id'), '>', eb.tuple(cursor.createdAt, cursor.id)))
    .orderBy('created_at').orderBy('id').limit(limit).execute();
}

export async function countResponses(db: Q, workspaceId: string): Promise<number> {
  return toNumber((await db.selectFrom('responses').select((eb) => eb.fn.countAll().as('n')).where('workspace_id', '=', workspaceId).executeTakeFirstOrThrow()).n);
}
