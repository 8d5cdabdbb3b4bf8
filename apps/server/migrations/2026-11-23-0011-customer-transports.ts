/**
 * Frozen once merged: never import application code here, never edit; add a new file instead.
 * Customer events over brokers (MQTT, NATS JetStream): per workspace and transport, whether the
 * workspace accepts events from it (off until someone with customers.manage turns it on: a broker
 * topic names a workspace, and naming it must not be enough to write into it), and what arrived:
 * events stored, duplicates, messages refused as invalid or unauthorised, with the last errors.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createTable('customer_transports')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    // 'mqtt' | 'nats'
    .addColumn('transport', 'text', (c) => c.notNull())
    .addColumn('enabled', 'integer', (c) => c.notNull())
    .addColumn('messages', 'bigint', (c) => c.notNull())
    .addColumn('accepted', 'bigint', (c) => c.notNull())
    .addColumn('duplicates', 'bigint', (c) => c.notNull())
    .addColumn('invalid', 'bigint', (c) => c.notNull())
    // JSON [{ at, path, message }]: the last invalid messages' problems, newest first.
    .addColumn('errors', 'text', (c) => c.notNull())
    .addColumn('last_message_at', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('customer_transports_pk', ['workspace_id', 'transport'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('customer_transports').execute();
}
