/**
 * A case rule in words for the rule list: "NPS is 6 or lower or Negative about “Delivery”", and
 * what it does when it matches. Pure over a TFunction so tests can run it with the real locales.
 */
import type { TFunction } from 'i18next';
import type { CaseCondition, CaseRule, CaseTrigger } from '@touchpoint/shared';

/** Score names are the same in every language the UI speaks. */
export const METRIC_NAMES = { nps: 'NPS', csat: 'CSAT', ces: 'CES' } as const;

export interface NameLookups {
  theme: (id: string) => string;
  team: (id: string) => string | undefined;
  person: (userId: string) => string | undefined;
}

export function conditionText(t: TFunction, c: CaseCondition, names: Pick<NameLookups, 'theme'>): string {
  switch (c.kind) {
    case 'score':
      return t(`casesAdmin.summary.score_${c.op}`, { metric: METRIC_NAMES[c.metric], value: c.value });
    case 'sentiment':
      return c.theme ? t('casesAdmin.summary.sentimentTheme', { theme: names.theme(c.theme) }) : t('casesAdmin.summary.sentimentAny');
    case 'cue':
      return t('casesAdmin.summary.cue', { cue: t(`casesAdmin.cue.${c.cue}`) });
    case 'metadata': {
      const value = Array.isArray(c.value) ? c.value.join(t('casesAdmin.summary.listSeparator')) : c.value;
      return t(`casesAdmin.summary.meta_${c.op}`, { key: c.key, value });
    }
    case 'history':
      return t('casesAdmin.summary.history', { count: c.count, period: t('casesAdmin.summary.days', { count: c.days }) });
  }
}

export function triggerText(t: TFunction, trigger: CaseTrigger, names: Pick<NameLookups, 'theme'>): string {
  const joiner = ` ${t(trigger.match === 'all' ? 'casesAdmin.summary.and' : 'casesAdmin.summary.or')} `;
  return trigger.conditions.map((c) => conditionText(t, c, names)).join(joiner);
}

/** One short phrase per action the rule takes, in the order the form shows them. */
export function actionTexts(t: TFunction, actions: CaseRule['actions'], names: NameLookups): string[] {
  const out = [t('casesAdmin.summary.priority', { priority: t(`casesAdmin.priority.${actions.priority}`) })];
  if (actions.teamId) out.push(t('casesAdmin.summary.team', { team: names.team(actions.teamId) ?? actions.teamId }));
  if (actions.assign === 'auto') out.push(t('casesAdmin.summary.assignAuto'));
  else if (actions.assign === 'none') out.push(t('casesAdmin.summary.assignNone'));
  else out.push(t('casesAdmin.summary.assignTo', { name: names.person(actions.assign.userId) ?? actions.assign.userId }));
  if (actions.tags.length) out.push(actions.tags.map((tag) => `#${tag}`).join(' '));
  if (actions.notifyEmails.length) out.push(t('casesAdmin.summary.notify', { count: actions.notifyEmails.length }));
  if (actions.webhookUrl) out.push(t('casesAdmin.summary.webhook'));
  return out;
}
