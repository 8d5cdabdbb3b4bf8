/** SQL of the metrics module: the cube's upserts and reads, and its settings. */
import { CompiledQuery, sql } from 'kysely';
import type { Db, Trx } from '../../schema.js';
import { KEY_COLUMNS, MEASURES, type CubeDelta, type CubeSettings } from './cube.js';

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

export async function findSettings(db: Q, workspaceId: string): Promise<CubeSettings & { updatedAt: string | null }> {
  const row = await db.selectFrom('metric_settings').selectAll().where('workspace_id', '=', workspaceId).executeTakeFirst();
  return row ? { timeZone: row.time_zone, dimensions: JSON.parse(row.dimensions), updatedAt: row.updated_at } : { ...DEFAULT_SETTINGS, updatedAt: null };
}

export async function saveSettings(db: Q, workspaceId: string, s: CubeSettings, now: string): Promise<void> {
  await db.insertInto('metric_settings').values({ workspace_id: workspaceId, time_zone: s.timeZone, dimensions: JSON.stringify(s.dimensions), updated_at: now })
    .onConflict((oc) => oc.column('workspace_id').doUpdateSet({ time_zone: s.timeZone, dimensions: JSON.stringify(s.dimensions), updated_at: now }))
    .execute();
}

export const clearCube = (db: Q, workspaceId: string) => db.deleteFrom('metric_cube').where('workspace_id', '=', workspaceId).execute();
