/**
 * Gap analyses (the CX evaluation framework): create, read with live current states and computed
 * gaps, change under an optimistic version, delete, and the course's example as a template. Rows are
 * stored as one JSON list in display order; each keeps its id across edits.
 */
import { GapAnalysisInput, GapRowInput, LIVE_METRIC_INFO, type GapAnalysis, type GapAnalysisPatch, type GapAnalysisSummary, type GapPeriod, type GapRow, type GapRowStored, type UiLanguage } from '@touchpoint/shared';
import type { Deps } from '../../deps.js';
import type { Actor } from '../../platform/http/access.js';
import { conflict, fromZodError, notFound } from '../../platform/http/errors.js';
import { newId } from '../../platform/crypto/tokens.js';
import { writeAudit } from '../../platform/audit.js';
import type { StrategyGapAnalysesTable } from './strategy.tables.js';
import * as repo from './strategy.repo.js';
import { computeGap } from './gap-compute.js';
import { liveReader } from './live-read.js';
import { workspaceToday } from './strategy-time.js';
import { shiftDay } from './goal-projection.js';
import { courseTemplateName, courseTemplateRows } from './gap-template.js';

export interface Ctx { workspaceId: string; actor: Actor }

const rowId = () => newId().replace(/-/g, '').slice(0, 16);

function withIds(rows: ReturnType<typeof GapRowInput.parse>[]): GapRowStored[] {
  const seen = new Set<string>();
  return rows.map((r) => {
    // A duplicated id (a copied row) gets a new one, so every row stays addressable.
    const id = r.id && !seen.has(r.id) ? r.id : rowId();
    seen.add(id);
    return { ...r, id };
  });
}

export function periodRange(period: GapPeriod, today: string): { from: string; to: string } {
  return period.kind === 'range' ? { from: period.from, to: period.to } : { from: shiftDay(today, -(period.days - 1)), to: today };
}

async function present(deps: Deps, row: StrategyGapAnalysesTable, today?: string): Promise<GapAnalysis> {
  const period = JSON.parse(row.period) as GapPeriod;
  const range = periodRange(period, today ?? await workspaceToday(deps, row.workspace_id));
  const read = liveReader(deps, row.workspace_id);
  const stored = JSON.parse(row.rows) as GapRowStored[];
  const rows: GapRow[] = await Promise.all(stored.map(async (r): Promise<GapRow> => {
    const c = r.current;
    let resolved: GapRow['resolved'];
    let higherIsBetter = r.higherIsBetter;
    if (c.kind === 'live') {
      const info = LIVE_METRIC_INFO[c.metric];
      higherIsBetter = info.higherIsBetter;
      const live = await read(c.metric, { ...range, segmentId: c.segmentId });
      const unit = info.unit === 'percent' ? '%' : info.unit === 'money' ? (live.currency ?? '') : c.metric === 'nps' ? 'NPS' : '';
      resolved = live.value !== null
        ? { source: 'live', value: live.value, text: null, unit, n: live.n, from: live.from, to: live.to }
        : { source: 'fallback', value: c.fallback, text: null, unit, n: live.n, from: live.from, to: live.to };
    } else if (c.kind === 'number') resolved = { source: 'typed', value: c.value, text: null, unit: c.unit };
    else resolved = { source: 'typed', value: null, text: c.text, unit: '' };
    const bench = r.benchmark?.kind === 'number' ? r.benchmark.value : null;
    return { ...r, higherIsBetter, resolved, gap: computeGap(resolved.value, bench, higherIsBetter) };
  }));
  return { id: row.id, name: row.name, period, range, rows, version: row.version, createdAt: row.created_at, updatedAt: row.updated_at };
}

const summary = (row: StrategyGapAnalysesTable): GapAnalysisSummary => ({ id: row.id, name: row.name, rowCount: (JSON.parse(row.rows) as unknown[]).length, version: row.version, updatedAt: row.updated_at });

export async function listAnalyses(deps: Deps, workspaceId: string): Promise<{ items: GapAnalysisSummary[] }> {
  return { items: (await repo.listAnalyses(deps.db, workspaceId)).map(summary) };
}

