/** Turns a validated submission into a stored row; shared by the public, batch and import paths. */
import { headlineScores, type Answers, type BatchResponse, type ResponseContext, type SurveyDefinition } from '@touchpoint/shared';
import { newTimeOrderedId, randomToken } from '../../platform/crypto/tokens.js';
import type { ResponsesTable } from './responses.tables.js';

type SurveyRef = { id: string; workspaceId: string; definition: SurveyDefinition };

export interface RowInput extends ResponseContext {
  idempotencyKey: string;
  answers: Answers;
  complete: boolean;
  submittedAt?: string;
}

export function buildRow(
  survey: SurveyRef,
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

/** Rows for batch items without respondent PII; an item without a key gets a random one. */
export function batchRows(survey: SurveyRef, items: BatchResponse[], channel: string, now: string): ResponsesTable[] {
  return items.map((item) => buildRow(survey, { ...item, idempotencyKey: item.idempotencyKey ?? randomToken('b_', 12) }, { channel, respondentId: null, now }));
}

const COLUMNS = ['id', 'workspace_id', 'survey_id', 'respondent_id', 'idempotency_key', 'status', 'answers', 'channel', 'touchpoint', 'language',
  'customer_external_id', 'order_id', 'metadata', 'nps', 'csat', 'ces', 'created_at', 'updated_at', 'completed_at'] as const satisfies readonly (keyof ResponsesTable)[];
/** Single-row insert that skips an existing (survey_id, idempotency_key); SQLite and the bulk writer. */
export const INSERT_NEW_RESPONSE_SQL = `INSERT INTO responses (${COLUMNS.join(', ')}) VALUES (${COLUMNS.map(() => '?').join(', ')}) ON CONFLICT (survey_id, idempotency_key) DO NOTHING`;
export const responseParams = (row: ResponsesTable) => COLUMNS.map((c) => row[c]);
const at = (c: (typeof COLUMNS)[number]) => COLUMNS.indexOf(c);
const [ID, W, S, ST, CH, TP, LA, ME, NP, CS, CE, CR] = (['id', 'workspace_id', 'survey_id', 'status', 'channel', 'touchpoint', 'language', 'metadata', 'nps', 'csat', 'ces', 'created_at'] as const).map(at);
/** The fields the metric cube reads, from a row's insert parameters (the writer thread's form); the id places it against a recount's cursor. */
export const cubeSourceFromParams = (p: unknown[]) => ({
  id: p[ID] as string, workspace_id: p[W] as string, survey_id: p[S] as string, status: p[ST] as string, channel: p[CH] as string,
  touchpoint: p[TP] as string | null, language: p[LA] as string | null, metadata: p[ME] as string,
  nps: p[NP] as number | null, csat: p[CS] as number | null, ces: p[CE] as number | null, created_at: p[CR] as string,
});
