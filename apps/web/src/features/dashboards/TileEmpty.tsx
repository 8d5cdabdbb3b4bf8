import { useTranslation } from 'react-i18next';
import type { MetricName } from './types';

/** A tile with nothing to show in this range and these filters: says so calmly, in the tile's space. */
export function TileEmpty({ metric, text, hint }: { metric?: MetricName; text?: string; hint?: string }) {
  const { t } = useTranslation();
  return (
    <div className="tile-empty" data-testid="tile-empty">
      <span className="tile-empty-mark" aria-hidden="true" />
      <p className="tile-empty-title">{text ?? (metric && metric !== 'responses' ? t('dashboards.empty.metric', { metric: t(`dashboards.metrics.${metric}`) }) : t('dashboards.empty.responses'))}</p>
      <p className="muted small">{hint ?? t('dashboards.empty.hint')}</p>
    </div>
  );
}
