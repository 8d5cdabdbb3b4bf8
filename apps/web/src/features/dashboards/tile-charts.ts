/**
 * ECharts options for the chart tiles, as pure functions of already-formatted data: a trend line
 * with its 95 % band (two stacked lines: the lower bound, then the band's height filled), bars
 * with error bars (a custom series drawing whiskers), and target/benchmark lines.
 */
import { CHART_COLORS } from '../../ui/Chart';
import type { DashChartOption } from './DashChart';

export const COLORS = { ...CHART_COLORS, band: 'rgba(79, 91, 213, 0.16)', target: '#1d7a4c', benchmark: '#8a91a3', whisker: '#2b3142' };
const AXIS_TEXT = { color: CHART_COLORS.text, fontSize: 11 };

export interface RefLine { value: number; label: string; kind: 'target' | 'benchmark' }

/** Axis bounds that hold the data, the intervals and the reference lines, clamped to the metric's scale. */
export function extent(values: readonly (number | null | undefined)[], scale?: { min: number; max: number }): { min: number; max: number } | null {
  const xs = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  if (!xs.length) return null;
  let lo = Math.min(...xs), hi = Math.max(...xs);
  const pad = Math.max((hi - lo) * 0.08, scale ? (scale.max - scale.min) * 0.02 : 1);
  lo -= pad; hi += pad;
  if (scale) { lo = Math.max(scale.min, lo); hi = Math.min(scale.max, hi); }
  const span = hi - lo;
  const step = span > 100 ? 20 : span > 40 ? 10 : span > 20 ? 5 : span > 4 ? 1 : 0.1;
  return { min: Math.floor(lo / step) * step, max: Math.ceil(hi / step) * step };
}

/** Rich-text labels treat { } | as markup: keep user text (metadata values) plain. */
const plain = (s: string) => s.replace(/[{}|]/g, ' ');

function refLines(lines: readonly RefLine[], axis: 'xAxis' | 'yAxis' = 'yAxis') {
  return {
    silent: true, symbol: 'none',
    data: lines.map((l, i) => ({
      [axis]: l.value,
      lineStyle: { color: l.kind === 'target' ? COLORS.target : COLORS.benchmark, type: l.kind === 'target' ? 'dashed' as const : 'dotted' as const, width: 1.5 },
      // Targets label the right end, benchmarks the left, so the two never print on each other.
      label: {
        formatter: plain(l.label), color: l.kind === 'target' ? COLORS.target : COLORS.muted, fontSize: 10.5,
        position: axis === 'xAxis' ? 'start' as const : l.kind === 'target' ? 'insideEndTop' as const : i % 2 ? 'insideStartBottom' as const : 'insideStartTop' as const,
      },
    })),
  };
}

export interface TrendInput {
  labels: string[];
  values: (number | null)[];
  lows: (number | null)[];
  highs: (number | null)[];
  format: (v: number) => string;
  /** HTML for the tooltip of period i (built from our own formatted strings only). */
  tooltip: (i: number) => string;
  lines?: RefLine[];
  scale?: { min: number; max: number };
  color?: string;
}

export function trendOption(o: TrendInput): DashChartOption {
  const lines = o.lines ?? [];
  const band = o.lows.some((v) => v !== null);
  const bounds = extent([...o.values, ...o.lows, ...o.highs, ...lines.map((l) => l.value)], o.scale);
  const few = o.values.filter((v) => v !== null).length <= 40;
  return {
    grid: { left: 8, right: 16, top: 16, bottom: 4, containLabel: true },
    tooltip: { trigger: 'axis', formatter: (p: unknown) => o.tooltip((Array.isArray(p) ? p[0] : p)?.dataIndex ?? 0) },
    xAxis: { type: 'category', data: o.labels, boundaryGap: false, axisTick: { show: false }, axisLine: { lineStyle: { color: COLORS.grid } }, axisLabel: { ...AXIS_TEXT, hideOverlap: true } },
    yAxis: {
      type: 'value', min: bounds?.min, max: bounds?.max, splitLine: { lineStyle: { color: COLORS.grid } },
      axisLabel: { ...AXIS_TEXT, formatter: (v: number) => o.format(v) },
    },
    series: [
      ...(band ? [
        { type: 'line' as const, name: 'ci-low', data: o.lows.map((v) => v ?? '-'), stack: 'ci', stackStrategy: 'all' as const, symbol: 'none', lineStyle: { opacity: 0 }, silent: true, tooltip: { show: false } },
        {
          type: 'line' as const, name: 'ci', data: o.lows.map((v, i) => (v === null || o.highs[i] === null ? '-' : o.highs[i]! - v)), stack: 'ci', stackStrategy: 'all' as const,
          symbol: 'none', lineStyle: { opacity: 0 }, areaStyle: { color: COLORS.band }, silent: true, tooltip: { show: false },
        },
      ] : []),
      {
        type: 'line', name: 'value', data: o.values.map((v) => v ?? '-'), connectNulls: false, showSymbol: few, showAllSymbol: few, symbolSize: 6,
        lineStyle: { width: 2.2, color: o.color ?? COLORS.accent }, itemStyle: { color: o.color ?? COLORS.accent },
        markLine: lines.length ? refLines(lines) : undefined,
      },
    ],
  };
}

