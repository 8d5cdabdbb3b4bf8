import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../lib/errors';
import { Spinner } from '../../ui/Spinner';
import { BreakdownTile, DistributionTile, TrendTile, VolumeTile } from './ChartTiles';
import { DriversTile } from './DriversTile';
import { ChurnTile, ClvTile, CohortTile, customerTileSub, RepeatTile, SegmentRevenueTile } from './CustomerTiles';
import { isCustomerTile, type CustomerKpisView } from './customer-kpis';
import { isLoopTile, type LoopMetrics } from './loop-tiles';
import { LoopBreakdownTile, LoopKpisTile, LoopParetoTile, loopTileSub } from './LoopTiles';
import { byLabel, tileTitle } from './labels';
import { OpenTextTile } from './OpenTextTile';
import type { TileContext, TileProps } from './tile-props';
import type { DriversView, MetricsResult, OpenTextItem, Tile } from './types';
import type { QueryState } from './use-dashboard-data';
import { ValueTile } from './ValueTile';

const BODY: Record<Tile['type'], (p: TileProps) => ReactNode> = {
  value: (p) => <ValueTile {...p} />,
  trend: (p) => <TrendTile {...p} />,
  breakdown: (p) => <BreakdownTile {...p} />,
  distribution: (p) => <DistributionTile {...p} />,
  volume: (p) => <VolumeTile {...p} />,
  open_text: (p) => <OpenTextTile {...p} />,
  drivers: (p) => <DriversTile {...p} />,
  cohort_retention: (p) => <CohortTile {...p} />,
  churn_trend: (p) => <ChurnTile {...p} />,
  clv: (p) => <ClvTile {...p} />,
  repeat_rate: (p) => <RepeatTile {...p} />,
  segment_revenue: (p) => <SegmentRevenueTile {...p} />,
  loop_kpis: (p) => <LoopKpisTile {...p} />,
  loop_pareto: (p) => <LoopParetoTile {...p} />,
  loop_breakdown: (p) => <LoopBreakdownTile {...p} />,
};

/** One tile: title, what it is computed from, and its body (or its loading/error state). */
export function TileCard({ tile, state, ctx, tools }: { tile: Tile; state: QueryState | undefined; ctx: TileContext; tools?: ReactNode }) {
  const { t } = useTranslation();
  const data = state?.data;
  // The drivers tile reads GET …/text/drivers, customer tiles …/customers/kpis, loop tiles
  // …/cases/metrics; every other object answer is GET …/metrics.
  const drivers = tile.type === 'drivers' && data && !Array.isArray(data) ? (data as DriversView) : undefined;
  const kpis = isCustomerTile(tile.type) && data && !Array.isArray(data) ? (data as CustomerKpisView) : undefined;
  const loop = isLoopTile(tile.type) && data && !Array.isArray(data) ? (data as LoopMetrics) : undefined;
  const result = tile.type !== 'drivers' && !isCustomerTile(tile.type) && !isLoopTile(tile.type) && data && !Array.isArray(data) ? (data as MetricsResult) : undefined;
  const items = Array.isArray(data) ? (data as OpenTextItem[]) : undefined;
  const sub = tile.type === 'trend' || tile.type === 'volume' ? t(`dashboards.interval.${tile.interval}`)
    : tile.type === 'breakdown' ? byLabel(t, tile.by ?? 'channel')
    : tile.type === 'value' && ctx.view.compare ? t('dashboards.value.vsPrevious')
    : tile.type === 'drivers' ? t('dashboards.drivers.sub')
    : isCustomerTile(tile.type) ? customerTileSub(t, tile, kpis)
    : isLoopTile(tile.type) ? loopTileSub(t)
    : null;
  const source = result && t(result.source === 'cube' ? 'dashboards.source.cube' : 'dashboards.source.rows')
    + (tile.metric === 'cx_index' ? ` · ${result.cxIndexVersion ? t('dashboards.source.weights', { version: result.cxIndexVersion }) : t('dashboards.source.defaultWeights')}` : '');
  const title = tileTitle(t, tile);

  return (
    <section
      className={`card dash-tile tile-${tile.size} tile-type-${tile.type}`}
      data-testid="tile" data-tile-id={tile.id} data-tile-type={tile.type} data-metric={tile.metric}
      aria-busy={state?.loading || undefined} aria-label={title}
    >
      <header className="tile-head">
        <div className="tile-heading">
          <h3 className="tile-title">{title}</h3>
          {sub && <span className="tile-sub">{sub}</span>}
        </div>
        <div className="tile-aside">
          {state?.loading && data !== undefined && <Spinner size={12} />}
          {source && <span className="tile-source" title={source} aria-label={source} data-testid="tile-source">{result!.source === 'cube' ? '◆' : '◇'}</span>}
          {tools}
        </div>
      </header>
      <div className={`tile-body ${state?.loading && data !== undefined ? 'is-stale' : ''}`}>
        {state?.error ? (
          <p className="tile-error" role="alert" data-testid="tile-error">
            {state.error.status === 403 ? t(isLoopTile(tile.type) ? 'dashboards.loop.forbidden' : 'dashboards.errors.forbidden') : errorText(t, state.error)}
          </p>
        ) : data === undefined ? (
          <div className="tile-loading"><Spinner size={18} label={t('common.loading')} /></div>
        ) : BODY[tile.type]({ tile, result, items, drivers, kpis, loop, ctx })}
      </div>
    </section>
  );
}
