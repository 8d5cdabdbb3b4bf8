// @vitest-environment node
/** The alert page's pure parts: form ↔ body, the merge of live alerts, and the key families built at run time. */
import { describe, expect, it } from 'vitest';
import { ALERT_KINDS, ALERT_METRICS, DELIVERY_STATUSES, type AlertEvent, type AlertRule } from '@touchpoint/shared';
import en from '../../lib/locales/en.json';
import zhHant from '../../lib/locales/zh-Hant.json';
import zhHans from '../../lib/locales/zh-Hans.json';
import type { TFunction } from 'i18next';
import { conditionText } from './alert-text';
import { checkForm, emptyForm, formFromRule, formToBody, newWebhookSecret } from './rule-form';
import { mergeAlerts } from './use-alert-feed';

describe('rule form', () => {
  it('turns the form into the body the API takes, and back', () => {
    const f = { ...emptyForm(), name: ' Checkout ', value: '-10', windowDays: '3', surveyId: 's1', channel: 'email', metaKey: 'plan', metaValue: 'pro', emails: 'a@example.com, b@example.com\nc@example.com', webhookUrl: 'https://hooks.example.com/x', webhookSecret: 'a-long-enough-secret' };
    const { body, errors } = checkForm(f);
    expect(errors).toEqual({});
    expect(body).toMatchObject({ name: 'Checkout', kind: 'threshold', config: { operator: 'below', value: -10, windowDays: 3 }, filters: { surveyId: 's1', channel: 'email', meta: { key: 'plan', value: 'pro' } }, emailTo: ['a@example.com', 'b@example.com', 'c@example.com'] });
    const rule = { ...body!, id: 'r1', webhookSecretSet: true, lastFiredAt: null, lastEvaluatedAt: null, lastResult: null, createdAt: '', updatedAt: '' } as unknown as AlertRule;
    const back = formFromRule(rule);
    expect({ ...back, webhookSecret: f.webhookSecret }).toEqual({ ...f, name: 'Checkout', emails: 'a@example.com\nb@example.com\nc@example.com' });
    expect(formToBody(back)).not.toHaveProperty('webhookSecret'); // empty = keep the stored one
  });

  it('names the fields that are wrong, as the server would', () => {
    const { body, errors } = checkForm({ ...emptyForm(), name: '', value: '150', emails: 'nope', kind: 'threshold' });
    expect(body).toBeNull();
    expect(Object.keys(errors).sort()).toEqual(['config.value', 'emailTo[0]', 'name']);
    expect(Object.keys(checkForm({ ...emptyForm(), name: 'x', kind: 'anomaly', periods: '2' }).errors)).toEqual(['config.periods']);
  });

  it('generates secrets long enough to sign with', () => {
    const a = newWebhookSecret(), b = newWebhookSecret();
    expect(a).toMatch(/^whsec_[A-Za-z0-9_-]{32}$/);
    expect(a).not.toBe(b);
  });
});

describe('rule conditions', () => {
  // A stand-in t(): the key with its options, enough to see which key was chosen.
  const t = ((key: string, o?: Record<string, unknown>) => (o ? `${key}(${Object.values(o).join(',')})` : key)) as unknown as TFunction;
  const rule = (metric: string, operator: string, windowDays: number) => ({ metric, kind: 'threshold', config: { operator, value: 10, windowDays } }) as unknown as AlertRule;
  it('says a low response count is judged on whole days before today, everything else up to today', () => {
    expect(conditionText(t, 'en', rule('responses', 'below', 1))).toContain('alerts.window.yesterday');
    expect(conditionText(t, 'en', rule('responses', 'below', 7))).toContain('alerts.window.wholeDays(7)');
    expect(conditionText(t, 'en', rule('responses', 'above', 1))).toContain('alerts.window.today');
    expect(conditionText(t, 'en', rule('nps', 'below', 7))).toContain('alerts.window.days(7)');
  });
});

describe('live alerts', () => {
  const alert = (id: string, acknowledgedAt: string | null = null) => ({ id, acknowledgedAt }) as AlertEvent;
  it('keeps newest first, replaces updated copies, and drops acknowledged ones from the open view', () => {
    const list = [alert('0003'), alert('0001')];
    expect(mergeAlerts(list, [alert('0002'), alert('0004')], 'all').map((a) => a.id)).toEqual(['0004', '0003', '0002', '0001']);
    expect(mergeAlerts(list, [alert('0003', '2026-01-01')], 'open').map((a) => a.id)).toEqual(['0001']);
    expect(mergeAlerts(list, [alert('0003', '2026-01-01')], 'all')[0].acknowledgedAt).toBe('2026-01-01');
  });
});

describe('alert translations', () => {
  type Tree = { [k: string]: string | Tree };
  const get = (tree: Tree, key: string) => key.split('.').reduce<string | Tree | undefined>((t, k) => (typeof t === 'object' ? t[k] : undefined), tree);
  it('has every key built at run time in all three languages', () => {
    const keys = [
      ...ALERT_METRICS.map((m) => `alerts.metric.${m}`), ...ALERT_KINDS.map((k) => `alerts.kind.${k}`),
      ...DELIVERY_STATUSES.map((s) => `alerts.delivery.status.${s}`), 'alerts.op.below', 'alerts.op.above',
      'alerts.periods.day_other', 'alerts.periods.week_other', 'alerts.window.days_other', 'alerts.window.wholeDays_other', 'nav.alerts',
    ];
    for (const [lang, tree] of Object.entries({ en, zhHant, zhHans })) expect(keys.filter((k) => typeof get(tree as Tree, k) !== 'string'), lang).toEqual([]);
  });
});
