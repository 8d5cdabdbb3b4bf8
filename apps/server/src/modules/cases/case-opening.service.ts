/**
 * Rules judge answers and open cases. Called with the answers an outbox drain found submitted
 * (answers without open text, or when this process does not analyse text) and when their text has
 * been analysed (answers with text: their sentiment, themes and cues are known then). A batch is one
 * transaction: the judged marks first (a redelivered event, or another worker process, finds its
 * answers already marked and does nothing), then the workspace's case numbering is locked, which
 * serialises case creation per workspace, and every answer is linked to its customer's open case on
 * its themes or opens one. Shared state (rules, members, agents and their load, policies, teams,
 * open cases of these customers) is read once per batch and kept current in memory as it goes.
 */
import { ROLE_PERMISSIONS, type CaseActions, type CaseTrigger, type SlaPolicy } from '@touchpoint/shared';
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
import type { CaseAgentsTable, CasesTable, CaseRulesTable, CaseTeamsTable } from './cases.tables.js';
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
 * text.analyzed event (set when this deployment analyses text). `facts`: already loaded.
 */
export async function judgeResponses(deps: Deps, workspaceId: string, responseIds: string[], opts: { awaitText: boolean; facts?: ResponseFacts[] }): Promise<JudgeResult> {
  const result: JudgeResult = { judged: 0, opened: [], linked: [] };
  const rules = (await setup.rules(deps.db, workspaceId)).filter((r) => r.enabled);
  if (!rules.length || !responseIds.length) return result;
  const done = await repo.judgedAmong(deps.db, workspaceId, responseIds);
  const cutoff = Date.now() - JUDGE_WINDOW_DAYS * 86_400_000;
  const todo = responseIds.filter((id) => !done.has(id));
  const loaded = opts.facts ? opts.facts.filter((f) => todo.includes(f.row.id)) : todo.length ? await loadFacts(deps, workspaceId, todo) : [];
  const facts = loaded.filter((f) => Date.parse(f.row.created_at) >= cutoff && !(opts.awaitText && f.hasText && !f.facts.text));
  if (!facts.length) return result;
  await ensureSettings(deps, deps.db, workspaceId);
  const members = await listMembers(deps, workspaceId);
  const policies = await listPolicies(deps, deps.db, workspaceId);
  const plans = new Map<string, Plan>();
  for (const f of facts) { const p = await planCase(deps, workspaceId, f, rules); if (p) plans.set(f.row.id, p); }
  const outcome = await deps.db.transaction().execute(async (trx) => {
    const now = new Date().toISOString();
    const marked = await repo.markJudgedMany(trx, workspaceId, facts.map((f) => ({ responseId: f.row.id, cases: plans.has(f.row.id) ? 1 : 0 })), now);
    const mine = facts.filter((f) => marked.has(f.row.id) && plans.has(f.row.id));
    if (!mine.length) return { judged: marked.size, opened: [] as string[], linked: [] as string[] };
    const batch = await openBatch(deps, trx, workspaceId, mine, members, policies);
    const opened: string[] = [], linked: string[] = [];
    for (const f of mine) {
      const r = await batch.openOrLink(f, plans.get(f.row.id)!);
      (r.opened ? opened : linked).push(r.caseId);
    }
    await batch.finish();
    return { judged: marked.size, opened, linked };
  });
  result.judged = outcome.judged;
  result.opened = outcome.opened;
  result.linked = outcome.linked;
  const at = new Date().toISOString();
  for (const id of new Set(outcome.opened)) deps.hub.publish(`workspace:${workspaceId}`, 'cases', { caseId: id, kind: 'opened', at });
  for (const id of new Set(outcome.linked)) deps.hub.publish(`workspace:${workspaceId}`, 'cases', { caseId: id, kind: 'linked', at });
  if (outcome.opened.length || outcome.linked.length) deps.outbox.wake();
  return result;
}

/** A title an agent can scan: the first words of the negative text, else the rule's name. */
function titleOf(plan: Plan, text: string | null): string {
  const t = (text ?? '').replace(/\s+/g, ' ').trim();
  return t ? (t.length > 80 ? `${t.slice(0, 79)}…` : t) : plan.rule.name;
}

const SYSTEM = { actor_type: 'system' as const, actor_id: null, actor_label: null };

/**
 * The state of one batch's transaction, read once under the workspace's numbering lock: the open
 * cases of the batch's customers, the next case number, agents with their load, teams. Each case
 * opened or answer linked updates it, so later answers of the batch see what earlier ones did.
 */
