// @vitest-environment node
/** The loop metrics page's pure parts: the view in the URL, the Pareto shaping, chart options, durations, routing. */
import { describe, expect, it } from 'vitest';
import type { LoopMetrics, LoopNumbers } from '@touchpoint/shared';
import { matchPath } from '../../../app/router';
import { WORKSPACE_ROUTES } from '../../../app/routes';
import { formatMinutes, groupsOption, namedCauses, namedGroups, paretoData, paretoOption } from './loop-charts';
import { decodeLoopView, encodeLoopView, loopMetricsPath, presetOf } from './loop-view';

const TODAY = '2026-03-31';

describe('loop view in the URL', () => {
  it('defaults to the last 30 days by team, and leaves defaults out of the URL', () => {
    const view = decodeLoopView(new URLSearchParams(''), TODAY);
    expect(view).toEqual({ from: '2026-03-02', to: TODAY, by: 'team' });
    expect(encodeLoopView(view, TODAY)).toBe('');
    expect(presetOf(view, TODAY)).toBe(30);
  });

  it('reads a custom period and grouping, and writes them back', () => {
    const q = 'from=2026-01-01&to=2026-01-31&by=theme';
    const view = decodeLoopView(new URLSearchParams(q), TODAY);
    expect(view).toEqual({ from: '2026-01-01', to: '2026-01-31', by: 'theme' });
    expect(encodeLoopView(view, TODAY)).toBe(q);
    expect(presetOf(view, TODAY)).toBeNull();
    expect(presetOf({ from: '2026-03-25', to: TODAY }, TODAY)).toBe(7);
  });

  it('reads anything malformed as the default', () => {
    for (const q of ['from=2026-02-30&to=2026-03-01', 'from=2026-03-10&to=2026-03-01', 'from=2026-01-01', 'from=1990-01-01&to=2026-01-01']) {
      expect(decodeLoopView(new URLSearchParams(q), TODAY)).toMatchObject({ from: '2026-03-02', to: TODAY });
    }
    expect(decodeLoopView(new URLSearchParams('by=owner'), TODAY).by).toBe('team');
  });

  it('links to the page with or without a view', () => {
    expect(loopMetricsPath('w1')).toBe('/w/w1/cases/loop');
    expect(loopMetricsPath('w1', { from: '2026-01-01', to: '2026-01-31', by: 'agent' })).toBe('/w/w1/cases/loop?from=2026-01-01&to=2026-01-31&by=agent');
  });

  it('routes setup and loop to their pages before a case id could take them', () => {
    const first = (path: string) => WORKSPACE_ROUTES.find((r) => matchPath(r.pattern, path))?.pattern;
    expect(first('/w/w1/cases/loop')).toBe('/w/:wid/cases/loop');
    expect(first('/w/w1/cases/setup')).toBe('/w/:wid/cases/setup');
    expect(first('/w/w1/cases/setup/sla')).toBe('/w/:wid/cases/setup/:section');
    expect(first('/w/w1/cases/0192f0c2a1b24c7e')).toBe('/w/:wid/cases/:caseId');
  });
});

