import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber, formatPercent, formatSigned } from '../../../lib/format';
import { currentUiLanguage } from '../../../lib/i18n';
import type { Interval, SurveyResults } from '../../../lib/types';

function Kpi({ id, label, value, children, hint }: { id: string; label: string; value: string; children?: ReactNode; hint?: string }) {
  return (
    <div className="card kpi" data-testid={`kpi-${id}`} title={hint}>
      <p className="kpi-label">{label}</p>
      <p className="kpi-value" data-testid={`kpi-${id}-value`}>{value}</p>
      {children && <div className="kpi-meta">{children}</div>}
    </div>
  );
}

/** NPS / CSAT / CES with n and the 95 % interval, then counts and completion. */
export function KpiCards({ results: r, scored }: { results: SurveyResults; scored: { nps: boolean; csat: boolean; ces: boolean } }) {
  const { t } = useTranslation();
  const lang = currentUiLanguage();
  const ci = (i: Interval | null, fmt: (n: number) => string) => i ? t('kpi.ci', { low: fmt(i.low), high: fmt(i.high) }) : t('kpi.noData');
  const n = (count: number) => t('kpi.n', { n: formatNumber(lang, count) });
  const pct = (v: number) => formatPercent(lang, v / 100);
  const shares = r.nps.n ? [r.nps.detractors, r.nps.passives, r.nps.promoters].map((x) => (x / r.nps.n) * 100) : null;

  return (
    <>
      {(scored.nps || scored.csat || scored.ces) && (
        <div className="kpi-grid kpi-grid-scores">
          {scored.nps && (
            <Kpi id="nps" label={t('kpi.nps')} value={formatSigned(lang, r.nps.nps)} hint={t('kpi.npsHint')}>
              <span>{n(r.nps.n)}</span>
              <span>{ci(r.nps.ci, (x) => formatSigned(lang, x))}</span>
              {shares && (
                <>
                  <div className="nps-bar" aria-hidden="true">
                    <span className="nps-d" style={{ width: `${shares[0]}%` }} />
                    <span className="nps-p" style={{ width: `${shares[1]}%` }} />
                    <span className="nps-pr" style={{ width: `${shares[2]}%` }} />
                  </div>
                  <span className="nps-legend">
                    <span><i className="dot nps-d" />{t('kpi.detractors')} {pct(shares[0])}</span>
                    <span><i className="dot nps-p" />{t('kpi.passives')} {pct(shares[1])}</span>
                    <span><i className="dot nps-pr" />{t('kpi.promoters')} {pct(shares[2])}</span>
                  </span>
                </>
              )}
            </Kpi>
          )}
          {scored.csat && (
            <Kpi id="csat" label={t('kpi.csat')} value={r.csat.csat === null ? '–' : pct(r.csat.csat)} hint={t('kpi.csatHint')}>
              <span>{n(r.csat.n)}</span>
              <span>{ci(r.csat.ci, pct)}</span>
            </Kpi>
          )}
          {scored.ces && (
            <Kpi id="ces" label={t('kpi.ces')} value={formatNumber(lang, r.ces.mean, 2)} hint={t('kpi.cesHint')}>
              <span>{n(r.ces.n)}</span>
              <span>{ci(r.ces.ci, (x) => formatNumber(lang, x, 2))}</span>
              {r.ces.easyShare !== null && <span>{t('kpi.easyShare', { share: pct(r.ces.easyShare) })}</span>}
            </Kpi>
          )}
        </div>
      )}
      <div className="kpi-grid kpi-grid-counts">
        <Kpi id="total" label={t('kpi.total')} value={formatNumber(lang, r.total)} />
        <Kpi id="complete" label={t('kpi.complete')} value={formatNumber(lang, r.complete)} />
        <Kpi id="partial" label={t('kpi.partial')} value={formatNumber(lang, r.partial)} />
        <Kpi id="completion" label={t('kpi.completionRate')} value={formatPercent(lang, r.completionRate, 1)} />
      </div>
    </>
  );
}
