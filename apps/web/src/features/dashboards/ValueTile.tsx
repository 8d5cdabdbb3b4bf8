import { useTranslation } from 'react-i18next';
import { formatDate, formatNumber, formatPercent } from '../../lib/format';
import { currentUiLanguage } from '../../lib/i18n';
import { formatDayRange, metricLabel } from './labels';
import { benchmarksFor, formatDelta, formatMetric, isScore, movement, onScale, pickTarget, readMetric, targetMet } from './metric-values';
import type { TileProps } from './tile-props';
import { TileEmpty } from './TileEmpty';

/**
 * The big number: value, n and 95 % interval; the change against the previous range with the
 * server's significance test; progress to the target; and the gap to each benchmark.
 */
export function ValueTile({ tile, result, ctx }: TileProps) {
  const { t } = useTranslation();
  const lang = currentUiLanguage();
  if (!result) return null;
  const m = tile.metric;
  const r = readMetric(result.total, m);
  if (!r.n || r.value === null) return <TileEmpty metric={m} />;
  const fmt = (v: number | null | undefined) => formatMetric(lang, m, v);
  const move = movement(result, m);
  const target = pickTarget(ctx.targets, m, ctx.view.surveys, ctx.today);
  const benchmarks = benchmarksFor(ctx.benchmarks, m);
  const direction = move?.delta ? (move.delta > 0 ? 'up' : 'down') : 'flat';

  return (
    <div className="value-tile">
      <p className="value-main">
        <span className="value-number" data-testid="value-number">{fmt(r.value)}</span>
        {move && move.delta !== null && (
          <span
            className={`delta delta-${direction} ${move.significant ? 'delta-sig' : ''}`}
            data-testid="value-delta"
            title={move.tested
              ? t(move.significant ? 'dashboards.value.significant' : 'dashboards.value.notSignificant', { p: formatNumber(lang, move.pValue, 3) })
              : t('dashboards.value.untested')}
          >
            <span aria-hidden="true">{direction === 'up' ? '▲' : direction === 'down' ? '▼' : '•'}</span>
            {formatDelta(lang, m, move.delta)}
            {move.tested && <span className="sig-mark" aria-label={t(move.significant ? 'dashboards.value.sigShort' : 'dashboards.value.nsShort')}>{move.significant ? '●' : '○'}</span>}
          </span>
        )}
      </p>
      <p className="value-meta">
        {m !== 'responses' && <span data-testid="value-n">{t('kpi.n', { n: formatNumber(lang, r.n) })}</span>}
        {r.ci && <span>{t('kpi.ci', { low: fmt(r.ci.low), high: fmt(r.ci.high) })}</span>}
      </p>
      {m === 'sentiment' && (
        <p className="value-meta" data-testid="value-sentiment-shares">
          {t('kpi.sentimentShares', { positive: formatPercent(lang, (result.total.sentiment.positiveShare ?? 0) / 100), negative: formatPercent(lang, (result.total.sentiment.negativeShare ?? 0) / 100) })}
        </p>
      )}
      {move && result.previous && (
        <p className="value-meta" title={formatDayRange(lang, result.previous.from, result.previous.to)} data-testid="value-previous">
          <span>{move.previous === null ? t('dashboards.value.noPrevious') : t('dashboards.value.previous', { value: fmt(move.previous) })}</span>
          {move.tested && move.delta !== null && (
            <span className={move.significant ? 'sig-text' : undefined}>{t(move.significant ? 'dashboards.value.sigShort' : 'dashboards.value.nsShort')}</span>
          )}
        </p>
      )}
      {target && isScore(m) && (
        <div className="target" data-testid="value-target">
          <div className="row-between small">
            <span>{t('dashboards.value.target', { op: target.operator === '>=' ? '≥' : '≤', value: fmt(target.value), due: formatDate(lang, target.due) })}</span>
            <strong className={targetMet(target, r.value) ? 'text-success' : 'muted'}>
              {targetMet(target, r.value) ? t('dashboards.value.targetMet') : t('dashboards.value.targetGap', { gap: formatDelta(lang, m, target.value - r.value).replace(/^[+−-]/, '') })}
            </strong>
          </div>
          <div className="target-track" aria-hidden="true">
            <span className="target-fill" style={{ width: `${onScale(m, r.value) * 100}%` }} />
            <span className="target-mark" style={{ left: `${onScale(m, target.value) * 100}%` }} />
          </div>
        </div>
      )}
      {benchmarks.length > 0 && (
        <ul className="benchmarks small" data-testid="value-benchmarks">
          {benchmarks.slice(0, 3).map((b) => (
            <li key={b.id} title={`${b.source} · ${formatDate(lang, b.asOf)}`}>
              <span className="muted">{t(`dashboards.benchmarkKind.${b.kind}`)} · {b.label}</span>
              <span>{fmt(b.value)} <span className={r.value! - b.value >= 0 ? 'text-success' : 'text-danger'}>({t('dashboards.value.gap', { gap: formatDelta(lang, m, r.value! - b.value) })})</span></span>
            </li>
          ))}
        </ul>
      )}
      <span className="sr-only">{metricLabel(t, m)}</span>
    </div>
  );
}
