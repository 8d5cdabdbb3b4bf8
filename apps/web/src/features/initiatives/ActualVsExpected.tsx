/** After launch: the expected change of the initiative's metric beside the change measured since launch. */
import { useTranslation } from 'react-i18next';
import type { ActualChange } from '@touchpoint/shared';
import { formatDate, formatNumber, formatSigned } from '../../lib/format';
import { currentUiLanguage } from '../../lib/i18n';
import { Badge } from '../../ui/Badge';

export function ActualVsExpected({ actual }: { actual: ActualChange }) {
  const { t } = useTranslation();
  const lang = currentUiLanguage();
  const digits = actual.unit === 'count' ? 0 : 1;
  const unit = t(`initiatives.metricUnit.${actual.unit}`);
  const value = (n: number | null) => (n === null ? '–' : `${formatNumber(lang, n, digits)}${actual.unit === 'percent' ? '%' : ''}`);
  const reached = actual.actual !== null && (actual.expected >= 0 ? actual.actual >= actual.expected : actual.actual <= actual.expected);
  const range = (r: { from: string; to: string }) => `${formatDate(lang, `${r.from}T00:00:00Z`)} – ${formatDate(lang, `${r.to}T00:00:00Z`)}`;
  return (
    <div className="card stack-sm" data-testid="actual-vs-expected">
      <div className="section-head">
        <h3 className="card-title">{t('initiatives.actual.title', { metric: t(`initiatives.metric.${actual.metric}`) })}</h3>
        {actual.actual !== null && <Badge tone={reached ? 'success' : 'warning'}>{reached ? t('initiatives.actual.reached') : t('initiatives.actual.notYet')}</Badge>}
      </div>
      <div className="kpi-grid kpi-grid-counts">
        <div className="kpi"><span className="kpi-label">{t('initiatives.actual.expected')}</span><span className="kpi-value" data-testid="expected-change">{formatSigned(lang, actual.expected, digits)} {unit}</span></div>
        <div className="kpi"><span className="kpi-label">{t('initiatives.actual.actual')}</span><span className="kpi-value" data-testid="actual-change">{actual.actual === null ? '–' : `${formatSigned(lang, actual.actual, digits)} ${unit}`}</span></div>
        <div className="kpi"><span className="kpi-label">{t('initiatives.actual.after')}</span><span className="kpi-value">{value(actual.after.value)}</span>
          <span className="kpi-meta">{range(actual.after)} · n = {formatNumber(lang, actual.after.n)}</span></div>
        <div className="kpi"><span className="kpi-label">{t('initiatives.actual.baseline')}</span><span className="kpi-value">{value(actual.baseline.value)}</span>
          <span className="kpi-meta">{range(actual.baseline)} · n = {formatNumber(lang, actual.baseline.n)}</span></div>
      </div>
      <p className="muted small">{t('initiatives.actual.how')}</p>
    </div>
  );
}
