/** Fired alerts: the list (newest first, paged), and acknowledging one. */
import type { AlertEvent, AlertListQuery, DeliveryStatus } from '@touchpoint/shared';
import type { Deps } from '../../deps.js';
import type { Actor } from '../../platform/http/access.js';
import { notFound } from '../../platform/http/errors.js';
import { writeAudit } from '../../platform/audit.js';
import type { AlertEventsTable } from './alerts.tables.js';
import * as repo from './alerts.repo.js';

interface Ctx { workspaceId: string; actor: Actor }

export function presentEvent(row: AlertEventsTable): AlertEvent {
  const details = JSON.parse(row.details || '{}');
  return {
    id: row.id, ruleId: row.rule_id, rule: details.rule, test: !!row.test, firedAt: row.fired_at,
    value: row.value === null ? null : Number(row.value), n: Number(row.n), window: details.window,
    expected: row.expected ? JSON.parse(row.expected) : null,
    email: { status: row.email_status as DeliveryStatus, attempts: Number(row.email_attempts) },
    webhook: { status: row.webhook_status as DeliveryStatus, attempts: Number(row.webhook_attempts) },
    lastError: row.last_error, acknowledgedAt: row.acknowledged_at, acknowledgedBy: row.acknowledged_by,
  };
}

export async function listAlerts(deps: Deps, workspaceId: string, q: AlertListQuery) {
  const rows = await repo.listEvents(deps.db, workspaceId, q);
  const page = rows.slice(0, q.limit);
  return { items: page.map(presentEvent), next: rows.length > q.limit ? page[page.length - 1].id : null };
}

export async function getAlert(deps: Deps, workspaceId: string, id: string): Promise<AlertEvent> {
  const row = await repo.findEvent(deps.db, workspaceId, id);
  if (!row) throw notFound('alert');
  return presentEvent(row);
}

/** Marks an alert as seen and handled. Acknowledging twice keeps the first acknowledgement. */
export async function acknowledgeAlert(deps: Deps, ctx: Ctx, id: string): Promise<AlertEvent> {
  await deps.db.transaction().execute(async (trx) => {
    const row = await repo.findEvent(trx, ctx.workspaceId, id);
    if (!row) throw notFound('alert');
    if (row.acknowledged_at) return;
    await repo.acknowledge(trx, ctx.workspaceId, id, new Date().toISOString(), ctx.actor.label);
    await writeAudit(trx, { workspaceId: ctx.workspaceId, actor: ctx.actor, action: 'alert.acknowledged', targetType: 'alert', targetId: id, details: { ruleId: row.rule_id } });
  });
  const alert = await getAlert(deps, ctx.workspaceId, id);
  deps.hub.publish(`workspace:${ctx.workspaceId}`, 'alert', alert);
  return alert;
}
