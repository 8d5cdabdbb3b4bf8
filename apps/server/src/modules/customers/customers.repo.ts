/** SQL of the customers module. A person is the cluster of profiles with id = root or merged_into = root. */
import type { Kysely } from 'kysely';
import type SQLite from 'better-sqlite3';
import type { DB, Db, Trx } from '../../schema.js';
import { sqliteHandleOf, updateRowsById } from '../../platform/db/dialect.js';
import type { CustomerEventsTable, CustomerIdentifiersTable, CustomerMergesTable, CustomersTable } from './customers.tables.js';

type Q = Kysely<DB> | Trx;
const IN_CHUNK = 500;

/** Items in runs of at most `size`, for IN lists every store accepts. */
export function chunks<T>(items: T[], size = IN_CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * The ids of a person's profiles: the root, then those merged into it, oldest first. Two index
 * look-ups, never `id = ? OR merged_into = ?`: SQLite may answer that OR by walking the workspace.
 */
export async function clusterMembers(db: Q, workspaceId: string, root: string): Promise<string[]> {
  const merged = await db.selectFrom('customers').select(['id', 'created_at']).where('workspace_id', '=', workspaceId).where('merged_into', '=', root).execute();
  const self = await db.selectFrom('customers').select(['id', 'created_at']).where('id', '=', root).where('workspace_id', '=', workspaceId).execute();
  return [...self, ...merged].sort((a, b) => (a.created_at < b.created_at ? -1 : a.created_at > b.created_at ? 1 : a.id < b.id ? -1 : 1)).map((r) => r.id);
}

export async function verifiedOwners(db: Q, workspaceId: string, hashes: string[]) {
  const out: { kind: string; source: string; hash: string; customer_id: string }[] = [];
  for (const part of chunks(hashes)) {
    const rows = await db.selectFrom('customer_identifiers').select(['kind', 'source', 'value_hash', 'customer_id'])
      .where('workspace_id', '=', workspaceId).where('value_hash', 'in', part).where('verified', '=', 1).execute();
    for (const r of rows) out.push({ kind: r.kind, source: r.source, hash: r.value_hash, customer_id: r.customer_id });
  }
  return out;
}

export async function rootOf(db: Q, workspaceId: string, id: string): Promise<string | undefined> {
  const row = await db.selectFrom('customers').select(['id', 'merged_into']).where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
  return row ? (row.merged_into ?? row.id) : undefined;
}

export async function clusterHasSource(db: Q, workspaceId: string, root: string, source: string): Promise<boolean> {
  // From the person's profiles to their identifiers (a few rows), never a scan of the workspace's
  // external ids of that source: the workspace filter is left out on purpose, so the planner cannot
  // pick the (workspace, kind, source, hash) index and walk every external id of the source.
  const members = await clusterMembers(db, workspaceId, root);
  const rows = await db.selectFrom('customer_identifiers').select(['kind', 'source', 'verified']).where('customer_id', 'in', members).execute();
  return rows.some((r) => r.kind === 'external' && r.source === source && r.verified === 1);
}

/** Do the two people hold different external ids of one source? */
export async function sourcesConflict(db: Q, workspaceId: string, a: string, b: string): Promise<boolean> {
  const externals = async (root: string) => (await db.selectFrom('customer_identifiers').select(['kind', 'source', 'value_hash', 'verified'])
    .where('customer_id', 'in', await clusterMembers(db, workspaceId, root)).execute()).filter((r) => r.kind === 'external' && r.verified === 1);
  const [ea, eb] = await Promise.all([externals(a), externals(b)]);
  return ea.some((x) => eb.some((y) => y.source === x.source && y.value_hash !== x.value_hash));
}

/** Did a user undo a merge between profiles of these two people? Then rules never join them again. */
export async function wasSplit(db: Q, workspaceId: string, a: string, b: string): Promise<boolean> {
  const [ma, mb] = await Promise.all([clusterMembers(db, workspaceId, a), clusterMembers(db, workspaceId, b)]);
  const row = await db.selectFrom('customer_merges').select('id').where('workspace_id', '=', workspaceId).where('unmerged_at', 'is not', null)
    .where((eb) => eb.or([
      eb.and([eb('survivor_id', 'in', ma), eb('absorbed_id', 'in', mb)]),
      eb.and([eb('survivor_id', 'in', mb), eb('absorbed_id', 'in', ma)]),
    ])).limit(1).executeTakeFirst();
  return !!row;
}

export async function reRoot(db: Q, workspaceId: string, absorbed: string, survivor: string) {
  await db.updateTable('customers').set({ merged_into: survivor }).where('workspace_id', '=', workspaceId).where('merged_into', '=', absorbed).execute();
  await db.updateTable('customers').set({ merged_into: survivor }).where('workspace_id', '=', workspaceId).where('id', '=', absorbed).execute();
}

export const insertMerge = (db: Q, row: CustomerMergesTable) => db.insertInto('customer_merges').values(row).execute();
export async function insertProfiles(db: Q, rows: CustomersTable[]) {
  for (const part of chunks(rows, 200)) await db.insertInto('customers').values(part).execute();
}
export async function insertIdentifiers(db: Q, rows: CustomerIdentifiersTable[]) {
  for (const part of chunks(rows, 300)) await db.insertInto('customer_identifiers').values(part).execute();
}

export async function profileHasIdentifier(db: Q, profileId: string, kind: string, hash: string): Promise<boolean> {
  return !!(await db.selectFrom('customer_identifiers').select('id').where('customer_id', '=', profileId).where('kind', '=', kind as never).where('value_hash', '=', hash).limit(1).executeTakeFirst());
}

export async function profileRows(db: Q, ids: string[]): Promise<CustomersTable[]> {
  const out: CustomersTable[] = [];
  for (const part of chunks(ids)) out.push(...(await db.selectFrom('customers').selectAll().where('id', 'in', part).execute()));
  return out;
}

/** A batch's changed profiles (hundreds): one statement per 500 on PostgreSQL, a cached UPDATE each on SQLite. */
export async function updateProfiles(db: Q, rows: { id: string; patch: Partial<CustomersTable> }[]) {
  await updateRowsById(db, 'customers', rows, { order_count: 'integer' });
}

export async function replaceNameTokens(db: Q, workspaceId: string, customerId: string, tokenHashes: string[]) {
  await db.deleteFrom('customer_name_tokens').where('customer_id', '=', customerId).execute();
  if (tokenHashes.length) await db.insertInto('customer_name_tokens')
    .values([...new Set(tokenHashes)].map((token_hash) => ({ workspace_id: workspaceId, token_hash, customer_id: customerId }))).execute();
}

/** Which of these idempotency keys the workspace has stored already. */
export async function storedKeys(db: Q, workspaceId: string, keys: string[]): Promise<Set<string>> {
  const out = new Set<string>();
  for (const part of chunks(keys)) {
    for (const r of await db.selectFrom('customer_events').select('idempotency_key').where('workspace_id', '=', workspaceId).where('idempotency_key', 'in', part).execute()) out.add(r.idempotency_key);
  }
  return out;
}

const EVENT_COLUMNS = ['id', 'workspace_id', 'customer_id', 'type', 'name', 'properties', 'revenue', 'currency', 'idempotency_key', 'transport', 'occurred_at', 'received_at'] as const;
const eventInserts = new WeakMap<SQLite.Database, SQLite.Statement>();

/**
 * Stores a batch's events inside `trx`. On SQLite one prepared single-row INSERT per event on the
 * one connection (building and compiling a multi-row INSERT costs more than running it); on
 * PostgreSQL multi-row INSERTs (one round trip per 200 rows).
 */
export async function insertEvents(db: Db, trx: Trx, rows: CustomerEventsTable[]) {
  const handle = sqliteHandleOf(db);
  if (handle) {
    if (!handle.inTransaction) throw new Error('insertEvents must run inside a transaction');
    let stmt = eventInserts.get(handle);
    if (!stmt) {
      stmt = handle.prepare(`INSERT INTO customer_events (${EVENT_COLUMNS.join(', ')}) VALUES (${EVENT_COLUMNS.map(() => '?').join(', ')})`);
      eventInserts.set(handle, stmt);
    }
    for (const row of rows) stmt.run(EVENT_COLUMNS.map((c) => row[c]));
    return;
  }
  for (const part of chunks(rows, 200)) await trx.insertInto('customer_events').values(part).execute();
}

export async function identifiersOf(db: Q, profileIds: string[]) {
  if (!profileIds.length) return [];
  return db.selectFrom('customer_identifiers').selectAll().where('customer_id', 'in', profileIds).orderBy('created_at').orderBy('id').execute();
}

/** Profiles whose identifiers hash to one of these values, as roots. */
export async function rootsByIdentifierHash(db: Q, workspaceId: string, hashes: string[]): Promise<string[]> {
  if (!hashes.length) return [];
  const rows = await db.selectFrom('customer_identifiers as i').innerJoin('customers as c', 'c.id', 'i.customer_id')
    .select(['c.id', 'c.merged_into']).where('i.workspace_id', '=', workspaceId).where('i.value_hash', 'in', hashes).execute();
  return [...new Set(rows.map((r) => r.merged_into ?? r.id))];
}

/** Profiles whose name has every one of these tokens, as roots. */
export async function rootsByNameTokens(db: Q, workspaceId: string, tokenHashes: string[], limit: number): Promise<string[]> {
  if (!tokenHashes.length) return [];
  const rows = await db.selectFrom('customer_name_tokens as t').innerJoin('customers as c', 'c.id', 't.customer_id')
    .select(['c.id', 'c.merged_into']).where('t.workspace_id', '=', workspaceId).where('t.token_hash', 'in', tokenHashes)
    .groupBy(['c.id', 'c.merged_into']).having((eb) => eb.fn.countAll(), '=', tokenHashes.length).limit(limit * 4).execute();
  return [...new Set(rows.map((r) => r.merged_into ?? r.id))];
}

export async function recentRoots(db: Q, workspaceId: string, limit: number): Promise<string[]> {
  const rows = await db.selectFrom('customers').select('id').where('workspace_id', '=', workspaceId).where('merged_into', 'is', null)
    .orderBy('last_seen_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
  return rows.map((r) => r.id);
}

/** Every profile of these people (roots, then the profiles merged into them), oldest first. */
export async function clustersOf(db: Q, workspaceId: string, roots: string[]): Promise<CustomersTable[]> {
  const out: CustomersTable[] = [];
  for (const part of chunks(roots)) {
    // By the primary key alone, the workspace checked on the rows: given `workspace_id = ? AND id IN
    // (5 or more)`, SQLite without statistics walks the whole workspace through a (workspace_id, …)
    // index instead (2.5 s at 1M profiles, on the thread that serves every request).
    out.push(...(await db.selectFrom('customers').selectAll().where('id', 'in', part).execute()).filter((r) => r.workspace_id === workspaceId));
    out.push(...(await db.selectFrom('customers').selectAll().where('workspace_id', '=', workspaceId).where('merged_into', 'in', part).execute()));
  }
  return out.sort((a, b) => (a.created_at < b.created_at ? -1 : a.created_at > b.created_at ? 1 : a.id < b.id ? -1 : 1));
}

export async function mergesOf(db: Q, workspaceId: string, members: string[]) {
  if (!members.length) return [];
  const rows = [
    ...(await db.selectFrom('customer_merges').selectAll().where('workspace_id', '=', workspaceId).where('survivor_id', 'in', members).execute()),
    ...(await db.selectFrom('customer_merges').selectAll().where('workspace_id', '=', workspaceId).where('absorbed_id', 'in', members).execute()),
  ];
  const unique = [...new Map(rows.map((r) => [r.id, r])).values()];
  return unique.sort((a, b) => (a.merged_at !== b.merged_at ? (a.merged_at < b.merged_at ? 1 : -1) : a.id < b.id ? 1 : -1));
}

export async function traitDefinitions(db: Q, workspaceId: string) {
  return db.selectFrom('customer_trait_definitions').selectAll().where('workspace_id', '=', workspaceId).orderBy('key').execute();
}

/** Events of these profiles before a (time, id) cursor, newest first. */
export async function eventsBefore(db: Q, members: string[], types: string[] | null, cursor: { at: string; id: string } | null, limit: number) {
  let q = db.selectFrom('customer_events').selectAll().where('customer_id', 'in', members);
  if (types) q = q.where('type', 'in', types as never[]);
  if (cursor) q = q.where((eb) => eb.or([eb('occurred_at', '<', cursor.at), eb.and([eb('occurred_at', '=', cursor.at), eb('id', '<', cursor.id)])]));
  return q.orderBy('occurred_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
}
