/**
 * The drivers tile's chart: one horizontal bar per theme, diverging from zero by its lift (how
 * much the theme pulls the metric up, to the right, or down, to the left), in the API's order
 * (largest impact first, at the top). A significant difference between the theme's mentions and
 * the rest is drawn solid and marked ●; the others are pale, as chance could explain them.
 */
import { CHART_COLORS } from '../../ui/Chart';
import type { DashChartOption } from './DashChart';

export interface DriverBar {
  label: string;
  /** Muted second line under the name, e.g. "n = 42 · +3.1 if neutral". */
  sublabel: string;
  lift: number | null;
  significant: boolean;
}

const AXIS_TEXT = { color: CHART_COLORS.text, fontSize: 11 };
/** Rich-text labels treat { } | as markup: theme names are user text. */
const plain = (s: string) => s.replace(/[{}|]/g, ' ');
export const SIGNIFICANT_MARK = '●';

export function driverColor(lift: number | null, significant: boolean): string {
  const base = lift !== null && lift < 0 ? CHART_COLORS.detractor : CHART_COLORS.promoter;
  return significant ? base : `${base}66`; // pale: 40 % opacity
}

/** A symmetric axis around zero, so up and down read on the same scale. */
export function symmetricBound(lifts: readonly (number | null)[]): number {
  const m = Math.max(0, ...lifts.map((v) => (v === null ? 0 : Math.abs(v))));
  if (m === 0) return 1;
  const step = m > 20 ? 10 : m > 5 ? 5 : m > 1 ? 1 : 0.25;
  return Math.ceil((m * 1.15) / step) * step;
}

/** `format` writes a lift at a bar's end, `axis` the ticks (fewer digits). */
export function driversOption(bars: readonly DriverBar[], format: (v: number) => string, axis: (v: number) => string, tooltip: (i: number) => string): DashChartOption {
  const bound = symmetricBound(bars.map((b) => b.lift));
  return {
    grid: { left: 8, right: 24, top: 8, bottom: 4, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, formatter: (p: unknown) => tooltip((Array.isArray(p) ? p[0] : p)?.dataIndex ?? 0) },
    xAxis: {
      type: 'value', min: -bound, max: bound, splitLine: { lineStyle: { color: CHART_COLORS.grid } },
      axisLabel: { ...AXIS_TEXT, hideOverlap: true, formatter: (v: number) => axis(v) },
    },
    yAxis: {
      type: 'category', inverse: true, data: bars.map((b) => `${b.significant ? `${SIGNIFICANT_MARK} ` : ''}${b.label}`),
      axisTick: { show: false }, axisLine: { show: false },
      axisLabel: {
        ...AXIS_TEXT, width: 160, overflow: 'truncate', lineHeight: 15,
        formatter: (v: string, i: number) => `{name|${plain(v)}}\n{meta|${plain(bars[i]?.sublabel ?? '')}}`,
        rich: { name: { color: '#1a1f2b', fontSize: 12 }, meta: { color: CHART_COLORS.muted, fontSize: 10.5 } },
      },
    },
    series: [{
      type: 'bar', name: 'lift', barMaxWidth: 18, itemStyle: { borderRadius: 3 },
      data: bars.map((b) => ({
        value: b.lift ?? '-',
        itemStyle: { color: driverColor(b.lift, b.significant) },
        label: { show: b.lift !== null, position: b.lift !== null && b.lift < 0 ? 'left' as const : 'right' as const, color: CHART_COLORS.text, fontSize: 10.5, formatter: () => (b.lift === null ? '' : format(b.lift)) },
      })),
      markLine: { silent: true, symbol: 'none', label: { show: false }, lineStyle: { color: '#2b3142', type: 'solid', width: 1 }, data: [{ xAxis: 0 }] },
    }],
  } as DashChartOption;
}
