/**
 * The cube's settings: the time zone its days are counted in and the metadata keys it analyses.
 * Changing either is one short transaction that starts a recount (recount.service.ts): its chunks
 * clear the old cells and count every response again in the background. Writes go on, and until
 * it finishes the numbers are computed from the responses, so no query ever sees a cube counted
 * two ways.
 */
import type { Deps } from '../../deps.js';
import type { Actor } from '../../platform/http/access.js';
import { writeAudit } from '../../platform/audit.js';
import { appendEvent } from '../../platform/events/outbox.js';
import type { CubeSettings } from './cube.js';
import { countResponses, findSettings, lockSettings, startRecount, type StoredSettings } from './metrics.repo.js';
import { runRecount } from './recount.service.js';
import type { MetricsRecounter } from './recount.runner.js';

type Ctx = { workspaceId: string; actor: Actor };

/** What GET and PUT …/metrics/settings answer (MetricSettingsView). */
const view = (s: StoredSettings) => ({ timeZone: s.timeZone, dimensions: [...s.dimensions], updatedAt: s.updatedAt, recount: s.recount });

export async function getMetricSettings(deps: Deps, workspaceId: string) {
  return view(await findSettings(deps.db, workspaceId));
}

/**
 * Saves new settings and starts their recount, run by `recounts` (the server's MetricsRecounter)
 * or by the caller (runRecount in the foreground). Unchanged settings start none, unless `force`
 * (the CLI's `metrics recount`). Returns at once, with the recount's progress.
 */
export async function updateMetricSettings(deps: Deps, ctx: Ctx, patch: Partial<CubeSettings>, opts: { force?: boolean; recounts?: Pick<MetricsRecounter, 'kick'> } = {}) {
  const current = await findSettings(deps.db, ctx.workspaceId);
  const next: CubeSettings = { timeZone: patch.timeZone ?? current.timeZone, dimensions: [...new Set(patch.dimensions ?? current.dimensions)] };
  const unchanged = next.timeZone === current.timeZone && next.dimensions.join('\u0001') === current.dimensions.join('\u0001');
  if (unchanged && current.updatedAt && !opts.force) return view(current);
  // Counted before the transaction, which must stay short: only the progress bar reads it.
  const total = await countResponses(deps.db, ctx.workspaceId);
  await deps.db.transaction().execute(async (trx) => {
    // FOR UPDATE: waits for writers that read the old settings (their cells go with the others).
    await lockSettings(trx, ctx.workspaceId, 'update', true);
    await startRecount(trx, ctx.workspaceId, next, { now: new Date().toISOString(), total });
    await writeAudit(trx, { workspaceId: ctx.workspaceId, actor: ctx.actor, action: 'metrics.settings_updated', targetType: 'workspace', targetId: ctx.workspaceId, details: { ...next, recount: { total } } });
    // Every number in another time zone or split by other keys: open dashboards refetch.
    await appendEvent(trx, ctx.workspaceId, 'metrics.settings.changed', { timeZone: next.timeZone, dimensions: next.dimensions });
  });
  deps.outbox.wake();
  opts.recounts?.kick(ctx.workspaceId);
  return getMetricSettings(deps, ctx.workspaceId);
}

/**
 * Changes the settings (recounting even when they are unchanged) and runs the whole recount here,
 * chunk by chunk: the CLI's `metrics recount` and the metrics benchmark.
 */
export async function recountNow(deps: Deps, ctx: Ctx, patch: Partial<CubeSettings>, opts: { chunkRows?: number; onProgress?: (done: number, total: number) => void } = {}) {
  const started = Date.now();
  await updateMetricSettings(deps, ctx, patch, { force: true });
  const run = await runRecount(deps, ctx.workspaceId, opts);
  return { ...(await getMetricSettings(deps, ctx.workspaceId)), rebuilt: { responses: run.done, cellWrites: run.cellWrites, seconds: (Date.now() - started) / 1000 } };
}
