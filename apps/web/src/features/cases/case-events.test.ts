// @vitest-environment node
/** Timeline events → icon and sentence, in the three UI languages, with the real translations. */
import { describe, expect, it } from 'vitest';
import i18next, { type TFunction } from 'i18next';
import { CASE_EVENT_KINDS, UI_LANGUAGES, type CaseEvent, type CaseEventKind } from '@touchpoint/shared';
import en from '../../lib/locales/en.json';
import zhHant from '../../lib/locales/zh-Hant.json';
import zhHans from '../../lib/locales/zh-Hans.json';
import { withFeatureLocales } from '../../lib/locales/feature-locales';
import { actorName, eventIcon, eventView, type EventNames } from './case-events';

const i18n = i18next.createInstance();
void i18n.init({
  resources: { en: { translation: withFeatureLocales('en', en) }, 'zh-Hant': { translation: withFeatureLocales('zh-Hant', zhHant) }, 'zh-Hans': { translation: withFeatureLocales('zh-Hans', zhHans) } },
  lng: 'en', fallbackLng: false, initAsync: false, interpolation: { escapeValue: false },
});
const tIn = (lng: string) => i18n.getFixedT(lng) as TFunction;
const t = tIn('en');

const names: EventNames = {
  status: (k) => ({ open: 'Open', waiting: 'Waiting', on_hold: 'On hold' } as Record<string, string>)[k] ?? k,
  theme: (id) => ({ delivery: 'Delivery', general: 'General' } as Record<string, string>)[id] ?? id,
  team: (id) => (id === 'team_1' ? 'Support TW' : null),
  formatTime: (iso) => `<${iso}>`,
};
const text = (kind: CaseEventKind, data: Record<string, unknown> = {}, tt = t) => eventView(tt, { kind, data }, names);

