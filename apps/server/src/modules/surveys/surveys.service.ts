import { SurveyDefinition, type PublicSurvey, type Survey, type SurveyInput, type SurveyStatus } from '@touchpoint/shared';
import type { Deps } from '../../deps.js';
import type { Actor } from '../../platform/http/access.js';
import { conflict, notFound } from '../../platform/http/errors.js';
import { newId, publicId } from '../../platform/crypto/tokens.js';
import { forgetSurvey } from '../metrics/index.js';
import { writeAudit } from '../../platform/audit.js';
import { appendEvent } from '../../platform/events/outbox.js';
import type { SurveysTable } from './surveys.tables.js';
import * as repo from './surveys.repo.js';

interface Ctx { workspaceId: string; actor: Actor }

/** Allowed status moves: a draft goes live, a live survey closes, a closed one may reopen. */
const TRANSITIONS: Record<SurveyStatus, SurveyStatus[]> = { draft: ['live'], live: ['closed'], closed: ['live'] };

/**
 * Parsed definitions by their stored text: every submission reads its survey, and re-parsing
 * the same JSON through Zod each time was a visible share of ingestion time. Treat as read-only.
 */
const parsedDefinitions = new Map<string, SurveyDefinition>();

function parseDefinition(text: string): SurveyDefinition {
  let def = parsedDefinitions.get(text);
  if (!def) {
    def = SurveyDefinition.parse(JSON.parse(text));
    parsedDefinitions.set(text, def);
    if (parsedDefinitions.size > 500) parsedDefinitions.delete(parsedDefinitions.keys().next().value!);
  }
  return def;
}

export function present(row: SurveysTable): Survey {
  return {
    id: row.id, workspaceId: row.workspace_id, publicId: row.public_id, name: row.name, status: row.status,
    definition: parseDefinition(row.definition), createdAt: row.created_at, updatedAt: row.updated_at,
  };
}

export async function createSurvey(deps: Deps, ctx: Ctx, input: SurveyInput, status: SurveyStatus = 'draft'): Promise<Survey> {
  const now = new Date().toISOString();
  const row: SurveysTable = { id: newId(), workspace_id: ctx.workspaceId, public_id: publicId(), name: input.name, status, definition: JSON.stringify(input.definition), created_at: now, updated_at: now };
  await deps.db.transaction().execute(async (trx) => {
    await repo.insertSurvey(trx, row);
    await writeAudit(trx, { workspaceId: ctx.workspaceId, actor: ctx.actor, action: 'survey.created', targetType: 'survey', targetId: row.id, details: { name: input.name } });
  });
  return present(row);
}

export async function getSurvey(deps: Deps, workspaceId: string, id: string): Promise<Survey> {
  const row = await repo.findSurvey(deps.db, workspaceId, id);
  if (!row) throw notFound('survey');
  return present(row);
}

export async function listSurveys(deps: Deps, workspaceId: string): Promise<Survey[]> {
  return (await repo.listSurveys(deps.db, workspaceId)).map(present);
}

export async function updateSurvey(deps: Deps, ctx: Ctx, id: string, patch: Partial<SurveyInput>): Promise<Survey> {
  await deps.db.transaction().execute(async (trx) => {
    const r = await repo.updateSurvey(trx, ctx.workspaceId, id, {
      ...(patch.name ? { name: patch.name } : {}),
      ...(patch.definition ? { definition: JSON.stringify(patch.definition) } : {}),
      updated_at: new Date().toISOString(),
    });
    if (!Number(r.numUpdatedRows)) throw notFound('survey');
    await writeAudit(trx, { workspaceId: ctx.workspaceId, actor: ctx.actor, action: 'survey.updated', targetType: 'survey', targetId: id, details: { fields: Object.keys(patch) } });
  });
  return getSurvey(deps, ctx.workspaceId, id);
}

export async function setStatus(deps: Deps, ctx: Ctx, id: string, status: SurveyStatus): Promise<Survey> {
  await deps.db.transaction().execute(async (trx) => {
    const row = await repo.findSurvey(trx, ctx.workspaceId, id);
    if (!row) throw notFound('survey');
    if (row.status === status) return;
    if (!TRANSITIONS[row.status].includes(status)) throw conflict('invalid_status_change', `a ${row.status} survey cannot become ${status}`);
    await repo.updateSurvey(trx, ctx.workspaceId, id, { status, updated_at: new Date().toISOString() });
    await writeAudit(trx, { workspaceId: ctx.workspaceId, actor: ctx.actor, action: `survey.${status === 'live' ? 'published' : 'closed'}`, targetType: 'survey', targetId: id, details: { from: row.status, to: status } });
    await appendEvent(trx, ctx.workspaceId, 'surveys.survey.status-changed', { surveyId: id, status });
  });
  return getSurvey(deps, ctx.workspaceId, id);
}

export async function deleteSurvey(deps: Deps, ctx: Ctx, id: string): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const r = await repo.deleteSurvey(trx, ctx.workspaceId, id);
    if (!Number(r.numDeletedRows)) throw notFound('survey');
    await forgetSurvey(trx, ctx.workspaceId, id); // its responses went with it (cascade)
    await writeAudit(trx, { workspaceId: ctx.workspaceId, actor: ctx.actor, action: 'survey.deleted', targetType: 'survey', targetId: id });
  });
}

/** The survey as respondents may see it (live or closed; drafts are not public). */
export async function getPublicSurvey(deps: Deps, publicIdValue: string): Promise<PublicSurvey & { id: string; workspaceId: string }> {
  const row = await repo.findSurveyByPublicId(deps.db, publicIdValue);
  if (!row || row.status === 'draft') throw notFound('survey');
  const s = present(row);
  return { id: s.id, workspaceId: s.workspaceId, publicId: s.publicId, name: s.name, status: s.status, definition: s.definition };
}
