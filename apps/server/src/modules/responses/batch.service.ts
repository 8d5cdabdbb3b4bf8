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
import { writeAudit } from '../../platform/audit.js';
import { appendEvent } from '../../platform/events/outbox.js';
import { getSurvey } from '../surveys/index.js';
import type { Survey } from '@touchpoint/shared';
import type { ResponsesTable } from './responses.tables.js';
import { buildRow } from './response-rows.js';
import { upsertRespondent } from './respondents.js';
import { insertNewResponses } from './responses.repo.js';

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

export async function submitBatch(deps: Deps, ctx: Ctx, surveyId: string, items: BatchResponse[], channel = 'api'): Promise<BatchResult> {
  const survey = await getSurvey(deps, ctx.workspaceId, surveyId);
  const issues = checkBatch(survey, items);
  if (issues.length) throw validationError(issues, `${new Set(issues.map((i) => i.path.split('].')[0])).size} responses are not valid; nothing was stored`);
  return storeBatch(deps, ctx, survey, items, channel);
}

/** Stores already-validated items. Used by the batch API and the CSV import. */
export async function storeBatch(deps: Deps, ctx: Ctx, survey: Survey, items: BatchResponse[], channel: string): Promise<BatchResult> {
  const now = new Date().toISOString();
  const result = await deps.writes.run(async (trx) => {
    const rows: ResponsesTable[] = [];
    for (const item of items) {
      const respondentId = item.respondent?.email ? await upsertRespondent(deps, trx, ctx.workspaceId, { ...item.respondent, externalId: item.customerExternalId }) : null;
      rows.push(buildRow(survey, { ...item, idempotencyKey: item.idempotencyKey ?? randomToken('b_', 12) }, { channel, respondentId, now }));
    }
    const ids = await insertNewResponses(deps.db, trx, rows);
    await writeAudit(trx, { workspaceId: ctx.workspaceId, actor: ctx.actor, action: 'responses.batch_stored', targetType: 'survey', targetId: survey.id, details: { accepted: ids.length, duplicates: rows.length - ids.length, channel } });
    if (ids.length) await appendEvent(trx, ctx.workspaceId, 'responses.batch.stored', { surveyId: survey.id, count: ids.length });
    return { accepted: ids.length, duplicates: rows.length - ids.length, ids };
  });
  deps.outbox.wake();
  return result;
}
