/**
 * The cube's settings: the time zone its days are counted in and the metadata keys it analyses.
 * Changing either rebuilds the workspace's cube from its responses in the same transaction, so
 * no query ever sees a cube counted two ways.
 */
import type { Deps } from '../../deps.js';
import type { Actor } from '../../platform/http/access.js';
import { writeAudit } from '../../platform/audit.js';
import { lockAgainstWrites } from '../../platform/db/dialect.js';
import type { Trx } from '../../schema.js';
import { CubeDelta, type CubeSettings, type CubeSource } from './cube.js';
import { applyDelta, clearCube, findSettings, saveSettings } from './metrics.repo.js';

export async function getMetricSettings(deps: Deps, workspaceId: string) {
  return findSettings(deps.db, workspaceId);
}

/** `force` recounts even when nothing changed (the CLI's `metrics recount`); `onProgress` gets responses counted so far. */
export async function updateMetricSettings(deps: Deps, ctx: { workspaceId: string; actor: Actor }, patch: Partial<CubeSettings>, opts: { force?: boolean; onProgress?: (done: number) => void } = {}) {
  const started = Date.now();
  const current = await findSettings(deps.db, ctx.workspaceId);
  const next: CubeSettings = { timeZone: patch.timeZone ?? current.timeZone, dimensions: [...new Set(patch.dimensions ?? current.dimensions)] };
  const unchanged = next.timeZone === current.timeZone && next.dimensions.join('\u0001') === current.dimensions.join('\u0001');
  let rebuilt = null;
  if (!unchanged || !current.updatedAt || opts.force) {
    rebuilt = await deps.db.transaction().execute(async (trx) => {
      await saveSettings(trx, ctx.workspaceId, next, new Date().toISOString());
      const r = await rebuildCube(deps, trx, ctx.workspaceId, next, opts.onProgress);
      await writeAudit(trx, { workspaceId: ctx.workspaceId, actor: ctx.actor, action: 'metrics.settings_updated', targetType: 'workspace', targetId: ctx.workspaceId, details: { ...next, rebuiltFrom: r.responses } });
      return r;
    });
  }
  return { ...(await findSettings(deps.db, ctx.workspaceId)), rebuilt: rebuilt && { ...rebuilt, seconds: (Date.now() - started) / 1000 } };
}

const PAGE = 100_000;

/** Recounts a workspace's cube from its responses (inside the caller's transaction). */
export async function rebuildCube(deps: Deps, trx: Trx, workspaceId: string, settings: CubeSettings, onProgress?: (done: number) => void) {
  // Responses committed while we count would be counted twice or not at all: hold writers off.
  await lockAgainstWrites(trx, deps.kind, 'responses');
  await clearCube(trx, workspaceId);
  let after: { created_at: string; id: string } | null = null;
  let responses = 0, cells = 0;
  for (;;) {
    // Pages in (created_at, id) order along the (workspace_id, created_at) index: ordering by id
    // alone made SQLite sort the whole workspace for every page. A page then spans few days.
    let query = trx.selectFrom('responses')
      .select(['id', 'workspace_id', 'survey_id', 'status', 'channel', 'touchpoint', 'language', 'metadata', 'nps', 'csat', 'ces', 'created_at'])
      .where('workspace_id', '=', workspaceId);
    if (after) { const a = after; query = query.where((eb) => eb.or([eb('created_at', '>', a.created_at), eb.and([eb('created_at', '=', a.created_at), eb('id', '>', a.id)])])); }
    const rows = await query.orderBy('created_at').orderBy('id').limit(PAGE).execute();
    // One delta per page keeps memory flat at any size (a page spans a few days, so its cells
    // are few); a cell touched by several pages is simply added to.
    const delta = new CubeDelta();
    for (const r of rows) delta.add(r as CubeSource, settings);
    cells += await applyDelta(trx, delta);
    responses += rows.length;
    onProgress?.(responses);
    if (rows.length < PAGE) break;
    after = { created_at: rows[rows.length - 1].created_at, id: rows[rows.length - 1].id };
  }
  return { responses, cellWrites: cells };
}
