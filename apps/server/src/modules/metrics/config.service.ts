/**
 * What a CX team sets beside its numbers: targets ("NPS ≥ 50 by 2027-06-30"), benchmark values
 * from outside (with source and date) and the weights of the composite CX index, whose every
 * change is kept as a new version so an old chart can say which weights it used.
 */
import type { Benchmark, BenchmarkInput, CxIndexVersion, CxIndexWeights, Target, TargetInput } from '@touchpoint/shared';
import type { Deps } from '../../deps.js';
import type { Actor } from '../../platform/http/access.js';
import { writeAudit } from '../../platform/audit.js';
import { newId } from '../../platform/crypto/tokens.js';
import { notFound } from '../../platform/http/errors.js';
import { isUniqueViolation } from '../../platform/db/dialect.js';
import type { Db } from '../../schema.js';

interface Ctx { workspaceId: string; actor: Actor }
/**
 * Used until a workspace sets its own: the three headline metrics weigh the same. Sentiment
 * weighs 0 until someone gives it a weight, so the index does not shift when analysis starts.
 */
export const DEFAULT_WEIGHTS: CxIndexWeights = { nps: 1, csat: 1, ces: 1, sentiment: 0 };
/** Versions saved before sentiment joined the index have no sentiment weight: 0. */
const readWeights = (json: string): CxIndexWeights => ({ sentiment: 0, ...JSON.parse(json) });

export async function listTargets(deps: Deps, workspaceId: string): Promise<Target[]> {
  const rows = await deps.db.selectFrom('metric_targets').selectAll().where('workspace_id', '=', workspaceId).orderBy('due').orderBy('id').execute();
  return rows.map((r) => ({ id: r.id, metric: r.metric as Target['metric'], operator: r.operator as Target['operator'], value: Number(r.value), due: r.due, surveyId: r.survey_id, createdAt: r.created_at }));
}

export async function createTarget(deps: Deps, ctx: Ctx, input: TargetInput): Promise<Target> {
  const row = { id: newId(), workspace_id: ctx.workspaceId, metric: input.metric, survey_id: input.surveyId, operator: input.operator, value: input.value, due: input.due, created_at: new Date().toISOString() };
  await deps.db.transaction().execute(async (trx) => {
    await trx.insertInto('metric_targets').values(row).execute();
    await writeAudit(trx, { workspaceId: ctx.workspaceId, actor: ctx.actor, action: 'metrics.target_created', targetType: 'metric_target', targetId: row.id, details: { ...input } });
  });
  return { ...input, id: row.id, createdAt: row.created_at };
}

export async function listBenchmarks(deps: Deps, workspaceId: string): Promise<Benchmark[]> {
  const rows = await deps.db.selectFrom('metric_benchmarks').selectAll().where('workspace_id', '=', workspaceId).orderBy('metric').orderBy('as_of', 'desc').execute();
  return rows.map((r) => ({ id: r.id, metric: r.metric as Benchmark['metric'], kind: r.kind as Benchmark['kind'], label: r.label, value: Number(r.value), source: r.source, asOf: r.as_of, createdAt: r.created_at }));
}

export async function createBenchmark(deps: Deps, ctx: Ctx, input: BenchmarkInput): Promise<Benchmark> {
  const row = { id: newId(), workspace_id: ctx.workspaceId, metric: input.metric, kind: input.kind, label: input.label, value: input.value, source: input.source, as_of: input.asOf, created_at: new Date().toISOString() };
  await deps.db.transaction().execute(async (trx) => {
    await trx.insertInto('metric_benchmarks').values(row).execute();
    await writeAudit(trx, { workspaceId: ctx.workspaceId, actor: ctx.actor, action: 'metrics.benchmark_created', targetType: 'metric_benchmark', targetId: row.id, details: { ...input } });
  });
  return { ...input, id: row.id, createdAt: row.created_at };
}

/** Deletes a target or benchmark of this workspace (404 for anyone else's). */
export async function deleteConfig(deps: Deps, ctx: Ctx, table: 'metric_targets' | 'metric_benchmarks', id: string): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const r = await trx.deleteFrom(table).where('workspace_id', '=', ctx.workspaceId).where('id', '=', id).executeTakeFirst();
    if (!Number(r.numDeletedRows)) throw notFound(table === 'metric_targets' ? 'target' : 'benchmark');
    await writeAudit(trx, { workspaceId: ctx.workspaceId, actor: ctx.actor, action: table === 'metric_targets' ? 'metrics.target_deleted' : 'metrics.benchmark_deleted', targetType: table.slice(0, -1), targetId: id });
  });
}

export async function cxIndexHistory(db: Db, workspaceId: string): Promise<CxIndexVersion[]> {
  const rows = await db.selectFrom('cx_index_versions').selectAll().where('workspace_id', '=', workspaceId).orderBy('version', 'desc').execute();
  return rows.map((r) => ({ version: Number(r.version), weights: readWeights(r.weights), createdAt: r.created_at, createdBy: r.created_by }));
}

export async function currentWeights(db: Db, workspaceId: string): Promise<{ version: number; weights: CxIndexWeights }> {
  const row = await db.selectFrom('cx_index_versions').select(['version', 'weights']).where('workspace_id', '=', workspaceId).orderBy('version', 'desc').limit(1).executeTakeFirst();
  return row ? { version: Number(row.version), weights: readWeights(row.weights) } : { version: 0, weights: DEFAULT_WEIGHTS };
}

export async function setWeights(deps: Deps, ctx: Ctx, weights: CxIndexWeights): Promise<CxIndexVersion> {
  try {
    return await insertWeights(deps, ctx, weights);
  } catch (err) {
    // Two people saved at once and both took the next version number: the second one retries.
    if (!isUniqueViolation(err)) throw err;
    return insertWeights(deps, ctx, weights);
  }
}

function insertWeights(deps: Deps, ctx: Ctx, weights: CxIndexWeights): Promise<CxIndexVersion> {
  return deps.db.transaction().execute(async (trx) => {
    const last = await trx.selectFrom('cx_index_versions').select('version').where('workspace_id', '=', ctx.workspaceId).orderBy('version', 'desc').limit(1).executeTakeFirst();
    const v = { workspace_id: ctx.workspaceId, version: Number(last?.version ?? 0) + 1, weights: JSON.stringify(weights), created_by: ctx.actor.label, created_at: new Date().toISOString() };
    await trx.insertInto('cx_index_versions').values(v).execute();
    await writeAudit(trx, { workspaceId: ctx.workspaceId, actor: ctx.actor, action: 'metrics.cx_index_weights_set', targetType: 'workspace', targetId: ctx.workspaceId, details: { version: v.version, weights } });
    return { version: v.version, weights, createdAt: v.created_at, createdBy: v.created_by };
  });
}
