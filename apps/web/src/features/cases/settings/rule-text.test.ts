// @vitest-environment node
/** Rules in words, through the real locale files (so a missing or misnamed key fails here). */
import { describe, expect, it } from 'vitest';
import i18next, { type TFunction } from 'i18next';
import { CASE_CUES, CASE_PRIORITIES, type CaseRule } from '@touchpoint/shared';
import en from '../../../lib/locales/cases-admin/en.json';
import zhHant from '../../../lib/locales/cases-admin/zh-Hant.json';
import zhHans from '../../../lib/locales/cases-admin/zh-Hans.json';
import { actionTexts, conditionText, triggerText } from './rule-text';
import { ISSUE_KEYS } from './issue-text';

function translator(lng: string): TFunction {
  const instance = i18next.createInstance();
  void instance.init({
    lng, initAsync: false, interpolation: { escapeValue: false },
    resources: { en: { translation: { casesAdmin: en } }, 'zh-Hant': { translation: { casesAdmin: zhHant } }, 'zh-Hans': { translation: { casesAdmin: zhHans } } },
  });
  return instance.t;
}
const t = translator('en');
const names = { theme: (id: string) => ({ delivery: 'Delivery' } as Record<string, string>)[id] ?? id, team: (id: string) => (id === 't1' ? 'Care' : undefined), person: (id: string) => (id === 'u1' ? 'Mei' : undefined) };

describe('rule summaries', () => {
  it('says each condition in words', () => {
    expect(conditionText(t, { kind: 'score', metric: 'nps', op: 'lte', value: 6 }, names)).toBe('NPS is 6 or lower');
    expect(conditionText(t, { kind: 'score', metric: 'ces', op: 'gte', value: 5 }, names)).toBe('CES is 5 or higher');
    expect(conditionText(t, { kind: 'sentiment', theme: 'delivery' }, names)).toBe('Negative about “Delivery”');
    expect(conditionText(t, { kind: 'sentiment' }, names)).toBe('Negative sentiment on any theme');
    expect(conditionText(t, { kind: 'cue', cue: 'urgency' }, names)).toBe('The text shows urgency');
    expect(conditionText(t, { kind: 'metadata', key: 'plan', op: 'in', value: ['pro', 'team'] }, names)).toBe('plan is one of pro, team');
    expect(conditionText(t, { kind: 'metadata', key: 'plan', op: 'neq', value: 'free' }, names)).toBe('plan is not free');
    expect(conditionText(t, { kind: 'history', count: 3, days: 30 }, names)).toBe('At least 3 negative answers in 30 days');
    expect(conditionText(t, { kind: 'history', count: 2, days: 1 }, names)).toBe('At least 2 negative answers in 1 day');
  });

  it('joins conditions with the rule’s and / or', () => {
    const conditions = [{ kind: 'score', metric: 'csat', op: 'lte', value: 2 }, { kind: 'cue', cue: 'anger' }] as const;
    expect(triggerText(t, { match: 'any', conditions: [...conditions] }, names)).toBe('CSAT is 2 or lower or The text shows anger');
    expect(triggerText(t, { match: 'all', conditions: [...conditions] }, names)).toBe('CSAT is 2 or lower and The text shows anger');
    expect(triggerText(translator('zh-Hant'), { match: 'all', conditions: [...conditions, { kind: 'history', count: 3, days: 7 }] }, names))
      .toBe('CSAT 為 2 或以下 且 文字顯示憤怒 且 7 天內至少 3 則負面回答');
    expect(triggerText(translator('zh-Hans'), { match: 'any', conditions: [{ kind: 'metadata', key: 'plan', op: 'in', value: ['a', 'b'] }] }, names)).toBe('plan 属于 a、b');
  });

  it('lists what a rule does, naming teams and people', () => {
    const actions = { priority: 'urgent', teamId: 't1', assign: { userId: 'u1' }, tags: ['vip', 'billing'], notifyEmails: ['a@x.io', 'b@x.io'], webhookUrl: 'https://h.example.com', hasWebhookSecret: true } as CaseRule['actions'];
    expect(actionTexts(t, actions, names)).toEqual(['Urgent priority', 'Team Care', 'Assigned to Mei', '#vip #billing', 'Emails 2 people', 'Webhook']);
    expect(actionTexts(t, { ...actions, teamId: null, assign: 'none', tags: [], notifyEmails: ['a@x.io'], webhookUrl: null }, names)).toEqual(['Urgent priority', 'Unassigned queue', 'Emails 1 person']);
    expect(actionTexts(t, { ...actions, teamId: 'gone', assign: 'auto', tags: [], notifyEmails: [], webhookUrl: null }, names)).toEqual(['Urgent priority', 'Team gone', 'Assigned automatically']);
  });

  it('has the key families the pages build at run time, in every language', () => {
    const families = [
      ...CASE_PRIORITIES.map((p) => `casesAdmin.priority.${p}`), ...CASE_CUES.map((c) => `casesAdmin.cue.${c}`),
      ...['lte', 'gte'].map((o) => `casesAdmin.summary.score_${o}`), ...['eq', 'neq', 'in', 'contains'].flatMap((o) => [`casesAdmin.summary.meta_${o}`, `casesAdmin.condition.meta.${o}`]),
      ...['score', 'sentiment', 'cue', 'metadata', 'history'].map((k) => `casesAdmin.condition.kind.${k}`),
      ...['round_robin', 'least_loaded', 'skill'].flatMap((m) => [`casesAdmin.assignment.${m}`, `casesAdmin.assignment.${m}Hint`]),
      ...['auto', 'none', 'user'].map((a) => `casesAdmin.actions.assignHint.${a}`), ...['open', 'waiting', 'resolved'].map((c) => `casesAdmin.category.${c}`),
      ...['minutes', 'hours', 'days'].map((u) => `casesAdmin.sla.unit.${u}`), ...['raisePriority', 'reassign', 'notifyLead'].map((e) => `casesAdmin.sla.${e}`),
      ...['rules', 'teams', 'agents', 'sla', 'settings'].map((s) => `casesAdmin.tabs.${s}`), 'casesAdmin.agents.online', 'casesAdmin.agents.away',
      ...['team', 'agent', 'theme'].flatMap((b) => [`casesAdmin.loop.by.${b}`, `casesAdmin.loop.byTitle.${b}`, `casesAdmin.loop.none.${b}`]),
      ...['closureRate', 'slaAttainment', 'recoveryRate'].map((r) => `casesAdmin.loop.rate.${r}`),
      ...ISSUE_KEYS,
    ];
    for (const lng of ['en', 'zh-Hant', 'zh-Hans']) {
      const tr = translator(lng);
      expect(families.filter((k) => tr(k) === k), lng).toEqual([]);
    }
  });
});