async function openBatch(deps: Deps, trx: Trx, workspaceId: string, facts: ResponseFacts[], members: Member[], policies: SlaPolicy[]) {
  // The numbering lock first: every creator of cases in this workspace passes here in turn.
  let next = await repo.lockCaseNumbers(trx, workspaceId);
  const first = next;
  const open = new Map((await repo.openCasesOfCustomers(trx, workspaceId, [...new Set(facts.map((f) => f.customer.key))])).map((c) => [c.open_key!, c]));
  const [agents, load] = await Promise.all([setup.agents(trx, workspaceId), repo.openCasesPerOwner(trx, workspaceId)]);
  const teams = new Map<string, CaseTeamsTable | undefined>();
  const teamOf = async (id: string | null) => {
    if (!id) return undefined;
    if (!teams.has(id)) teams.set(id, await setup.team(trx, workspaceId, id));
    return teams.get(id);
  };
  const matches = new Map<string, number>();
  const assigned = new Map<string, string>();
  const now = new Date().toISOString();

  const link = async (existing: CasesTable, f: ResponseFacts, plan: Plan) => {
    if (await repo.linkResponse(trx, workspaceId, existing.id, f.row.id, 'linked', now)) {
      await repo.addEvent(trx, { workspace_id: workspaceId, case_id: existing.id, at: now, kind: 'linked', ...SYSTEM, data: { responseId: f.row.id, ruleId: plan.rule.id, ruleName: plan.rule.name, scores: f.facts.scores } });
      existing.version += 1;
      await repo.updateCase(trx, existing.id, { updated_at: now, version: existing.version });
      await appendEvent(trx, workspaceId, 'cases.case.changed', { caseId: existing.id, kind: 'linked' });
    }
    return { caseId: existing.id, opened: false };
  };

  return {
    async openOrLink(f: ResponseFacts, plan: Plan): Promise<{ caseId: string; opened: boolean }> {
      const existing = [plan.theme, ...plan.themes].map((t) => open.get(`${f.customer.key}|${t}`)).find((c) => c);
      if (existing) return link(existing, f, plan);
      const team = await teamOf(plan.actions.teamId);
      const owner = chooseOwner(plan.actions, team ?? null, f, members, agents, load);
      const policy = policies.find((p) => p.priority === plan.actions.priority)!;
      const created = Date.parse(now);
      const sla = planSla(calendarOf(team), policy, { createdAt: created, pausedMs: 0, waitingSince: null, firstRespondedAt: null, resolvedAt: null, firstState: 'pending', resolutionState: 'pending' }, created);
      const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
      const openKey = `${f.customer.key}|${plan.theme}`;
      const row: CasesTable = {
        id: newId(), workspace_id: workspaceId, number: next, token: newCaseToken(), title: titleOf(plan, f.quote),
        status: 'new', category: 'new', priority: plan.actions.priority, team_id: team?.id ?? null, owner_id: owner?.userId ?? null,
        customer_key: f.customer.key, customer_profile_id: null, customer_email_enc: f.customer.emailEnc, customer_email_hash: f.customer.emailHash, customer_name_enc: f.customer.nameEnc,
        language: uiLanguageOf(f.row.language), theme: plan.theme, open_key: openKey, tags: JSON.stringify(plan.actions.tags), rule_id: plan.rule.id, source_response_id: f.row.id,
        trigger_scores: JSON.stringify(f.facts.scores), recovered: null, root_cause: null, resolution_code: null,
        first_response_due_at: iso(sla.firstResponseDueAt), resolution_due_at: iso(sla.resolutionDueAt), first_responded_at: null,
        sla_first_state: sla.firstState, sla_resolution_state: sla.resolutionState, sla_paused_ms: 0, waiting_since: null, sla_next_at: iso(sla.nextAt),
        resolved_at: null, closed_at: null, created_at: now, updated_at: now, version: 0,
      };
      // Under the numbering lock nobody else opens cases here; the unique open key still guards.
      if (!(await repo.insertCaseUnlessOpen(trx, row))) {
        const other = (await repo.findOpenCase(trx, workspaceId, openKey))!;
        open.set(openKey, other);
        return link(other, f, plan);
      }
      next += 1;
      open.set(openKey, row);
      await repo.linkResponse(trx, workspaceId, row.id, f.row.id, 'trigger', now);
      const events: repo.NewCaseEvent[] = [{ workspace_id: workspaceId, case_id: row.id, at: now, kind: 'created', ...SYSTEM, data: { ruleId: plan.rule.id, ruleName: plan.rule.name, responseId: f.row.id, theme: plan.theme, themes: plan.themes, scores: f.facts.scores, priority: plan.actions.priority } }];
      if (owner) {
        events.push({ workspace_id: workspaceId, case_id: row.id, at: now, kind: 'assigned', ...SYSTEM, data: { to: owner.userId, toName: owner.name, method: owner.method } });
        load.set(owner.userId, (load.get(owner.userId) ?? 0) + 1);
        assigned.set(owner.userId, team?.id ?? '');
        if (team) team.last_assigned_user_id = owner.userId;
        const a = agents.find((x) => x.user_id === owner.userId);
        if (a) a.last_assigned_at = now;
      }
      await repo.addEvents(trx, events);
      matches.set(plan.rule.id, (matches.get(plan.rule.id) ?? 0) + 1);
      await writeAudit(trx, { workspaceId, actor: SYSTEM_ACTOR, action: 'case.opened', targetType: 'case', targetId: row.id, details: { number: row.number, ruleId: plan.rule.id, theme: plan.theme, responseId: f.row.id } });
      await appendEvent(trx, workspaceId, 'cases.case.opened', { caseId: row.id, ruleId: plan.rule.id });
      return { caseId: row.id, opened: true };
    },
    /** The batch's bookkeeping: the next number, rule match counts, who was assigned last. */
    async finish(): Promise<void> {
      if (next !== first) await repo.setNextCaseNumber(trx, workspaceId, next);
      for (const [ruleId, n] of matches) await setup.countRuleMatches(trx, ruleId, n, now);
      for (const [userId, teamId] of assigned) {
        await setup.touchAgentAssigned(trx, workspaceId, userId, now);
        if (teamId) await setup.updateTeam(trx, workspaceId, teamId, { last_assigned_user_id: teams.get(teamId)?.last_assigned_user_id ?? userId });
      }
    },
  };
}

