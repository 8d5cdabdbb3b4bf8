/** Chart options of the strategy pages, pure (tested without a browser). */
import type { GapRow, Goal } from '@touchpoint/shared';
import type { PlanChartOption } from '../../ui/PlanChart';

const C = { current: '#4f5bd5', benchmark: '#8b93a5', target: '#30a46c', projection: '#f5a524', grid: '#eceef3', text: '#5b6275' };
const axisText = { color: C.text, fontSize: 11 };

/** Rows where both current state and benchmark are numbers: one pair of bars per criterion. */
export function numericRows(rows: readonly GapRow[]): GapRow[] {
  return rows.filter((r) => r.resolved.value !== null && r.benchmark?.kind === 'number');
}

export function gapBarsOption(rows: readonly GapRow[], names: { label: (r: GapRow) => string; current: string; benchmark: string; format: (n: number) => string }): PlanChartOption {
  const numeric = numericRows(rows);
  const labelOf = { show: true, position: 'top', color: C.text, fontSize: 11, formatter: (p: { value: number }) => names.format(Number(p.value)) };
  return {
    legend: { top: 0, textStyle: axisText, data: [names.current, names.benchmark] },
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'category', data: numeric.map(names.label), axisTick: { show: false }, axisLabel: { ...axisText, width: 150, overflow: 'break', interval: 0 }, axisLine: { lineStyle: { color: C.grid } } },
    yAxis: { type: 'value', splitLine: { lineStyle: { color: C.grid } }, axisLabel: axisText },
    series: [
      { name: names.current, type: 'bar', barMaxWidth: 34, itemStyle: { color: C.current, borderRadius: [4, 4, 0, 0] }, label: labelOf, data: numeric.map((r) => r.resolved.value) },
      { name: names.benchmark, type: 'bar', barMaxWidth: 34, itemStyle: { color: C.benchmark, borderRadius: [4, 4, 0, 0] }, label: labelOf, data: numeric.map((r) => (r.benchmark as { value: number }).value) },
    ],
  };
}

const mid = (from: string, to: string) => new Date((Date.parse(`${from}T00:00:00Z`) + Date.parse(`${to}T00:00:00Z`)) / 2).toISOString().slice(0, 10);

/** A goal's measured series, its target as a flat line, and the projection from start to deadline. */
export function goalOption(goal: Goal, names: { measured: string; target: string; projection: string; format: (n: number) => string }): PlanChartOption {
  const p = goal.progress;
  const measured = [
    ...(goal.baseline.value === null ? [] : [[goal.baseline.date, goal.baseline.value]]),
    ...p.series.filter((s) => s.value !== null).map((s) => [mid(s.from, s.to), s.value]),
  ];
  return {
    legend: { top: 0, textStyle: axisText, itemWidth: 14, itemHeight: 8 },
    grid: { left: 4, right: 12, top: 28, bottom: 4, containLabel: true },
    tooltip: { trigger: 'axis', valueFormatter: (v: number) => names.format(Number(v)) },
    xAxis: { type: 'time', min: goal.baseline.date < goal.startDate ? goal.baseline.date : goal.startDate, max: goal.deadline, axisLabel: { ...axisText, hideOverlap: true }, axisLine: { lineStyle: { color: C.grid } }, splitLine: { show: false } },
    yAxis: { type: 'value', scale: true, splitLine: { lineStyle: { color: C.grid } }, axisLabel: { ...axisText, formatter: (v: number) => names.format(v) } },
    series: [
      { name: names.measured, type: 'line', data: measured, symbolSize: 6, itemStyle: { color: C.current }, lineStyle: { width: 2 } },
      { name: names.target, type: 'line', data: [[goal.startDate, goal.target], [goal.deadline, goal.target]], symbol: 'none', itemStyle: { color: C.target }, lineStyle: { type: 'dashed', width: 1.5 } },
      ...(p.projection ? [{ name: names.projection, type: 'line', data: p.projection.line.map((x) => [x.date, x.value]), symbol: 'none', itemStyle: { color: C.projection }, lineStyle: { type: 'dotted', width: 2 } }] : []),
    ],
  };
}
