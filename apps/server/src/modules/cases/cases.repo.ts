/** SQL of the cases module: cases, their links, timeline and mail ids, and the judged-response marks. */
import type { Db, Trx } from '../../schema.js';
import { lockingRead } from '../../platform/db/dialect.js';
import { newTimeOrderedId } from '../../platform/crypto/tokens.js';
import type { CaseEventsTable, CasesTable } from './cases.tables.js';

type Q = Db | Trx;

export const findCase = (db: Q, workspaceId: string, id: string, lock?: 'update') => {
  const q = db.selectFrom('cases').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id);
  return (lock ? lockingRead(q, db, lock) : q).executeTakeFirst();
};

export const findCaseByToken = (db: Q, token: string) => db.selectFrom('cases').selectAll().where('token', '=', token).executeTakeFirst();

export const findCaseByNumber = (db: Q, workspaceId: string, number: number) =>
  db.selectFrom('cases').selectAll().where('workspace_id', '=', workspaceId).where('number', '=', number).executeTakeFirst();

export const findOpenCase = (db: Q, workspaceId: string, openKey: string) =>
  db.selectFrom('cases').selectAll().where('workspace_id', '=', workspaceId).where('open_key', '=', openKey).executeTakeFirst();

/** Inserts a case unless an open one holds its key; true when this one was stored. */
export async function insertCaseUnlessOpen(trx: Trx, row: CasesTable): Promise<boolean> {
  const r = await trx.insertInto('cases').values(row).onConflict((oc) => oc.columns(['workspace_id', 'open_key']).doNothing()).executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
}

/**
 * Locks the workspace's case numbering until commit and returns the next number (PostgreSQL: the
 * settings row FOR UPDATE; SQLite writes one transaction at a time). Every creator of cases in a
 * workspace passes here, so creation is serialised per workspace across processes.
 */
export async function lockCaseNumbers(trx: Trx, workspaceId: string): Promise<number> {
  return (await lockingRead(trx.selectFrom('case_settings').select('next_number').where('workspace_id', '=', workspaceId), trx, 'update').executeTakeFirstOrThrow()).next_number;
}

export const setNextCaseNumber = (trx: Trx, workspaceId: string, next: number) =>
  trx.updateTable('case_settings').set({ next_number: next }).where('workspace_id', '=', workspaceId).execute();

/** The open cases of these customers (keys), for a batch of answers. */
export async function openCasesOfCustomers(db: Q, workspaceId: string, customerKeys: string[]): Promise<CasesTable[]> {
  const out: CasesTable[] = [];
  for (let i = 0; i < customerKeys.length; i += 500) {
    out.push(...await db.selectFrom('cases').selectAll().where('workspace_id', '=', workspaceId).where('customer_key', 'in', customerKeys.slice(i, i + 500)).where('open_key', 'is not', null).execute());
  }
  return out;
}

/**
 * Takes the next case number of a workspace. The UPDATE locks the settings row until commit, so
 * case creation in one workspace is serialised across processes: numbers stay unique and the
 * assignment that follows in the same transaction reads loads no other creator is changing.
 */
export async function takeCaseNumber(trx: Trx, workspaceId: string): Promise<number> {
  await trx.updateTable('case_settings').set((eb) => ({ next_number: eb('next_number', '+', 1) })).where('workspace_id', '=', workspaceId).execute();
  const row = await trx.selectFrom('case_settings').select('next_number').where('workspace_id', '=', workspaceId).executeTakeFirstOrThrow();
  return row.next_number - 1;
}

export const updateCase = (db: Q, id: string, patch: Partial<CasesTable>) => db.updateTable('cases').set(patch).where('id', '=', id).executeTakeFirst();

