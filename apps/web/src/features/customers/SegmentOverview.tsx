import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Segment, SegmentTrendPoint } from '@touchpoint/shared';
import { withQuery, ws } from '../../lib/api';
import { formatDate, formatDateTime, formatNumber } from '../../lib/format';
import { currentUiLanguage } from '../../lib/i18n';
import { useApi } from '../../lib/use-api';
import { Link } from '../../app/router';
import { CHART_COLORS } from '../../ui/Chart';
import { DashChart, type DashChartOption } from '../dashboards/DashChart';
import { KindBadge, SegmentStatus } from './SegmentsTab';
import { segmentPath } from './use-segments';

export const TREND_DAYS = 90;

/**
 * A saved segment at a glance: its member count (the maintained column, live over the stream),
 * kind and build state, and the count per day over the last 90 days. `version` changes when a
 * frame says members moved, so the trend's last point follows the count.
 */
export function SegmentOverview({ wid, segment, version }: { wid: string; segment: Segment; version: number }) {
  const { t } = useTranslation();
  const lang = currentUiLanguage();
  const trend = useApi<{ points: SegmentTrendPoint[] }>(withQuery(ws(wid, 'segments', segment.id, 'trend'), { days: TREND_DAYS }));
  const reloadTrend = trend.reload;
  useEffect(() => { if (version) void reloadTrend(); }, [version, reloadTrend]);
  const points = trend.data?.points ?? [];
  return (
    <section className="card segment-overview" aria-labelledby="segment-overview-title" data-testid="segment-overview">
      <div className="segment-overview-numbers">
        <h2 className="sr-only" id="segment-overview-title">{t('segments.overview.title')}</h2>
        <div className="segment-count-block">
          <span className="segment-count-label">{t('segments.overview.members')}</span>
          <span className="segment-count-value num" data-testid="segment-member-count" data-count={segment.memberCount}>{formatNumber(lang, segment.memberCount)}</span>
        </div>
        <dl className="segment-facts">
          <div><dt>{t('segments.col.kind')}</dt><dd><KindBadge kind={segment.kind} /></dd></div>
          <div><dt>{t('segments.col.status')}</dt><dd><SegmentStatus s={segment} /></dd></div>
          <div><dt>{t('segments.overview.builtAt')}</dt><dd className="small">{segment.builtAt ? formatDateTime(lang, segment.builtAt) : '–'}</dd></div>
          {segment.snapshotOf && (
            <div><dt>{t('segments.overview.snapshotOf')}</dt><dd className="small"><Link to={segmentPath(wid, segment.snapshotOf)}>{t('segments.overview.source')}</Link></dd></div>
          )}
        </dl>
      </div>
      <div className="segment-trend">
        <h3 className="card-subtitle">{t('segments.overview.trend', { days: TREND_DAYS })}</h3>
        {points.length ? (
          <DashChart option={trendOption(points, lang)} height={200} label={t('segments.overview.trendLabel', { name: segment.name })} testId="segment-trend" />
        ) : <p className="muted small">{trend.loading ? t('common.loading') : t('segments.overview.noTrend')}</p>}
      </div>
    </section>
  );
}

function trendOption(points: SegmentTrendPoint[], lang: ReturnType<typeof currentUiLanguage>): DashChartOption {
  const axisText = { color: CHART_COLORS.text, fontSize: 11 };
  return {
    grid: { left: 8, right: 16, top: 12, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', valueFormatter: (v) => formatNumber(lang, Number(v)) },
    xAxis: {
      type: 'category', data: points.map((p) => p.day), boundaryGap: false,
      axisLabel: { ...axisText, formatter: (d: string) => formatDate(lang, d) }, axisLine: { lineStyle: { color: CHART_COLORS.grid } }, axisTick: { show: false },
    },
    // Member counts are whole people: no 0.5 ticks on a small segment.
    yAxis: { type: 'value', minInterval: 1, splitLine: { lineStyle: { color: CHART_COLORS.grid } }, axisLabel: axisText },
    series: [{
      type: 'line', data: points.map((p) => p.members), smooth: false, symbol: points.length > 30 ? 'none' : 'circle', symbolSize: points.length > 1 ? 6 : 10,
      lineStyle: { color: CHART_COLORS.accent, width: 2 }, itemStyle: { color: CHART_COLORS.accent }, areaStyle: { color: 'rgba(79, 91, 213, 0.08)' },
    }],
  };
}
