/** Rows of the cases module as the API shows them (contact fields decrypted for the reader). */
import type { CaseCategory, CaseEvent, CasePriority, CaseSummary, CustomStatus, SlaState } from '@touchpoint/shared';
import type { Deps } from '../../deps.js';
import type { CaseEventsTable, CasesTable } from './cases.tables.js';

export function presentCase(deps: Deps, row: CasesTable, names: Map<string, string>): CaseSummary {
  const profile = row.customer_profile_id;
  return {
    id: row.id, number: row.number, title: row.title, status: row.status, category: row.category as CaseCategory, priority: row.priority as CasePriority,
    teamId: row.team_id, ownerId: row.owner_id, ownerName: row.owner_id ? names.get(row.owner_id) ?? null : null,
    customer: {
      key: row.customer_key, profileId: profile,
      name: row.customer_name_enc ? deps.cipher.decrypt(row.customer_name_enc) : null,
      email: row.customer_email_enc ? deps.cipher.decrypt(row.customer_email_enc) : null,
    },
    language: row.language, theme: row.theme, tags: JSON.parse(row.tags), ruleId: row.rule_id,
    rootCause: row.root_cause, resolutionCode: row.resolution_code,
    sla: {
      firstResponse: row.sla_first_state as SlaState, resolution: row.sla_resolution_state as SlaState,
      firstResponseDueAt: row.first_response_due_at, resolutionDueAt: row.resolution_due_at, paused: row.waiting_since !== null,
    },
    firstRespondedAt: row.first_responded_at, resolvedAt: row.resolved_at, closedAt: row.closed_at,
    createdAt: row.created_at, updatedAt: row.updated_at, version: row.version,
  };
}

export function presentEvent(row: CaseEventsTable): CaseEvent {
  return {
    id: row.id, at: row.at, kind: row.kind as CaseEvent['kind'],
    actor: { kind: row.actor_type, id: row.actor_id, name: row.actor_label },
    data: JSON.parse(row.data),
  };
}

/** The category of a status: built-in ones are their own; custom ones name theirs. Null: unknown. */
export function categoryOf(status: string, custom: readonly CustomStatus[]): CaseCategory | null {
  if ((['new', 'open', 'waiting', 'resolved', 'closed'] as string[]).includes(status)) return status as CaseCategory;
  return custom.find((s) => s.key === status)?.category ?? null;
}

export const isOpenCategory = (c: string) => c === 'new' || c === 'open' || c === 'waiting';
