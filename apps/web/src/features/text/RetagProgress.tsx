import { useTranslation } from 'react-i18next';
import type { TextJobProgress } from '@touchpoint/shared';
import { formatNumber, formatPercent } from '../../lib/format';
import { currentUiLanguage } from '../../lib/i18n';

/** A background job over the texts (the re-tag after a theme change, a re-analysis): texts done of the total. */
export function RetagProgress({ progress, compact = false, kind = 'retag' }: { progress: NonNullable<TextJobProgress>; compact?: boolean; kind?: 'retag' | 'reanalysis' }) {
  const { t } = useTranslation();
  const lang = currentUiLanguage();
  const share = progress.total ? Math.min(1, progress.done / progress.total) : 0;
  return (
    <span className={compact ? 'retag retag-compact' : 'retag'} data-testid={`${kind}-progress`}>
      <span>{t(`text.${kind}.running`, { done: formatNumber(lang, progress.done), total: formatNumber(lang, progress.total), pct: formatPercent(lang, share) })}</span>
      <span className="progress" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(share * 100)} aria-label={t(`text.${kind}.label`)}>
        <span className="progress-bar" style={{ width: `${share * 100}%`, display: 'block' }} />
      </span>
    </span>
  );
}
