/** Deleting one response (a mistaken test answer, a customer's erasure request): every number it touched follows. */
import type { Deps } from '../../deps.js';
import type { Db, Trx } from '../../schema.js';
import { allResponsesOfPerson, respondentIdsOf, type PersonKeys } from './responses.repo.js';
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
  const respondents = await respondentIdsOf(trx, workspaceId, who.emailHashes);
  const rows = await allResponsesOfPerson(trx, workspaceId, who.externalIds, respondents);
  await recordResponseChanges(trx, workspaceId, { removed: rows });
  for (let i = 0; i < rows.length; i += 500) await trx.deleteFrom('responses').where('id', 'in', rows.slice(i, i + 500).map((r) => r.id)).execute();
  if (respondents.length) await trx.deleteFrom('respondents').where('id', 'in', respondents).execute();
  return { responses: rows.length, respondents: respondents.length, surveys: [...new Set(rows.map((r) => r.survey_id))] };
}

/** Everything stored of a person's responses, for their data export. */
export async function personResponsesForExport(db: Db, workspaceId: string, who: PersonKeys) {
  const respondents = who.emailHashes.length
    ? await db.selectFrom('respondents').select(['id', 'created_at', 'last_contacted_at']).where('workspace_id', '=', workspaceId).where('email_hash', 'in', who.emailHashes).execute()
    : [];
  const rows = await allResponsesOfPerson(db, workspaceId, who.externalIds, respondents.map((r) => r.id));
  const responses = rows.map((r) => ({
    id: r.id, survey_id: r.survey_id, status: r.status, answers: JSON.parse(r.answers), channel: r.channel, touchpoint: r.touchpoint, language: r.language,
    customer_external_id: r.customer_external_id, order_id: r.order_id, metadata: JSON.parse(r.metadata), nps: r.nps, csat: r.csat, ces: r.ces,
    created_at: r.created_at, completed_at: r.completed_at,
  }));
  return { respondents: respondents.map((r) => ({ id: r.id, createdAt: r.created_at, lastContactedAt: r.last_contacted_at })), responses };
}
