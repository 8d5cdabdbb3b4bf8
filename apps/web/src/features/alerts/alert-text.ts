/** Sentences about rules and alerts, in the reader's language. */
import type { TFunction } from 'i18next';
import type { AlertEvent, AlertFilters, AlertMetric, AlertRule, UiLanguage } from '@touchpoint/shared';
import { formatNumber, formatSigned } from '../../lib/format';

/** NPS with its sign, CSAT as a percentage, CES with decimals, sentiment signed with two, counts whole (as in the emails). */
export function formatMetric(lang: UiLanguage, metric: AlertMetric, v: number | null | undefined): string {
  if (v === null || v === undefined) return '–';
  const digits = (x: number, max: number) => (Number.isInteger(Number(x.toFixed(max))) ? 0 : max);
  if (metric === 'nps') return formatSigned(lang, v, digits(v, 1));
  if (metric === 'csat') return `${formatNumber(lang, v, digits(v, 1))}%`;
  if (metric === 'ces') return formatNumber(lang, v, digits(v, 2));
  if (metric === 'sentiment') return formatSigned(lang, v, 2);
  return formatNumber(lang, v);
}

export function valueText(t: TFunction, lang: UiLanguage, metric: AlertMetric, value: number | null, n: number): string {
  return t('alerts.value', { value: formatMetric(lang, metric, value), n: formatNumber(lang, n) });
}

/**
 * A response count below a threshold is judged on whole days before today (the server's rule:
 * today's count so far is always low), so "1 day" means yesterday.
 */
export const wholeDays = (metric: AlertMetric, operator: 'below' | 'above') => metric === 'responses' && operator === 'below';

/** "NPS below 0, last 7 days" / "NPS outside mean ± 2 sd of the previous 8 days". */
export function conditionText(t: TFunction, lang: UiLanguage, rule: AlertRule): string {
  const metric = t(`alerts.metric.${rule.metric}`);
  if (rule.kind === 'threshold') {
    const c = rule.config;
    const window = wholeDays(rule.metric, c.operator)
      ? (c.windowDays === 1 ? t('alerts.window.yesterday') : t('alerts.window.wholeDays', { count: c.windowDays }))
      : c.windowDays === 1 ? t('alerts.window.today') : t('alerts.window.days', { count: c.windowDays });
    return t('alerts.cond.threshold', { metric, op: t(`alerts.op.${c.operator}`), value: formatMetric(lang, rule.metric, c.value), window });
  }
  const c = rule.config;
  return t('alerts.cond.anomaly', { metric, sigmas: formatNumber(lang, c.sigmas, Number.isInteger(c.sigmas) ? 0 : 1), periods: t(`alerts.periods.${c.interval}`, { count: c.periods }) });
}

/** What an alert compared its value with. */
export function expectedText(t: TFunction, lang: UiLanguage, event: AlertEvent): string {
  const x = event.expected;
  if (!x) return t('alerts.feed.noBaseline');
  const f = (v: number) => formatMetric(lang, event.rule.metric, v);
  return x.kind === 'threshold' ? t('alerts.feed.threshold', { op: t(`alerts.op.${x.operator}`), value: f(x.value) }) : t('alerts.feed.range', { low: f(x.low), high: f(x.high) });
}

export function segmentText(t: TFunction, filters: AlertFilters, surveyName: (id: string) => string | undefined): string {
  const parts = [
    filters.surveyId && t('alerts.segment.survey', { name: surveyName(filters.surveyId) ?? filters.surveyId }),
    filters.channel && t('alerts.segment.channel', { name: t(`channels.${filters.channel}`) }),
    filters.meta && t('alerts.segment.meta', { key: filters.meta.key, value: filters.meta.value }),
  ].filter(Boolean);
  return parts.length ? parts.join(' · ') : t('alerts.segment.all');
}
