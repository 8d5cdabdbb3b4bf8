/** Audit filters as typed in the form → the query the audit endpoint takes. */
export interface AuditFilters { action: string; actor: string; from: string; to: string }
export const NO_AUDIT_FILTERS: AuditFilters = { action: '', actor: '', from: '', to: '' };

/** Start of a local calendar day as an ISO instant; `to` is exclusive, so it becomes the next day. */
function dayStart(date: string, plusDays = 0): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return undefined;
  return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + plusDays).toISOString();
}

export function auditQuery(f: AuditFilters, before?: string | null) {
  return {
    action: f.action.trim() || undefined,
    actor: f.actor.trim() || undefined,
    from: dayStart(f.from),
    to: dayStart(f.to, 1),
    before: before ?? undefined,
    limit: 50,
  };
}

export const ACTION_PREFIXES = ['survey.', 'responses.', 'member.', 'invitation.', 'api_key.', 'workspace.'];
