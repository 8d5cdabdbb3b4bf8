/**
 * Frozen once merged: never import application code here, never edit; add a new file instead.
 * The intake queue of customer events. An HTTP batch is validated whole, then stored here as ONE
 * row (its events as JSON, each with its idempotency key already fixed) and acknowledged (202):
 * one row per batch instead of 500 event rows under five indexes, so acknowledging is cheap and
 * durable. A background drainer applies queued batches in arrival order (identity resolution,
 * profiles, event rows) and deletes them in the same transaction; a batch that fails stays here
 * with its error and is tried again later (backing off), without holding up the rest.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createTable('customer_intake_queue')
    // Time-ordered (newTimeOrderedId): ascending id is arrival order.
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    // JSON Actor { type, id, label }: who sent it, for the audit row written when it is applied.
    .addColumn('actor', 'text', (c) => c.notNull())
    // 'http' (the other transports apply at once)
    .addColumn('transport', 'text', (c) => c.notNull())
    .addColumn('event_count', 'integer', (c) => c.notNull())
    // JSON array of validated events, each with its idempotencyKey set.
    .addColumn('events', 'text', (c) => c.notNull())
    // Failed attempts to apply it, the last error, and when to try again (null: now).
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('error', 'text')
    .addColumn('next_attempt_at', 'text')
    .addColumn('received_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('customer_intake_queue_workspace').on('customer_intake_queue').columns(['workspace_id', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('customer_intake_queue').execute();
}
