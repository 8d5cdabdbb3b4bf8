import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../lib/format';
import { currentUiLanguage } from '../../../lib/i18n';
import type { SurveyResults } from '../../../lib/types';
import { Chart, barOption } from '../../../ui/Chart';
import { languageLabel } from '../survey-text';

/** Where responses came from (channel) and which language they were given in. */
export function BreakdownCharts({ results }: { results: SurveyResults }) {
  const { t } = useTranslation();
  const lang = currentUiLanguage();
  const parts = [
    { id: 'channel', title: t('results.byChannel'), rows: [...results.byChannel].sort((a, b) => b.n - a.n), label: (k: string) => t(`channels.${k}`, { defaultValue: k }) },
    { id: 'language', title: t('results.byLanguage'), rows: [...results.byLanguage].sort((a, b) => b.n - a.n), label: (k: string) => (k === 'unknown' ? t('common.unknown') : languageLabel(k)) },
  ];
  return (
    <div className="chart-grid">
      {parts.map((p) => (
        <section key={p.id} className="card chart-card" data-testid={`chart-by-${p.id}`} aria-label={p.title}>
          <h3 className="card-title">{p.title}</h3>
          {p.rows.length ? (
            <Chart
              height={Math.max(140, p.rows.length * 34)}
              label={`${p.title}: ${p.rows.map((r) => `${p.label(r.key)} ${r.n}`).join(', ')}`}
              option={barOption({ labels: p.rows.map((r) => p.label(r.key)), values: p.rows.map((r) => r.n), horizontal: true, valueFormatter: (n) => formatNumber(lang, n) })}
            />
          ) : <p className="muted">{t('kpi.noData')}</p>}
        </section>
      ))}
    </div>
  );
}
