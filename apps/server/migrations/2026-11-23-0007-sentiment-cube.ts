/**
 * Frozen once merged: never import application code here, never edit; add a new file instead.
 * Sentiment in the metric cube: per cell, the analysed open-text answers (n), the sum of their
 * scores and of the squared scores (in units of 1e-4 and 1e-8: integers, so adding and removing
 * a text is exact), and how many are labelled positive and negative. Kept by the analysis's own
 * transaction (modules/metrics/sentiment-cube.ts).
 *
 * Cells counted before this migration hold no sentiment: every workspace that already has
 * analysed texts gets a recount (the cursor before every response, as a settings change leaves
 * it; the server resumes unfinished recounts at start). Until it finishes, its numbers come from
 * the rows, exact.
 */
import { Kysely, sql } from 'kysely';

const COLUMNS = ['sent_n', 'sent_sum', 'sent_sq', 'sent_pos', 'sent_neg'];

export async function up(db: Kysely<any>): Promise<void> {
  // One column per statement: SQLite adds only one at a time.
  for (const c of COLUMNS) await db.schema.alterTable('metric_cube').addColumn(c, 'bigint', (col) => col.notNull().defaultTo(0)).execute();
  await recountAnalysedWorkspaces(db);
}

/** Every workspace with analysed texts gets its recount cursor set before every response (exported for its test). */
export async function recountAnalysedWorkspaces(db: Kysely<any>): Promise<void> {
  const now = new Date().toISOString();
  const analysed = db.selectFrom('text_analyses').select('workspace_id').distinct();
  // A workspace whose batches all went through the SQLite writer thread may have no settings
  // row yet: give it the defaults (UTC, no analysed keys), unsaved (updated_at '').
  await db.insertInto('metric_settings')
    .columns(['workspace_id', 'time_zone', 'dimensions', 'updated_at'])
    .expression(analysed.where('workspace_id', 'not in', db.selectFrom('metric_settings').select('workspace_id')).select([sql.lit('UTC').as('tz'), sql.lit('[]').as('d'), sql.lit('').as('u')]))
    .execute();
  await db.updateTable('metric_settings')
    .set({
      recount_after_at: '', recount_after_id: '', recount_done: 0, recount_started_at: now, generation: sql`generation + 1`,
      recount_total: sql`(SELECT count(*) FROM responses WHERE responses.workspace_id = metric_settings.workspace_id)`,
    })
    .where('workspace_id', 'in', analysed)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const c of [...COLUMNS].reverse()) await db.schema.alterTable('metric_cube').dropColumn(c).execute();
}
