import { useTranslation } from 'react-i18next';
import { formatNumber, formatPercent } from '../../lib/format';
import { currentUiLanguage } from '../../lib/i18n';
import { DashChart } from './DashChart';
import { byLabel, formatPeriod, groupLabel, metricLabel, tileTitle } from './labels';
import { benchmarksFor, formatMetric, isScore, pickTarget, readMetric, SCALE, type Reading } from './metric-values';
import { periodsBetween } from './periods';
import { barsOption, scoreColors, trendOption, type RefLine } from './tile-charts';
import type { TileProps } from './tile-props';
import { TileEmpty } from './TileEmpty';
import { SegmentCompare } from './SegmentCompare';
import type { Summary } from './types';

const HEIGHT = { s: 170, m: 230, l: 270 } as const;
const MAX_GROUPS = 12;
const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function periodData({ tile, result, ctx }: TileProps) {
  const lang = currentUiLanguage();
  const periods = periodsBetween(ctx.range.from, ctx.range.to, tile.interval);
  const series = result?.series.find((s) => s.group === null) ?? result?.series[0];
  const byPeriod = new Map<string, Summary>(series?.points.map((p) => [p.period, p]) ?? []);
  return {
    periods,
    points: periods.map((p) => byPeriod.get(p)),
    labels: periods.map((p) => formatPeriod(lang, p, tile.interval)),
    longLabels: periods.map((p) => formatPeriod(lang, p, tile.interval, true)),
  };
}

/** A metric per period with its 95 % band, the target and the benchmarks as lines. */
export function TrendTile(props: TileProps) {
  const { t } = useTranslation();
  const lang = currentUiLanguage();
  const { tile, ctx } = props;
  const { points, labels, longLabels } = periodData(props);
  const m = tile.metric;
  const readings: Reading[] = points.map((p) => (p ? readMetric(p, m) : { value: null, n: 0, ci: null }));
  if (!props.result) return null;
  if (!readings.some((r) => r.n > 0 && r.value !== null)) return <TileEmpty metric={m} />;
  const fmt = (v: number) => formatMetric(lang, m, v);
  const target = pickTarget(ctx.targets, m, ctx.view.surveys, ctx.today);
  const lines: RefLine[] = [
    ...(target ? [{ value: target.value, label: t('dashboards.chart.targetLine', { value: fmt(target.value) }), kind: 'target' as const }] : []),
    ...benchmarksFor(ctx.benchmarks, m).slice(0, 2).map((b) => ({ value: b.value, label: `${b.label} ${fmt(b.value)}`, kind: 'benchmark' as const })),
  ];
  const option = trendOption({
    labels,
    values: readings.map((r) => (r.n ? r.value : null)),
    lows: readings.map((r) => r.ci?.low ?? null),
    highs: readings.map((r) => r.ci?.high ?? null),
    format: fmt,
    lines,
    scale: isScore(m) ? SCALE[m] : undefined,
    tooltip: (i) => {
      const r = readings[i];
      const rows = [`<b>${esc(longLabels[i])}</b>`, `${esc(metricLabel(t, m))}: <b>${esc(r.n ? fmt(r.value!) : '–')}</b>`];
      if (r.ci) rows.push(esc(t('kpi.ci', { low: fmt(r.ci.low), high: fmt(r.ci.high) })));
      rows.push(esc(t('kpi.n', { n: formatNumber(lang, r.n) })));
      return rows.join('<br/>');
    },
  });
  return <DashChart option={option} height={HEIGHT[tile.size]} label={tileTitle(t, tile)} testId="trend-chart" />;
}

/** Responses per period. */
export function VolumeTile(props: TileProps) {
  const { t } = useTranslation();
  const lang = currentUiLanguage();
  const { points, labels, longLabels } = periodData(props);
  if (!props.result) return null;
  if (!points.some((p) => p && p.responses > 0)) return <TileEmpty metric="responses" />;
  const option = barsOption({
    labels, counts: true,
    values: points.map((p) => p?.responses ?? 0),
    format: (v) => formatNumber(lang, v),
    tooltip: (i) => [
      `<b>${esc(longLabels[i])}</b>`,
      esc(t('dashboards.chart.responses', { n: formatNumber(lang, points[i]?.responses ?? 0) })),
      esc(t('dashboards.chart.complete', { n: formatNumber(lang, points[i]?.complete ?? 0) })),
    ].join('<br/>'),
  });
  return <DashChart option={option} height={HEIGHT[props.tile.size]} label={tileTitle(t, props.tile)} testId="volume-chart" />;
}

