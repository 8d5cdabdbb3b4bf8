/** Custom dashboards: a name and tiles; the filters live in the URL, not in the dashboard. */
import type { Dashboard, DashboardInput } from '@touchpoint/shared';
import type { Deps } from '../../deps.js';
import type { Actor } from '../../platform/http/access.js';
import { writeAudit } from '../../platform/audit.js';
import { newId } from '../../platform/crypto/tokens.js';
import { conflict, notFound } from '../../platform/http/errors.js';
import type { DashboardsTable } from './dashboards.tables.js';
import { OVERVIEW_ID, overviewDashboard } from './overview.js';

interface Ctx { workspaceId: string; actor: Actor }
type Listed = Dashboard & { builtIn: boolean };

const present = (r: DashboardsTable): Listed => ({ id: r.id, name: r.name, tiles: JSON.parse(r.tiles), createdAt: r.created_at, updatedAt: r.updated_at, builtIn: false });

export async function listDashboards(deps: Deps, workspaceId: string): Promise<Listed[]> {
  const rows = await deps.db.selectFrom('dashboards').selectAll().where('workspace_id', '=', workspaceId).orderBy('created_at').orderBy('id').execute();
  return [overviewDashboard(), ...rows.map(present)];
}

export async function getDashboard(deps: Deps, workspaceId: string, id: string): Promise<Listed> {
  if (id === OVERVIEW_ID) return overviewDashboard();
  const row = await deps.db.selectFrom('dashboards').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('dashboard');
  return present(row);
}

export async function createDashboard(deps: Deps, ctx: Ctx, input: DashboardInput): Promise<Listed> {
  const now = new Date().toISOString();
  const row = { id: newId(), workspace_id: ctx.workspaceId, name: input.name, tiles: JSON.stringify(input.tiles), created_at: now, updated_at: now };
  await deps.db.transaction().execute(async (trx) => {
    await trx.insertInto('dashboards').values(row).execute();
    await writeAudit(trx, { workspaceId: ctx.workspaceId, actor: ctx.actor, action: 'dashboard.created', targetType: 'dashboard', targetId: row.id, details: { name: input.name, tiles: input.tiles.length } });
  });
  return present(row);
}

export async function updateDashboard(deps: Deps, ctx: Ctx, id: string, input: DashboardInput): Promise<Listed> {
  if (id === OVERVIEW_ID) throw conflict('built_in', 'the Overview dashboard is built in: save a copy to change it');
  await deps.db.transaction().execute(async (trx) => {
    const r = await trx.updateTable('dashboards').set({ name: input.name, tiles: JSON.stringify(input.tiles), updated_at: new Date().toISOString() })
      .where('workspace_id', '=', ctx.workspaceId).where('id', '=', id).executeTakeFirst();
    if (!Number(r.numUpdatedRows)) throw notFound('dashboard');
    await writeAudit(trx, { workspaceId: ctx.workspaceId, actor: ctx.actor, action: 'dashboard.updated', targetType: 'dashboard', targetId: id, details: { name: input.name, tiles: input.tiles.length } });
  });
  return getDashboard(deps, ctx.workspaceId, id);
}

export async function deleteDashboard(deps: Deps, ctx: Ctx, id: string): Promise<void> {
  if (id === OVERVIEW_ID) throw conflict('built_in', 'the Overview dashboard is built in and cannot be deleted');
  await deps.db.transaction().execute(async (trx) => {
    const r = await trx.deleteFrom('dashboards').where('workspace_id', '=', ctx.workspaceId).where('id', '=', id).executeTakeFirst();
    if (!Number(r.numDeletedRows)) throw notFound('dashboard');
    await writeAudit(trx, { workspaceId: ctx.workspaceId, actor: ctx.actor, action: 'dashboard.deleted', targetType: 'dashboard', targetId: id });
  });
}
