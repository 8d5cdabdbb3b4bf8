import type { Db, Trx } from '../../schema.js';
import type { ResponsesTable } from './responses.tables.js';

type Q = Db | Trx;

export const findByIdempotencyKey = (db: Q, surveyId: string, key: string) =>
  db.selectFrom('responses').selectAll().where('survey_id', '=', surveyId).where('idempotency_key', '=', key).executeTakeFirst();

export const insertResponses = (db: Q, rows: ResponsesTable[]) => db.insertInto('responses').values(rows).execute();

export const existingKeys = async (db: Q, surveyId: string, keys: string[]) => {
  const found = new Set<string>();
  for (let i = 0; i < keys.length; i += 500) {
    const rows = await db.selectFrom('responses').select('idempotency_key').where('survey_id', '=', surveyId).where('idempotency_key', 'in', keys.slice(i, i + 500)).execute();
    for (const r of rows) found.add(r.idempotency_key);
  }
  return found;
};

export const updateResponse = (db: Q, id: string, patch: Partial<ResponsesTable>) =>
  db.updateTable('responses').set(patch).where('id', '=', id).execute();
