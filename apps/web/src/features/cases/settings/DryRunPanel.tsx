import { useTranslation } from 'react-i18next';
import { GENERAL_THEME, type CaseDryRun } from '@touchpoint/shared';
import { formatDateTime, formatNumber } from '../../../lib/format';
import { currentUiLanguage } from '../../../lib/i18n';
import { Chart, barOption } from '../../../ui/Chart';
import { Table } from '../../../ui/Table';
import { METRIC_NAMES } from './rule-text';

const MAX_THEME_BARS = 8;

/** What the unsaved rule would have done over the last days: counts, cases by theme, examples. */
export function DryRunPanel({ result, themeName }: { result: CaseDryRun; themeName: (id: string) => string }) {
  const { t } = useTranslation();
  const lang = currentUiLanguage();
  const byTheme = [...result.byTheme].sort((a, b) => b.cases - a.cases).slice(0, MAX_THEME_BARS);
  const name = (id: string) => (id === GENERAL_THEME ? t('casesAdmin.general') : themeName(id));
  const stat = (label: string, value: number, testId: string) => (
    <div className="cases-stat"><span className="kpi-label">{label}</span><span className="cases-stat-value num" data-testid={testId}>{formatNumber(lang, value)}</span></div>
  );
  return (
    <section className="stack-sm cases-dry-run" aria-live="polite" data-testid="dry-run-result">
      <p className="small">{t('casesAdmin.dryRun.summary', { days: result.days })}</p>
      <div className="cases-stats">
        {stat(t('casesAdmin.dryRun.scanned'), result.scanned, 'dry-run-scanned')}
        {stat(t('casesAdmin.dryRun.matched'), result.matched, 'dry-run-matched')}
        {stat(t('casesAdmin.dryRun.cases'), result.cases, 'dry-run-cases')}
      </div>
      <p className="muted small">{result.matched === 0 ? t('casesAdmin.dryRun.none', { days: result.days }) : t('casesAdmin.dryRun.casesHint')}</p>
      {byTheme.length > 0 && (
        <Chart label={t('casesAdmin.dryRun.byTheme')} height={Math.max(80, byTheme.length * 28 + 16)} testId="dry-run-chart"
          option={barOption({ labels: byTheme.map((b) => name(b.theme)), values: byTheme.map((b) => b.cases), horizontal: true, valueFormatter: (n) => formatNumber(lang, n) })} />
      )}
      {result.samples.length > 0 && (
        <Table caption={t('casesAdmin.dryRun.samples')} testId="dry-run-samples">
          <thead><tr><th>{t('casesAdmin.dryRun.answered')}</th><th>{t('casesAdmin.dryRun.scores')}</th><th>{t('casesAdmin.dryRun.themes')}</th></tr></thead>
          <tbody>
            {result.samples.map((s) => (
              <tr key={s.responseId}>
                <td className="nowrap small">{formatDateTime(lang, s.createdAt)}</td>
                <td className="nowrap small num">{(['nps', 'csat', 'ces'] as const).filter((m) => s[m] !== null).map((m) => `${METRIC_NAMES[m]} ${s[m]}`).join(' · ') || '–'}</td>
                <td className="small">{s.themes.length ? s.themes.map(name).join(', ') : name(GENERAL_THEME)}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </section>
  );
}
