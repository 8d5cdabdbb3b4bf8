/**
 * A case opened by hand (the customer called, posted, or walked in). It follows the same rules as
 * one a rule opens: a number, SLA clocks by its priority and team, one open case per customer per
 * theme (a customer known by email; without one the case stands alone), a timeline from the start.
 */
import type { CaseCreateInput, CaseDetail } from '@touchpoint/shared';
import type { z } from 'zod';
import type { Deps } from '../../deps.js';
import { AppError, validationError } from '../../platform/http/errors.js';
import { newId } from '../../platform/crypto/tokens.js';
import { writeAudit } from '../../platform/audit.js';
import { appendEvent } from '../../platform/events/outbox.js';
import { normaliseEmail } from '../responses/index.js';
import { newCaseToken } from './mail-address.js';
import { planSla } from './sla-clock.js';
import type { CasesTable } from './cases.tables.js';
import * as repo from './cases.repo.js';
import * as setup from './setup.repo.js';
import { calendarOf, ensureSettings, listAgents, listPolicies } from './setup.service.js';
import { getCase, type Ctx } from './cases.service.js';

export async function createManualCase(deps: Deps, ctx: Ctx, input: z.output<typeof CaseCreateInput>): Promise<CaseDetail> {
  await ensureSettings(deps, deps.db, ctx.workspaceId);
  const agents = await listAgents(deps, ctx.workspaceId);
  const owner = input.ownerId ? agents.find((a) => a.userId === input.ownerId) : null;
  if (input.ownerId && !owner) throw validationError([{ path: 'body.ownerId', message: 'not an agent of this workspace' }]);
  const email = input.customerEmail ? normaliseEmail(input.customerEmail) : null;
  const id = newId();
  const customerKey = email ? `e:${deps.cipher.lookupHash(email)}` : `m:${id}`;
  const openKey = `${customerKey}|${input.theme}`;
  await deps.db.transaction().execute(async (trx) => {
    const team = input.teamId ? await setup.team(trx, ctx.workspaceId, input.teamId) : undefined;
    if (input.teamId && !team) throw validationError([{ path: 'body.teamId', message: 'no such team in this workspace' }]);
    const number = await repo.takeCaseNumber(trx, ctx.workspaceId);
    const other = await repo.findOpenCase(trx, ctx.workspaceId, openKey);
    if (other) throw new AppError(409, 'open_case_exists', `case #${other.number} is open for this customer and theme`, { caseId: other.id, number: other.number });
    const now = new Date().toISOString();
    const policy = (await listPolicies(deps, trx, ctx.workspaceId)).find((p) => p.priority === input.priority)!;
    const sla = planSla(calendarOf(team), policy, { createdAt: Date.parse(now), pausedMs: 0, waitingSince: null, firstRespondedAt: null, resolvedAt: null, firstState: 'pending', resolutionState: 'pending' }, Date.parse(now));
    const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
    const row: CasesTable = {
      id, workspace_id: ctx.workspaceId, number, token: newCaseToken(), title: input.title, status: owner ? 'open' : 'new', category: owner ? 'open' : 'new', priority: input.priority,
      team_id: team?.id ?? null, owner_id: owner?.userId ?? null, customer_key: customerKey, customer_profile_id: null,
      customer_email_enc: email ? deps.cipher.encrypt(email) : null, customer_email_hash: email ? deps.cipher.lookupHash(email) : null,
      customer_name_enc: input.customerName ? deps.cipher.encrypt(input.customerName) : null, language: input.language ?? null, theme: input.theme, open_key: openKey,
      tags: JSON.stringify([...new Set(input.tags)]), rule_id: null, source_response_id: null, trigger_scores: '{}', recovered: null, root_cause: null, resolution_code: null,
      first_response_due_at: iso(sla.firstResponseDueAt), resolution_due_at: iso(sla.resolutionDueAt), first_responded_at: null,
      sla_first_state: sla.firstState, sla_resolution_state: sla.resolutionState, sla_paused_ms: 0, waiting_since: null, sla_next_at: iso(sla.nextAt),
      resolved_at: null, closed_at: null, created_at: now, updated_at: now, version: 0,
    };
    if (!(await repo.insertCaseUnlessOpen(trx, row))) throw new AppError(409, 'open_case_exists', 'a case is open for this customer and theme');
    const actor = { actor_type: 'user' as const, actor_id: ctx.actor.id, actor_label: ctx.actor.label };
    await repo.addEvent(trx, { workspace_id: ctx.workspaceId, case_id: id, at: now, kind: 'created', ...actor, data: { manual: true, theme: input.theme, priority: input.priority } });
    if (owner) await repo.addEvent(trx, { workspace_id: ctx.workspaceId, case_id: id, at: now, kind: 'assigned', ...actor, data: { to: owner.userId, toName: owner.name, method: 'manual' } });
    if (input.note) await repo.addEvent(trx, { workspace_id: ctx.workspaceId, case_id: id, at: now, kind: 'note', ...actor, data: { body: input.note } });
    await writeAudit(trx, { workspaceId: ctx.workspaceId, actor: ctx.actor, action: 'case.opened', targetType: 'case', targetId: id, details: { number, manual: true, theme: input.theme } });
    await appendEvent(trx, ctx.workspaceId, 'cases.case.changed', { caseId: id, kinds: ['created'] });
  });
  return getCase(deps, ctx.workspaceId, id);
}

