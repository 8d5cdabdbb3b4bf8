/** SQL of stored analyses: writing a chunk, re-tagging, counting, and the explorer's queries. */
import type { ExpressionBuilder, SelectQueryBuilder } from 'kysely';
import type { DB, Db, Trx } from '../../schema.js';
import type { TextAnalysesTable, TextAnalysisThemesTable } from './text.tables.js';

type Q = Db | Trx;

/** What a chunk needs to know of stored analyses to skip or replace them. */
export const analysesOfResponses = (db: Q, responseIds: string[]) =>
  responseIds.length
    ? db.selectFrom('text_analyses').select(['id', 'response_id', 'question_id', 'text_hash', 'model_version', 'nps']).where('response_id', 'in', responseIds).execute()
    : Promise.resolve([]);

export async function insertAnalyses(trx: Trx, rows: TextAnalysesTable[], tags: TextAnalysisThemesTable[]): Promise<void> {
  // Bounded statements: PostgreSQL takes at most 65,535 parameters per statement.
  for (let i = 0; i < rows.length; i += 200) await trx.insertInto('text_analyses').values(rows.slice(i, i + 200)).execute();
  for (let i = 0; i < tags.length; i += 1000) await trx.insertInto('text_analysis_themes').values(tags.slice(i, i + 1000)).execute();
}

export async function deleteAnalyses(trx: Trx, ids: string[]): Promise<void> {
  if (ids.length) await trx.deleteFrom('text_analyses').where('id', 'in', ids).execute();
}

/** Analyses after a (created_at, id) cursor, oldest first: a re-tag's next page. */
export const analysesAfter = (db: Q, workspaceId: string, after: { at: string; id: string }, limit: number) =>
  db.selectFrom('text_analyses').select(['id', 'text', 'created_at', 'taxonomy_version'])
    .where('workspace_id', '=', workspaceId)
    .where((eb) => eb(eb.refTuple('created_at', 'id'), '>', eb.tuple(after.at, after.id)))
    .orderBy('created_at').orderBy('id').limit(limit).execute();

/** Analyses made by another model than `model` after a (created_at, id) cursor, oldest first: a re-analysis's next page. */
export const staleAnalysesAfter = (db: Q, workspaceId: string, model: string, after: { at: string; id: string }, limit: number) =>
  db.selectFrom('text_analyses').select(['id', 'response_id', 'created_at'])
    .where('workspace_id', '=', workspaceId).where('model_version', '<>', model)
    .where((eb) => eb(eb.refTuple('created_at', 'id'), '>', eb.tuple(after.at, after.id)))
    .orderBy('created_at').orderBy('id').limit(limit).execute();

/** Rewrites the themes of re-tagged texts (only those still behind `version`). */
export async function retagRows(trx: Trx, workspaceId: string, version: number, rows: { id: string; created_at: string; themes: { id: string; confidence: number }[] }[]): Promise<void> {
  if (!rows.length) return;
  const ids = rows.map((r) => r.id);
  await trx.deleteFrom('text_analysis_themes').where('analysis_id', 'in', ids).execute();
  for (const r of rows) {
    await trx.updateTable('text_analyses').set({ themes: JSON.stringify(r.themes), taxonomy_version: version })
      .where('id', '=', r.id).where('workspace_id', '=', workspaceId).execute();
  }
  const tags = rows.flatMap((r) => r.themes.map((t) => ({ analysis_id: r.id, workspace_id: workspaceId, theme_id: t.id, created_at: r.created_at })));
  for (let i = 0; i < tags.length; i += 1000) await trx.insertInto('text_analysis_themes').values(tags.slice(i, i + 1000)).execute();
}

export async function countAnalyses(db: Q, workspaceId: string, otherThanModel?: string): Promise<number> {
  let q = db.selectFrom('text_analyses').select((eb) => eb.fn.countAll<number>().as('n')).where('workspace_id', '=', workspaceId);
  if (otherThanModel) q = q.where('model_version', '<>', otherThanModel);
  return Number((await q.executeTakeFirst())?.n ?? 0);
}

