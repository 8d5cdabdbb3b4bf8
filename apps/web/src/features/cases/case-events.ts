/**
 * A timeline event as an icon and one sentence in the reader's language. The actor and time are
 * shown beside it, so sentences name only what happened. Event data is read defensively (a
 * field of another type counts as missing): the timeline must render whatever an older or newer
 * server stored. The fields read, per kind, as the cases service writes them:
 *   created / linked { ruleName? } · assigned { to, toName, method: 'self'|'manual'|'rule'|'escalation'|<team assignment method> }
 *   status { from, to, reason?: 'customer_replied' } · priority { from, to, reason?: 'sla_breach' } · title { from, to }
 *   team { from, to } (team ids) · tags { from[], to[] } · note { body }
 *   email_out { to, subject, body, status: 'sending'|'sent'|'failed', error? }
 *   email_in { from, fromName?, subject?, body, autoReply?, attachments?[] }
 *   sla_warning { target: 'first_response'|'resolution', dueAt? } · sla_breach { target }
 *   escalated { actions: ('priority'|'reassigned'|'lead_notified')[] } · root_cause { rootCause, resolutionCode }
 *   resurvey_sent { status: 'sent'|'skipped', reason? } · resurvey_answered { resolved?, csat?, nps? } · reopened { from? }
 *   notified { emails?: { to, ok }[], webhook?: { ok, status?, error? } }
 */
import type { TFunction } from 'i18next';
import { CASE_PRIORITIES, type CaseEvent, type CaseEventKind } from '@touchpoint/shared';
import type { IconName } from '../../ui/icons';

export type EventTone = 'neutral' | 'accent' | 'success' | 'warning' | 'danger' | 'info';

export interface EventView {
  icon: IconName;
  tone: EventTone;
  text: string;
  /** A message's subject line, when there is one. */
  subject?: string;
  /** Text the customer or an agent wrote (note, email), shown as written. */
  body?: string;
  /** Why a delivery failed. */
  error?: string;
}

/** Names the event's ids stand for (statuses, themes, teams), from the data the page has. */
export interface EventNames {
  status(key: string): string;
  theme(id: string): string;
  team(id: string): string | null;
  formatTime(iso: string): string;
}

type Data = Record<string, unknown>;
const str = (d: Data, ...keys: string[]): string | null => {
  for (const k of keys) { const v = d[k]; if (typeof v === 'string' && v.trim()) return v; }
  return null;
};
const strs = (d: Data, key: string): string[] => (Array.isArray(d[key]) ? (d[key] as unknown[]).filter((x): x is string => typeof x === 'string' && !!x) : []);
const num = (d: Data, key: string): number | null => (typeof d[key] === 'number' && Number.isFinite(d[key]) ? d[key] as number : null);

const ICON: Record<CaseEventKind, IconName> = {
  created: 'spark', linked: 'link', assigned: 'person', status: 'flow', priority: 'flag', team: 'team', tags: 'tag', title: 'edit',
  note: 'note', email_out: 'mailOut', email_in: 'mailIn', sla_warning: 'clock', sla_breach: 'clock', escalated: 'up',
  root_cause: 'check', resurvey_sent: 'survey', resurvey_answered: 'survey', reopened: 'reopen', notified: 'bell',
};

export function eventIcon(kind: CaseEventKind): IconName {
  return ICON[kind] ?? 'spark';
}

function priorityName(t: TFunction, v: string | null): string {
  return v && (CASE_PRIORITIES as readonly string[]).includes(v) ? t(`cases.priority.${v}`) : (v ?? '–');
}

