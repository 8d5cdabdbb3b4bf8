/** SQL of the competitors module. Every query names its workspace. */
import type { Db, Trx } from '../../schema.js';
import type { CompetitorEvidenceTable, CompetitorReviewsTable, CompetitorsTable } from './competitors.tables.js';

type Q = Db | Trx;

export const findCompetitor = (db: Q, workspaceId: string, id: string) =>
  db.selectFrom('competitors').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();

export const listCompetitors = (db: Q, workspaceId: string) =>
  db.selectFrom('competitors').selectAll().where('workspace_id', '=', workspaceId).orderBy('name').orderBy('id').execute();

export const insertCompetitor = (trx: Trx, row: CompetitorsTable) => trx.insertInto('competitors').values(row).execute();

/** Writes only when the stored version is `version`; the number of rows changed (0: stale or gone). */
export async function updateCompetitor(trx: Trx, workspaceId: string, id: string, version: number, cols: Partial<CompetitorsTable>): Promise<number> {
  const r = await trx.updateTable('competitors').set({ ...cols, version: version + 1 })
    .where('workspace_id', '=', workspaceId).where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export async function deleteCompetitor(trx: Trx, workspaceId: string, id: string): Promise<number> {
  // Children first: evidence files, evidence, reviews (foreign keys cascade too; explicit is portable).
  const ev = trx.selectFrom('competitor_evidence').select('id').where('workspace_id', '=', workspaceId).where('competitor_id', '=', id);
  await trx.deleteFrom('competitor_files').where('workspace_id', '=', workspaceId).where('evidence_id', 'in', ev).execute();
  await trx.deleteFrom('competitor_evidence').where('workspace_id', '=', workspaceId).where('competitor_id', '=', id).execute();
  await trx.deleteFrom('competitor_reviews').where('workspace_id', '=', workspaceId).where('competitor_id', '=', id).execute();
  const r = await trx.deleteFrom('competitors').where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
  return Number(r.numDeletedRows);
}

// --- evidence -------------------------------------------------------------------------------

export const listEvidence = (db: Q, workspaceId: string, competitorId: string) =>
  db.selectFrom('competitor_evidence').selectAll().where('workspace_id', '=', workspaceId).where('competitor_id', '=', competitorId)
    .orderBy('created_at', 'desc').orderBy('id', 'desc').execute();

export const findEvidence = (db: Q, workspaceId: string, id: string) =>
  db.selectFrom('competitor_evidence').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();

export async function insertEvidence(trx: Trx, row: CompetitorEvidenceTable, contentBase64?: string): Promise<void> {
  await trx.insertInto('competitor_evidence').values(row).execute();
  if (contentBase64 !== undefined) await trx.insertInto('competitor_files').values({ evidence_id: row.id, workspace_id: row.workspace_id, content_base64: contentBase64 }).execute();
}

export const fileContent = (db: Q, workspaceId: string, evidenceId: string) =>
  db.selectFrom('competitor_files').select('content_base64').where('workspace_id', '=', workspaceId).where('evidence_id', '=', evidenceId).executeTakeFirst();

export async function deleteEvidence(trx: Trx, workspaceId: string, id: string): Promise<void> {
  await trx.deleteFrom('competitor_files').where('workspace_id', '=', workspaceId).where('evidence_id', '=', id).execute();
  await trx.deleteFrom('competitor_evidence').where('workspace_id', '=', workspaceId).where('id', '=', id).execute();
}

// --- reviews --------------------------------------------------------------------------------

export async function insertReviews(trx: Trx, rows: CompetitorReviewsTable[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 200) await trx.insertInto('competitor_reviews').values(rows.slice(i, i + 200)).execute();
}

export const listReviews = (db: Q, workspaceId: string, competitorId: string, limit: number, offset: number) =>
  db.selectFrom('competitor_reviews').selectAll().where('workspace_id', '=', workspaceId).where('competitor_id', '=', competitorId)
    .orderBy('created_at', 'desc').orderBy('id').limit(limit).offset(offset).execute();

/** What the figures need of every review of the workspace (or of one competitor). */
export function reviewFacts(db: Q, workspaceId: string, competitorId?: string) {
  let q = db.selectFrom('competitor_reviews').select(['competitor_id', 'sentiment_score', 'sentiment_label', 'themes', 'key_phrases']).where('workspace_id', '=', workspaceId);
  if (competitorId) q = q.where('competitor_id', '=', competitorId);
  return q.execute();
}

/** Reviews and their sentiment sums per competitor (for the list). */
export function reviewCounts(db: Q, workspaceId: string, competitorId?: string) {
  let q = db.selectFrom('competitor_reviews').select([
    'competitor_id',
    (eb) => eb.fn.countAll<number | string>().as('n'),
    (eb) => eb.fn.sum<number | string>('sentiment_score').as('sum'),
    (eb) => eb.fn.sum<number | string>(eb.case().when('sentiment_label', '=', 'positive').then(1).else(0).end()).as('pos'),
    (eb) => eb.fn.sum<number | string>(eb.case().when('sentiment_label', '=', 'negative').then(1).else(0).end()).as('neg'),
  ]).where('workspace_id', '=', workspaceId);
  if (competitorId) q = q.where('competitor_id', '=', competitorId);
  return q.groupBy('competitor_id').execute();
}

/** Deletes reviews of one competitor: one by id, one paste by batch id, or all; how many went. */
export async function deleteReviews(trx: Trx, workspaceId: string, competitorId: string, which: { review: string } | { batch: string } | { all: true }): Promise<number> {
  let q = trx.deleteFrom('competitor_reviews').where('workspace_id', '=', workspaceId).where('competitor_id', '=', competitorId);
  if ('review' in which) q = q.where('id', '=', which.review);
  else if ('batch' in which) q = q.where('batch_id', '=', which.batch);
  return Number((await q.executeTakeFirst()).numDeletedRows);
}
