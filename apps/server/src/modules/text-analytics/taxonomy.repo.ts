/** SQL of the workspace taxonomy: its version row, its themes, and the re-tag job's cursor. */
import type { Db, Trx } from '../../schema.js';
import { lockingRead } from '../../platform/db/dialect.js';
import type { TextJobsTable, TextThemesTable } from './text.tables.js';

type Q = Db | Trx;

/** The version row; `lock` takes it FOR SHARE / FOR UPDATE on PostgreSQL (see taxonomy.service.ts). */
export function taxonomyVersion(db: Q, workspaceId: string, lock?: 'share' | 'update') {
  const q = db.selectFrom('text_taxonomies').selectAll().where('workspace_id', '=', workspaceId);
  return (lock ? lockingRead(q, db, lock) : q).executeTakeFirst();
}

export const insertTaxonomy = (db: Q, workspaceId: string, at: string) =>
  db.insertInto('text_taxonomies').values({ workspace_id: workspaceId, version: 1, updated_at: at }).execute();

/** Bumps the version (the UPDATE also serialises concurrent edits of one workspace's taxonomy). */
export async function bumpVersion(trx: Trx, workspaceId: string, at: string): Promise<number> {
  await trx.updateTable('text_taxonomies').set((eb) => ({ version: eb('version', '+', 1), updated_at: at })).where('workspace_id', '=', workspaceId).execute();
  const row = await taxonomyVersion(trx, workspaceId);
  return row!.version;
}

export const listThemes = (db: Q, workspaceId: string) =>
  db.selectFrom('text_themes').selectAll().where('workspace_id', '=', workspaceId).orderBy('created_at').orderBy('id').execute();

export const findTheme = (db: Q, workspaceId: string, id: string) =>
  db.selectFrom('text_themes').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();

export const insertThemes = (db: Q, rows: TextThemesTable[]) => db.insertInto('text_themes').values(rows).execute();

export const updateTheme = (db: Q, workspaceId: string, id: string, patch: Partial<TextThemesTable>) =>
  db.updateTable('text_themes').set(patch).where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();

export const deleteTheme = (db: Q, workspaceId: string, id: string) =>
  db.deleteFrom('text_themes').where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();

/** A deleted theme leaves the filter at once; the re-tag then rewrites the texts' theme lists. */
export const deleteThemeTags = (db: Q, workspaceId: string, themeId: string) =>
  db.deleteFrom('text_analysis_themes').where('workspace_id', '=', workspaceId).where('theme_id', '=', themeId).execute();

export function getJob(db: Q, workspaceId: string, kind: TextJobsTable['kind'], lock?: 'share' | 'update') {
  const q = db.selectFrom('text_jobs').selectAll().where('workspace_id', '=', workspaceId).where('kind', '=', kind);
  return (lock ? lockingRead(q, db, lock) : q).executeTakeFirst();
}

export const saveJob = (db: Q, job: TextJobsTable) =>
  db.insertInto('text_jobs').values(job)
    .onConflict((oc) => oc.columns(['workspace_id', 'kind']).doUpdateSet({
      cursor_at: job.cursor_at, cursor_id: job.cursor_id, done: job.done, total: job.total, target_version: job.target_version, started_at: job.started_at,
    })).execute();

/** A job as the API shows its progress (null: none under way). */
export const jobProgress = (job: Pick<TextJobsTable, 'done' | 'total' | 'started_at'> | undefined) =>
  job ? { done: job.done, total: job.total, startedAt: job.started_at } : null;

export const deleteJob = (db: Q, workspaceId: string, kind: TextJobsTable['kind']) =>
  db.deleteFrom('text_jobs').where('workspace_id', '=', workspaceId).where('kind', '=', kind).execute();

/** Workspaces whose re-tag a restart cut short. */
/** Workspaces with a job of this kind under way (a restart resumes them). */
export async function unfinishedJobs(db: Q, kind: 'retag' | 'reanalyze'): Promise<string[]> {
  return (await db.selectFrom('text_jobs').select('workspace_id').where('kind', '=', kind).execute()).map((r) => r.workspace_id);
}