export function eventView(t: TFunction, e: Pick<CaseEvent, 'kind' | 'data'>, names: EventNames): EventView {
  const d: Data = e.data && typeof e.data === 'object' ? e.data : {};
  const icon = eventIcon(e.kind);
  const view = (text: string, tone: EventTone = 'neutral', extra: Partial<EventView> = {}): EventView => ({ icon, tone, text, ...extra });
  switch (e.kind) {
    case 'created': {
      const rule = str(d, 'ruleName');
      return view(rule ? t('cases.event.createdByRule', { rule }) : t('cases.event.created'), 'accent');
    }
    case 'linked': return view(t('cases.event.linked'));
    case 'assigned': {
      const name = str(d, 'toName');
      if (!name && !str(d, 'to')) return view(t('cases.event.unassigned'));
      const who = name ?? t('cases.unknownPerson');
      const method = str(d, 'method');
      if (method === 'self') return view(t('cases.event.assignedSelf', { name: who }));
      if (method === 'escalation') return view(t('cases.event.assignedEscalation', { name: who }), 'warning');
      if (method && AUTO_METHODS.has(method)) return view(t('cases.event.assignedAuto', { name: who }));
      return view(t('cases.event.assigned', { name: who }));
    }
    case 'status': {
      const from = str(d, 'from'), to = str(d, 'to');
      const vars = { from: from ? names.status(from) : '–', to: to ? names.status(to) : '–' };
      return view(str(d, 'reason') === 'customer_replied' ? t('cases.event.statusByReply', vars) : t('cases.event.status', vars), 'info');
    }
    case 'priority': {
      const vars = { from: priorityName(t, str(d, 'from')), to: priorityName(t, str(d, 'to')) };
      return str(d, 'reason') === 'sla_breach' ? view(t('cases.event.priorityBySla', vars), 'warning') : view(t('cases.event.priority', vars));
    }
    case 'team': {
      const name = (id: string | null) => (id ? names.team(id) ?? id : t('cases.noTeam'));
      return view(t('cases.event.team', { from: name(str(d, 'from')), to: name(str(d, 'to')) }));
    }
    case 'tags': {
      const before = strs(d, 'from'), after = strs(d, 'to');
      const added = after.filter((x) => !before.includes(x)), removed = before.filter((x) => !after.includes(x));
      const parts = [
        added.length ? t('cases.event.tagsAdded', { tags: added.join(', ') }) : null,
        removed.length ? t('cases.event.tagsRemoved', { tags: removed.join(', ') }) : null,
      ].filter(Boolean);
      return view(parts.length ? parts.join(' · ') : t('cases.event.tags'));
    }
    case 'title': return view(t('cases.event.title', { title: str(d, 'to') ?? '–' }));
    case 'note': return view(t('cases.event.note'), 'neutral', { body: str(d, 'body') ?? '' });
    case 'email_out': {
      const to = str(d, 'to') ?? '–';
      const extra = { subject: str(d, 'subject') ?? undefined, body: str(d, 'body') ?? '' };
      const status = str(d, 'status');
      if (status === 'failed') return view(t('cases.event.emailFailed', { to }), 'danger', { ...extra, error: str(d, 'error') ?? t('cases.event.unknownError') });
      if (status === 'sending') return view(t('cases.event.emailSending', { to }), 'neutral', extra);
      return view(t('cases.event.emailSent', { to }), 'accent', extra);
    }
    case 'email_in': {
      const address = str(d, 'from'), person = str(d, 'fromName');
      const from = person && address ? `${person} <${address}>` : person ?? address;
      const files = Array.isArray(d.attachments) ? d.attachments.length : 0;
      const text = d.autoReply === true
        ? t('cases.event.emailInAuto', { from: from ?? '–' })
        : from ? t('cases.event.emailIn', { from }) : t('cases.event.emailInAnonymous');
      return view(files ? `${text} · ${t('cases.event.attachments', { count: files })}` : text, 'info', { subject: str(d, 'subject') ?? undefined, body: str(d, 'body', 'text') ?? '' });
    }
    case 'sla_warning':
    case 'sla_breach': {
      const raw = str(d, 'target');
      const target = raw === 'first_response' || raw === 'firstResponse' ? 'firstResponse' : 'resolution';
      const due = str(d, 'dueAt');
      const key = e.kind === 'sla_warning' ? 'slaWarning' : 'slaBreach';
      const text = t(`cases.event.${key}.${target}`);
      return view(due ? `${text} · ${t('cases.event.due', { time: names.formatTime(due) })}` : text, e.kind === 'sla_warning' ? 'warning' : 'danger');
    }
    case 'escalated': {
      const actions = strs(d, 'actions');
      const parts = ESCALATIONS.filter(([action]) => actions.includes(action)).map(([, key]) => t(key));
      return view(parts.length ? `${t('cases.event.escalated')}: ${parts.join(' · ')}` : t('cases.event.escalated'), 'danger');
    }
    case 'root_cause': {
      const cause = str(d, 'rootCause'), code = str(d, 'resolutionCode');
      return view(t('cases.event.rootCause', { cause: cause ? names.theme(cause) : '–', code: code ?? '–' }), 'success');
    }
    case 'resurvey_sent': {
      if (str(d, 'status') !== 'skipped') return view(t('cases.event.resurveySent'));
      const reason = str(d, 'reason');
      const why = reason === 'no_email' ? t('cases.event.resurveyNoEmail') : reason === 'no_consent' ? t('cases.event.resurveyNoConsent') : reason ?? t('cases.event.unknownError');
      return view(t('cases.event.resurveySkipped', { reason: why }), 'warning');
    }
    case 'resurvey_answered': {
      const csat = num(d, 'csat'), nps = num(d, 'nps');
      const resolved = typeof d.resolved === 'boolean' ? d.resolved : null;
      const parts = [
        resolved === null ? null : resolved ? t('cases.event.resurveyResolved') : t('cases.event.resurveyNotResolved'),
        csat === null ? null : `CSAT ${csat}`,
        nps === null ? null : `NPS ${nps}`,
      ].filter(Boolean);
      const text = t('cases.event.resurveyAnswered');
      const unhappy = resolved === false || (csat !== null && csat <= 2) || (nps !== null && nps <= 6);
      return view(parts.length ? `${text}: ${parts.join(' · ')}` : text, unhappy ? 'warning' : 'success');
    }
    case 'reopened': return view(t('cases.event.reopened'), 'warning');
    case 'notified': {
      const emails = Array.isArray(d.emails) ? (d.emails as unknown[]).filter((x): x is Data => !!x && typeof x === 'object') : [];
      const hook = d.webhook && typeof d.webhook === 'object' ? d.webhook as Data : null;
      const who = [...emails.map((m) => str(m, 'to')).filter((x): x is string => !!x), ...(hook ? [t('cases.event.webhook')] : [])];
      const failed = [
        ...emails.filter((m) => m.ok === false).map((m) => str(m, 'to') ?? '–'),
        ...(hook && hook.ok === false ? [`${t('cases.event.webhook')}: ${str(hook, 'error') ?? (num(hook, 'status') !== null ? `HTTP ${num(hook, 'status')}` : t('cases.event.unknownError'))}`] : []),
      ];
      const text = who.length ? t('cases.event.notifiedWho', { who: who.join(', ') }) : t('cases.event.notified');
      return failed.length ? view(text, 'danger', { error: failed.join('; ') }) : view(text);
    }
    default: return view(t('cases.event.other'));
  }
}

/** Team assignment methods (and a rule's own pick): the case was given out, not taken. */
const AUTO_METHODS = new Set(['auto', 'round_robin', 'least_loaded', 'skill']);
const ESCALATIONS = [['priority', 'cases.event.escalatedPriority'], ['reassigned', 'cases.event.escalatedOwner'], ['lead_notified', 'cases.event.escalatedLead']] as const;

/** Who did it: the person's name, else "Touchpoint" (rules, SLA clock) or "Customer". */
export function actorName(t: TFunction, actor: CaseEvent['actor']): string {
  // The customer's label is a technical one ("customer"): the reader's word for it reads better.
  if (actor.kind === 'customer') return t('cases.event.actor.customer');
  if (actor.name) return actor.name;
  return actor.kind === 'system' ? t('cases.event.actor.system') : t('cases.unknownPerson');
}
