/**
 * Rules judge answers and open cases. Called when a response is submitted (answers without open
 * text, or when this process does not analyse text) and when its text has been analysed (answers
 * with text: their sentiment, themes and cues are known then). Each response is judged once: a mark
 * stored in the same transaction as its cases makes a redelivered event, or a second worker
 * process, do nothing. Duplicates merge: a customer with an open case on a theme gets the answer
 * linked to it, and the unique (workspace, open_key) index decides between two creators racing.
 */
import { ROLE_PERMISSIONS, type CaseActions, type CaseTrigger } from '@touchpoint/shared';
import type { Deps } from '../../deps.js';
import type { Trx } from '../../schema.js';
import { SYSTEM_ACTOR, writeAudit } from '../../platform/audit.js';
import { appendEvent } from '../../platform/events/outbox.js';
import { newId } from '../../platform/crypto/tokens.js';
import { newCaseToken } from './mail-address.js';
import { listMembers } from '../accounts/index.js';
import { caseThemes, triggerHolds } from './case-rules.js';
import { loadFacts, negativeHistory, type ResponseFacts } from './case-facts.js';
import { pickAgent, skillsOf, uiLanguageOf, type Candidate } from './assignment.js';
import { planSla } from './sla-clock.js';
import type { CasesTable, CaseRulesTable, CaseTeamsTable } from './cases.tables.js';
import * as repo from './cases.repo.js';
import * as setup from './setup.repo.js';
import { calendarOf, ensureSettings, listPolicies } from './setup.service.js';

/** Answers older than this do not open cases (an import of last year's answers is history, not a signal). */
export const JUDGE_WINDOW_DAYS = 30;

/**
 * What an answer opens: the first matching rule (by position) decides priority, team and owner —
 * one complaint is one case, however many rules it meets. `themes` are the case's themes (its
 * negative themes, else `general`); `theme` the main one (the most confident): a customer's open
 * case on any of `themes` takes the answer in, else a case opens on `theme`.
 */
export interface Plan { rule: CaseRulesTable; trigger: CaseTrigger; actions: CaseActions; theme: string; themes: string[] }

export async function planCase(deps: Deps, workspaceId: string, f: ResponseFacts, rules: CaseRulesTable[]): Promise<Plan | null> {
  const parsed = rules.map((rule) => ({ rule, trigger: JSON.parse(rule.trigger) as CaseTrigger, actions: JSON.parse(rule.actions) as CaseActions }));
  const maxDays = Math.max(0, ...parsed.flatMap((p) => p.trigger.conditions.map((c) => (c.kind === 'history' ? c.days : 0))));
  const facts = maxDays ? { ...f.facts, negativesWithin: await negativeHistory(deps, workspaceId, f, maxDays) } : f.facts;
  const match = parsed.find((p) => triggerHolds(p.trigger, facts));
  if (!match) return null;
  const themes = caseThemes(match.trigger, facts);
  // The text's themes come most confident first (case-facts.ts).
  const order = f.facts.text?.themes ?? [];
  const rank = (t: string) => (order.includes(t) ? order.indexOf(t) : order.length);
  const theme = [...themes].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))[0];
  return { ...match, theme, themes };
}

export interface JudgeResult { judged: number; opened: string[]; linked: string[] }

/**
 * Judges responses. `awaitText`: answers with open text not analysed yet are left for the
 * text.analyzed event (set when this deployment analyses text).
 */
