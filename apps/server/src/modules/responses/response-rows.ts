/** Turns a validated submission into a stored row; shared by the public, batch and import paths. */
import { headlineScores, type Answers, type ResponseContext, type SurveyDefinition } from '@touchpoint/shared';
import { newTimeOrderedId } from '../../platform/crypto/tokens.js';
import type { ResponsesTable } from './responses.tables.js';

export interface RowInput extends ResponseContext {
  idempotencyKey: string;
  answers: Answers;
  complete: boolean;
  submittedAt?: string;
}

export function buildRow(
  survey: { id: string; workspaceId: string; definition: SurveyDefinition },
  item: RowInput, defaults: { channel: string; respondentId: string | null; now: string },
): ResponsesTable {
  const at = item.submittedAt ? new Date(item.submittedAt).toISOString() : defaults.now;
  const scores = headlineScores(survey.definition, item.answers);
  return {
    id: newTimeOrderedId(),
    workspace_id: survey.workspaceId,
    survey_id: survey.id,
    respondent_id: defaults.respondentId,
    idempotency_key: item.idempotencyKey,
    status: item.complete ? 'complete' : 'partial',
    answers: JSON.stringify(item.answers),
    channel: item.channel ?? defaults.channel,
    touchpoint: item.touchpoint ?? null,
    language: item.language ?? null,
    customer_external_id: item.customerExternalId ?? null,
    order_id: item.orderId ?? null,
    metadata: JSON.stringify(item.metadata ?? {}),
    nps: scores.nps,
    csat: scores.csat,
    ces: scores.ces,
    created_at: at,
    updated_at: defaults.now,
    completed_at: item.complete ? at : null,
  };
}

/** The payload of responses.response.submitted: enough for live views without a read. */
export function submittedEvent(row: ResponsesTable) {
  return { responseId: row.id, surveyId: row.survey_id, status: row.status, nps: row.nps, csat: row.csat, ces: row.ces, channel: row.channel, language: row.language, createdAt: row.created_at };
}
