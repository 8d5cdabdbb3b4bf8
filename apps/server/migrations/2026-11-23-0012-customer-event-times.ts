/**
 * Frozen once merged: never import application code here, never edit; add a new file instead.
 * Customer KPIs read a workspace's events of a time range (cohorts, churn, revenue per month).
 * Without this index that is a walk over every event the workspace ever had; with it, one range
 * of (workspace_id, occurred_at). type and customer_id ride along, so the cohort count (people
 * per month, over every event of the range) needs no look-up of the events' rows.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('customer_events_time').on('customer_events').columns(['workspace_id', 'occurred_at', 'type', 'customer_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('customer_events_time').execute();
}
