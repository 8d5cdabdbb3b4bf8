/**
 * The public submit path. One survey visit = one idempotency key: a retry or double click
 * returns the stored response; a partial response is completed by a later submission with the
 * same key. The row, its audit entry and its event commit together before we answer.
 */
import { validateAnswers, type PublicSubmission } from '@touchpoint/shared';
import type { Deps } from '../../deps.js';
import { AppError, conflict, validationError } from '../../platform/http/errors.js';
import { hashToken } from '../../platform/crypto/tokens.js';
import { writeAudit, PUBLIC_ACTOR } from '../../platform/audit.js';
import { appendEvent } from '../../platform/events/outbox.js';
import { getPublicSurvey } from '../surveys/index.js';
import type { Trx } from '../../schema.js';
import { buildRow, submittedEvent } from './response-rows.js';
import { markContacted, upsertRespondent } from './respondents.js';
import * as repo from './responses.repo.js';
import { recordResponseChanges } from '../metrics/index.js';

export interface SubmitResult { id: string; status: 'partial' | 'complete'; replay: boolean }

export async function submitPublic(deps: Deps, publicId: string, body: PublicSubmission): Promise<SubmitResult> {
  const survey = await getPublicSurvey(deps, publicId);
  if (survey.status !== 'live') throw conflict('survey_not_live', 'this survey is not accepting answers');
  const issues = validateAnswers(survey.definition, body.answers, body.complete);
  if (issues.length) throw validationError(issues.map((i) => ({ path: i.path.join('.'), message: i.message })), 'some answers are not valid');

  const existing = await repo.findByIdempotencyKey(deps.db, survey.id, body.idempotencyKey);
  if (existing?.status === 'complete') return { id: existing.id, status: 'complete', replay: true };

  const now = new Date().toISOString();
  try {
    const result = await deps.writes.run(async (trx) => {
      const inviteRespondent = body.inviteToken ? await useInvite(trx, survey.id, body.inviteToken, body.complete, now) : null;
      const respondentId = inviteRespondent ?? (body.customerExternalId ? await upsertRespondent(deps, trx, survey.workspaceId, { externalId: body.customerExternalId }) : null);
      if (respondentId && body.complete) await markContacted(trx, respondentId, now);
      const row = buildRow(survey, { ...body, channel: body.channel ?? (body.inviteToken ? 'email' : 'link') }, { channel: 'link', respondentId, now });
      if (existing) {
        // Completing or extending a partial response: keep its id and creation time.
        const merged = { ...row, id: existing.id, created_at: existing.created_at, completed_at: body.complete ? now : null };
        await repo.updateResponse(trx, existing.id, { ...merged, id: undefined });
        Object.assign(row, merged);
      } else {
        await repo.insertResponses(trx, [row]);
      }
      await recordResponseChanges(trx, survey.workspaceId, { added: [row], removed: existing ? [existing] : [] });
      await writeAudit(trx, { workspaceId: survey.workspaceId, actor: PUBLIC_ACTOR, action: existing ? 'response.updated' : 'response.submitted', targetType: 'response', targetId: row.id, details: { surveyId: survey.id, status: row.status } });
      await appendEvent(trx, survey.workspaceId, 'responses.response.submitted', submittedEvent(row));
      return { id: row.id, status: row.status, replay: false } as SubmitResult;
    });
    deps.outbox.wake();
    return result;
  } catch (err) {
    // Two requests with one key raced: the unique index let one win; answer with its row.
    const winner = await repo.findByIdempotencyKey(deps.db, survey.id, body.idempotencyKey);
    if (winner && !(err instanceof AppError)) return { id: winner.id, status: winner.status, replay: true };
    throw err;
  }
}

/** An email invitation's token is single-use: it is spent when the response completes. */
async function useInvite(trx: Trx, surveyId: string, token: string, complete: boolean, now: string): Promise<string> {
  const invite = await trx.selectFrom('survey_invites').select(['id', 'respondent_id', 'used_at']).where('token_hash', '=', hashToken(token)).where('survey_id', '=', surveyId).executeTakeFirst();
  if (!invite) throw new AppError(404, 'invitation_not_found', 'this invitation link is not valid for this survey');
  if (invite.used_at) throw conflict('invitation_used', 'this invitation was already used to answer');
  if (complete) await trx.updateTable('survey_invites').set({ used_at: now }).where('id', '=', invite.id).execute();
  return invite.respondent_id;
}
