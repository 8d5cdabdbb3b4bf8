/**
 * ECharts, trimmed: only the bar chart, grid and tooltip are registered (echarts/core), which
 * keeps the results page chunk a fraction of the full library (the canvas's life: use-echart.ts).
 */
import * as echarts from 'echarts/core';
import { BarChart, type BarSeriesOption } from 'echarts/charts';
import { GridComponent, TooltipComponent, type GridComponentOption, type TooltipComponentOption } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { useEChart } from './use-echart';

echarts.use([BarChart, GridComponent, TooltipComponent, CanvasRenderer]);

export type ChartOption = echarts.ComposeOption<BarSeriesOption | GridComponentOption | TooltipComponentOption>;

interface ChartProps {
  option: ChartOption;
  height?: number;
  testId?: string;
  /** What the chart shows, for screen readers (the canvas itself says nothing). */
  label: string;
}

const BASE = { animationDuration: 300 };

export function Chart({ option, height = 220, testId, label }: ChartProps) {
  const box = useEChart({ option, redrawKey: JSON.stringify(option), base: BASE });
  return <div ref={box} className="chart" style={{ height }} role="img" aria-label={label} data-testid={testId} />;
}

export const CHART_COLORS = { accent: '#4f5bd5', detractor: '#e5484d', passive: '#f5a524', promoter: '#30a46c', muted: '#8b93a5', grid: '#eceef3', text: '#5b6275' };

/**
 * A bar chart in the app's style. Horizontal suits long category names (channels, options); it
 * prints each value at the end of its bar instead of a crowded value axis.
 */
export function barOption(opts: { labels: string[]; values: number[]; colors?: string[]; horizontal?: boolean; valueFormatter?: (n: number) => string }): ChartOption {
  const { labels, values, colors, horizontal = false, valueFormatter = String } = opts;
  const axisText = { color: CHART_COLORS.text, fontSize: 11 };
  const category = {
    type: 'category' as const, data: labels, axisTick: { show: false }, axisLine: { lineStyle: { color: CHART_COLORS.grid } },
    axisLabel: horizontal ? { ...axisText, width: 140, overflow: 'truncate' as const } : axisText,
  };
  const value = horizontal
    ? { type: 'value' as const, axisLabel: { show: false }, splitLine: { show: false } }
    : { type: 'value' as const, minInterval: 1, splitLine: { lineStyle: { color: CHART_COLORS.grid } }, axisLabel: axisText }; // counts: no 0.2 ticks
  return {
    grid: { left: 8, right: horizontal ? 56 : 16, top: 12, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v) => valueFormatter(Number(v)) },
    xAxis: horizontal ? value : category,
    yAxis: horizontal ? { ...category, inverse: true } : value,
    series: [{
      type: 'bar',
      data: values.map((v, i) => ({ value: v, itemStyle: { color: colors?.[i] ?? CHART_COLORS.accent } })),
      barMaxWidth: horizontal ? 22 : 28,
      itemStyle: { borderRadius: horizontal ? [0, 4, 4, 0] : [4, 4, 0, 0] },
      label: horizontal ? { show: true, position: 'right', color: CHART_COLORS.text, fontSize: 11, formatter: (p) => valueFormatter(Number(p.value)) } : undefined,
    }],
  };
}
