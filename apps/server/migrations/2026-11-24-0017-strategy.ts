/**
 * Frozen once merged: never import application code here, never edit; add a new file instead.
 * Strategy records: gap analyses (the CX evaluation framework, rows as JSON in display order), SMART
 * goals with their manual check-ins, and target-market worksheets (segmentation and engagement rows as
 * JSON). Numbers a goal compares are `double precision` on PostgreSQL (`real` is float4 there).
 */
import { Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createTable('strategy_gap_analyses')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('rows', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('strategy_gap_analyses_workspace').on('strategy_gap_analyses').columns(['workspace_id', 'updated_at']).execute();

  await db.schema.createTable('strategy_goals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('metric', 'text')
    .addColumn('segment_id', 'text')
    .addColumn('unit', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('higher_is_better', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('baseline_value', sql`double precision`)
    .addColumn('baseline_date', 'text', (c) => c.notNull())
    .addColumn('target', sql`double precision`, (c) => c.notNull())
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('deadline', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text')
    // Specific, measurable, achievable, relevant, time-bound notes as one JSON object.
    .addColumn('notes', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('template', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('strategy_goals_workspace').on('strategy_goals').columns(['workspace_id', 'deadline']).execute();

  await db.schema.createTable('strategy_goal_check_ins')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('goal_id', 'text', (c) => c.notNull().references('strategy_goals.id').onDelete('cascade'))
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('value', sql`double precision`, (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('strategy_goal_check_ins_goal').on('strategy_goal_check_ins').columns(['goal_id', 'date']).execute();

  await db.schema.createTable('strategy_worksheets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    // Segmentation rows, persona, engagement rows, positioning, currency.
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('strategy_worksheets_workspace').on('strategy_worksheets').columns(['workspace_id', 'updated_at']).execute();
}
