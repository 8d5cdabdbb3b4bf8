/**
 * The loop page's numbers shaped for ECharts: the root-cause Pareto (bars by count, most frequent
 * first, a long tail folded into "Other" at the end, and the cumulative share as a line on a 0–100 %
 * axis) and the grouped bars that compare teams, agents or themes on the three rates. Pure: the
 * option builders return plain objects, which the tests read.
 */
import type { LoopMetrics, LoopNumbers } from '@touchpoint/shared';
import { CHART_COLORS } from '../../../ui/Chart';
import type { DashChartOption } from '../../dashboards/DashChart';

export interface ParetoData { labels: string[]; counts: number[]; cumulative: number[] }

/**
 * Names for the groups and causes as the page shows them. The server names teams and agents but
 * sends themes (and root causes, which are themes) as ids, and cases without a team, owner or theme
 * as the key ''; an id it could not name comes back as the id.
 */
export function namedGroups<G extends { key: string; label: string }>(groups: readonly G[], by: 'team' | 'agent' | 'theme', themeName: (id: string) => string, none: string): G[] {
  const label = (g: G) => (!g.key ? none : by === 'theme' ? themeName(g.key) : g.label || g.key);
  return groups.map((g) => ({ ...g, label: label(g) }));
}

export function namedCauses(rows: LoopMetrics['pareto'], themeName: (id: string) => string): LoopMetrics['pareto'] {
  return rows.map((r) => ({ ...r, label: r.label && r.label !== r.rootCause ? r.label : themeName(r.rootCause) }));
}

/** The 80 % line of the Pareto principle: the causes left of it are the few that matter most. */
export const PARETO_MARK = 80;

/**
 * Bars for at most `maxBars` causes: the most frequent `maxBars - 1` and "Other" for the rest (only
 * when there is a rest of two or more; one cause is shown by name). Cumulative shares are percents
 * recomputed from the counts, so they end at exactly 100.
 */
export function paretoData(rows: LoopMetrics['pareto'], otherLabel: string, maxBars = 10): ParetoData {
  const sorted = rows.filter((r) => r.count > 0).sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
  const head = sorted.length > maxBars ? sorted.slice(0, maxBars - 1) : sorted;
  const rest = sorted.slice(head.length);
  const labels = head.map((r) => r.label), counts = head.map((r) => r.count);
  if (rest.length) { labels.push(otherLabel); counts.push(rest.reduce((s, r) => s + r.count, 0)); }
  const total = counts.reduce((s, c) => s + c, 0);
  let running = 0;
  const cumulative = counts.map((c) => { running += c; return Math.round((running / total) * 1000) / 10; });
  return { labels, counts, cumulative };
}

const AXIS_TEXT = { color: CHART_COLORS.text, fontSize: 11 };

export function paretoOption(d: ParetoData, names: { count: string; cumulative: string }, percent: (v: number) => string): DashChartOption {
  return {
    grid: { left: 8, right: 8, top: 24, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'category', data: d.labels, axisTick: { show: false }, axisLabel: { ...AXIS_TEXT, interval: 0, width: 90, overflow: 'truncate' } },
    yAxis: [
      { type: 'value', name: names.count, minInterval: 1, nameTextStyle: AXIS_TEXT, axisLabel: AXIS_TEXT, splitLine: { lineStyle: { color: CHART_COLORS.grid } } },
      { type: 'value', name: names.cumulative, min: 0, max: 100, interval: 25, nameTextStyle: AXIS_TEXT, axisLabel: { ...AXIS_TEXT, formatter: (v: number) => percent(v / 100) }, splitLine: { show: false } },
    ],
    series: [
      { type: 'bar', name: names.count, data: d.counts, barMaxWidth: 36, itemStyle: { color: CHART_COLORS.accent, borderRadius: [4, 4, 0, 0] } },
      {
        type: 'line', name: names.cumulative, yAxisIndex: 1, data: d.cumulative, symbolSize: 6, itemStyle: { color: CHART_COLORS.detractor },
        tooltip: { valueFormatter: (v) => percent(Number(v) / 100) },
        markLine: { silent: true, symbol: 'none', label: { show: false }, lineStyle: { color: CHART_COLORS.muted, type: 'dashed' }, data: [{ yAxis: PARETO_MARK }] },
      },
    ],
  } as DashChartOption;
}

/** The rates compared across groups, each a share 0–1 (null: nothing to divide). */
export const GROUP_RATES = ['closureRate', 'slaAttainment', 'recoveryRate'] as const satisfies readonly (keyof LoopNumbers)[];
export type GroupRate = (typeof GROUP_RATES)[number];
export const RATE_COLORS: Record<GroupRate, string> = { closureRate: CHART_COLORS.accent, slaAttainment: CHART_COLORS.passive, recoveryRate: CHART_COLORS.promoter };

export function groupsOption(groups: LoopMetrics['groups'], names: Record<GroupRate, string>, percent: (share: number) => string): DashChartOption {
  return {
    grid: { left: 8, right: 8, top: 12, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v) => (typeof v === 'number' ? percent(v / 100) : '–') },
    xAxis: { type: 'category', data: groups.map((g) => g.label), axisTick: { show: false }, axisLabel: { ...AXIS_TEXT, interval: 0, width: 100, overflow: 'truncate' } },
    yAxis: { type: 'value', min: 0, max: 100, interval: 25, axisLabel: { ...AXIS_TEXT, formatter: (v: number) => percent(v / 100) }, splitLine: { lineStyle: { color: CHART_COLORS.grid } } },
    series: GROUP_RATES.map((rate) => ({
      type: 'bar' as const, name: names[rate], barMaxWidth: 18, itemStyle: { color: RATE_COLORS[rate], borderRadius: [3, 3, 0, 0] },
      // '-' is ECharts' "no value": a group without detractors has no recovery rate, not 0 %.
      data: groups.map((g) => { const v = g[rate]; return v === null ? '-' : Math.round(v * 1000) / 10; }),
    })),
  } as DashChartOption;
}

/** A median duration in minutes, in the largest unit that reads well: 45 min, 5.5 hr, 3.2 days. */
export function formatMinutes(locale: string, minutes: number | null): string {
  if (minutes === null || !Number.isFinite(minutes)) return '–';
  const [unit, value] = minutes < 60 ? ['minute', Math.round(minutes)] as const : minutes < 48 * 60 ? ['hour', minutes / 60] as const : ['day', minutes / 1440] as const;
  return new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: 1 }).format(value);
}
