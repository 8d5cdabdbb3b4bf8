/**
 * Working a case: the inbox (filters, counts, paging), one case with its answers and timeline, and
 * changes (status, priority, owner, team, tags, root cause) with optimistic concurrency: a change
 * names the version it saw and a stale one answers 409. Every change recomputes the SLA clocks,
 * writes its timeline events and audit row, and announces itself, in one transaction.
 */
import { CaseListQuery, type CaseCategory, type CaseDetail, type CaseList, type CasePatch, type CustomStatus } from '@touchpoint/shared';
import type { z } from 'zod';
import { sql } from 'kysely';
import type { Deps } from '../../deps.js';
import type { Trx } from '../../schema.js';
import type { Actor } from '../../platform/http/access.js';
import { AppError, conflict, notFound, validationError, type FieldIssue } from '../../platform/http/errors.js';
import { writeAudit } from '../../platform/audit.js';
import { appendEvent } from '../../platform/events/outbox.js';
import { listMembers } from '../accounts/index.js';
import { normaliseEmail } from '../responses/index.js';
import type { CasesTable } from './cases.tables.js';
import { categoryOf, isOpenCategory, presentCase, presentEvent } from './case-present.js';
import { linkedResponsesOf } from './case-links.js';
import { planSla, pauseLength } from './sla-clock.js';
import * as repo from './cases.repo.js';
import * as setup from './setup.repo.js';
import { calendarOf, ensureSettings, listAgents, listPolicies } from './setup.service.js';

export interface Ctx { workspaceId: string; actor: Actor }
type ListQuery = z.output<typeof CaseListQuery>;

export const memberNames = async (deps: Deps, workspaceId: string) => new Map((await listMembers(deps, workspaceId)).map((m) => [m.id, m.name]));

const PRIORITY_RANK = `case priority when 'urgent' then 0 when 'high' then 1 when 'normal' then 2 else 3 end`;

