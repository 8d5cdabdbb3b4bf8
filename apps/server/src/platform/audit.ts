/**
 * The append-only audit log. Services call writeAudit inside the same transaction as the change
 * it records, so a change and its audit row commit or roll back together. Nothing updates or
 * deletes audit rows.
 */
import type { Kysely } from 'kysely';
import type { Actor } from './http/access.js';
import { newTimeOrderedId } from './crypto/tokens.js';
import { insertRow } from './db/row-insert.js';

export interface AuditEntry {
  workspaceId: string;
  actor: Actor;
  action: string;
  targetType: string;
  targetId: string;
  details?: Record<string, unknown>;
}

export async function writeAudit(trx: Kysely<any>, entry: AuditEntry): Promise<void> {
  await insertRow(trx, 'audit_log', auditRow(entry));
}

/** The audit row for an entry; `details` may be given as ready JSON text (bulk writer templates). */
export function auditRow(entry: AuditEntry, detailsJson?: string) {
  return {
    id: newTimeOrderedId(),
    workspace_id: entry.workspaceId,
    actor_type: entry.actor.type,
    actor_id: entry.actor.id,
    actor_label: entry.actor.label,
    action: entry.action,
    target_type: entry.targetType,
    target_id: entry.targetId,
    details: detailsJson ?? JSON.stringify(entry.details ?? {}),
    created_at: new Date().toISOString(),
  };
}

export const SYSTEM_ACTOR: Actor = { type: 'system', id: 'system', label: 'system' };
export const PUBLIC_ACTOR: Actor = { type: 'public', id: 'respondent', label: 'respondent' };
