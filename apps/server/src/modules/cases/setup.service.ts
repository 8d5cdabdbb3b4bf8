/**
 * The set-up of closed-loop work: per-workspace settings (made with defaults on first use), teams
 * with their business hours, agents, SLA policies per priority and saved inbox views. Each write and
 * its audit row share a transaction.
 */
import { AgentInput, CASE_PRIORITIES, CaseSettingsInput, ROLE_PERMISSIONS, SavedViewInput, TeamInput, type Agent, type CasePriority, type CaseSettings, type SavedView, type SlaPolicy, type Team } from '@touchpoint/shared';
import type { z } from 'zod';
import type { Deps } from '../../deps.js';
import type { Trx } from '../../schema.js';
import type { Actor } from '../../platform/http/access.js';
import { notFound, validationError } from '../../platform/http/errors.js';
import { hashToken, newId, randomToken } from '../../platform/crypto/tokens.js';
import { isValidTimeZone } from '../../platform/time/local-day.js';
import { writeAudit } from '../../platform/audit.js';
import { listMembers } from '../accounts/index.js';
import { alwaysOpen, type BusinessCalendar } from './business-hours.js';
import type { CaseSettingsTable, CaseSlaPoliciesTable, CaseTeamsTable } from './cases.tables.js';
import { DEFAULT_TEMPLATES } from './mail-templates.js';
import * as repo from './setup.repo.js';
import { openCasesPerOwner } from './cases.repo.js';

interface Ctx { workspaceId: string; actor: Actor }
type Q = Deps['db'] | Trx;

export const DEFAULT_RESOLUTION_CODES = ['fixed', 'refunded', 'replaced', 'explained', 'goodwill', 'no_action_needed', 'duplicate'];

/** Targets a new workspace starts with (minutes of business time): tighter for higher priorities. */
export const DEFAULT_SLA: Record<CasePriority, { first: number; resolution: number }> = {
  urgent: { first: 60, resolution: 8 * 60 },
  high: { first: 4 * 60, resolution: 24 * 60 },
  normal: { first: 8 * 60, resolution: 3 * 24 * 60 },
  low: { first: 24 * 60, resolution: 5 * 24 * 60 },
};

/** The workspace's settings row, made with defaults the first time anything asks for it. */
export async function ensureSettings(deps: Deps, db: Q, workspaceId: string): Promise<CaseSettingsTable> {
  const found = await repo.settingsRow(db, workspaceId);
  if (found) return found;
  const token = randomToken('in_', 18);
  await repo.insertSettingsIfAbsent(db, {
    workspace_id: workspaceId, next_number: 1, statuses: '[]', resolution_codes: JSON.stringify(DEFAULT_RESOLUTION_CODES),
    templates: JSON.stringify(DEFAULT_TEMPLATES), resurvey_default: 1, resurvey_survey_id: null,
    inbound_token_enc: deps.cipher.encrypt(token), inbound_token_hash: hashToken(token), updated_at: new Date().toISOString(),
  });
  return (await repo.settingsRow(db, workspaceId))!;
}

/** The address customers' replies go to: MAIL_FROM's mailbox. */
export function replyBase(deps: Deps): string {
  const m = /<([^>]+)>/.exec(deps.config.mailFrom);
  return (m ? m[1] : deps.config.mailFrom).trim();
}

export function presentSettings(deps: Deps, row: CaseSettingsTable): CaseSettings {
  const token = deps.cipher.decrypt(row.inbound_token_enc);
  const base = replyBase(deps);
  const at = base.lastIndexOf('@');
  return {
    statuses: JSON.parse(row.statuses), resolutionCodes: JSON.parse(row.resolution_codes), templates: JSON.parse(row.templates),
    resurveyByDefault: !!row.resurvey_default, resurveySurveyId: row.resurvey_survey_id,
    inboundUrl: `${deps.publicUrl()}/api/public/cases/inbound/${token}`,
    replyAddress: at > 0 ? `${base.slice(0, at)}+c-<case>@${base.slice(at + 1)}` : base,
  };
}

export async function getSettings(deps: Deps, workspaceId: string): Promise<CaseSettings> {
  return presentSettings(deps, await ensureSettings(deps, deps.db, workspaceId));
}

export async function putSettings(deps: Deps, ctx: Ctx, input: z.output<typeof CaseSettingsInput>): Promise<CaseSettings> {
  await ensureSettings(deps, deps.db, ctx.workspaceId);
  await deps.db.transaction().execute(async (trx) => {
    await repo.updateSettings(trx, ctx.workspaceId, {
      statuses: JSON.stringify(input.statuses), resolution_codes: JSON.stringify(input.resolutionCodes), templates: JSON.stringify(input.templates),
      resurvey_default: input.resurveyByDefault ? 1 : 0, updated_at: new Date().toISOString(),
    });
    await writeAudit(trx, { workspaceId: ctx.workspaceId, actor: ctx.actor, action: 'cases.settings_changed', targetType: 'case_settings', targetId: ctx.workspaceId, details: { statuses: input.statuses.length, codes: input.resolutionCodes.length, templates: input.templates.length } });
  });
  return getSettings(deps, ctx.workspaceId);
}