function filtered(deps: Deps, workspaceId: string, q: ListQuery, me: string, withCategory: boolean) {
  let s = deps.db.selectFrom('cases').where('workspace_id', '=', workspaceId);
  const list = <T>(v: T | T[] | undefined) => (v === undefined ? undefined : Array.isArray(v) ? v : [v]);
  const categories = list(q.category);
  if (withCategory && categories) s = s.where('category', 'in', categories);
  if (q.status) s = s.where('status', '=', q.status);
  const priorities = list(q.priority);
  if (priorities) s = s.where('priority', 'in', priorities);
  if (q.teamId) s = s.where('team_id', '=', q.teamId);
  if (q.owner === 'none') s = s.where('owner_id', 'is', null);
  else if (q.owner) s = s.where('owner_id', '=', q.owner === 'me' ? me : q.owner);
  if (q.theme) s = s.where('theme', '=', q.theme);
  if (q.tag) s = s.where('tags', 'like', `%${JSON.stringify(q.tag).slice(0, -1)}"%`);
  if (q.sla === 'breached') s = s.where((eb) => eb.or([eb('sla_first_state', '=', 'breached'), eb('sla_resolution_state', '=', 'breached')]));
  else if (q.sla === 'warning') s = s.where((eb) => eb.or([eb('sla_first_state', '=', 'warning'), eb('sla_resolution_state', '=', 'warning')]));
  else if (q.sla === 'at_risk') s = s.where((eb) => eb.or([eb('sla_first_state', 'in', ['warning', 'breached']), eb('sla_resolution_state', 'in', ['warning', 'breached'])]));
  if (q.q) {
    const text = q.q.trim();
    const number = /^#?(\d{1,9})$/.exec(text);
    if (number) s = s.where('number', '=', Number(number[1]));
    else if (text.includes('@')) s = s.where('customer_email_hash', '=', deps.cipher.lookupHash(normaliseEmail(text)));
    // ESCAPE spelled out (SQLite has no default escape character, PostgreSQL's is the backslash);
    // lower() on both sides (PostgreSQL's LIKE minds case, SQLite's does not for ASCII).
    else s = s.where(sql<boolean>`lower(title) like lower(${`%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}) escape '\\'`);
  }
  return s;
}

export async function listCases(deps: Deps, ctx: Ctx, q: ListQuery): Promise<CaseList> {
  const offset = q.cursor && /^\d+$/.test(q.cursor) ? Number(q.cursor) : 0;
  let page = filtered(deps, ctx.workspaceId, q, ctx.actor.id, true).selectAll();
  if (q.sort === 'oldest') page = page.orderBy('created_at').orderBy('id');
  else if (q.sort === 'due') page = page.orderBy(sql`coalesce(first_response_due_at, resolution_due_at, '9999')`).orderBy('created_at', 'desc');
  else if (q.sort === 'priority') page = page.orderBy(sql.raw(PRIORITY_RANK)).orderBy('created_at', 'desc');
  else page = page.orderBy('created_at', 'desc').orderBy('id', 'desc');
  const rows = await page.limit(q.limit + 1).offset(offset).execute();
  const counts = await filtered(deps, ctx.workspaceId, q, ctx.actor.id, false).select(['category', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('category').execute();
  const names = await memberNames(deps, ctx.workspaceId);
  const all: Record<CaseCategory, number> = { new: 0, open: 0, waiting: 0, resolved: 0, closed: 0 };
  for (const c of counts) all[c.category as CaseCategory] = Number(c.n);
  return { cases: rows.slice(0, q.limit).map((r) => presentCase(deps, r, names)), nextCursor: rows.length > q.limit ? String(offset + q.limit) : null, counts: all };
}

export async function getCase(deps: Deps, workspaceId: string, id: string): Promise<CaseDetail> {
  // The timeline before the case's row: a change commits its row and its events together, so a
  // row read after the events is at least as new as they are (read the other way round, a reply
  // committing in between showed on the timeline under the status it had just replaced).
  const [names, events, responses] = await Promise.all([memberNames(deps, workspaceId), repo.timelineOf(deps.db, id), linkedResponsesOf(deps, workspaceId, id)]);
  const row = await repo.findCase(deps.db, workspaceId, id);
  if (!row) throw notFound('case');
  return { ...presentCase(deps, row, names), responses, timeline: events.map(presentEvent) };
}

/** The SLA columns after a change of state, priority or team. */
export async function slaColumns(deps: Deps, trx: Trx, row: CasesTable, now: number): Promise<Partial<CasesTable>> {
  const team = row.team_id ? await setup.team(trx, row.workspace_id, row.team_id) : undefined;
  const policy = (await listPolicies(deps, trx, row.workspace_id)).find((p) => p.priority === row.priority)!;
  const ms = (s: string | null) => (s === null ? null : Date.parse(s));
  const plan = planSla(calendarOf(team), policy, {
    createdAt: Date.parse(row.created_at), pausedMs: row.sla_paused_ms, waitingSince: ms(row.waiting_since), firstRespondedAt: ms(row.first_responded_at),
    resolvedAt: isOpenCategory(row.category) ? null : ms(row.resolved_at ?? row.closed_at), firstState: row.sla_first_state, resolutionState: row.sla_resolution_state,
  }, now);
  const iso = (x: number | null) => (x === null ? null : new Date(x).toISOString());
  return { first_response_due_at: iso(plan.firstResponseDueAt), resolution_due_at: iso(plan.resolutionDueAt), sla_first_state: plan.firstState, sla_resolution_state: plan.resolutionState, sla_next_at: iso(plan.nextAt) };
}

type Event = Omit<Parameters<typeof repo.addEvent>[1], 'workspace_id' | 'case_id' | 'at' | 'actor_type' | 'actor_id' | 'actor_label'>;

/**
 * Applies a change to a case under its row lock: `change` returns the new columns and the
 * timeline events; the SLA clocks follow. Shared by patches, replies, inbound mail and the sweeper.
 */
export async function changeCase(deps: Deps, trx: Trx, ctx: Ctx, row: CasesTable, next: Partial<CasesTable>, events: Event[], opts: { version?: number; audit?: string; now?: number } = {}): Promise<CasesTable> {
  // The SLA clock passes its own instant (its sweep may judge a moment other than the wall clock's).
  const now = new Date(opts.now ?? Date.now());
  const merged = { ...row, ...next, updated_at: now.toISOString() };
  const sla = await slaColumns(deps, trx, merged, now.getTime());
  const version = opts.version ?? row.version;
  if (!(await repo.updateCaseAtVersion(trx, row.id, version, { ...next, ...sla, updated_at: merged.updated_at }))) throw conflict('case_changed', 'the case changed since you loaded it: reload and try again');
  const actor = ctx.actor.type === 'user' ? { actor_type: 'user' as const, actor_id: ctx.actor.id, actor_label: ctx.actor.label } : ctx.actor.type === 'public' ? { actor_type: 'customer' as const, actor_id: null, actor_label: ctx.actor.label } : { actor_type: 'system' as const, actor_id: null, actor_label: null };
  for (const e of events) await repo.addEvent(trx, { ...e, ...actor, workspace_id: row.workspace_id, case_id: row.id, at: merged.updated_at });
  if (opts.audit !== '') await writeAudit(trx, { workspaceId: row.workspace_id, actor: ctx.actor, action: opts.audit ?? 'case.updated', targetType: 'case', targetId: row.id, details: { kinds: events.map((e) => e.kind), fields: Object.keys(next) } });
  await appendEvent(trx, row.workspace_id, 'cases.case.changed', { caseId: row.id, kinds: events.map((e) => e.kind) });
  return { ...merged, ...sla, version: version + 1 } as CasesTable;
}

/** The columns and events of a move to another status (pauses, resolution times, the open key). */
export function statusMove(row: CasesTable, status: string, category: CaseCategory, now: string): { next: Partial<CasesTable>; events: Event[] } {
  const next: Partial<CasesTable> = { status, category };
  const events: Event[] = [{ kind: 'status', data: { from: row.status, to: status, category } }];
  if (row.waiting_since && category !== 'waiting') {
    // The customer answered (or the agent moved on): the pause ends and the clocks run again.
    next.waiting_since = null;
    next.sla_paused_ms = row.sla_paused_ms; // replaced by the caller with the pause added (needs the calendar)
  }
  if (category === 'waiting' && !row.waiting_since) next.waiting_since = now;
  if (isOpenCategory(category) && !isOpenCategory(row.category)) {
    next.open_key = `${row.customer_key}|${row.theme}`;
    next.resolved_at = null; next.closed_at = null; next.recovered = null;
    events.push({ kind: 'reopened', data: { from: row.status } });
  }
  if (!isOpenCategory(category)) {
    next.open_key = null;
    if (category === 'resolved' && !row.resolved_at) next.resolved_at = now;
    if (category === 'closed') { next.closed_at = now; if (!row.resolved_at) next.resolved_at = now; }
  }
  return { next, events };
}

/** Adds the pause that ends now to the paused total (team calendar). */
export async function endPause(trx: Trx, row: CasesTable, now: number): Promise<number> {
  if (!row.waiting_since) return row.sla_paused_ms;
  const team = row.team_id ? await setup.team(trx, row.workspace_id, row.team_id) : undefined;
  return row.sla_paused_ms + pauseLength(calendarOf(team), Date.parse(row.waiting_since), now);
}

export async function patchCase(deps: Deps, ctx: Ctx, id: string, patch: CasePatch): Promise<{ detail: CaseDetail; resurvey: boolean }> {
  const settings = await ensureSettings(deps, deps.db, ctx.workspaceId);
  const custom = JSON.parse(settings.statuses) as CustomStatus[];
  const codes = JSON.parse(settings.resolution_codes) as string[];
  const agents = patch.ownerId ? await listAgents(deps, ctx.workspaceId) : [];
  let resurvey = false;
  await deps.db.transaction().execute(async (trx) => {
    const row = await repo.findCase(trx, ctx.workspaceId, id, 'update');
    if (!row) throw notFound('case');
    if (patch.version !== undefined && row.version !== patch.version) throw conflict('case_changed', 'the case changed since you loaded it: reload and try again');
    const now = new Date().toISOString();
    let next: Partial<CasesTable> = {};
    const events: Event[] = [];
    const issues: FieldIssue[] = [];
    if (patch.title !== undefined && patch.title !== row.title) { next.title = patch.title; events.push({ kind: 'title', data: { from: row.title, to: patch.title } }); }
    if (patch.priority && patch.priority !== row.priority) { next.priority = patch.priority; events.push({ kind: 'priority', data: { from: row.priority, to: patch.priority } }); }
    if (patch.teamId !== undefined && patch.teamId !== row.team_id) {
      if (patch.teamId && !(await setup.team(trx, ctx.workspaceId, patch.teamId))) issues.push({ path: 'body.teamId', message: 'no such team in this workspace' });
      next.team_id = patch.teamId; events.push({ kind: 'team', data: { from: row.team_id, to: patch.teamId } });
    }
    if (patch.ownerId !== undefined && patch.ownerId !== row.owner_id) {
      const agent = patch.ownerId ? agents.find((a) => a.userId === patch.ownerId) : null;
      if (patch.ownerId && !agent) issues.push({ path: 'body.ownerId', message: 'not an agent of this workspace' });
      next.owner_id = patch.ownerId; events.push({ kind: 'assigned', data: { from: row.owner_id, to: patch.ownerId, toName: agent?.name ?? null, method: 'manual' } });
    }
    if (patch.tags) { const tags = [...new Set(patch.tags)]; if (JSON.stringify(tags) !== row.tags) { next.tags = JSON.stringify(tags); events.push({ kind: 'tags', data: { from: JSON.parse(row.tags), to: tags } }); } }
    if (patch.rootCause !== undefined && patch.rootCause !== row.root_cause) { next.root_cause = patch.rootCause; events.push({ kind: 'root_cause', data: { rootCause: patch.rootCause, resolutionCode: patch.resolutionCode ?? row.resolution_code } }); }
    if (patch.resolutionCode !== undefined && patch.resolutionCode !== row.resolution_code) {
      if (patch.resolutionCode && !codes.includes(patch.resolutionCode)) issues.push({ path: 'body.resolutionCode', message: 'not one of the workspace\'s resolution codes' });
      next.resolution_code = patch.resolutionCode;
      if (!events.some((e) => e.kind === 'root_cause')) events.push({ kind: 'root_cause', data: { rootCause: next.root_cause ?? row.root_cause, resolutionCode: patch.resolutionCode } });
    }
    if (patch.status !== undefined && patch.status !== row.status) {
      const category = categoryOf(patch.status, custom);
      if (!category) issues.push({ path: 'body.status', message: 'not a status of this workspace' });
      else {
        if (!isOpenCategory(category)) {
          if (!(next.root_cause ?? row.root_cause)) issues.push({ path: 'body.rootCause', message: 'a root cause is required to resolve or close a case' });
          if (!(next.resolution_code ?? row.resolution_code)) issues.push({ path: 'body.resolutionCode', message: 'a resolution code is required to resolve or close a case' });
        }
        if (isOpenCategory(category) && !isOpenCategory(row.category)) {
          const other = await repo.findOpenCase(trx, ctx.workspaceId, `${row.customer_key}|${row.theme}`);
          if (other && other.id !== row.id) throw new AppError(409, 'open_case_exists', `case #${other.number} is open for this customer and theme`, { caseId: other.id, number: other.number });
        }
        const move = statusMove(row, patch.status, category, now);
        next = { ...next, ...move.next };
        if ('sla_paused_ms' in move.next) next.sla_paused_ms = await endPause(trx, row, Date.parse(now));
        events.push(...move.events);
        resurvey = !!patch.resurvey && !isOpenCategory(category) && isOpenCategory(row.category);
      }
    }
    if (issues.length) throw validationError(issues);
    if (!events.length) return;
    await changeCase(deps, trx, ctx, row, next, events, { version: row.version });
  });
  return { detail: await getCase(deps, ctx.workspaceId, id), resurvey };
}