export async function judgeResponses(deps: Deps, workspaceId: string, responseIds: string[], opts: { awaitText: boolean }): Promise<JudgeResult> {
  const result: JudgeResult = { judged: 0, opened: [], linked: [] };
  const rules = (await setup.rules(deps.db, workspaceId)).filter((r) => r.enabled);
  if (!rules.length) return result;
  const fresh = responseIds.filter((id) => id);
  const done = await repo.judgedAmong(deps.db, workspaceId, fresh);
  const cutoff = Date.now() - JUDGE_WINDOW_DAYS * 86_400_000;
  const facts = (await loadFacts(deps, workspaceId, fresh.filter((id) => !done.has(id))))
    .filter((f) => Date.parse(f.row.created_at) >= cutoff && !(opts.awaitText && f.hasText && !f.facts.text));
  if (!facts.length) return result;
  await ensureSettings(deps, deps.db, workspaceId);
  const members = await listMembers(deps, workspaceId);
  for (const f of facts) {
    const plan = await planCase(deps, workspaceId, f, rules);
    const outcome = await deps.db.transaction().execute(async (trx) => {
      if (!(await repo.markJudged(trx, workspaceId, f.row.id, plan ? 1 : 0, new Date().toISOString()))) return null;
      const opened: string[] = [], linked: string[] = [];
      if (plan) {
        const r = await openOrLink(deps, trx, workspaceId, f, plan, members);
        (r.opened ? opened : linked).push(r.caseId);
      }
      return { opened, linked };
    });
    if (!outcome) continue;
    result.judged++;
    result.opened.push(...outcome.opened);
    result.linked.push(...outcome.linked);
    for (const id of [...outcome.opened, ...outcome.linked]) deps.hub.publish(`workspace:${workspaceId}`, 'cases', { caseId: id, kind: outcome.opened.includes(id) ? 'opened' : 'linked', at: new Date().toISOString() });
  }
  if (result.opened.length || result.linked.length) deps.outbox.wake();
  return result;
}

/** A title an agent can scan: the first words of the negative text, else the rule's name. */
function titleOf(plan: Plan, text: string | null): string {
  const t = (text ?? '').replace(/\s+/g, ' ').trim();
  return t ? (t.length > 80 ? `${t.slice(0, 79)}…` : t) : plan.rule.name;
}

async function openOrLink(deps: Deps, trx: Trx, workspaceId: string, f: ResponseFacts, plan: Plan, members: Member[]): Promise<{ caseId: string; opened: boolean }> {
  const now = new Date().toISOString();
  const openKey = `${f.customer.key}|${plan.theme}`;
  const link = async (existing: CasesTable) => {
    if (await repo.linkResponse(trx, workspaceId, existing.id, f.row.id, 'linked', now)) {
      await repo.addEvent(trx, { workspace_id: workspaceId, case_id: existing.id, at: now, kind: 'linked', actor_type: 'system', actor_id: null, actor_label: null, data: { responseId: f.row.id, ruleId: plan.rule.id, ruleName: plan.rule.name, scores: f.facts.scores } });
      await repo.updateCase(trx, existing.id, { updated_at: now, version: existing.version + 1 });
      await appendEvent(trx, workspaceId, 'cases.case.changed', { caseId: existing.id, kind: 'linked' });
    }
    return { caseId: existing.id, opened: false };
  };
  const openOn = async () => {
    for (const t of [plan.theme, ...plan.themes]) {
      const found = await repo.findOpenCase(trx, workspaceId, `${f.customer.key}|${t}`);
      if (found) return found;
    }
    return undefined;
  };
  const existing = await openOn();
  if (existing) return link(existing);

  // The settings row's lock serialises creators in this workspace until commit; look again under
  // it (another process may have just opened the case), then take the number.
  await repo.lockCaseNumbers(trx, workspaceId);
  const raced = await openOn();
  if (raced) return link(raced);
  const number = await repo.takeCaseNumber(trx, workspaceId);

  const team = plan.actions.teamId ? await setup.team(trx, workspaceId, plan.actions.teamId) : undefined;
  const owner = await chooseOwner(trx, workspaceId, plan.actions, team ?? null, f, members);
  const policy = (await listPolicies(deps, trx, workspaceId)).find((p) => p.priority === plan.actions.priority)!;
  const created = Date.parse(now);
  const sla = planSla(calendarOf(team), policy, { createdAt: created, pausedMs: 0, waitingSince: null, firstRespondedAt: null, resolvedAt: null, firstState: 'pending', resolutionState: 'pending' }, created);
  const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
  const row: CasesTable = {
    id: newId(), workspace_id: workspaceId, number, token: newCaseToken(), title: titleOf(plan, f.quote),
    status: 'new', category: 'new', priority: plan.actions.priority, team_id: team?.id ?? null, owner_id: owner?.userId ?? null,
    customer_key: f.customer.key, customer_profile_id: null, customer_email_enc: f.customer.emailEnc, customer_email_hash: f.customer.emailHash, customer_name_enc: f.customer.nameEnc,
    language: uiLanguageOf(f.row.language), theme: plan.theme, open_key: openKey, tags: JSON.stringify(plan.actions.tags), rule_id: plan.rule.id, source_response_id: f.row.id,
    trigger_scores: JSON.stringify(f.facts.scores), recovered: null, root_cause: null, resolution_code: null,
    first_response_due_at: iso(sla.firstResponseDueAt), resolution_due_at: iso(sla.resolutionDueAt), first_responded_at: null,
    sla_first_state: sla.firstState, sla_resolution_state: sla.resolutionState, sla_paused_ms: 0, waiting_since: null, sla_next_at: iso(sla.nextAt),
    resolved_at: null, closed_at: null, created_at: now, updated_at: now, version: 0,
  };
  if (!(await repo.insertCaseUnlessOpen(trx, row))) return link((await repo.findOpenCase(trx, workspaceId, openKey))!);
  await repo.linkResponse(trx, workspaceId, row.id, f.row.id, 'trigger', now);
  await repo.addEvent(trx, { workspace_id: workspaceId, case_id: row.id, at: now, kind: 'created', actor_type: 'system', actor_id: null, actor_label: null, data: { ruleId: plan.rule.id, ruleName: plan.rule.name, responseId: f.row.id, theme: plan.theme, themes: plan.themes, scores: f.facts.scores, priority: plan.actions.priority } });
  if (owner) {
    await repo.addEvent(trx, { workspace_id: workspaceId, case_id: row.id, at: now, kind: 'assigned', actor_type: 'system', actor_id: null, actor_label: null, data: { to: owner.userId, toName: owner.name, method: owner.method } });
    await setup.touchAgentAssigned(trx, workspaceId, owner.userId, now);
    if (team) await setup.updateTeam(trx, workspaceId, team.id, { last_assigned_user_id: owner.userId });
  }
  await setup.countRuleMatch(trx, plan.rule.id, now);
  await writeAudit(trx, { workspaceId, actor: SYSTEM_ACTOR, action: 'case.opened', targetType: 'case', targetId: row.id, details: { number, ruleId: plan.rule.id, theme: plan.theme, responseId: f.row.id } });
  await appendEvent(trx, workspaceId, 'cases.case.opened', { caseId: row.id, ruleId: plan.rule.id });
  return { caseId: row.id, opened: true };
}

