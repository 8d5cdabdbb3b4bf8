/** ECharts options of the portfolio's 2×2 and of a business case (cash flow, tornado). Pure. */
import type { PlanChartOption } from '../../ui/PlanChart';
import { PRIORITY_COLOR } from './initiative-format';

const C = { accent: '#4f5bd5', good: '#30a46c', bad: '#e5484d', warn: '#f5a524', muted: '#8b93a5', grid: '#eceef3', text: '#5b6275', ink: '#1a1f2b' };
const AXIS_TEXT = { color: C.text, fontSize: 11 };

export interface MatrixPoint { id: string; name: string; cost: number; value: number; priority: 'must_have' | 'good_to_have' }

/**
 * Value (y) against cost (x), scores 1–10, quadrant lines at 5.5: quick wins (high value, low
 * cost) top left, big bets top right, fill-ins bottom left, money pits bottom right. Points on the
 * same scores are fanned out a little so each stays clickable.
 */
export function matrixOption(o: {
  points: MatrixPoint[]; names: Record<'must_have' | 'good_to_have', string>; axes: { x: string; y: string };
  quadrants: Record<'quickWins' | 'bigBets' | 'fillIns' | 'moneyPits', string>;
}): PlanChartOption {
  const seen = new Map<string, number>();
  const placed = o.points.map((p) => {
    const k = `${p.cost}|${p.value}`;
    const n = seen.get(k) ?? 0;
    seen.set(k, n + 1);
    const angle = n * 2.1, r = n ? 0.22 : 0;
    return { ...p, x: p.cost + r * Math.cos(angle), y: p.value + r * Math.sin(angle) };
  });
  const series = (['must_have', 'good_to_have'] as const).map((prio, i) => ({
    type: 'scatter', name: o.names[prio], symbolSize: 16, itemStyle: { color: PRIORITY_COLOR[prio], opacity: 0.9, borderColor: '#fff', borderWidth: 1.5 },
    data: placed.filter((p) => p.priority === prio).map((p) => ({ id: p.id, name: p.name, value: [p.x, p.y], score: [p.cost, p.value] })),
    label: { show: true, position: 'right', formatter: (p: { name: string }) => (p.name.length > 22 ? `${p.name.slice(0, 21)}…` : p.name), color: C.ink, fontSize: 11 },
    labelLayout: { hideOverlap: true },
    ...(i === 0 ? {
      markLine: { silent: true, symbol: 'none', lineStyle: { color: C.muted, type: 'dashed' }, label: { show: false }, data: [{ xAxis: 5.5 }, { yAxis: 5.5 }] },
      markArea: {
        silent: true,
        data: [
          [{ name: o.quadrants.quickWins, coord: [0, 5.5], itemStyle: { color: 'rgba(48,164,108,0.07)' }, label: { position: 'insideTopLeft' } }, { coord: [5.5, 11] }],
          [{ name: o.quadrants.bigBets, coord: [5.5, 5.5], itemStyle: { color: 'rgba(79,91,213,0.06)' }, label: { position: 'insideTopRight' } }, { coord: [11, 11] }],
          [{ name: o.quadrants.fillIns, coord: [0, 0], itemStyle: { color: 'rgba(139,147,165,0.06)' }, label: { position: 'insideBottomLeft' } }, { coord: [5.5, 5.5] }],
          [{ name: o.quadrants.moneyPits, coord: [5.5, 0], itemStyle: { color: 'rgba(229,72,77,0.06)' }, label: { position: 'insideBottomRight' } }, { coord: [11, 5.5] }],
        ],
        label: { color: C.text, fontSize: 12, fontWeight: 600 },
      },
    } : {}),
  }));
  return {
    grid: { left: 40, right: 24, top: 36, bottom: 40 },
    legend: { top: 0, right: 8, itemWidth: 12, itemHeight: 12, textStyle: AXIS_TEXT },
    tooltip: { trigger: 'item', formatter: (p: { data: { name: string; score: [number, number] } }) => `${p.data.name}<br/>${o.axes.x}: ${p.data.score[0]} · ${o.axes.y}: ${p.data.score[1]}` },
    xAxis: { type: 'value', min: 0, max: 11, interval: 1, name: o.axes.x, nameLocation: 'middle', nameGap: 28, nameTextStyle: { ...AXIS_TEXT, fontWeight: 600 }, splitLine: { show: false }, axisLabel: { ...AXIS_TEXT, formatter: (v: number) => (v >= 1 && v <= 10 ? String(v) : '') } },
    yAxis: { type: 'value', min: 0, max: 11, interval: 1, name: o.axes.y, nameLocation: 'middle', nameGap: 30, nameTextStyle: { ...AXIS_TEXT, fontWeight: 600 }, splitLine: { show: false }, axisLabel: { ...AXIS_TEXT, formatter: (v: number) => (v >= 1 && v <= 10 ? String(v) : '') } },
    series,
  };
}