export async function getAnalysis(deps: Deps, workspaceId: string, id: string): Promise<GapAnalysis> {
  const row = await repo.findAnalysis(deps.db, workspaceId, id);
  if (!row) throw notFound('gap_analysis');
  return present(deps, row);
}

export async function createAnalysis(deps: Deps, ctx: Ctx, input: GapAnalysisInput, audit: Record<string, unknown> = {}): Promise<GapAnalysis> {
  const parsed = GapAnalysisInput.safeParse(input);
  if (!parsed.success) throw fromZodError(parsed.error, 'body');
  const now = new Date().toISOString();
  const row: StrategyGapAnalysesTable = {
    id: newId(), workspace_id: ctx.workspaceId, name: parsed.data.name, period: JSON.stringify(parsed.data.period),
    rows: JSON.stringify(withIds(parsed.data.rows)), version: 1, created_at: now, updated_at: now,
  };
  await deps.db.transaction().execute(async (trx) => {
    await repo.insertAnalysis(trx, row);
    await writeAudit(trx, { workspaceId: ctx.workspaceId, actor: ctx.actor, action: 'gap_analysis.created', targetType: 'gap_analysis', targetId: row.id, details: { name: row.name, rows: parsed.data.rows.length, ...audit } });
  });
  return present(deps, row);
}

export async function updateAnalysis(deps: Deps, ctx: Ctx, id: string, patch: GapAnalysisPatch): Promise<GapAnalysis> {
  const row = await repo.findAnalysis(deps.db, ctx.workspaceId, id);
  if (!row) throw notFound('gap_analysis');
  const version = patch.version ?? row.version;
  const set: Partial<StrategyGapAnalysesTable> = { updated_at: new Date().toISOString() };
  if (patch.name !== undefined) set.name = patch.name;
  if (patch.period !== undefined) set.period = JSON.stringify(patch.period);
  if (patch.rows !== undefined) set.rows = JSON.stringify(withIds(patch.rows.map((r) => GapRowInput.parse(r))));
  await deps.db.transaction().execute(async (trx) => {
    if (!(await repo.updateAtVersion(trx, 'strategy_gap_analyses', ctx.workspaceId, id, version, set))) {
      throw conflict('gap_analysis_changed', 'the analysis changed since you loaded it: reload and try again');
    }
    await writeAudit(trx, { workspaceId: ctx.workspaceId, actor: ctx.actor, action: 'gap_analysis.updated', targetType: 'gap_analysis', targetId: id, details: { fields: Object.keys(patch).filter((k) => k !== 'version'), rows: patch.rows?.length } });
  });
  return getAnalysis(deps, ctx.workspaceId, id);
}

export async function deleteAnalysis(deps: Deps, ctx: Ctx, id: string): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    if (!(await repo.deleteRow(trx, 'strategy_gap_analyses', ctx.workspaceId, id))) throw notFound('gap_analysis');
    await writeAudit(trx, { workspaceId: ctx.workspaceId, actor: ctx.actor, action: 'gap_analysis.deleted', targetType: 'gap_analysis', targetId: id });
  });
}

/**
 * The course's example in the request's language. `link: 'auto'` links NPS and CSAT live only when
 * the workspace has answers for them in the last 90 days (else the course's typed numbers);
 * `'always'` links them with the course's numbers as fallbacks (the demo, seeded before its answers).
 */
export async function createCourseAnalysis(deps: Deps, ctx: Ctx, lang: UiLanguage, link: 'auto' | 'always' = 'auto'): Promise<GapAnalysis> {
  let nps = true, csat = true;
  if (link === 'auto') {
    const range = periodRange({ kind: 'last_days', days: 90 }, await workspaceToday(deps, ctx.workspaceId));
    const read = liveReader(deps, ctx.workspaceId);
    nps = (await read('nps', range)).n > 0;
    csat = (await read('csat', range)).n > 0;
  }
  return createAnalysis(deps, ctx, {
    name: courseTemplateName(lang), period: { kind: 'last_days', days: 90 }, rows: courseTemplateRows(lang, { nps, csat }),
  }, { template: 'course', liveNps: nps, liveCsat: csat });
}
