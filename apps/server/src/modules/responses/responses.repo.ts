import type SQLite from 'better-sqlite3';
import type { Db, Trx } from '../../schema.js';
import { sqliteHandleOf } from '../../platform/db/dialect.js';
import type { ResponsesTable } from './responses.tables.js';
import { INSERT_NEW_RESPONSE_SQL, responseParams } from './response-rows.js';
import { insertRow } from '../../platform/db/row-insert.js';

type Q = Db | Trx;

export const findByIdempotencyKey = (db: Q, surveyId: string, key: string) =>
  db.selectFrom('responses').selectAll().where('survey_id', '=', surveyId).where('idempotency_key', '=', key).executeTakeFirst();

/** One row goes through the cached single-row INSERT (the public submit path); several in one statement. */
export const insertResponses = async (db: Q, rows: ResponsesTable[]) => {
  if (rows.length === 1) await insertRow(db, 'responses', rows[0] as unknown as Record<string, unknown>);
  else if (rows.length) await db.insertInto('responses').values(rows).execute();
};

const insertStatements = new WeakMap<SQLite.Database, SQLite.Statement>();

/**
 * Inserts rows whose (survey_id, idempotency_key) is new and skips the others; returns the ids
 * inserted. Call it inside `trx`. On SQLite one prepared single-row INSERT runs per row on the
 * transaction's connection: building, compiling and preparing a ~1,900-placeholder multi-row
 * INSERT … RETURNING for every batch cost more than the inserts themselves. PostgreSQL (one
 * round trip per statement) keeps the multi-row form.
 */
export async function insertNewResponses(db: Db, trx: Trx, rows: ResponsesTable[]): Promise<string[]> {
  const ids: string[] = [];
  const handle = sqliteHandleOf(db);
  if (handle) {
    // Outside a transaction each row would commit on its own: refuse rather than lose atomicity.
    if (!handle.inTransaction) throw new Error('insertNewResponses must run inside a transaction');
    let stmt = insertStatements.get(handle);
    if (!stmt) {
      stmt = handle.prepare(INSERT_NEW_RESPONSE_SQL);
      insertStatements.set(handle, stmt);
    }
    for (const row of rows) if (stmt.run(responseParams(row)).changes) ids.push(row.id);
    return ids;
  }
  for (let i = 0; i < rows.length; i += 500) {
    const inserted = await trx.insertInto('responses').values(rows.slice(i, i + 500))
      .onConflict((oc) => oc.columns(['survey_id', 'idempotency_key']).doNothing())
      .returning('id').execute();
    for (const r of inserted) ids.push(r.id);
  }
  return ids;
}

export const updateResponse = (db: Q, id: string, patch: Partial<ResponsesTable>) =>
  db.updateTable('responses').set(patch).where('id', '=', id).execute();

/** What text analysis reads of a response (no PII: respondent columns are left out). */
const TEXT_SOURCE_COLUMNS = ['id', 'workspace_id', 'survey_id', 'status', 'answers', 'nps', 'created_at'] as const;
export type TextSourceRow = Pick<ResponsesTable, (typeof TEXT_SOURCE_COLUMNS)[number]>;

/**
 * Responses of every workspace stored after `afterId` and before `beforeId`, in id order (ids are
 * time-ordered: insertion order), for text analysis's watermark. A range on the primary key.
 */
export const responsesForTextAfter = (db: Q, afterId: string, beforeId: string, limit: number): Promise<TextSourceRow[]> =>
  db.selectFrom('responses').select(TEXT_SOURCE_COLUMNS).where('id', '>', afterId).where('id', '<', beforeId).orderBy('id').limit(limit).execute();

export const responsesForTextByIds = (db: Q, workspaceId: string, ids: string[]): Promise<TextSourceRow[]> =>
  ids.length ? db.selectFrom('responses').select(TEXT_SOURCE_COLUMNS).where('workspace_id', '=', workspaceId).where('id', 'in', ids).execute() : Promise.resolve([]);