type Member = { id: string; name: string; role: keyof typeof ROLE_PERMISSIONS };

/** The candidates of a team (or of the workspace without one): members who may work cases. */
export async function candidatesFor(trx: Trx, workspaceId: string, teamId: string | null, members: Member[]): Promise<(Candidate & { name: string })[]> {
  const [agents, load] = await Promise.all([setup.agents(trx, workspaceId), repo.openCasesPerOwner(trx, workspaceId)]);
  const byUser = new Map(agents.map((a) => [a.user_id, a]));
  return members.filter((m) => ROLE_PERMISSIONS[m.role].includes('cases.work')).flatMap((m) => {
    const a = byUser.get(m.id);
    if (teamId && a?.team_id !== teamId) return [];
    return [{ userId: m.id, name: m.name, languages: a ? JSON.parse(a.languages) : [], skills: a ? JSON.parse(a.skills) : [], capacity: a?.capacity ?? 20, availability: a?.availability ?? 'online', load: load.get(m.id) ?? 0, lastAssignedAt: a?.last_assigned_at ?? null }];
  });
}

async function chooseOwner(trx: Trx, workspaceId: string, actions: CaseActions, team: Pick<CaseTeamsTable, 'id' | 'assignment' | 'last_assigned_user_id'> | null, f: ResponseFacts, members: Member[]) {
  if (actions.assign === 'none') return null;
  if (typeof actions.assign === 'object') {
    const m = members.find((x) => x.id === (actions.assign as { userId: string }).userId && ROLE_PERMISSIONS[x.role].includes('cases.work'));
    return m ? { userId: m.id, name: m.name, method: 'rule' } : null;
  }
  const candidates = await candidatesFor(trx, workspaceId, team?.id ?? null, members);
  const method = team?.assignment ?? 'least_loaded';
  const userId = pickAgent(candidates, method, { language: uiLanguageOf(f.row.language), skills: skillsOf(f.metadata) }, team?.last_assigned_user_id ?? null);
  const c = candidates.find((x) => x.userId === userId);
  return c ? { userId: c.userId, name: c.name, method } : null;
}