describe('timeline sentences', () => {
  it('says who opened the case and how it was assigned', () => {
    expect(text('created', { ruleId: 'r1', ruleName: 'Detractors' }).text).toBe('Opened by the rule “Detractors”');
    expect(text('created').text).toBe('Case opened');
    expect(text('assigned', { from: null, to: 'u1', toName: 'Mei', method: 'round_robin' }).text).toBe('Assigned to Mei automatically');
    expect(text('assigned', { from: null, to: 'u1', toName: 'Mei', method: 'manual' }).text).toBe('Assigned to Mei');
    expect(text('assigned', { to: 'u1', toName: 'Mei', method: 'self' }).text).toBe('Mei took the case');
    expect(text('assigned', { to: 'u2', toName: 'Lee', method: 'escalation' })).toMatchObject({ text: 'Reassigned to Lee after an SLA breach', tone: 'warning' });
    expect(text('assigned', { from: 'u1', to: null, toName: null, method: 'manual' }).text).toBe('Unassigned');
  });

  it('names statuses, priorities, teams and themes, not their keys', () => {
    expect(text('status', { from: 'open', to: 'on_hold', category: 'waiting' }).text).toBe('Status Open → On hold');
    expect(text('status', { from: 'waiting', to: 'open', reason: 'customer_replied' }).text).toBe('Status Waiting → Open: the customer replied');
    expect(text('priority', { from: 'normal', to: 'urgent' }).text).toBe('Priority Normal → Urgent');
    expect(text('priority', { from: 'high', to: 'urgent', reason: 'sla_breach' })).toMatchObject({ text: 'Priority High → Urgent after an SLA breach', tone: 'warning' });
    expect(text('team', { from: null, to: 'team_1' }).text).toBe('Team No team → Support TW');
    expect(text('team', { from: 'gone', to: 'team_1' }).text).toBe('Team gone → Support TW');
    expect(text('root_cause', { rootCause: 'delivery', resolutionCode: 'refund' }).text).toBe('Root cause: Delivery · resolution: refund');
    expect(text('tags', { from: ['new', 'x', 'vip'], to: ['vip', 'refund'] }).text).toBe('Tags added: refund · Tags removed: new, x');
    expect(text('title', { from: 'Old', to: 'Late refund' }).text).toBe('Title changed to “Late refund”');
  });

  it('shows messages with their text, a failed email with its error, and one still being sent', () => {
    const sent = text('email_out', { to: 'amy@example.com', subject: 'Your refund', body: 'Hi Amy', status: 'sent' });
    expect(sent).toMatchObject({ text: 'Email sent to amy@example.com', subject: 'Your refund', body: 'Hi Amy', tone: 'accent', icon: 'mailOut' });
    expect(sent.error).toBeUndefined();
    const failed = text('email_out', { to: 'amy@example.com', body: 'Hi', status: 'failed', error: '550 mailbox unavailable' });
    expect(failed).toMatchObject({ text: 'Email to amy@example.com could not be sent', tone: 'danger', error: '550 mailbox unavailable' });
    expect(text('email_out', { to: 'amy@example.com', body: 'Hi', status: 'sending' }).text).toBe('Sending email to amy@example.com…');
    expect(text('email_in', { from: 'amy@example.com', fromName: 'Amy', subject: 'Re: case #7', body: '還沒收到退款', attachments: [{ filename: 'a.png' }] }))
      .toMatchObject({ text: 'Email received from Amy <amy@example.com> · 1 attachment', body: '還沒收到退款', subject: 'Re: case #7', icon: 'mailIn' });
    expect(text('email_in', { from: 'amy@example.com', body: 'Out of office', autoReply: true }).text).toBe('Automatic reply received from amy@example.com');
    expect(text('note', { body: 'Called her' })).toMatchObject({ text: 'Internal note', body: 'Called her' });
  });

  it('tells the SLA clocks apart and shows when they were due', () => {
    expect(text('sla_warning', { target: 'first_response', dueAt: '2026-03-01T10:00:00Z' })).toMatchObject({ text: 'First response due soon · due <2026-03-01T10:00:00Z>', tone: 'warning' });
    expect(text('sla_breach', { target: 'resolution' })).toMatchObject({ text: 'Resolution target missed', tone: 'danger' });
  });

  it('details escalations, re-surveys, reopenings and notifications', () => {
    expect(text('escalated', { actions: ['priority', 'reassigned', 'lead_notified'], targets: ['resolution'] }).text).toBe('Escalated: priority raised · reassigned · team lead notified');
    expect(text('escalated').text).toBe('Escalated');
    expect(text('resurvey_sent', { status: 'sent', surveyId: 's1' }).text).toBe('Re-survey sent');
    expect(text('resurvey_sent', { status: 'skipped', reason: 'no_consent' })).toMatchObject({ text: 'Re-survey not sent: the customer has not agreed to be contacted', tone: 'warning' });
    expect(text('resurvey_answered', { resolved: false, csat: 2, nps: null })).toMatchObject({ text: 'The customer answered the re-survey: not resolved · CSAT 2', tone: 'warning' });
    expect(text('resurvey_answered', { resolved: true, csat: 5 }).tone).toBe('success');
    expect(text('reopened', { from: 'resolved' }).text).toBe('Reopened');
    expect(text('notified', { emails: [{ to: 'lead@example.com', ok: true }], webhook: { status: 200, ok: true } })).toMatchObject({ text: 'Notified lead@example.com, webhook', tone: 'neutral' });
    expect(text('notified', { emails: [{ to: 'a@example.com', ok: false }], webhook: { ok: false, status: 500 } }))
      .toMatchObject({ tone: 'danger', error: 'a@example.com; webhook: HTTP 500' });
  });

  it('reads data of the wrong shape as missing instead of failing', () => {
    for (const kind of CASE_EVENT_KINDS) {
      const v = eventView(t, { kind, data: { from: 3, to: ['x'], body: { a: 1 }, toName: 7, actions: 'priority', status: 1, emails: [1, null, 'x'], webhook: 'yes', attachments: 'a' } }, names);
      expect(v.text, kind).toBeTruthy();
      expect(v.text, kind).not.toMatch(/cases\.|\{\{|\[object|undefined|NaN/);
    }
    expect(eventView(t, { kind: 'created', data: null as unknown as Record<string, unknown> }, names).text).toBe('Case opened');
  });

  it('has a sentence and an icon for every kind in all three languages', () => {
    const samples: Record<CaseEventKind, Record<string, unknown>> = {
      created: { ruleName: 'R' }, linked: {}, assigned: { to: 'u', toName: 'N', method: 'manual' }, status: { from: 'open', to: 'waiting' },
      priority: { from: 'low', to: 'high' }, team: { from: null, to: 'team_1' }, tags: { from: [], to: ['a'] }, title: { from: 'a', to: 'b' },
      note: { body: 'n' }, email_out: { to: 'a@b.c', status: 'sent' }, email_in: { from: 'a@b.c', body: 't' },
      sla_warning: { target: 'resolution' }, sla_breach: { target: 'first_response' }, escalated: { actions: ['priority'] },
      root_cause: { rootCause: 'general', resolutionCode: 'fixed' }, resurvey_sent: { status: 'sent' }, resurvey_answered: { resolved: true },
      reopened: {}, notified: { emails: [{ to: 'x@y.z', ok: true }] },
    };
    for (const lng of UI_LANGUAGES) {
      const tt = tIn(lng);
      const seen = new Set<string>();
      for (const kind of CASE_EVENT_KINDS) {
        const v = text(kind, samples[kind], tt);
        expect(v.text, `${lng} ${kind}`).not.toMatch(/cases\.|\{\{/);
        expect(eventIcon(kind)).toBeTruthy();
        seen.add(v.text);
      }
      expect(seen.size, lng).toBe(CASE_EVENT_KINDS.length);
    }
    expect(text('status', { from: 'open', to: 'waiting' }, tIn('zh-Hant')).text).toBe('狀態 Open → Waiting');
  });

  it('names the actor, or the system or customer behind it', () => {
    expect(actorName(t, { kind: 'user', id: 'u1', name: 'Mei' } satisfies CaseEvent['actor'])).toBe('Mei');
    expect(actorName(t, { kind: 'system', id: null, name: null })).toBe('Touchpoint');
    expect(actorName(tIn('zh-Hans'), { kind: 'customer', id: null, name: 'customer' })).toBe('客户');
  });
});