export async function addNote(deps: Deps, ctx: Ctx, id: string, body: string) {
  return deps.db.transaction().execute(async (trx) => {
    const row = await repo.findCase(trx, ctx.workspaceId, id, 'update');
    if (!row) throw notFound('case');
    await changeCase(deps, trx, ctx, row, {}, [{ kind: 'note', data: { body } }], { audit: 'case.note_added' });
    return presentEvent((await repo.timelineOf(trx, id)).filter((e) => e.kind === 'note').pop()!);
  });
}

export async function assignToMe(deps: Deps, ctx: Ctx, id: string): Promise<CaseDetail> {
  const me = (await listAgents(deps, ctx.workspaceId)).find((a) => a.userId === ctx.actor.id);
  if (!me) throw new AppError(403, 'forbidden', 'only agents of this workspace take cases');
  await deps.db.transaction().execute(async (trx) => {
    const row = await repo.findCase(trx, ctx.workspaceId, id, 'update');
    if (!row) throw notFound('case');
    if (row.owner_id === me.userId) return;
    const open = row.category === 'new' ? { status: 'open', category: 'open' } : {};
    await changeCase(deps, trx, ctx, row, { owner_id: me.userId, ...open }, [{ kind: 'assigned', data: { from: row.owner_id, to: me.userId, toName: me.name, method: 'self' } }], { audit: 'case.assigned' });
  });
  return getCase(deps, ctx.workspaceId, id);
}

