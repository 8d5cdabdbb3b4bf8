/**
 * ECharts for the planning pages: the portfolio's 2×2 scatter, a business case's cash-flow bars
 * with cumulative lines and its tornado, a gap analysis's current-against-benchmark bars, a goal's
 * series with its target and projection. Registers the scatter, line, legend and mark parts the
 * bar-only `Chart` leaves out (only the Compete and Plan pages load them); forwards clicks on points.
 */
import { useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, LineChart, ScatterChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkAreaComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { useEChart } from './use-echart';

echarts.use([BarChart, LineChart, ScatterChart, GridComponent, LegendComponent, MarkAreaComponent, MarkLineComponent, TooltipComponent, CanvasRenderer]);

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type PlanChartOption = Record<string, any>;

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
  const pick = useRef(onPick);
  pick.current = onPick;
  const box = useEChart({
    option, redrawKey: `${still ? 'still' : ''}${JSON.stringify(option)}`, base: { animation: !still, animationDuration: 250 },
    onInit: (instance) => instance.on('click', (p) => {
      const id = (p.data as { id?: string } | undefined)?.id;
      if (id && pick.current) pick.current(id);
    }),
  });
  return <div ref={box} className="chart" style={{ height }} role="img" aria-label={label} data-testid={testId} />;
}
