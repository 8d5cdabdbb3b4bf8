import { useTranslation } from 'react-i18next';
import type { TextJobProgress } from '@touchpoint/shared';
import { formatNumber, formatPercent } from '../../lib/format';
import { currentUiLanguage } from '../../lib/i18n';

/** The background re-tag after a theme change: texts done of the total. */
export function RetagProgress({ progress, compact = false }: { progress: NonNullable<TextJobProgress>; compact?: boolean }) {
  const { t } = useTranslation();
  const lang = currentUiLanguage();
  const share = progress.total ? Math.min(1, progress.done / progress.total) : 0;
  return (
    <span className={compact ? 'retag retag-compact' : 'retag'} data-testid="retag-progress">
      <span>{t('text.retag.running', { done: formatNumber(lang, progress.done), total: formatNumber(lang, progress.total), pct: formatPercent(lang, share) })}</span>
      <span className="progress" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(share * 100)} aria-label={t('text.retag.label')}>
        <span className="progress-bar" style={{ width: `${share * 100}%`, display: 'block' }} />
      </span>
    </span>
  );
}
