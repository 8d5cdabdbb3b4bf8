/**
 * Frozen once merged: never import application code here, never edit; add a new file instead.
 * The innovation portfolio: one row per initiative, its business case (the cost-benefit input) as
 * JSON text, and what the server measured for the case's benefit drivers (JSON text, with when).
 */
import { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createTable('initiatives')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('area', 'text', (c) => c.notNull())
    .addColumn('priority', 'text', (c) => c.notNull())
    .addColumn('why', 'text', (c) => c.notNull())
    // { min, max, currency } or NULL.
    .addColumn('budget', 'text')
    .addColumn('expected_roi', 'double precision')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('value_score', 'integer', (c) => c.notNull())
    .addColumn('cost_score', 'integer', (c) => c.notNull())
    .addColumn('owner_id', 'text')
    .addColumn('launch_date', 'text')
    // { metric, segmentId, change, by } or NULL.
    .addColumn('expected_change', 'text')
    .addColumn('business_case', 'text')
    .addColumn('business_case_measured', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('business_case_updated_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('initiatives_workspace').on('initiatives').columns(['workspace_id', 'created_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('initiatives').execute();
}
