/**
 * The back-office path: a batch of responses for one survey, all validated before any is
 * stored, then written in one transaction with ON CONFLICT DO NOTHING on the idempotency key,
 * so a retried batch stores nothing twice. One audit row and one event per batch keep
 * bulk ingestion cheap while every change stays accounted for.
 */
import { validateAnswers, type BatchResponse } from '@touchpoint/shared';
import type { Deps } from '../../deps.js';
import type { Actor } from '../../platform/http/access.js';
import { validationError, type FieldIssue } from '../../platform/http/errors.js';
import { randomToken } from '../../platform/crypto/tokens.js';
import { auditRow, writeAudit } from '../../platform/audit.js';
import { appendEvent, outboxRow } from '../../platform/events/outbox.js';
import { getSurvey } from '../surveys/index.js';
import type { Survey } from '@touchpoint/shared';
import type { ResponsesTable } from './responses.tables.js';
import { buildRow } from './response-rows.js';
import { upsertRespondent } from './respondents.js';
import { insertNewResponses } from './responses.repo.js';
import { BATCH_BODY_COMPILER, type BatchBodyInput } from './batch-body.compile.js';
import { cubeSettings, recordResponseChanges } from '../metrics/index.js';

interface Ctx { workspaceId: string; actor: Actor }
export interface BatchResult { accepted: number; duplicates: number; ids: string[] }

export function checkBatch(survey: Survey, items: BatchResponse[], pathPrefix = 'body.responses'): FieldIssue[] {
  const issues: FieldIssue[] = [];
  items.forEach((item, i) => {
    for (const issue of validateAnswers(survey.definition, item.answers, item.complete))
      issues.push({ path: `${pathPrefix}[${i}].${issue.path.join('.')}`, message: issue.message });
  });
  return issues;
}

/** `body`: the request's JSON text, when the caller has it (sent as is to the SQLite writer thread). */
export async function submitBatch(deps: Deps, ctx: Ctx, surveyId: string, items: BatchResponse[], body?: string): Promise<BatchResult> {
  const survey = await getSurvey(deps, ctx.workspaceId, surveyId);
  const issues = checkBatch(survey, items);
  if (issues.length) throw validationError(issues, `${new Set(issues.map((i) => i.path.split('].')[0])).size} responses are not valid; nothing was stored`);
  return storeBatch(deps, ctx, survey, items, 'api', body);
}

/** Stores already-validated items. Used by the batch API and the CSV import. */
export async function storeBatch(deps: Deps, ctx: Ctx, survey: Survey, items: BatchResponse[], channel: string, body?: string): Promise<BatchResult> {
  // Items with respondent PII need look-ups and encryption on the main connection; the rest can
  // go to the SQLite writer thread, which stores them while this thread serves other requests.
  if (deps.bulkWriter && !items.some((i) => i.respondent?.email)) return storeOnWriterThread(deps, ctx, survey, body ?? JSON.stringify({ responses: items }), items.length, channel);
  const now = new Date().toISOString();
  const result = await deps.writes.run(async (trx) => {
    const rows: ResponsesTable[] = [];
    for (const item of items) {
      const respondentId = item.respondent?.email ? await upsertRespondent(deps, trx, ctx.workspaceId, { ...item.respondent, externalId: item.customerExternalId }) : null;
      rows.push(buildRow(survey, { ...item, idempotencyKey: item.idempotencyKey ?? randomToken('b_', 12) }, { channel, respondentId, now }));
    }
    const ids = await insertNewResponses(deps.db, trx, rows);
    const fresh = new Set(ids);
    await recordResponseChanges(trx, ctx.workspaceId, { added: rows.filter((r) => fresh.has(r.id)) });
    await writeAudit(trx, { workspaceId: ctx.workspaceId, actor: ctx.actor, action: 'responses.batch_stored', targetType: 'survey', targetId: survey.id, details: { accepted: ids.length, duplicates: rows.length - ids.length, channel } });
    if (ids.length) await appendEvent(trx, ctx.workspaceId, 'responses.batch.stored', { surveyId: survey.id, count: ids.length });
    return { accepted: ids.length, duplicates: rows.length - ids.length, ids };
  });
  deps.outbox.wake();
  return result;
}

/**
 * The same rows, audit row and event as storeBatch, committed by the writer thread. The rows are
 * built there too (batch-body.compile.ts) from the batch's JSON text: `{"responses": [...]}`.
 */
async function storeOnWriterThread(deps: Deps, ctx: Ctx, survey: Survey, body: string, count: number, channel: string): Promise<BatchResult> {
  const input: BatchBodyInput = { body, survey: { id: survey.id, workspaceId: survey.workspaceId, definition: survey.definition }, channel, now: new Date().toISOString() };
  const audit = insertStatement(deps, 'audit_log', auditRow(
    { workspaceId: ctx.workspaceId, actor: ctx.actor, action: 'responses.batch_stored', targetType: 'survey', targetId: survey.id },
    `{"accepted":"{{accepted}}","duplicates":"{{duplicates}}","channel":${JSON.stringify(channel)}}`,
  ));
  const event = insertStatement(deps, 'outbox', outboxRow(ctx.workspaceId, 'responses.batch.stored', `{"surveyId":${JSON.stringify(survey.id)},"count":"{{accepted}}"}`));
  const { inserted, keys } = await deps.bulkWriter!.run({ compiler: BATCH_BODY_COMPILER, input, after: [audit, { ...event, onlyIfAccepted: true }] });
  deps.outbox.wake();
  return { accepted: inserted.length, duplicates: count - inserted.length, ids: keys! };
}

const compiledInserts = new Map<string, string>();
/** An INSERT of one row as SQL + parameters; the SQL (same shape every batch) is compiled once. */
function insertStatement(deps: Deps, table: 'audit_log' | 'outbox', row: Record<string, unknown>) {
  const key = `${table}:${Object.keys(row).join(',')}`;
  let sql = compiledInserts.get(key);
  if (!sql) {
    sql = deps.db.insertInto(table).values(row as never).compile().sql;
    compiledInserts.set(key, sql);
  }
  return { sql, params: Object.values(row) };
}
