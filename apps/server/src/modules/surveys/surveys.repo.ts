import type { Db, Trx } from '../../schema.js';
import type { SurveysTable } from './surveys.tables.js';

type Q = Db | Trx;

export const insertSurvey = (db: Q, row: SurveysTable) => db.insertInto('surveys').values(row).execute();

export const findSurvey = (db: Q, workspaceId: string, id: string) =>
  db.selectFrom('surveys').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();

export const findSurveyByPublicId = (db: Q, publicId: string) =>
  db.selectFrom('surveys').selectAll().where('public_id', '=', publicId).executeTakeFirst();

export const listSurveys = (db: Q, workspaceId: string) =>
  db.selectFrom('surveys').selectAll().where('workspace_id', '=', workspaceId).orderBy('updated_at', 'desc').execute();

export const updateSurvey = (db: Q, workspaceId: string, id: string, patch: Partial<Pick<SurveysTable, 'name' | 'definition' | 'status' | 'updated_at'>>) =>
  db.updateTable('surveys').set(patch).where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();

export const deleteSurvey = (db: Q, workspaceId: string, id: string) =>
  db.deleteFrom('surveys').where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
