/** Listing responses (newest first, cursor-paged) with filters, and exporting them. */
import type { Survey } from '@touchpoint/shared';
import type { Deps } from '../../deps.js';
import { likeOperator } from '../../platform/db/dialect.js';
import type { ResponsesTable } from './responses.tables.js';

export interface BrowseFilter {
  q?: string; language?: string; channel?: string; status?: 'partial' | 'complete';
  npsBand?: 'detractor' | 'passive' | 'promoter'; withText?: boolean; before?: string; limit: number;
}

export function presentResponse(r: ResponsesTable) {
  return {
    id: r.id, surveyId: r.survey_id, status: r.status, answers: JSON.parse(r.answers), channel: r.channel,
    touchpoint: r.touchpoint, language: r.language, customerExternalId: r.customer_external_id, orderId: r.order_id,
    metadata: JSON.parse(r.metadata), nps: r.nps, csat: r.csat, ces: r.ces, createdAt: r.created_at, completedAt: r.completed_at,
  };
}

export async function listResponses(deps: Deps, survey: Survey, f: BrowseFilter) {
  let q = deps.db.selectFrom('responses').selectAll().where('workspace_id', '=', survey.workspaceId).where('survey_id', '=', survey.id);
  if (f.language) q = q.where('language', '=', f.language);
  if (f.channel) q = q.where('channel', '=', f.channel);
  if (f.status) q = q.where('status', '=', f.status);
  if (f.npsBand === 'detractor') q = q.where('nps', '<=', 6);
  if (f.npsBand === 'passive') q = q.where('nps', '>=', 7).where('nps', '<=', 8);
  if (f.npsBand === 'promoter') q = q.where('nps', '>=', 9);
  // Answers are JSON text; a substring match on it finds open-text answers in every script.
  if (f.q) q = q.where('answers', likeOperator(deps.kind), `%${f.q.replace(/[%_\\]/g, '')}%`);
  if (f.withText) {
    const textIds = survey.definition.questions.filter((x) => x.type === 'open_text').map((x) => x.id);
    if (textIds.length) q = q.where((eb) => eb.or(textIds.map((id) => eb('answers', 'like', `%"${id}":"%`))));
  }
  if (f.before) {
    const [t, id] = f.before.split('|');
    q = q.where((eb) => eb.or([eb('created_at', '<', t), eb.and([eb('created_at', '=', t), eb('id', '<', id ?? '')])]));
  }
  const rows = await q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(f.limit + 1).execute();
  const page = rows.slice(0, f.limit);
  const last = page[page.length - 1];
  return { items: page.map(presentResponse), nextCursor: rows.length > f.limit && last ? `${last.created_at}|${last.id}` : null };
}

/** Streams every response of a survey in pages, oldest first, so exports use constant memory. */
export async function* allResponses(deps: Deps, survey: Survey, pageSize = 2000) {
  let after: { t: string; id: string } | null = null;
  for (;;) {
    let q = deps.db.selectFrom('responses').selectAll().where('workspace_id', '=', survey.workspaceId).where('survey_id', '=', survey.id);
    if (after) { const a = after; q = q.where((eb) => eb.or([eb('created_at', '>', a.t), eb.and([eb('created_at', '=', a.t), eb('id', '>', a.id)])])); }
    const rows = await q.orderBy('created_at').orderBy('id').limit(pageSize).execute();
    for (const r of rows) yield presentResponse(r);
    if (rows.length < pageSize) return;
    after = { t: rows[rows.length - 1].created_at, id: rows[rows.length - 1].id };
  }
}

export function csvHeader(survey: Survey): string[] {
  return ['id', 'status', 'created_at', 'completed_at', 'channel', 'touchpoint', 'language', 'customer_id', 'order_id', ...survey.definition.questions.map((q) => q.id), 'metadata'];
}

export function csvRow(survey: Survey, r: ReturnType<typeof presentResponse>): string[] {
  return [r.id, r.status, r.createdAt, r.completedAt ?? '', r.channel, r.touchpoint ?? '', r.language ?? '', r.customerExternalId ?? '', r.orderId ?? '',
    ...survey.definition.questions.map((q) => { const v = r.answers[q.id]; return v === undefined ? '' : Array.isArray(v) ? v.join('|') : String(v); }),
    JSON.stringify(r.metadata)];
}
