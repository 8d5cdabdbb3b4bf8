/**
 * Frozen once merged: never import application code here, never edit; add a new file instead.
 * An online, resumable recount of the metric cube: its cursor on the workspace's settings row.
 * While recount_after_at is set, the cube holds exactly the responses at or before
 * (recount_after_at, recount_after_id) in (created_at, id) order; '' / '' means none yet.
 * generation counts settings changes, so a reader can tell that the cube was cleared under it.
 */
import { Kysely } from 'kysely';

const COLUMNS: [string, 'text' | 'integer', boolean][] = [
  ['recount_after_at', 'text', false],
  ['recount_after_id', 'text', false],
  ['recount_done', 'integer', true],
  ['recount_total', 'integer', true],
  ['recount_started_at', 'text', false],
  ['generation', 'integer', true],
];

export async function up(db: Kysely<any>): Promise<void> {
  // One column per statement: SQLite adds only one at a time.
  for (const [name, type, counter] of COLUMNS) {
    await db.schema.alterTable('metric_settings').addColumn(name, type, (c) => (counter ? c.notNull().defaultTo(0) : c)).execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const [name] of [...COLUMNS].reverse()) await db.schema.alterTable('metric_settings').dropColumn(name).execute();
}
