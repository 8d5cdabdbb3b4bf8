/**
 * Re-tagging history after a taxonomy edit: only the themes step, never sentiment. The edit's
 * transaction set the job's cursor before the first text (taxonomy.service.ts); each chunk tags
 * the next texts in (created_at, id) order outside any transaction, then in one short one checks
 * that the job is still the one it read (a newer edit restarts it) and stores themes + cursor.
 * Tagging runs on the analysis thread. The cursor is stored, so a restart resumes; the last chunk deletes the job (progress → null).
 */
import type { Deps } from '../../deps.js';
import { SYSTEM_ACTOR, writeAudit } from '../../platform/audit.js';
import { analysesAfter, retagRows } from './analyses.repo.js';
import { deleteJob, getJob, saveJob } from './taxonomy.repo.js';
import { loadTaxonomy } from './taxonomy.service.js';
import { taxonomyRef } from './analyze.service.js';
import type { AnalysisThread } from './analysis-thread.js';
import type { ThemeTag } from './analysis-fields.js';

export const DEFAULT_RETAG_CHUNK = 1_000;

export interface RetagChunk { finished: boolean; done: number; total: number }

export async function retagChunk(deps: Deps, thread: AnalysisThread, workspaceId: string, rows = DEFAULT_RETAG_CHUNK): Promise<RetagChunk> {
  const job = await getJob(deps.db, workspaceId, 'retag');
  if (!job) return { finished: true, done: 0, total: 0 };
  const tax = await loadTaxonomy(deps, workspaceId);
  if (tax.version !== job.target_version) return { finished: false, done: job.done, total: job.total }; // an edit between the two reads: read again
  const page = await analysesAfter(deps.db, workspaceId, { at: job.cursor_at, id: job.cursor_id }, rows);
  const behind = page.filter((r) => r.taxonomy_version < job.target_version);
  const ref = taxonomyRef(workspaceId, tax);
  const themes = await thread.themes(behind.map((r) => ({ text: r.text, taxonomy: ref })));
  const tagged: { id: string; created_at: string; themes: ThemeTag[] }[] = behind.map((r, i) => ({ id: r.id, created_at: r.created_at, themes: themes[i] }));
  const finished = page.length < rows;
  const done = job.done + page.length;
  const stored = await deps.db.transaction().execute(async (trx) => {
    const now = await getJob(trx, workspaceId, 'retag', 'update');
    if (!now || now.target_version !== job.target_version || now.cursor_at !== job.cursor_at || now.cursor_id !== job.cursor_id) return false;
    await retagRows(trx, workspaceId, job.target_version, tagged);
    const last = page[page.length - 1];
    if (finished) await deleteJob(trx, workspaceId, 'retag');
    else await saveJob(trx, { ...job, cursor_at: last.created_at, cursor_id: last.id, done });
    if (tagged.length || finished) {
      await writeAudit(trx, { workspaceId, actor: SYSTEM_ACTOR, action: finished ? 'text_taxonomy.retagged' : 'text.retagged', targetType: 'text_taxonomy', targetId: workspaceId, details: { texts: tagged.length, done, total: job.total, version: job.target_version } });
    }
    return true;
  });
  return stored ? { finished, done, total: Math.max(job.total, done) } : { finished: false, done: job.done, total: job.total };
}
