/** Deleting one response (a mistaken test answer, a customer's erasure request): every number it touched follows. */
import type { Deps } from '../../deps.js';
import type { Db, Trx } from '../../schema.js';
import type { PersonKeys } from './responses.repo.js';
import type { Actor } from '../../platform/http/access.js';
import { notFound } from '../../platform/http/errors.js';
import { writeAudit } from '../../platform/audit.js';
import { appendEvent } from '../../platform/events/outbox.js';
import { recordResponseChanges } from '../metrics/index.js';

export async function deleteResponse(deps: Deps, ctx: { workspaceId: string; actor: Actor }, surveyId: string, id: string): Promise<void> {
  await deps.writes.run(async (trx) => {
    const row = await trx.selectFrom('responses').selectAll().where('workspace_id', '=', ctx.workspaceId).where('survey_id', '=', surveyId).where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound('response');
    // Before the delete: the cube also takes the sentiment of its analysed answers, which go with it.
    await recordResponseChanges(trx, ctx.workspaceId, { removed: [row] });
    await trx.deleteFrom('responses').where('id', '=', id).execute();
    // The audit row names the response, never its answers: an erasure must not copy them elsewhere.
    await writeAudit(trx, { workspaceId: ctx.workspaceId, actor: ctx.actor, action: 'response.deleted', targetType: 'response', targetId: id, details: { surveyId } });
    await appendEvent(trx, ctx.workspaceId, 'responses.response.deleted', { responseId: id, surveyId });
  });
  deps.outbox.wake();
}

/**
 * A person's erasure (Customer 360): every response they gave, found by their customer ids and
 * email hashes, goes the way deleteResponse goes (the cube first, then the rows; analysed texts
 * follow by foreign key), and so do their respondent rows (encrypted email and name, invitations).
 * Runs inside the caller's transaction, so the person and their answers go together or not at all.
 * Returns the surveys touched, for the live views.
 */
export async function erasePersonResponses(trx: Trx, workspaceId: string, who: PersonKeys): Promise<{ responses: number; respondents: number; surveys: string[] }> {
  const respondents = who.emailHashes.length
    ? (await trx.selectFrom('respondents').select('id').where('workspace_id', '=', workspaceId).where('email_hash', 'in', who.emailHashes).execute()).map((r) => r.id)
    : [];
  const rows = [
    ...(who.externalIds.length ? await trx.selectFrom('responses').selectAll().where('workspace_id', '=', workspaceId).where('customer_external_id', 'in', who.externalIds).execute() : []),
    ...(respondents.length ? await trx.selectFrom('responses').selectAll().where('workspace_id', '=', workspaceId).where('respondent_id', 'in', respondents).execute() : []),
  ];
  const unique = [...new Map(rows.map((r) => [r.id, r])).values()];
  await recordResponseChanges(trx, workspaceId, { removed: unique });
  for (let i = 0; i < unique.length; i += 500) await trx.deleteFrom('responses').where('id', 'in', unique.slice(i, i + 500).map((r) => r.id)).execute();
  if (respondents.length) await trx.deleteFrom('respondents').where('id', 'in', respondents).execute();
  return { responses: unique.length, respondents: respondents.length, surveys: [...new Set(unique.map((r) => r.survey_id))] };
}

/** Everything stored of a person's responses, for their data export. */
export async function personResponsesForExport(db: Db, workspaceId: string, who: PersonKeys) {
  const respondents = who.emailHashes.length
    ? await db.selectFrom('respondents').select(['id', 'created_at', 'last_contacted_at']).where('workspace_id', '=', workspaceId).where('email_hash', 'in', who.emailHashes).execute()
    : [];
  const ids = respondents.map((r) => r.id);
  const columns = ['id', 'survey_id', 'status', 'answers', 'channel', 'touchpoint', 'language', 'customer_external_id', 'order_id', 'metadata', 'nps', 'csat', 'ces', 'created_at', 'completed_at'] as const;
  const rows = [
    ...(who.externalIds.length ? await db.selectFrom('responses').select(columns).where('workspace_id', '=', workspaceId).where('customer_external_id', 'in', who.externalIds).execute() : []),
    ...(ids.length ? await db.selectFrom('responses').select(columns).where('workspace_id', '=', workspaceId).where('respondent_id', 'in', ids).execute() : []),
  ];
  const responses = [...new Map(rows.map((r) => [r.id, { ...r, answers: JSON.parse(r.answers), metadata: JSON.parse(r.metadata) }])).values()]
    .sort((a, b) => (a.created_at < b.created_at ? -1 : 1));
  return { respondents: respondents.map((r) => ({ id: r.id, createdAt: r.created_at, lastContactedAt: r.last_contacted_at })), responses };
}