// ── teams ──

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));
const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

export function presentTeam(row: CaseTeamsTable): Team {
  return { id: row.id, name: row.name, timeZone: row.time_zone, hours: JSON.parse(row.hours), holidays: JSON.parse(row.holidays), assignment: row.assignment, leadUserId: row.lead_user_id, createdAt: row.created_at, updatedAt: row.updated_at };
}

/** The team's business calendar; a case without a team runs around the clock in UTC. */
export function calendarOf(row: CaseTeamsTable | undefined | null): BusinessCalendar {
  if (!row) return alwaysOpen('UTC');
  const hours = JSON.parse(row.hours) as { from: string; to: string }[][];
  return {
    timeZone: row.time_zone,
    week: hours.map((spans) => spans.map((s) => [minutes(s.from), minutes(s.to)] as const).sort((a, b) => a[0] - b[0])),
    holidays: new Set(JSON.parse(row.holidays) as string[]),
  };
}

async function checkTeam(deps: Deps, workspaceId: string, input: z.output<typeof TeamInput>) {
  const issues = [];
  if (!isValidTimeZone(input.timeZone)) issues.push({ path: 'body.timeZone', message: 'not an IANA time zone' });
  input.hours.forEach((spans, day) => {
    const sorted = [...spans].sort((a, b) => minutes(a.from) - minutes(b.from));
    for (let i = 1; i < sorted.length; i++) if (minutes(sorted[i].from) < minutes(sorted[i - 1].to)) issues.push({ path: `body.hours.${day}`, message: 'spans overlap' });
  });
  if (input.leadUserId && !(await listMembers(deps, workspaceId)).some((m) => m.id === input.leadUserId)) issues.push({ path: 'body.leadUserId', message: 'not a member of this workspace' });
  if (issues.length) throw validationError(issues);
}

export const listTeams = async (deps: Deps, workspaceId: string) => (await repo.teams(deps.db, workspaceId)).map(presentTeam);

export async function saveTeam(deps: Deps, ctx: Ctx, id: string | null, input: z.output<typeof TeamInput>): Promise<Team> {
  await checkTeam(deps, ctx.workspaceId, input);
  const now = new Date().toISOString();
  const columns = { name: input.name, time_zone: input.timeZone, hours: JSON.stringify(input.hours.map((d) => d.map((s) => ({ from: hhmm(minutes(s.from)), to: s.to })))), holidays: JSON.stringify([...new Set(input.holidays)].sort()), assignment: input.assignment, lead_user_id: input.leadUserId, updated_at: now };
  const teamId = id ?? newId();
  await deps.db.transaction().execute(async (trx) => {
    if (id) {
      const r = await repo.updateTeam(trx, ctx.workspaceId, id, columns);
      if (!Number(r.numUpdatedRows)) throw notFound('team');
    } else await repo.insertTeam(trx, { id: teamId, workspace_id: ctx.workspaceId, ...columns, last_assigned_user_id: null, created_at: now });
    await writeAudit(trx, { workspaceId: ctx.workspaceId, actor: ctx.actor, action: id ? 'cases.team_changed' : 'cases.team_created', targetType: 'case_team', targetId: teamId, details: { name: input.name, timeZone: input.timeZone } });
  });
  return presentTeam((await repo.team(deps.db, ctx.workspaceId, teamId))!);
}

export async function deleteTeam(deps: Deps, ctx: Ctx, id: string): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const r = await repo.deleteTeam(trx, ctx.workspaceId, id);
    if (!Number(r.numDeletedRows)) throw notFound('team');
    await writeAudit(trx, { workspaceId: ctx.workspaceId, actor: ctx.actor, action: 'cases.team_deleted', targetType: 'case_team', targetId: id });
  });
}

// ── agents ──

/** Members who may work cases, with their agent settings (defaults until set) and open cases. */
export async function listAgents(deps: Deps, workspaceId: string): Promise<Agent[]> {
  const [people, rows, load] = await Promise.all([listMembers(deps, workspaceId), repo.agents(deps.db, workspaceId), openCasesPerOwner(deps.db, workspaceId)]);
  const byUser = new Map(rows.map((r) => [r.user_id, r]));
  return people.filter((m) => ROLE_PERMISSIONS[m.role].includes('cases.work')).map((m) => {
    const r = byUser.get(m.id);
    return {
      userId: m.id, name: m.name, email: m.email, openCases: load.get(m.id) ?? 0,
      teamId: r?.team_id ?? null, languages: r ? JSON.parse(r.languages) : [], skills: r ? JSON.parse(r.skills) : [],
      capacity: r?.capacity ?? 20, availability: r?.availability ?? 'online',
    };
  });
}