/** One bar per segment with its 95 % interval as whiskers and its n under the name. */
export function BreakdownTile({ tile, result, ctx }: TileProps) {
  const { t } = useTranslation();
  const lang = currentUiLanguage();
  if (!result) return null;
  const m = tile.metric, by = tile.by ?? 'channel';
  const rows = result.series
    .flatMap((s) => (s.points[0] ? [{ key: s.group ?? '', summary: s.points[0], r: readMetric(s.points[0], m) }] : []))
    .filter((x) => x.r.n > 0)
    .sort((a, b) => b.r.n - a.r.n);
  if (!rows.length) return <TileEmpty metric={m} />;
  const shown = rows.slice(0, MAX_GROUPS);
  const fmt = (v: number) => formatMetric(lang, m, v);
  const names = shown.map((x) => groupLabel(t, by, x.key, ctx.surveyNames));
  const target = pickTarget(ctx.targets, m, ctx.view.surveys, ctx.today);
  const option = barsOption({
    horizontal: true,
    labels: names,
    sublabels: shown.map((x) => `${x.r.value === null ? '–' : fmt(x.r.value)} · ${t('kpi.n', { n: formatNumber(lang, x.r.n) })}`),
    values: shown.map((x) => x.r.value),
    lows: shown.map((x) => x.r.ci?.low ?? null),
    highs: shown.map((x) => x.r.ci?.high ?? null),
    counts: m === 'responses',
    format: fmt,
    scale: isScore(m) ? SCALE[m] : undefined,
    lines: target ? [{ value: target.value, label: t('dashboards.chart.targetLine', { value: fmt(target.value) }), kind: 'target' }] : undefined,
    tooltip: (i) => {
      const x = shown[i];
      const rows2 = [`<b>${esc(names[i])}</b>`, `${esc(metricLabel(t, m))}: <b>${esc(x.r.value === null ? '–' : fmt(x.r.value))}</b>`];
      if (x.r.ci) rows2.push(esc(t('kpi.ci', { low: fmt(x.r.ci.low), high: fmt(x.r.ci.high) })));
      rows2.push(esc(t('kpi.n', { n: formatNumber(lang, x.r.n) })));
      return rows2.join('<br/>');
    },
  });
  return (
    <>
      <DashChart option={option} height={Math.max(HEIGHT[tile.size], shown.length * 44 + 24)} label={`${tileTitle(t, tile)} (${byLabel(t, by)})`} testId="breakdown-chart" />
      {rows.length > shown.length && <p className="muted small">{t('dashboards.chart.moreGroups', { count: rows.length - shown.length })}</p>}
      <SegmentCompare metric={m} segments={shown.map((x, i) => ({ key: x.key, label: names[i], summary: x.summary }))} />
    </>
  );
}

/** How many gave each score: 0–10 for NPS, 1–5 for CSAT, 1–7 for CES. */
export function DistributionTile({ tile, result }: TileProps) {
  const { t } = useTranslation();
  const lang = currentUiLanguage();
  if (!result) return null;
  const m = tile.metric === 'csat' || tile.metric === 'ces' ? tile.metric : 'nps';
  const bins = result.total.distribution[m];
  const total = bins.reduce((a, b) => a + b, 0);
  if (!total) return <TileEmpty metric={m} />;
  const first = m === 'nps' ? 0 : 1;
  const scores = bins.map((_, i) => i + first);
  const option = barsOption({
    labels: scores.map(String), counts: true, values: bins, colors: scoreColors(m, scores),
    format: (v) => formatNumber(lang, v),
    tooltip: (i) => `${esc(t('dashboards.chart.score', { score: scores[i] }))}: <b>${esc(formatNumber(lang, bins[i]))}</b> (${esc(formatPercent(lang, bins[i] / total))})`,
  });
  return (
    <>
      <DashChart option={option} height={HEIGHT[tile.size]} label={tileTitle(t, tile)} testId="distribution-chart" />
      <p className="muted small">{t('kpi.n', { n: formatNumber(lang, total) })}</p>
    </>
  );
}