/** A workspace's responses stored after `afterId` (the analysis backlog). */
export async function countResponsesAfter(db: Q, workspaceId: string, afterId: string): Promise<number> {
  const r = await db.selectFrom('responses').select((eb) => eb.fn.countAll<number>().as('n')).where('workspace_id', '=', workspaceId).where('id', '>', afterId).executeTakeFirst();
  return Number(r?.n ?? 0);
}

/** Whose answers: the customer ids responses carry, and respondents' keyed email hashes. */
export interface PersonKeys { externalIds: string[]; emailHashes: string[] }
export interface PersonResponseRow { id: string; survey_id: string; survey_name: string; status: string; channel: string; nps: number | null; csat: number | null; ces: number | null; created_at: string }

/**
 * A person's responses before a (created_at, id) cursor, newest first, with the survey's name: for
 * the customer timeline. `scored` keeps only answers with an NPS (the profile's latest NPS).
 */
export async function responsesOfPerson(db: Q, workspaceId: string, who: PersonKeys, cursor: { at: string; id: string } | null, limit: number, scored = false): Promise<PersonResponseRow[]> {
  // One index range read per customer id and per respondent (equality on the leading columns of
  // responses_customer / responses_respondent), merged here. An OR, or an IN list, lets SQLite prefer
  // walking the workspace's responses in time order instead.
  const page = (narrow: (q: ReturnType<typeof base>) => ReturnType<typeof base>) => {
    let q = narrow(base());
    if (scored) q = q.where('r.nps', 'is not', null);
    if (cursor) q = q.where((eb) => eb.or([eb('r.created_at', '<', cursor.at), eb.and([eb('r.created_at', '=', cursor.at), eb('r.id', '<', cursor.id)])]));
    return q.orderBy('r.created_at', 'desc').orderBy('r.id', 'desc').limit(limit).execute() as Promise<PersonResponseRow[]>;
  };
  const base = () => db.selectFrom('responses as r').innerJoin('surveys as s', 's.id', 'r.survey_id')
    .select(['r.id', 'r.survey_id', 's.name as survey_name', 'r.status', 'r.channel', 'r.nps', 'r.csat', 'r.ces', 'r.created_at'])
    .where('r.workspace_id', '=', workspaceId);
  const respondents = await respondentIdsOf(db, workspaceId, who.emailHashes);
  const parts = await Promise.all([
    ...who.externalIds.map((x) => page((q) => q.where('r.customer_external_id', '=', x))),
    ...respondents.map((id) => page((q) => q.where('r.respondent_id', '=', id))),
  ]);
  const rows = [...new Map(parts.flat().map((r) => [r.id, r])).values()];
  return rows.sort((a, b) => (a.created_at !== b.created_at ? (a.created_at < b.created_at ? 1 : -1) : a.id < b.id ? 1 : -1)).slice(0, limit);
}

/**
 * A person's latest answer of one metric since `since` (ISO; null: ever), for segment conditions:
 * one index range read per customer id and per respondent, newest first, like responsesOfPerson.
 */
export async function latestScoreOfPerson(db: Q, workspaceId: string, who: PersonKeys, metric: 'nps' | 'csat' | 'ces', since: string | null): Promise<number | undefined> {
  const respondents = await respondentIdsOf(db, workspaceId, who.emailHashes);
  const newest = (narrow: (q: ReturnType<typeof base>) => ReturnType<typeof base>) => {
    let q = narrow(base());
    if (since) q = q.where('created_at', '>=', since);
    return q.orderBy('created_at', 'desc').limit(1).executeTakeFirst();
  };
  const base = () => db.selectFrom('responses').select(['created_at', metric]).where('workspace_id', '=', workspaceId).where(metric, 'is not', null);
  const found = (await Promise.all([
    ...who.externalIds.map((x) => newest((q) => q.where('customer_external_id', '=', x))),
    ...respondents.map((id) => newest((q) => q.where('respondent_id', '=', id))),
  ])).filter((r): r is NonNullable<typeof r> => !!r);
  if (!found.length) return undefined;
  const latest = found.reduce((a, b) => (b.created_at > a.created_at ? b : a));
  return Number((latest as Record<string, unknown>)[metric]);
}