/** Net flow per period as bars (green in, red out), with the cumulative and discounted cumulative lines. */
export function cashFlowOption(o: {
  labels: string[]; flows: number[]; cumulative: number[]; discounted: number[];
  names: { flow: string; cumulative: string; discounted: string }; money: (n: number) => string; axisMoney: (n: number) => string;
}): PlanChartOption {
  return {
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    legend: { top: 0, right: 8, itemWidth: 14, itemHeight: 8, textStyle: AXIS_TEXT },
    tooltip: { trigger: 'axis', valueFormatter: (v: number) => o.money(v) },
    xAxis: { type: 'category', data: o.labels, axisTick: { show: false }, axisLine: { lineStyle: { color: C.grid } }, axisLabel: { ...AXIS_TEXT, hideOverlap: true } },
    yAxis: { type: 'value', splitLine: { lineStyle: { color: C.grid } }, axisLabel: { ...AXIS_TEXT, formatter: (v: number) => o.axisMoney(v) } },
    series: [
      { type: 'bar', name: o.names.flow, data: o.flows.map((v) => ({ value: v, itemStyle: { color: v >= 0 ? C.good : C.bad, borderRadius: 2 } })), barMaxWidth: 28, itemStyle: { color: C.good } },
      { type: 'line', name: o.names.cumulative, data: o.cumulative, symbolSize: 5, lineStyle: { width: 2.2, color: C.accent }, itemStyle: { color: C.accent } },
      { type: 'line', name: o.names.discounted, data: o.discounted, symbolSize: 5, lineStyle: { width: 2, type: 'dashed', color: C.warn }, itemStyle: { color: C.warn } },
    ],
  };
}

/**
 * The tornado: per input, NPV with the input moved down and up, as bars either side of the base
 * NPV (drawn as differences from it, the axis labelled in NPV); widest swing on top.
 */
export function tornadoOption(o: {
  items: { label: string; low: number; high: number }[]; base: number; names: { low: string; high: string }; money: (n: number) => string; axisMoney: (n: number) => string;
}): PlanChartOption {
  const rows = [...o.items].reverse(); // ECharts draws the first category at the bottom
  const trim = (s: string) => (s.length > 28 ? `${s.slice(0, 27)}…` : s);
  return {
    grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
    legend: { top: 0, right: 8, itemWidth: 14, itemHeight: 8, textStyle: AXIS_TEXT },
    tooltip: {
      trigger: 'axis', axisPointer: { type: 'shadow' },
      formatter: (ps: { dataIndex: number }[]) => { const r = rows[ps[0]?.dataIndex ?? 0]; return r ? `${r.label}<br/>${o.names.low}: ${o.money(r.low)}<br/>${o.names.high}: ${o.money(r.high)}` : ''; },
    },
    yAxis: { type: 'category', data: rows.map((r) => trim(r.label)), axisTick: { show: false }, axisLine: { lineStyle: { color: C.grid } }, axisLabel: AXIS_TEXT },
    xAxis: { type: 'value', splitLine: { lineStyle: { color: C.grid } }, axisLabel: { ...AXIS_TEXT, formatter: (v: number) => o.axisMoney(o.base + v), hideOverlap: true } },
    series: [
      { type: 'bar', name: o.names.low, stack: 'swing', data: rows.map((r) => r.low - o.base), itemStyle: { color: C.bad, borderRadius: 2 }, barMaxWidth: 22,
        markLine: { silent: true, symbol: 'none', lineStyle: { color: C.ink }, label: { formatter: () => o.money(o.base), color: C.ink, fontSize: 11 }, data: [{ xAxis: 0 }] } },
      { type: 'bar', name: o.names.high, stack: 'swing', data: rows.map((r) => r.high - o.base), itemStyle: { color: C.good, borderRadius: 2 }, barMaxWidth: 22 },
    ],
  };
}
