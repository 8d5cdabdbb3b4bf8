/** SQL of the initiatives module: the portfolio's rows, every query scoped to its workspace. */
import type { Db, Trx } from '../../schema.js';
import type { InitiativesTable } from './initiatives.tables.js';

type Q = Db | Trx;

export const insertInitiative = (db: Q, row: InitiativesTable) => db.insertInto('initiatives').values(row).execute();

export const findInitiative = (db: Q, workspaceId: string, id: string) =>
  db.selectFrom('initiatives').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();

export function listInitiatives(db: Q, workspaceId: string, filters: { status?: string; priority?: string; area?: string }) {
  let q = db.selectFrom('initiatives').selectAll().where('workspace_id', '=', workspaceId);
  if (filters.status) q = q.where('status', '=', filters.status);
  if (filters.priority) q = q.where('priority', '=', filters.priority);
  if (filters.area) q = q.where('area', '=', filters.area);
  return q.orderBy('created_at').orderBy('id').execute();
}

/** Writes only if the row is still at `version` (and bumps it); false: someone changed it meanwhile. */
export async function updateAtVersion(db: Q, workspaceId: string, id: string, version: number, patch: Partial<InitiativesTable>): Promise<boolean> {
  const r = await db.updateTable('initiatives').set({ ...patch, version: version + 1 })
    .where('workspace_id', '=', workspaceId).where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export const deleteInitiative = (db: Q, workspaceId: string, id: string) =>
  db.deleteFrom('initiatives').where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