export interface BarsInput {
  labels: string[];
  values: (number | null)[];
  format: (v: number) => string;
  colors?: string[];
  tooltip: (i: number) => string;
  /** Horizontal bars with whiskers from low to high (breakdowns). */
  horizontal?: boolean;
  lows?: (number | null)[];
  highs?: (number | null)[];
  /** A second, muted line under each category label (e.g. "+32 · n = 120"). */
  sublabels?: string[];
  lines?: RefLine[];
  scale?: { min: number; max: number };
  /** Counts: integer ticks, axis from 0. */
  counts?: boolean;
}

export function barsOption(o: BarsInput): DashChartOption {
  const horizontal = !!o.horizontal;
  const whiskers = (o.lows ?? []).some((v) => v !== null);
  const bounds = o.counts ? null : extent([0, ...o.values, ...(o.lows ?? []), ...(o.highs ?? []), ...(o.lines ?? []).map((l) => l.value)], o.scale);
  const category = {
    type: 'category' as const, data: o.labels, axisTick: { show: false }, axisLine: { lineStyle: { color: COLORS.grid } },
    axisLabel: horizontal
      ? {
        ...AXIS_TEXT, width: 150, overflow: 'truncate' as const, lineHeight: 15,
        formatter: (v: string, i: number) => (o.sublabels ? `{name|${plain(v)}}\n{meta|${plain(o.sublabels[i] ?? '')}}` : plain(v)),
        rich: { name: { color: '#1a1f2b', fontSize: 12 }, meta: { color: CHART_COLORS.muted, fontSize: 10.5 } },
      }
      : { ...AXIS_TEXT, hideOverlap: true },
  };
  const value = {
    type: 'value' as const, min: bounds?.min, max: bounds?.max, minInterval: o.counts ? 1 : undefined,
    splitLine: { lineStyle: { color: COLORS.grid } }, axisLabel: { ...AXIS_TEXT, hideOverlap: true, formatter: (v: number) => o.format(v) },
  };
  return {
    grid: { left: 8, right: 18, top: horizontal && o.lines?.length ? 26 : 12, bottom: 4, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, formatter: (p: unknown) => o.tooltip((Array.isArray(p) ? p[0] : p)?.dataIndex ?? 0) },
    xAxis: horizontal ? value : category,
    yAxis: horizontal ? { ...category, inverse: true } : value,
    series: [
      {
        type: 'bar', name: 'value',
        data: o.values.map((v, i) => ({ value: v ?? '-', itemStyle: { color: o.colors?.[i] ?? COLORS.accent } })),
        barMaxWidth: horizontal ? 20 : 26, barMinHeight: 0,
        itemStyle: { borderRadius: horizontal ? 3 : [3, 3, 0, 0] },
        markLine: o.lines?.length ? refLines(o.lines, horizontal ? 'xAxis' : 'yAxis') : undefined,
      },
      ...(whiskers ? [{
        type: 'custom' as const, name: 'ci', silent: true, z: 10, tooltip: { show: false },
        data: o.values.map((_, i) => [i, o.lows?.[i] ?? null, o.highs?.[i] ?? null]),
        encode: horizontal ? { x: [1, 2], y: 0 } : { x: 0, y: [1, 2] },
        renderItem: (_params: unknown, api: { value: (d: number) => number; coord: (p: number[]) => number[]; size: (p: number[]) => number[] }) => {
          const i = api.value(0), low = api.value(1), high = api.value(2);
          if (!Number.isFinite(low) || !Number.isFinite(high)) return null;
          const a = horizontal ? api.coord([low, i]) : api.coord([i, low]);
          const b = horizontal ? api.coord([high, i]) : api.coord([i, high]);
          const cap = (horizontal ? api.size([0, 1])[1] : api.size([1, 0])[0]) * 0.18;
          const style = { stroke: COLORS.whisker, lineWidth: 1.4 };
          const capAt = (p: number[]) => (horizontal ? { x1: p[0], y1: p[1] - cap, x2: p[0], y2: p[1] + cap } : { x1: p[0] - cap, y1: p[1], x2: p[0] + cap, y2: p[1] });
          return {
            type: 'group',
            children: [
              { type: 'line', shape: { x1: a[0], y1: a[1], x2: b[0], y2: b[1] }, style },
              { type: 'line', shape: capAt(a), style },
              { type: 'line', shape: capAt(b), style },
            ],
          };
        },
      }] : []),
    ],
  } as DashChartOption;
}

/** Colours of answer scores: red, amber, green as the NPS groups, and the same idea for CSAT and CES. */
export function scoreColors(metric: 'nps' | 'csat' | 'ces', scores: number[]): string[] {
  const cut = { nps: [6, 8], csat: [2, 3], ces: [3, 4] }[metric];
  return scores.map((s) => (s <= cut[0] ? COLORS.detractor : s <= cut[1] ? COLORS.passive : COLORS.promoter));
}
