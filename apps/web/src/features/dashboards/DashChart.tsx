/**
 * ECharts for dashboard tiles: like ui/Chart, plus lines (trends with a confidence band), custom
 * series (error bars) and mark lines (targets, benchmarks). Registered here so the survey
 * results page keeps its smaller chunk. Canvas renderer: the PNG export copies the canvases.
 */
import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, CustomChart, LineChart, type BarSeriesOption, type CustomSeriesOption, type LineSeriesOption } from 'echarts/charts';
import {
  GridComponent, MarkLineComponent, TooltipComponent,
  type GridComponentOption, type MarkLineComponentOption, type TooltipComponentOption,
} from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { currentUiLanguage } from '../../lib/i18n';

echarts.use([BarChart, LineChart, CustomChart, GridComponent, TooltipComponent, MarkLineComponent, CanvasRenderer]);

export type DashChartOption = echarts.ComposeOption<
  BarSeriesOption | LineSeriesOption | CustomSeriesOption | GridComponentOption | TooltipComponentOption | MarkLineComponentOption
>;

const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "PingFang TC", "Microsoft JhengHei", "Noto Sans CJK TC", "Noto Sans CJK SC", sans-serif';

export function DashChart({ option, height = 220, label, testId }: { option: DashChartOption; height?: number; label: string; testId?: string }) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const last = useRef('');

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const instance = echarts.init(el, undefined, { renderer: 'canvas' });
    chart.current = instance;
    // The export waits for charts still animating (data-rendering="1") before it copies them.
    instance.on('finished', () => { el.dataset.rendering = '0'; });
    last.current = '';
    const ro = new ResizeObserver(() => instance.resize());
    ro.observe(el);
    return () => { ro.disconnect(); instance.dispose(); chart.current = null; };
  }, []);

  // Options are rebuilt on every render; redraw only when their content changed (functions
  // aside), so a live refresh with the same numbers does not re-animate the chart.
  useEffect(() => {
    const key = currentUiLanguage() + JSON.stringify(option); // formatters read the UI language
    if (!chart.current || key === last.current) return;
    last.current = key;
    if (box.current) box.current.dataset.rendering = '1';
    chart.current.setOption({ textStyle: { fontFamily: FONT }, animationDuration: 300, animationDurationUpdate: 300, ...option }, { notMerge: true });
  }, [option]);

  return <div ref={box} className="chart" style={{ height }} role="img" aria-label={label} data-testid={testId} />;
}
