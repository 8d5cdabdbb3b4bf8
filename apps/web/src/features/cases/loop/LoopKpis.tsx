import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { LoopNumbers, UiLanguage } from '@touchpoint/shared';
import { INTL_LOCALE, formatNumber, formatPercent } from '../../../lib/format';
import { currentUiLanguage } from '../../../lib/i18n';
import { formatMinutes } from './loop-charts';

export interface LoopKpiItem { id: 'closure' | 'first-response' | 'close' | 'sla' | 'recovery'; label: string; value: string; meta: string }

/** The five numbers as written for a reader: this page and the dashboards' loop tile say them alike. */
export function loopKpiItems(t: TFunction, lang: UiLanguage, n: LoopNumbers): LoopKpiItem[] {
  const num = (v: number) => formatNumber(lang, v);
  return [
    { id: 'closure', label: t('casesAdmin.loop.closureRate'), value: formatPercent(lang, n.closureRate), meta: t('casesAdmin.loop.closureMeta', { closed: num(n.closed), opened: num(n.opened) }) },
    { id: 'first-response', label: t('casesAdmin.loop.firstResponse'), value: formatMinutes(INTL_LOCALE[lang], n.timeToFirstResponse), meta: t('casesAdmin.loop.medianMeta') },
    { id: 'close', label: t('casesAdmin.loop.timeToClose'), value: formatMinutes(INTL_LOCALE[lang], n.timeToClose), meta: t('casesAdmin.loop.closeMeta', { closed: num(n.closed) }) },
    { id: 'sla', label: t('casesAdmin.loop.slaAttainment'), value: formatPercent(lang, n.slaAttainment), meta: t('casesAdmin.loop.slaMeta', { n: num(n.slaDecided) }) },
    { id: 'recovery', label: t('casesAdmin.loop.recoveryRate'), value: formatPercent(lang, n.recoveryRate), meta: t('casesAdmin.loop.recoveryMeta', { recovered: num(n.recovered), detractors: num(n.detractors) }) },
  ];
}

/** The five numbers of the loop for the whole period, each with what it was counted from. */
export function LoopKpis({ n }: { n: LoopNumbers }) {
  const { t } = useTranslation();
  return (
    <div className="kpi-grid loop-kpis">
      {loopKpiItems(t, currentUiLanguage(), n).map((k) => (
        <section key={k.id} className="card kpi" data-testid={`loop-kpi-${k.id}`}>
          <h2 className="kpi-label">{k.label}</h2>
          <p className="kpi-value" data-testid="loop-kpi-value">{k.value}</p>
          <p className="kpi-meta">{k.meta}</p>
        </section>
      ))}
    </div>
  );
}
