import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../lib/format';
import { currentUiLanguage } from '../../lib/i18n';

/**
 * Shown on dashboards while the metric cube is recounted after a settings change: the numbers
 * stay exact (they are computed from the responses meanwhile) but come more slowly.
 */
export function RecountBanner({ done, total }: { done: number; total: number }) {
  const { t } = useTranslation();
  const lang = currentUiLanguage();
  const pct = total ? Math.min(100, Math.floor((done / total) * 100)) : 0;
  return (
    <div className="notice recount-banner" role="status" data-testid="recount-banner">
      <div className="progress" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct} aria-label={t('metricSettings.recountProgress')}>
        <div className="progress-bar" style={{ width: `${pct}%` }} />
      </div>
      <p className="small">{t('dashboards.recount.running', { pct, done: formatNumber(lang, done), total: formatNumber(lang, Math.max(done, total)) })}</p>
    </div>
  );
}