export async function saveAgent(deps: Deps, ctx: Ctx, userId: string, input: z.output<typeof AgentInput>): Promise<Agent> {
  if (!(await listAgents(deps, ctx.workspaceId)).some((a) => a.userId === userId)) throw notFound('agent');
  if (input.teamId && !(await repo.team(deps.db, ctx.workspaceId, input.teamId))) throw validationError([{ path: 'body.teamId', message: 'no such team in this workspace' }]);
  await deps.db.transaction().execute(async (trx) => {
    await repo.upsertAgent(trx, { workspace_id: ctx.workspaceId, user_id: userId, team_id: input.teamId, languages: JSON.stringify(input.languages), skills: JSON.stringify(input.skills), capacity: input.capacity, availability: input.availability, last_assigned_at: null, updated_at: new Date().toISOString() });
    await writeAudit(trx, { workspaceId: ctx.workspaceId, actor: ctx.actor, action: 'cases.agent_changed', targetType: 'user', targetId: userId, details: { teamId: input.teamId, capacity: input.capacity, availability: input.availability } });
  });
  return (await listAgents(deps, ctx.workspaceId)).find((a) => a.userId === userId)!;
}

/** An agent sets their own availability (online / away); other settings stay. */
export async function setAvailability(deps: Deps, ctx: Ctx, availability: 'online' | 'away'): Promise<Agent> {
  const me = (await listAgents(deps, ctx.workspaceId)).find((a) => a.userId === ctx.actor.id);
  if (!me) throw notFound('agent');
  return saveAgent(deps, ctx, me.userId, { teamId: me.teamId, languages: me.languages, skills: me.skills, capacity: me.capacity, availability });
}

// ── SLA ──

export function presentPolicy(priority: CasePriority, row: CaseSlaPoliciesTable | undefined): SlaPolicy {
  if (!row) return { priority, firstResponseMinutes: DEFAULT_SLA[priority].first, resolutionMinutes: DEFAULT_SLA[priority].resolution, warnAtPercent: 80, escalation: { raisePriority: true, reassign: false, notifyLead: true } };
  return { priority, firstResponseMinutes: row.first_response_minutes, resolutionMinutes: row.resolution_minutes, warnAtPercent: row.warn_percent, escalation: JSON.parse(row.escalation) };
}

export async function listPolicies(deps: Deps, db: Q, workspaceId: string): Promise<SlaPolicy[]> {
  const rows = new Map((await repo.slaPolicies(db, workspaceId)).map((r) => [r.priority, r]));
  return CASE_PRIORITIES.map((p) => presentPolicy(p, rows.get(p)));
}

export async function putPolicies(deps: Deps, ctx: Ctx, input: Record<CasePriority, Omit<SlaPolicy, 'priority'>>): Promise<SlaPolicy[]> {
  const issues = CASE_PRIORITIES.filter((p) => input[p].resolutionMinutes < input[p].firstResponseMinutes).map((p) => ({ path: `body.${p}.resolutionMinutes`, message: 'resolution cannot come before the first response' }));
  if (issues.length) throw validationError(issues);
  const now = new Date().toISOString();
  await deps.db.transaction().execute(async (trx) => {
    for (const p of CASE_PRIORITIES) {
      const x = input[p];
      await repo.upsertSlaPolicy(trx, { workspace_id: ctx.workspaceId, priority: p, first_response_minutes: x.firstResponseMinutes, resolution_minutes: x.resolutionMinutes, warn_percent: x.warnAtPercent, escalation: JSON.stringify(x.escalation), updated_at: now });
    }
    await writeAudit(trx, { workspaceId: ctx.workspaceId, actor: ctx.actor, action: 'cases.sla_changed', targetType: 'case_sla', targetId: ctx.workspaceId, details: input });
  });
  return listPolicies(deps, deps.db, ctx.workspaceId);
}

// ── saved views ──

export async function listViews(deps: Deps, workspaceId: string, userId: string): Promise<SavedView[]> {
  return (await repo.views(deps.db, workspaceId, userId)).map((v) => ({ id: v.id, name: v.name, filters: JSON.parse(v.filters), shared: !!v.shared, mine: v.user_id === userId }));
}

export async function createView(deps: Deps, ctx: Ctx, input: z.output<typeof SavedViewInput>): Promise<SavedView> {
  const row = { id: newId(), workspace_id: ctx.workspaceId, user_id: ctx.actor.id, name: input.name, filters: JSON.stringify(input.filters), shared: input.shared ? 1 : 0, created_at: new Date().toISOString() };
  await deps.db.transaction().execute(async (trx) => {
    await repo.insertView(trx, row);
    await writeAudit(trx, { workspaceId: ctx.workspaceId, actor: ctx.actor, action: 'cases.view_created', targetType: 'case_view', targetId: row.id, details: { name: input.name, shared: input.shared } });
  });
  return { id: row.id, name: row.name, filters: input.filters, shared: input.shared, mine: true };
}

/** Its author deletes a view; a shared one, anyone who sees it. */
export async function deleteView(deps: Deps, ctx: Ctx, id: string): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const r = await repo.deleteView(trx, ctx.workspaceId, id, ctx.actor.id);
    if (!Number(r.numDeletedRows)) throw notFound('view');
    await writeAudit(trx, { workspaceId: ctx.workspaceId, actor: ctx.actor, action: 'cases.view_deleted', targetType: 'case_view', targetId: id });
  });
}