/** Who gave these responses (the keys Customer 360 finds a person by). */
export const responsePeople = (db: Q, workspaceId: string, ids: string[]) =>
  ids.length ? db.selectFrom('responses').select(['id', 'customer_external_id', 'respondent_id']).where('workspace_id', '=', workspaceId).where('id', 'in', ids).execute() : Promise.resolve([]);

/** The workspace's respondents with these keyed email hashes. */
export async function respondentIdsOf(db: Q, workspaceId: string, emailHashes: string[]): Promise<string[]> {
  if (!emailHashes.length) return [];
  return (await db.selectFrom('respondents').select('id').where('workspace_id', '=', workspaceId).where('email_hash', 'in', emailHashes).execute()).map((r) => r.id);
}

/** Every response of a person, whole rows (export, erasure): one index read per customer id and per respondent. */
export async function allResponsesOfPerson(db: Q, workspaceId: string, externalIds: string[], respondentIds: string[]): Promise<ResponsesTable[]> {
  const rows: ResponsesTable[] = [];
  for (const x of externalIds) rows.push(...(await db.selectFrom('responses').selectAll().where('workspace_id', '=', workspaceId).where('customer_external_id', '=', x).execute()));
  for (const id of respondentIds) rows.push(...(await db.selectFrom('responses').selectAll().where('respondent_id', '=', id).where('workspace_id', '=', workspaceId).execute()));
  return [...new Map(rows.map((r) => [r.id, r])).values()].sort((a, b) => (a.created_at < b.created_at ? -1 : a.created_at > b.created_at ? 1 : 0));
}

/** Respondents' keyed email hashes (respondent id → hash): who answered, for Customer 360. */
export async function respondentEmailHashes(db: Q, workspaceId: string, respondentIds: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (let i = 0; i < respondentIds.length; i += 500) {
    const rows = await db.selectFrom('respondents').select(['id', 'email_hash']).where('workspace_id', '=', workspaceId).where('id', 'in', respondentIds.slice(i, i + 500)).execute();
    for (const r of rows) if (r.email_hash) out.set(r.id, r.email_hash);
  }
  return out;
}

/** What closed-loop rules read of an answer (the cases module, through index.ts). */
const CASE_SOURCE_COLUMNS = ['id', 'workspace_id', 'survey_id', 'respondent_id', 'status', 'answers', 'channel', 'language', 'customer_external_id', 'metadata', 'nps', 'csat', 'ces', 'created_at'] as const;
export type CaseSourceRow = Pick<ResponsesTable, (typeof CASE_SOURCE_COLUMNS)[number]>;

export const responsesForCases = (db: Q, workspaceId: string, ids: string[]): Promise<CaseSourceRow[]> =>
  ids.length ? db.selectFrom('responses').select(CASE_SOURCE_COLUMNS).where('workspace_id', '=', workspaceId).where('id', 'in', ids).execute() : Promise.resolve([]);

/** Complete responses of a workspace created in [from, to), in (created_at, id) order after a cursor: the rules' dry run. */
export const responsesForCasesBetween = (db: Q, workspaceId: string, from: string, to: string, after: { at: string; id: string } | null, limit: number): Promise<CaseSourceRow[]> => {
  let q = db.selectFrom('responses').select(CASE_SOURCE_COLUMNS).where('workspace_id', '=', workspaceId).where('created_at', '>=', from).where('created_at', '<', to).where('status', '=', 'complete');
  if (after) q = q.where((eb) => eb.or([eb('created_at', '>', after.at), eb.and([eb('created_at', '=', after.at), eb('id', '>', after.id)])]));
  return q.orderBy('created_at').orderBy('id').limit(limit).execute();
};

/** Respondents' encrypted contact fields and email hash (to reach the customer of a case). */
export const respondentContacts = (db: Q, workspaceId: string, ids: string[]) =>
  ids.length ? db.selectFrom('respondents').select(['id', 'email_enc', 'email_hash', 'name_enc', 'external_id']).where('workspace_id', '=', workspaceId).where('id', 'in', ids).execute() : Promise.resolve([]);
