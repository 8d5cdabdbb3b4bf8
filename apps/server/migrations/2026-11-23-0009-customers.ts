/**
 * Frozen once merged: never import application code here, never edit; add a new file instead.
 * Customer 360. A person is a cluster of profiles: each profile keeps what arrived under its own
 * identifiers (traits with the time they were set, consents, counters), and `merged_into` names
 * the cluster's root (null on the root itself). Merging moves no events and rewrites no traits,
 * so it costs a few row updates at any history size, and unmerging only re-points roots.
 * Identifiers are encrypted with a keyed hash for look-ups; a verified one belongs to one profile
 * (partial unique index), an unverified one may repeat and never merges anybody.
 */
import { Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createTable('customers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('merged_into', 'text')
    .addColumn('name_enc', 'text')
    // { key: { v, at } }: every value with the event time that set it, for the merge rules.
    .addColumn('traits', 'text', (c) => c.notNull())
    // { purpose: { granted, at } }
    .addColumn('consents', 'text', (c) => c.notNull())
    // { currency: revenue } of this profile's own orders.
    .addColumn('revenue', 'text', (c) => c.notNull())
    .addColumn('order_count', 'integer', (c) => c.notNull())
    .addColumn('first_seen_at', 'text')
    .addColumn('last_seen_at', 'text')
    .addColumn('churn_risk', 'double precision')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('customers_cluster').on('customers').columns(['workspace_id', 'merged_into']).execute();
  await db.schema.createIndex('customers_recent').on('customers').columns(['workspace_id', 'last_seen_at']).execute();

  await db.schema.createTable('customer_identifiers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('value_hash', 'text', (c) => c.notNull())
    .addColumn('value_enc', 'text', (c) => c.notNull())
    .addColumn('verified', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('customer_identifiers_unique').on('customer_identifiers')
    .columns(['workspace_id', 'kind', 'source', 'value_hash']).unique().where(sql.ref('verified'), '=', 1).execute();
  await db.schema.createIndex('customer_identifiers_lookup').on('customer_identifiers').columns(['workspace_id', 'value_hash']).execute();
  await db.schema.createIndex('customer_identifiers_profile').on('customer_identifiers').columns(['customer_id']).execute();

  // Blind index of name tokens (words; Chinese characters after script folding), for search.
  await db.schema.createTable('customer_name_tokens')
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull())
    .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('customer_name_tokens_pk', ['workspace_id', 'token_hash', 'customer_id'])
    .execute();
  await db.schema.createIndex('customer_name_tokens_profile').on('customer_name_tokens').columns(['customer_id']).execute();

  await db.schema.createTable('customer_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id').onDelete('cascade'))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('name', 'text')
    .addColumn('properties', 'text', (c) => c.notNull())
    .addColumn('revenue', 'double precision')
    .addColumn('currency', 'text')
    .addColumn('idempotency_key', 'text', (c) => c.notNull())
    .addColumn('transport', 'text', (c) => c.notNull())
    .addColumn('occurred_at', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('customer_events_key').on('customer_events').columns(['workspace_id', 'idempotency_key']).unique().execute();
  await db.schema.createIndex('customer_events_timeline').on('customer_events').columns(['customer_id', 'occurred_at', 'id']).execute();
  await db.schema.createIndex('customer_events_name').on('customer_events').columns(['workspace_id', 'type', 'name', 'occurred_at']).execute();

  await db.schema.createTable('customer_merges')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('survivor_id', 'text', (c) => c.notNull().references('customers.id').onDelete('cascade'))
    .addColumn('absorbed_id', 'text', (c) => c.notNull().references('customers.id').onDelete('cascade'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('merged_at', 'text', (c) => c.notNull())
    .addColumn('unmerged_at', 'text')
    .addColumn('unmerged_by', 'text')
    .execute();
  await db.schema.createIndex('customer_merges_survivor').on('customer_merges').columns(['survivor_id']).execute();
  await db.schema.createIndex('customer_merges_absorbed').on('customer_merges').columns(['absorbed_id']).execute();

  // File imports (CSV or JSONL) run in the background behind a byte cursor, moved in the same
  // transaction as the events it covers: a crash repeats nothing and loses nothing.
  await db.schema.createTable('customer_imports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('file_hash', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'bigint', (c) => c.notNull())
    .addColumn('columns', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('cursor_bytes', 'bigint', (c) => c.notNull())
    .addColumn('records', 'integer', (c) => c.notNull())
    .addColumn('accepted', 'integer', (c) => c.notNull())
    .addColumn('duplicates', 'integer', (c) => c.notNull())
    .addColumn('invalid', 'integer', (c) => c.notNull())
    .addColumn('errors', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .execute();
  await db.schema.createIndex('customer_imports_workspace').on('customer_imports').columns(['workspace_id', 'created_at']).execute();

  // A profile's survey answers: by the customer id a response carries, and by its respondent.
  // Partial: most responses carry neither, and those cost the ingest path no index entry.
  await db.schema.createIndex('responses_customer').on('responses').columns(['workspace_id', 'customer_external_id', 'created_at'])
    .where(sql.ref('customer_external_id'), 'is not', null).execute();
  await db.schema.createIndex('responses_respondent').on('responses').columns(['respondent_id', 'created_at'])
    .where(sql.ref('respondent_id'), 'is not', null).execute();

  await db.schema.createTable('customer_trait_definitions')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('rule', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('customer_trait_definitions_pk', ['workspace_id', 'key'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const i of ['responses_customer', 'responses_respondent']) await db.schema.dropIndex(i).execute();
  for (const t of ['customer_imports', 'customer_trait_definitions', 'customer_merges', 'customer_events', 'customer_name_tokens', 'customer_identifiers', 'customers']) await db.schema.dropTable(t).execute();
}
