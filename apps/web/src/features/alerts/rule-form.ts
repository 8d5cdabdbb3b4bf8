/**
 * The rule form as plain strings (what inputs hold) and its conversion to the API body. The body
 * is checked with the same Zod schema the server uses, so most mistakes show before sending, at
 * the same paths the server would name.
 */
import { AlertRuleInput, type AlertKind, type AlertMetric, type AlertRule } from '@touchpoint/shared';

export interface RuleForm {
  name: string; metric: AlertMetric; kind: AlertKind;
  operator: 'below' | 'above'; value: string; windowDays: string;
  interval: 'day' | 'week'; periods: string; sigmas: string;
  surveyId: string; channel: string; metaKey: string; metaValue: string;
  minResponses: string; cooldownMinutes: string;
  /** Addresses separated by commas, spaces or new lines. */
  emails: string;
  webhookUrl: string;
  /** Empty when editing means "keep the stored secret". */
  webhookSecret: string;
  enabled: boolean;
}

export function emptyForm(): RuleForm {
  return {
    name: '', metric: 'nps', kind: 'threshold', operator: 'below', value: '0', windowDays: '7', interval: 'day', periods: '8', sigmas: '2',
    surveyId: '', channel: '', metaKey: '', metaValue: '', minResponses: '20', cooldownMinutes: '60', emails: '', webhookUrl: '', webhookSecret: '', enabled: true,
  };
}

export function formFromRule(rule: AlertRule): RuleForm {
  const base = emptyForm();
  const cfg = rule.kind === 'threshold'
    ? { operator: rule.config.operator, value: String(rule.config.value), windowDays: String(rule.config.windowDays) }
    : { interval: rule.config.interval, periods: String(rule.config.periods), sigmas: String(rule.config.sigmas) };
  return {
    ...base, ...cfg, name: rule.name, metric: rule.metric, kind: rule.kind,
    surveyId: rule.filters.surveyId ?? '', channel: rule.filters.channel ?? '', metaKey: rule.filters.meta?.key ?? '', metaValue: rule.filters.meta?.value ?? '',
    minResponses: String(rule.minResponses), cooldownMinutes: String(rule.cooldownMinutes), emails: rule.emailTo.join('\n'),
    webhookUrl: rule.webhookUrl ?? '', webhookSecret: '', enabled: rule.enabled,
  };
}

const num = (s: string) => (s.trim() === '' ? Number.NaN : Number(s));

/** The request body the form describes (not yet validated). */
export function formToBody(f: RuleForm): Record<string, unknown> {
  const filters: Record<string, unknown> = {};
  if (f.surveyId) filters.surveyId = f.surveyId;
  if (f.channel) filters.channel = f.channel;
  if (f.metaKey.trim() || f.metaValue.trim()) filters.meta = { key: f.metaKey.trim(), value: f.metaValue.trim() };
  return {
    name: f.name, metric: f.metric, kind: f.kind, filters,
    config: f.kind === 'threshold'
      ? { operator: f.operator, value: num(f.value), windowDays: num(f.windowDays) }
      : { interval: f.interval, periods: num(f.periods), sigmas: num(f.sigmas) },
    minResponses: num(f.minResponses), cooldownMinutes: num(f.cooldownMinutes),
    emailTo: f.emails.split(/[\s,;]+/).map((e) => e.trim()).filter(Boolean),
    webhookUrl: f.webhookUrl.trim() || null,
    ...(f.webhookSecret ? { webhookSecret: f.webhookSecret } : {}),
    enabled: f.enabled,
  };
}

/** Issues keyed like lib/errors fieldErrors: "config.value", "emailTo[1]". */
export function checkForm(f: RuleForm): { body: AlertRuleInput | null; errors: Record<string, string> } {
  const parsed = AlertRuleInput.safeParse(formToBody(f));
  if (parsed.success) return { body: parsed.data, errors: {} };
  const errors: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const path = issue.path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${String(p)}`)).join('');
    errors[path] = errors[path] ? `${errors[path]}; ${issue.message}` : issue.message;
  }
  return { body: null, errors };
}

/** A fresh webhook secret (shown once in the form so it can be copied to the receiver). */
export function newWebhookSecret(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(24));
  return `whsec_${btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')}`;
}
