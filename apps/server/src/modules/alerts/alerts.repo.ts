/** SQL of the alerts module: rules, fired alerts and their delivery state. */
import type { Db, Trx } from '../../schema.js';
import type { AlertEventsTable, AlertRulesTable } from './alerts.tables.js';

type Q = Db | Trx;

export const insertRule = (db: Q, row: AlertRulesTable) => db.insertInto('alert_rules').values(row).execute();

export const findRule = (db: Q, workspaceId: string, id: string) =>
  db.selectFrom('alert_rules').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();

export const listRules = (db: Q, workspaceId: string) =>
  db.selectFrom('alert_rules').selectAll().where('workspace_id', '=', workspaceId).orderBy('created_at').orderBy('id').execute();

export const enabledRules = (db: Q, workspaceId: string) =>
  db.selectFrom('alert_rules').selectAll().where('workspace_id', '=', workspaceId).where('enabled', '=', 1).execute();

export const updateRule = (db: Q, workspaceId: string, id: string, patch: Partial<AlertRulesTable>) =>
  db.updateTable('alert_rules').set(patch).where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();

export const deleteRule = (db: Q, workspaceId: string, id: string) =>
  db.deleteFrom('alert_rules').where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();

/** Bookkeeping after an evaluation: when it started and what it measured (not an audited change). */
export const markEvaluated = (db: Q, id: string, at: string, result: string) =>
  db.updateTable('alert_rules').set({ last_evaluated_at: at, last_result: result }).where('id', '=', id).execute();

/**
 * Claims the right to fire: sets last_fired_at only if the last firing is older than `cutoff`.
 * One UPDATE decides, so two evaluations racing (a redelivered event, a second process) cannot
 * both fire inside one cool-down.
 */
export async function claimFiring(trx: Trx, id: string, cutoff: string, now: string): Promise<boolean> {
  const r = await trx.updateTable('alert_rules').set({ last_fired_at: now })
    .where('id', '=', id).where((eb) => eb.or([eb('last_fired_at', 'is', null), eb('last_fired_at', '<=', cutoff)]))
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export const insertEvent = (db: Q, row: AlertEventsTable) => db.insertInto('alert_events').values(row).execute();

export const findEvent = (db: Q, workspaceId: string, id: string) =>
  db.selectFrom('alert_events').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();

export function listEvents(db: Q, workspaceId: string, q: { limit: number; before?: string; ruleId?: string; state: 'open' | 'acknowledged' | 'all' }) {
  let query = db.selectFrom('alert_events').selectAll().where('workspace_id', '=', workspaceId);
  if (q.before) query = query.where('id', '<', q.before);
  if (q.ruleId) query = query.where('rule_id', '=', q.ruleId);
  if (q.state === 'open') query = query.where('acknowledged_at', 'is', null);
  if (q.state === 'acknowledged') query = query.where('acknowledged_at', 'is not', null);
  // Ids are time-ordered (UUIDv7): id order is firing order.
  return query.orderBy('id', 'desc').limit(q.limit + 1).execute();
}

export const acknowledge = (db: Q, workspaceId: string, id: string, at: string, by: string) =>
  db.updateTable('alert_events').set({ acknowledged_at: at, acknowledged_by: by })
    .where('workspace_id', '=', workspaceId).where('id', '=', id).where('acknowledged_at', 'is', null).executeTakeFirst();

/** Alerts with a delivery due at `now` (every workspace: this is the delivery worker's queue). */
export const dueDeliveries = (db: Q, now: string, limit: number) =>
  db.selectFrom('alert_events').selectAll().where('next_attempt_at', 'is not', null).where('next_attempt_at', '<=', now)
    .orderBy('next_attempt_at').limit(limit).execute();

/** Takes a due delivery for a while (a lease), so a second worker or the timer does not send it twice. */
export async function leaseDelivery(db: Q, id: string, seen: string, until: string): Promise<boolean> {
  const r = await db.updateTable('alert_events').set({ next_attempt_at: until }).where('id', '=', id).where('next_attempt_at', '=', seen).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export const saveDelivery = (db: Q, id: string, patch: Pick<AlertEventsTable, 'email_status' | 'email_attempts' | 'webhook_status' | 'webhook_attempts' | 'next_attempt_at' | 'last_error'>) =>
  db.updateTable('alert_events').set(patch).where('id', '=', id).execute();

/**
 * The clock's one query: workspaces with an enabled rule on the response count (the rules that
 * can fire while nothing arrives; which of them do is decided on the parsed rule) or on sentiment
 * (its texts are analysed after the arrivals' evaluation: see clockJudges).
 */
export async function workspacesWithCountRules(db: Q): Promise<string[]> {
  const rows = await db.selectFrom('alert_rules').select('workspace_id').distinct()
    .where('enabled', '=', 1).where('metric', 'in', ['responses', 'sentiment']).execute();
  return rows.map((r) => r.workspace_id);
}