type Member = { id: string; name: string; role: keyof typeof ROLE_PERMISSIONS };

/** The candidates of a team (or of the workspace without one): members who may work cases. */
export async function candidatesFor(trx: Trx, workspaceId: string, teamId: string | null, members: Member[]): Promise<(Candidate & { name: string })[]> {
  const [agents, load] = await Promise.all([setup.agents(trx, workspaceId), repo.openCasesPerOwner(trx, workspaceId)]);
  return candidatesAmong(teamId, members, agents, load);
}

function candidatesAmong(teamId: string | null, members: Member[], agents: CaseAgentsTable[], load: Map<string, number>): (Candidate & { name: string })[] {
  const byUser = new Map(agents.map((a) => [a.user_id, a]));
  return members.filter((m) => ROLE_PERMISSIONS[m.role].includes('cases.work')).flatMap((m) => {
    const a = byUser.get(m.id);
    if (teamId && a?.team_id !== teamId) return [];
    return [{ userId: m.id, name: m.name, languages: a ? JSON.parse(a.languages) : [], skills: a ? JSON.parse(a.skills) : [], capacity: a?.capacity ?? 20, availability: a?.availability ?? 'online', load: load.get(m.id) ?? 0, lastAssignedAt: a?.last_assigned_at ?? null }];
  });
}

function chooseOwner(actions: CaseActions, team: Pick<CaseTeamsTable, 'id' | 'assignment' | 'last_assigned_user_id'> | null, f: ResponseFacts, members: Member[], agents: CaseAgentsTable[], load: Map<string, number>) {
  if (actions.assign === 'none') return null;
  if (typeof actions.assign === 'object') {
    const m = members.find((x) => x.id === (actions.assign as { userId: string }).userId && ROLE_PERMISSIONS[x.role].includes('cases.work'));
    return m ? { userId: m.id, name: m.name, method: 'rule' } : null;
  }
  const candidates = candidatesAmong(team?.id ?? null, members, agents, load);
  const method = team?.assignment ?? 'least_loaded';
  const userId = pickAgent(candidates, method, { language: uiLanguageOf(f.row.language), skills: skillsOf(f.metadata) }, team?.last_assigned_user_id ?? null);
  const c = candidates.find((x) => x.userId === userId);
  return c ? { userId: c.userId, name: c.name, method } : null;
}
