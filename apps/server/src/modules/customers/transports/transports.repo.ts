/** SQL of the broker transports: per workspace, whether each is on, and what arrived through it. */
import type { Kysely } from 'kysely';
import type { BrokerTransport, TransportError } from '@touchpoint/shared';
import type { DB, Trx } from '../../../schema.js';

type Q = Kysely<DB> | Trx;

/** The last problems kept per workspace and transport (newest first). */
export const MAX_KEPT_ERRORS = 20;

export const transportRows = (db: Q, workspaceId: string) =>
  db.selectFrom('customer_transports').selectAll().where('workspace_id', '=', workspaceId).execute();

export async function isEnabled(db: Q, workspaceId: string, transport: BrokerTransport): Promise<boolean> {
  const row = await db.selectFrom('customer_transports').select('enabled')
    .where('workspace_id', '=', workspaceId).where('transport', '=', transport).executeTakeFirst();
  return row?.enabled === 1;
}

export async function setEnabled(trx: Trx, workspaceId: string, transport: BrokerTransport, enabled: boolean, now: string): Promise<void> {
  const moved = await trx.updateTable('customer_transports').set({ enabled: enabled ? 1 : 0, updated_at: now })
    .where('workspace_id', '=', workspaceId).where('transport', '=', transport).executeTakeFirst();
  if (Number(moved.numUpdatedRows)) return;
  await trx.insertInto('customer_transports').values({
    workspace_id: workspaceId, transport, enabled: enabled ? 1 : 0, messages: 0, accepted: 0, duplicates: 0, invalid: 0,
    errors: '[]', last_message_at: null, updated_at: now,
  }).execute();
}

export interface Counts { messages: number; accepted: number; duplicates: number; invalid: number }

/**
 * Adds to the counters (and the newest problems to the kept ones) in the caller's transaction. The
 * counters' UPDATE comes first: it locks the row, so on PostgreSQL two transactions adding problems
 * at once read and rewrite the list one after the other instead of one losing the other's.
 */
export async function addCounts(trx: Trx, workspaceId: string, transport: BrokerTransport, counts: Counts, errors: TransportError[], now: string): Promise<void> {
  const row = () => trx.updateTable('customer_transports').where('workspace_id', '=', workspaceId).where('transport', '=', transport);
  await row().set((eb) => ({
    messages: eb('messages', '+', counts.messages),
    accepted: eb('accepted', '+', counts.accepted),
    duplicates: eb('duplicates', '+', counts.duplicates),
    invalid: eb('invalid', '+', counts.invalid),
    last_message_at: now, updated_at: now,
  })).execute();
  if (!errors.length) return;
  const current = await trx.selectFrom('customer_transports').select('errors')
    .where('workspace_id', '=', workspaceId).where('transport', '=', transport).executeTakeFirst();
  const before = current ? (JSON.parse(current.errors) as TransportError[]) : [];
  await row().set({ errors: JSON.stringify([...errors.slice(-MAX_KEPT_ERRORS).reverse(), ...before].slice(0, MAX_KEPT_ERRORS)) }).execute();
}