/** Key phrases of the newest texts in a range (discovery works on a recent sample). */
export const keyPhrasesIn = (db: Q, workspaceId: string, fromAt: string, toAt: string, limit: number) =>
  db.selectFrom('text_analyses').select('key_phrases').where('workspace_id', '=', workspaceId)
    .where('created_at', '>=', fromAt).where('created_at', '<', toAt).orderBy('created_at', 'desc').limit(limit).execute();

export interface ExplorerFilter {
  workspaceId: string; like: 'like' | 'ilike';
  fromAt?: string; toAt?: string; q?: string; theme?: string; sentiment?: string; language?: string;
  scoreBand?: 'promoter' | 'passive' | 'detractor'; surveyId?: string; questionId?: string;
}

type Explorer = SelectQueryBuilder<DB & { a: TextAnalysesTable; t: TextAnalysisThemesTable }, 'a' | 't', object>;

/**
 * The filtered set. With a theme, the theme row drives the query (its index holds workspace,
 * theme and the explorer's order), so paging a rare theme reads only its texts.
 */
function filtered(db: Q, f: ExplorerFilter): Explorer {
  let q = (f.theme
    ? db.selectFrom('text_analysis_themes as t').innerJoin('text_analyses as a', 'a.id', 't.analysis_id').where('t.workspace_id', '=', f.workspaceId).where('t.theme_id', '=', f.theme)
    : db.selectFrom('text_analyses as a')) as unknown as Explorer;
  q = q.where('a.workspace_id', '=', f.workspaceId);
  if (f.fromAt) q = q.where(f.theme ? 't.created_at' : 'a.created_at', '>=', f.fromAt);
  if (f.toAt) q = q.where(f.theme ? 't.created_at' : 'a.created_at', '<', f.toAt);
  if (f.sentiment) q = q.where('a.sentiment_label', '=', f.sentiment);
  if (f.language) q = q.where('a.language', '=', f.language);
  if (f.surveyId) q = q.where('a.survey_id', '=', f.surveyId);
  if (f.questionId) q = q.where('a.question_id', '=', f.questionId);
  if (f.scoreBand === 'detractor') q = q.where('a.nps', '<=', 6);
  if (f.scoreBand === 'passive') q = q.where('a.nps', '>=', 7).where('a.nps', '<=', 8);
  if (f.scoreBand === 'promoter') q = q.where('a.nps', '>=', 9);
  if (f.q) q = q.where('a.text', f.like, `%${f.q.replace(/[%_\\]/g, '')}%`);
  return q;
}

/** One page, newest first, after a (created_at, id) cursor by row-value comparison. */
export function explorerPage(db: Q, f: ExplorerFilter, before: { at: string; id: string } | null, limit: number): Promise<TextAnalysesTable[]> {
  const [at, id] = f.theme ? (['t.created_at', 't.analysis_id'] as const) : (['a.created_at', 'a.id'] as const);
  let q = filtered(db, f);
  if (before) q = q.where((eb: ExpressionBuilder<any, any>) => eb(eb.refTuple(at, id), '<', eb.tuple(before.at, before.id)));
  return q.selectAll('a').orderBy(at, 'desc').orderBy(id, 'desc').limit(limit).execute() as Promise<TextAnalysesTable[]>;
}

export async function explorerFacets(db: Q, f: ExplorerFilter) {
  const total = await filtered(db, f).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
  const sentiment = await filtered(db, f).select(['a.sentiment_label as key', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('a.sentiment_label').execute();
  const language = await filtered(db, f).select(['a.language as key', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('a.language').execute();
  const themes = await filtered(db, f).innerJoin('text_analysis_themes as ft', 'ft.analysis_id', 'a.id')
    .select(['ft.theme_id as key', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('ft.theme_id').execute();
  const pairs = (rows: { key: string; n: number | string }[]) => rows.map((r) => [r.key, Number(r.n)] as const);
  return { total: Number(total?.n ?? 0), sentiment: pairs(sentiment), language: pairs(language), themes: pairs(themes) };
}

/** What closed-loop rules read of analysed answers: sentiment, themes and cues per response. */
export const analysesForCases = (db: Q, responseIds: string[]) =>
  responseIds.length
    ? db.selectFrom('text_analyses').select(['response_id', 'text', 'sentiment_score', 'sentiment_label', 'themes', 'cues']).where('response_id', 'in', responseIds).execute()
    : Promise.resolve([]);
