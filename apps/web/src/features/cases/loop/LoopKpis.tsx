import { useTranslation } from 'react-i18next';
import type { LoopNumbers } from '@touchpoint/shared';
import { INTL_LOCALE, formatNumber, formatPercent } from '../../../lib/format';
import { currentUiLanguage } from '../../../lib/i18n';
import { formatMinutes } from './loop-charts';

/** The five numbers of the loop for the whole period, each with what it was counted from. */
export function LoopKpis({ n }: { n: LoopNumbers }) {
  const { t } = useTranslation();
  const lang = currentUiLanguage();
  const num = (v: number) => formatNumber(lang, v);
  const card = (id: string, label: string, value: string, meta: string) => (
    <section className="card kpi" data-testid={`loop-kpi-${id}`}>
      <h2 className="kpi-label">{label}</h2>
      <p className="kpi-value" data-testid="loop-kpi-value">{value}</p>
      <p className="kpi-meta">{meta}</p>
    </section>
  );
  return (
    <div className="kpi-grid loop-kpis">
      {card('closure', t('casesAdmin.loop.closureRate'), formatPercent(lang, n.closureRate), t('casesAdmin.loop.closureMeta', { closed: num(n.closed), opened: num(n.opened) }))}
      {card('first-response', t('casesAdmin.loop.firstResponse'), formatMinutes(INTL_LOCALE[lang], n.timeToFirstResponse), t('casesAdmin.loop.medianMeta'))}
      {card('close', t('casesAdmin.loop.timeToClose'), formatMinutes(INTL_LOCALE[lang], n.timeToClose), t('casesAdmin.loop.closeMeta', { closed: num(n.closed) }))}
      {card('sla', t('casesAdmin.loop.slaAttainment'), formatPercent(lang, n.slaAttainment), t('casesAdmin.loop.slaMeta', { n: num(n.slaDecided) }))}
      {card('recovery', t('casesAdmin.loop.recoveryRate'), formatPercent(lang, n.recoveryRate), t('casesAdmin.loop.recoveryMeta', { recovered: num(n.recovered), detractors: num(n.detractors) }))}
    </div>
  );
}
