/** Deleting one response (a mistaken test answer, a customer's erasure request): every number it touched follows. */
import type { Deps } from '../../deps.js';
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
