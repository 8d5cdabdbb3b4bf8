/** SQL of the metrics module: the cube's upserts and reads, and its settings. */
import { sql } from 'kysely';
import type { Db, Trx } from '../../schema.js';
import { KEY_COLUMNS, MEASURES, type CubeDelta, type CubeSettings } from './cube.js';

type Q = Db | Trx;
const CHUNK = 200; // 200 cells × 32 values stay under every placeholder limit

const addExisting = Object.fromEntries(MEASURES.map((m) => [m, sql`metric_cube.${sql.ref(m)} + excluded.${sql.ref(m)}`]));

/** Adds a delta's cells to the cube (call inside the transaction that changed the responses). */
export async function applyDelta(db: Q, delta: CubeDelta): Promise<void> {
  const entries = delta.entries();
  for (let i = 0; i < entries.length; i += CHUNK) {
    const rows = entries.slice(i, i + CHUNK).map(({ key, counts }) => ({ ...key, ...Object.fromEntries(MEASURES.map((m, j) => [m, counts[j]])) }));
    await db.insertInto('metric_cube').values(rows as never)
      .onConflict((oc) => oc.columns([...KEY_COLUMNS]).doUpdateSet(addExisting as never))
      .execute();
  }
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
