/**
 * Frozen once merged: never import application code here, never edit; add a new file instead.
 * The metric cube: per local day and per local month (grain 'd' / 'm'), survey and channel (plus
 * one optional filter segment and one optional breakdown), the counts every CX number is
 * computed from. See modules/metrics/cube.ts.
 */
import { Kysely, sql } from 'kysely';

const MEASURES = ['n', 'complete',
  ...Array.from({ length: 11 }, (_, i) => `nps_${i}`),
  ...Array.from({ length: 5 }, (_, i) => `csat_${i + 1}`),
  ...Array.from({ length: 7 }, (_, i) => `ces_${i + 1}`)];

export async function up(db: Kysely<any>): Promise<void> {
  let cube = db.schema
    .createTable('metric_cube')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('seg', 'text', (c) => c.notNull())
    .addColumn('bdim', 'text', (c) => c.notNull())
    .addColumn('bval', 'text', (c) => c.notNull())
    .addColumn('grain', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('survey_id', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull());
  for (const m of MEASURES) cube = cube.addColumn(m, 'bigint', (c) => c.notNull().defaultTo(0));
  cube = cube.addPrimaryKeyConstraint('metric_cube_pk', ['workspace_id', 'seg', 'bdim', 'grain', 'day', 'bval', 'survey_id', 'channel']);
  // SQLite: store the cells in key order (no rowid), so a query reads one contiguous key range
  // instead of one random table page per cell. PostgreSQL clusters nothing by itself; its
  // queries read the measures from a covering index instead (below).
  const isSqlite = (db.getExecutor().adapter.constructor.name ?? '').includes('Sqlite');
  await (isSqlite ? cube.modifyEnd(sql`without rowid`) : cube).execute();

  await db.schema
    .createTable('metric_settings')
    .addColumn('workspace_id', 'text', (c) => c.primaryKey().references('workspaces.id').onDelete('cascade'))
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('dimensions', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('metric_settings').execute();
  await db.schema.dropTable('metric_cube').execute();
}