/** A change that only lands on the version the caller saw (optimistic concurrency). */
export async function updateCaseAtVersion(trx: Trx, id: string, version: number, patch: Partial<CasesTable>): Promise<boolean> {
  const r = await trx.updateTable('cases').set({ ...patch, version: version + 1 }).where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Marks responses as judged; returns those this call marked (an earlier delivery's stay out). */
export async function markJudgedMany(trx: Trx, workspaceId: string, items: { responseId: string; cases: number }[], now: string): Promise<Set<string>> {
  const out = new Set<string>();
  for (let i = 0; i < items.length; i += 500) {
    const rows = await trx.insertInto('case_judged_responses').values(items.slice(i, i + 500).map((x) => ({ workspace_id: workspaceId, response_id: x.responseId, judged_at: now, cases: x.cases })))
      .onConflict((oc) => oc.columns(['workspace_id', 'response_id']).doNothing()).returning('response_id').execute();
    for (const r of rows) out.add(r.response_id);
  }
  return out;
}

export const judgedAmong = async (db: Q, workspaceId: string, responseIds: string[]) =>
  new Set(responseIds.length ? (await db.selectFrom('case_judged_responses').select('response_id').where('workspace_id', '=', workspaceId).where('response_id', 'in', responseIds).execute()).map((r) => r.response_id) : []);

export async function linkResponse(trx: Trx, workspaceId: string, caseId: string, responseId: string, kind: 'trigger' | 'linked' | 'resurvey', now: string): Promise<boolean> {
  const r = await trx.insertInto('case_responses').values({ case_id: caseId, response_id: responseId, workspace_id: workspaceId, kind, created_at: now })
    .onConflict((oc) => oc.columns(['case_id', 'response_id']).doNothing()).executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
}

export const linkedResponses = (db: Q, caseId: string) =>
  db.selectFrom('case_responses').selectAll().where('case_id', '=', caseId).orderBy('created_at').execute();

export const casesOfResponse = (db: Q, workspaceId: string, responseId: string) =>
  db.selectFrom('case_responses').select(['case_id', 'kind']).where('workspace_id', '=', workspaceId).where('response_id', '=', responseId).execute();

export type NewCaseEvent = Omit<CaseEventsTable, 'id' | 'data'> & { data: Record<string, unknown> };

export async function addEvent(db: Q, e: NewCaseEvent): Promise<CaseEventsTable> {
  const row: CaseEventsTable = { ...e, id: newTimeOrderedId(), data: JSON.stringify(e.data) };
  await db.insertInto('case_events').values(row).execute();
  return row;
}

export async function addEvents(db: Q, events: NewCaseEvent[]): Promise<void> {
  if (events.length) await db.insertInto('case_events').values(events.map((e) => ({ ...e, id: newTimeOrderedId(), data: JSON.stringify(e.data) }))).execute();
}

export const updateEventData = (db: Q, id: string, data: Record<string, unknown>) =>
  db.updateTable('case_events').set({ data: JSON.stringify(data) }).where('id', '=', id).execute();

export const timelineOf = (db: Q, caseId: string) =>
  db.selectFrom('case_events').selectAll().where('case_id', '=', caseId).orderBy('id').execute();

export const rememberMailId = (db: Q, workspaceId: string, caseId: string, messageId: string, now: string) =>
  db.insertInto('case_mail_ids').values({ message_id: messageId, workspace_id: workspaceId, case_id: caseId, created_at: now })
    .onConflict((oc) => oc.column('message_id').doNothing()).execute();

export const caseOfMailIds = async (db: Q, messageIds: string[]) =>
  messageIds.length ? (await db.selectFrom('case_mail_ids').select(['case_id', 'workspace_id']).where('message_id', 'in', messageIds).executeTakeFirst()) ?? null : null;

/** Open cases per owner (their load), for assignment and the agents list. */
export async function openCasesPerOwner(db: Q, workspaceId: string): Promise<Map<string, number>> {
  const rows = await db.selectFrom('cases').select(['owner_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('workspace_id', '=', workspaceId).where('category', 'in', ['new', 'open', 'waiting']).where('owner_id', 'is not', null)
    .groupBy('owner_id').execute();
  return new Map(rows.map((r) => [r.owner_id!, Number(r.n)]));
}

/** Cases whose SLA clock has something to do by `now` (the sweeper's work list). */
export const casesDueForSla = (db: Q, now: string, limit: number) =>
  db.selectFrom('cases').select(['id', 'workspace_id']).where('sla_next_at', '<=', now).orderBy('sla_next_at').limit(limit).execute();
