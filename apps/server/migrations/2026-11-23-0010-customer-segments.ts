/**
 * Frozen once merged: never import application code here, never edit; add a new file instead.
 * Customer segments. A segment is a definition (AND/OR groups of conditions on traits, events,
 * metrics and consents) and its members: root profiles (people), never merged-away ones. A live
 * segment is kept current by the segment worker (events after a watermark, people queued by merges,
 * answers and erasures, and a full rebuild behind a cursor when the definition changes or its time
 * windows slide); a static one is a snapshot, written once. `member_count` is maintained with the
 * members, so a count is one row read; `customer_segment_counts` keeps the count per day for trends.
 */
import { Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // People (root profiles) in id order: a full evaluation pages through them behind a cursor.
  await db.schema.createIndex('customers_roots').on('customers').columns(['workspace_id', 'id'])
    .where(sql.ref('merged_into'), 'is', null).execute();

  await db.schema.createTable('customer_segments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    // 'live' | 'static'
    .addColumn('kind', 'text', (c) => c.notNull())
    // JSON: the segment's conditions (packages/shared SegmentDefinition).
    .addColumn('definition', 'text', (c) => c.notNull())
    .addColumn('member_count', 'integer', (c) => c.notNull())
    // 'building' while a full evaluation runs behind build_cursor (the last root id done), else 'ready'.
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('build_cursor', 'text')
    .addColumn('build_done', 'integer', (c) => c.notNull())
    .addColumn('build_total', 'integer', (c) => c.notNull())
    // When the members last reflected every person (the end of the last full evaluation).
    .addColumn('built_at', 'text')
    // A static snapshot taken of a live segment names it.
    .addColumn('snapshot_of', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('customer_segments_workspace').on('customer_segments').columns(['workspace_id', 'created_at']).execute();

  await db.schema.createTable('customer_segment_members')
    .addColumn('segment_id', 'text', (c) => c.notNull().references('customer_segments.id').onDelete('cascade'))
    .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id').onDelete('cascade'))
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('added_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('customer_segment_members_pk', ['segment_id', 'customer_id'])
    .execute();
  await db.schema.createIndex('customer_segment_members_person').on('customer_segment_members').columns(['customer_id']).execute();

  // Members per day (UTC), written whenever the count changes: the trend without re-evaluating history.
  await db.schema.createTable('customer_segment_counts')
    .addColumn('segment_id', 'text', (c) => c.notNull().references('customer_segments.id').onDelete('cascade'))
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('members', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('customer_segment_counts_pk', ['segment_id', 'day'])
    .execute();

  // People to re-evaluate for reasons other than a new event (merge, unmerge, survey answer, trait rule change).
  await db.schema.createTable('customer_segment_queue')
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('customer_id', 'text', (c) => c.notNull())
    .addColumn('queued_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('customer_segment_queue_pk', ['workspace_id', 'customer_id'])
    .execute();

  // Background cursors of the customers module; 'segments.events' is the watermark over customer_events (id order).
  await db.schema.createTable('customer_jobs')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('cursor', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('customers_roots').execute();
  for (const t of ['customer_jobs', 'customer_segment_queue', 'customer_segment_counts', 'customer_segment_members', 'customer_segments']) await db.schema.dropTable(t).execute();
}
