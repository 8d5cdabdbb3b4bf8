/**
 * ECharts options of the customer KPI tiles: the cohort retention heat map and the churn and
 * retention lines. The heat map and the legend need ECharts parts than the other tiles; they are
 * registered here, in the dashboards chunk that already carries ECharts.
 */
import * as echarts from 'echarts/core';
import { HeatmapChart } from 'echarts/charts';
import { LegendComponent, VisualMapComponent } from 'echarts/components';
import type { DashChartOption } from './DashChart';
import { COLORS } from './tile-charts';

echarts.use([HeatmapChart, VisualMapComponent, LegendComponent]);

const AXIS_TEXT = { color: COLORS.text, fontSize: 11 };

export interface HeatmapInput {
  /** Row labels (cohort months, first at the top) and column labels (+0, +1 … months after). */
  rows: string[];
  columns: string[];
  /** cells[row][k]: share 0…1, null for no people; a row is shorter than the columns (the triangle). */
  cells: (number | null)[][];
  /** Text shown in each cell (its percentage) and the row's second label (cohort size). */
  format: (share: number) => string;
  rowMeta: string[];
  tooltip: (row: number, column: number) => string;
}

/** The retention triangle as a heat map: darker is a larger share still active. */
export function heatmapOption(o: HeatmapInput): DashChartOption {
  const data: [number, number, number | '-'][] = [];
  o.cells.forEach((row, y) => row.forEach((share, x) => data.push([x, y, share === null ? '-' : Math.round(share * 1000) / 10])));
  const option = {
    grid: { left: 8, right: 12, top: 8, bottom: 4, containLabel: true },
    tooltip: { formatter: (p: { value?: [number, number, number] }) => (p.value ? o.tooltip(p.value[1], p.value[0]) : '') },
    xAxis: { type: 'category', data: o.columns, position: 'top', splitArea: { show: false }, axisTick: { show: false }, axisLine: { show: false }, axisLabel: AXIS_TEXT },
    yAxis: {
      type: 'category', data: o.rows, inverse: true, axisTick: { show: false }, axisLine: { show: false },
      axisLabel: { ...AXIS_TEXT, formatter: (v: string, i: number) => `{name|${v}}  {meta|${o.rowMeta[i] ?? ''}}`, rich: { name: { color: '#1a1f2b', fontSize: 11.5 }, meta: { color: COLORS.muted, fontSize: 10.5 } } },
    },
    visualMap: { show: false, min: 0, max: 100, dimension: 2, inRange: { color: ['#eef0fb', '#b9bff0', COLORS.accent] } },
    series: [{
      type: 'heatmap', data,
      label: { show: true, fontSize: 10.5, formatter: (p: { value: [number, number, number | '-'] }) => (typeof p.value[2] === 'number' ? o.format(p.value[2] / 100) : ''), color: '#1a1f2b' },
      itemStyle: { borderColor: '#fff', borderWidth: 2, borderRadius: 3 },
      emphasis: { itemStyle: { borderColor: COLORS.whisker, borderWidth: 1 } },
    }],
  };
  // DashChartOption lists the parts every tile registers; these are registered above.
  return option as unknown as DashChartOption;
}

export interface ChurnInput {
  labels: string[];
  churn: (number | null)[];
  retention: (number | null)[];
  names: { churn: string; retention: string };
  format: (share: number) => string;
  tooltip: (i: number) => string;
}

/** Churn and retention per month (they add up to 100 %), on a 0–100 % axis. */
export function churnOption(o: ChurnInput): DashChartOption {
  const line = (name: string, values: (number | null)[], color: string) => ({
    type: 'line' as const, name, data: values.map((v) => (v === null ? '-' : v)), connectNulls: false, symbolSize: 6,
    lineStyle: { width: 2.2, color }, itemStyle: { color },
  });
  return {
    grid: { left: 8, right: 16, top: 28, bottom: 4, containLabel: true },
    legend: { top: 0, right: 8, itemWidth: 14, itemHeight: 8, textStyle: AXIS_TEXT },
    tooltip: { trigger: 'axis', formatter: (p: unknown) => o.tooltip((Array.isArray(p) ? p[0] : p)?.dataIndex ?? 0) },
    xAxis: { type: 'category', data: o.labels, boundaryGap: false, axisTick: { show: false }, axisLine: { lineStyle: { color: COLORS.grid } }, axisLabel: { ...AXIS_TEXT, hideOverlap: true } },
    yAxis: { type: 'value', min: 0, max: 1, splitLine: { lineStyle: { color: COLORS.grid } }, axisLabel: { ...AXIS_TEXT, formatter: (v: number) => o.format(v) } },
    series: [line(o.names.churn, o.churn, COLORS.detractor), line(o.names.retention, o.retention, COLORS.promoter)],
  } as unknown as DashChartOption;
}