describe('root-cause Pareto', () => {
  const row = (rootCause: string, count: number) => ({ rootCause, label: rootCause.toUpperCase(), count, cumulative: 0 });

  it('sorts by count and adds up to exactly 100 %', () => {
    const d = paretoData([row('b', 10), row('a', 30), row('c', 10), row('zero', 0)], 'Other');
    expect(d).toEqual({ labels: ['A', 'B', 'C'], counts: [30, 10, 10], cumulative: [60, 80, 100] });
  });

  it('folds a long tail into "Other" at the end', () => {
    const rows = Array.from({ length: 13 }, (_, i) => row(`r${String(i).padStart(2, '0')}`, 20 - i));
    const d = paretoData(rows, 'Other', 10);
    expect(d.labels).toHaveLength(10);
    expect(d.labels.slice(0, 2)).toEqual(['R00', 'R01']);
    expect(d.labels[9]).toBe('Other');
    expect(d.counts[9]).toBe(rows.slice(9).reduce((s, r) => s + r.count, 0));
    expect(d.counts.reduce((s, c) => s + c, 0)).toBe(rows.reduce((s, r) => s + r.count, 0));
    expect(d.cumulative[9]).toBe(100);
    expect(d.cumulative).toEqual([...d.cumulative].sort((a, b) => a - b));
  });

  it('shows a last single cause by name rather than as "Other"', () => {
    const rows = Array.from({ length: 10 }, (_, i) => row(`r${i}`, 10 - i));
    expect(paretoData(rows, 'Other', 10).labels).not.toContain('Other');
    expect(paretoData([], 'Other')).toEqual({ labels: [], counts: [], cumulative: [] });
  });

  it('draws count bars on the left axis and the cumulative line on a 0–100 % right axis', () => {
    const option = paretoOption(paretoData([row('a', 3), row('b', 1)], 'Other'), { count: 'Cases', cumulative: 'Cumulative' }, (s) => `${Math.round(s * 100)}%`) as Record<string, unknown>;
    const series = option.series as { type: string; data: number[]; yAxisIndex?: number }[];
    expect(series.map((s) => [s.type, s.data, s.yAxisIndex ?? 0])).toEqual([['bar', [3, 1], 0], ['line', [75, 100], 1]]);
    expect((option.yAxis as { max?: number }[])[1].max).toBe(100);
  });
});

describe('group comparison', () => {
  const numbers = (patch: Partial<LoopNumbers>): LoopNumbers => ({
    opened: 0, closed: 0, closureRate: null, timeToFirstResponse: null, timeToClose: null, slaAttainment: null, slaDecided: 0, recoveryRate: null, detractors: 0, recovered: 0, ...patch,
  });
  it('puts one bar per rate and group, in percent, with no bar where there is nothing to divide', () => {
    const groups: LoopMetrics['groups'] = [
      { key: 't1', label: 'Care', ...numbers({ closureRate: 0.5, slaAttainment: 0.875, recoveryRate: 1 / 3 }) },
      { key: 't2', label: 'Billing', ...numbers({ closureRate: 1 }) },
    ];
    const option = groupsOption(groups, { closureRate: 'Closure', slaAttainment: 'SLA', recoveryRate: 'Recovery' }, String) as Record<string, unknown>;
    expect((option.xAxis as { data: string[] }).data).toEqual(['Care', 'Billing']);
    expect((option.series as { name: string; data: unknown[] }[]).map((s) => [s.name, s.data])).toEqual([
      ['Closure', [50, 100]], ['SLA', [87.5, '-']], ['Recovery', [33.3, '-']],
    ]);
  });
});

describe('names on the page', () => {
  const themeName = (id: string) => ({ delivery: 'Delivery', general: 'General' } as Record<string, string>)[id] ?? id;
  const g = (key: string, label: string) => ({ key, label });
  it('names theme groups and causes from the taxonomy, keeps the server’s team and agent names, and names the empty key', () => {
    expect(namedGroups([g('delivery', 'delivery'), g('', ''), g('gone', 'gone')], 'theme', themeName, 'No theme').map((x) => x.label)).toEqual(['Delivery', 'No theme', 'gone']);
    expect(namedGroups([g('t1', 'Care'), g('', ''), g('t9', '')], 'team', themeName, 'No team').map((x) => x.label)).toEqual(['Care', 'No team', 't9']);
    const causes = namedCauses([{ rootCause: 'delivery', label: 'delivery', count: 2, cumulative: 0.5 }, { rootCause: 'general', label: 'Allgemein', count: 2, cumulative: 1 }], themeName);
    expect(causes.map((c) => c.label)).toEqual(['Delivery', 'Allgemein']);
  });
});

describe('durations', () => {
  it('writes a median in the unit that reads well', () => {
    expect([null, 0, 44.6, 59, 60, 330, 47 * 60, 48 * 60, 4600].map((m) => formatMinutes('en', m)))
      .toEqual(['–', '0 min', '45 min', '59 min', '1 hr', '5.5 hr', '47 hr', '2 days', '3.2 days']);
    expect(formatMinutes('zh-TW', 90)).toBe('1.5 小時');
  });
});
