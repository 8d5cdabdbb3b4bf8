/**
 * The comparison chart's option (pure): per theme, mean sentiment of our answers beside each
 * competitor's reviews, horizontal bars from −1 to +1, so "they are praised, we are criticised"
 * reads as bars on opposite sides of zero. Themes nobody has are left out; a side without texts
 * for a theme has no bar (not a zero).
 */
import type { ThemeComparison } from '@touchpoint/shared';
import type { ChartOption } from '../../ui/Chart';

export const SERIES_COLOURS = ['#4f46e5', '#0ea5e9', '#f59e0b', '#10b981', '#ec4899', '#64748b'];

export interface CompareSeries { name: string; colour: string }

export function compareSeries(c: ThemeComparison, oursLabel: string): CompareSeries[] {
  return [oursLabel, ...c.competitors.map((x) => x.name)].map((name, i) => ({ name, colour: SERIES_COLOURS[i % SERIES_COLOURS.length] }));
}

export function compareOption(c: ThemeComparison, oursLabel: string, format: (n: number) => string): ChartOption {
  const themes = [...c.themes].reverse(); // the first theme on top
  const sides = [c.ours, ...c.competitors];
  const series = compareSeries(c, oursLabel);
  return {
    grid: { left: 8, right: 24, top: 8, bottom: 24, containLabel: true },
    tooltip: {
      trigger: 'axis', axisPointer: { type: 'shadow' },
      valueFormatter: (v) => (typeof v === 'number' ? format(v) : '—'),
    },
    xAxis: { type: 'value', min: -1, max: 1, splitNumber: 4, axisLabel: { formatter: (v: number) => format(v) } },
    yAxis: { type: 'category', data: themes.map((t) => t.name), axisTick: { show: false } },
    series: sides.map((side, i) => ({
      type: 'bar' as const,
      name: series[i].name,
      itemStyle: { color: series[i].colour, borderRadius: 2 },
      barMaxWidth: 14,
      data: themes.map((t) => side.themes.find((x) => x.id === t.id)?.meanSentiment ?? null),
    })),
  };
}

/** One competitor's themes: mean sentiment per theme, green above zero and red below. */
export function themesOption(themes: ThemeComparison['ours']['themes'], format: (n: number) => string): ChartOption {
  const rows = [...themes].reverse();
  return {
    grid: { left: 8, right: 24, top: 8, bottom: 24, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v) => (typeof v === 'number' ? format(v) : '—') },
    xAxis: { type: 'value', min: -1, max: 1, splitNumber: 4, axisLabel: { formatter: (v: number) => format(v) } },
    yAxis: { type: 'category', data: rows.map((t) => `${t.name} (${t.n})`), axisTick: { show: false } },
    series: [{
      type: 'bar', barMaxWidth: 16,
      data: rows.map((t) => ({ value: t.meanSentiment, itemStyle: { color: t.meanSentiment >= 0 ? '#10b981' : '#ef4444', borderRadius: 2 } })),
    }],
  };
}
