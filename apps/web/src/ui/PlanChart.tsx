/**
 * ECharts for the planning pages: the portfolio's 2×2 scatter, a business case's cash-flow bars
 * with cumulative lines and its tornado, a gap analysis's current-against-benchmark bars, a goal's
 * series with its target and projection. Registers the scatter, line, legend and mark parts the
 * bar-only `Chart` leaves out (only the Compete and Plan pages load them); forwards clicks on points.
 */
import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, LineChart, ScatterChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkAreaComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, LineChart, ScatterChart, GridComponent, LegendComponent, MarkAreaComponent, MarkLineComponent, TooltipComponent, CanvasRenderer]);

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type PlanChartOption = Record<string, any>;

const FONT = 'Inter, system-ui, -apple-system, "Segoe UI", "Noto Sans CJK TC", "Noto Sans CJK SC", "PingFang TC", "Microsoft JhengHei", sans-serif';

interface Props {
  option: PlanChartOption;
  height?: number;
  label: string;
  testId?: string;
  /** Called with the clicked data item's `id` (scatter points carry one). */
  onPick?: (id: string) => void;
  /** No animation: for the PDF report, so the capture sees the final drawing. */
  still?: boolean;
}

export function PlanChart({ option, height = 280, label, testId, onPick, still }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const pick = useRef(onPick);
  pick.current = onPick;

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const instance = echarts.init(el, undefined, { renderer: 'canvas' });
    chart.current = instance;
    instance.on('click', (p) => {
      const id = (p.data as { id?: string } | undefined)?.id;
      if (id && pick.current) pick.current(id);
    });
    const ro = new ResizeObserver(() => instance.resize());
    ro.observe(el);
    return () => { ro.disconnect(); instance.dispose(); chart.current = null; };
  }, []);

  const last = useRef('');
  useEffect(() => {
    const key = JSON.stringify(option);
    if (!chart.current || key === last.current) return;
    last.current = key;
    chart.current.setOption({ textStyle: { fontFamily: FONT }, animation: !still, animationDuration: 250, ...option }, { notMerge: true });
  }, [option, still]);

  return <div ref={box} className="chart" style={{ height }} role="img" aria-label={label} data-testid={testId} />;
}
