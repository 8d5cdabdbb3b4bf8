/**
 * ECharts for dashboard tiles: like ui/Chart, plus lines (trends with a confidence band), custom
 * series (error bars) and mark lines (targets, benchmarks). Registered here so the survey
 * results page keeps its smaller chunk. Canvas renderer: the PNG export copies the canvases.
 */
import * as echarts from 'echarts/core';
import { BarChart, CustomChart, LineChart, type BarSeriesOption, type CustomSeriesOption, type LineSeriesOption } from 'echarts/charts';
import {
  GridComponent, MarkLineComponent, TooltipComponent,
  type GridComponentOption, type MarkLineComponentOption, type TooltipComponentOption,
} from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { currentUiLanguage } from '../../lib/i18n';
import { useEChart } from '../../ui/use-echart';

echarts.use([BarChart, LineChart, CustomChart, GridComponent, TooltipComponent, MarkLineComponent, CanvasRenderer]);

export type DashChartOption = echarts.ComposeOption<
  BarSeriesOption | LineSeriesOption | CustomSeriesOption | GridComponentOption | TooltipComponentOption | MarkLineComponentOption
>;

const BASE = { animationDuration: 300, animationDurationUpdate: 300 };
// The PNG / PDF export waits for charts still animating (data-rendering="1") before it copies them.
const drawing = (box: HTMLDivElement) => { box.dataset.rendering = '1'; };
const drawn = (instance: echarts.ECharts, box: HTMLDivElement) => instance.on('finished', () => { box.dataset.rendering = '0'; });

export function DashChart({ option, height = 220, label, testId }: { option: DashChartOption; height?: number; label: string; testId?: string }) {
  // Formatters read the UI language: a language change redraws (functions aside, the JSON is the same).
  const box = useEChart({ option, redrawKey: currentUiLanguage() + JSON.stringify(option), base: BASE, onInit: drawn, beforeDraw: drawing });
  return <div ref={box} className="chart" style={{ height }} role="img" aria-label={label} data-testid={testId} />;
}
