/**
 * Re-analysis: texts stored with an older model keep their results until someone asks for a
 * re-run (results stay reproducible; a re-run is explicit and audited). Asking starts a job per
 * workspace with a (created_at, id) cursor; each chunk finds the next texts of another model
 * version, re-analyses their responses on the analysis thread and stores them through the same
 * path as new answers (analyzeResponses: it replaces an analysis of another model, and the metric
 * cube's sentiment follows), then moves the cursor. A crash between the two transactions repeats
 * the chunk, which then finds those texts current and skips them; asking again restarts the job.
 */
import type { TextJobProgress } from '@touchpoint/shared';
import type { Deps } from '../../deps.js';
import { SYSTEM_ACTOR, writeAudit } from '../../platform/audit.js';
import type { AnalysisThread } from './analysis-thread.js';
import { analyzeResponses, MODEL_VERSION } from './analyze.service.js';
import { countAnalyses, staleAnalysesAfter } from './analyses.repo.js';
import { deleteJob, getJob, jobProgress, saveJob } from './taxonomy.repo.js';
import type { Ctx } from './taxonomy.service.js';

export const DEFAULT_REANALYZE_CHUNK = 500;

/** Starts (or restarts) the re-analysis of every text analysed by another model; null if there is none. */
export async function startReanalysis(deps: Deps, ctx: Ctx): Promise<TextJobProgress> {
  return deps.db.transaction().execute(async (trx) => {
    const total = await countAnalyses(trx, ctx.workspaceId, MODEL_VERSION);
    if (!total) return null;
    const now = new Date().toISOString();
    const job = { workspace_id: ctx.workspaceId, kind: 'reanalyze' as const, cursor_at: '', cursor_id: '', done: 0, total, target_version: 0, started_at: now };
    await saveJob(trx, job);
    await writeAudit(trx, { workspaceId: ctx.workspaceId, actor: ctx.actor, action: 'text.reanalysis_started', targetType: 'text_analysis', targetId: ctx.workspaceId, details: { texts: total, modelVersion: MODEL_VERSION } });
    return jobProgress(job);
  });
}

export interface ReanalyzeChunk { finished: boolean; done: number; total: number }

export async function reanalyzeChunk(deps: Deps, thread: AnalysisThread, workspaceId: string, rows = DEFAULT_REANALYZE_CHUNK): Promise<ReanalyzeChunk> {
  const job = await getJob(deps.db, workspaceId, 'reanalyze');
  if (!job) return { finished: true, done: 0, total: 0 };
  const page = await staleAnalysesAfter(deps.db, workspaceId, MODEL_VERSION, { at: job.cursor_at, id: job.cursor_id }, rows);
  if (page.length) await analyzeResponses(deps, thread, workspaceId, [...new Set(page.map((r) => r.response_id))]);
  const finished = page.length < rows;
  const done = job.done + page.length;
  const moved = await deps.db.transaction().execute(async (trx) => {
    const now = await getJob(trx, workspaceId, 'reanalyze', 'update');
    // Restarted meanwhile (asked again): the new job starts from the beginning.
    if (!now || now.started_at !== job.started_at || now.cursor_at !== job.cursor_at || now.cursor_id !== job.cursor_id) return false;
    const last = page[page.length - 1];
    if (finished) await deleteJob(trx, workspaceId, 'reanalyze');
    else await saveJob(trx, { ...job, cursor_at: last.created_at, cursor_id: last.id, done });
    if (finished) await writeAudit(trx, { workspaceId, actor: SYSTEM_ACTOR, action: 'text.reanalyzed', targetType: 'text_analysis', targetId: workspaceId, details: { texts: done, modelVersion: MODEL_VERSION } });
    return true;
  });
  return moved ? { finished, done, total: Math.max(job.total, done) } : { finished: false, done: job.done, total: job.total };
}
