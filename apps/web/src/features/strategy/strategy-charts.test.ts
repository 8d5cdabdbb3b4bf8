import { describe, expect, it } from 'vitest';
import type { GapRow, Goal } from '@touchpoint/shared';
import { gapBarsOption, goalOption, numericRows } from './strategy-charts';

const row = (over: Partial<GapRow>): GapRow => ({
  id: 'r', criterion: 'customer_feedback', customLabel: null, current: { kind: 'number', value: 50, unit: 'NPS' }, benchmark: { kind: 'number', value: 70, unit: 'NPS' },
  competitor: null, source: null, higherIsBetter: true, improvement: '', benefit: '', roi: null, priority: 'high', owner: null, initiativeId: null,
  resolved: { source: 'typed', value: 50, text: null, unit: 'NPS' }, gap: null, ...over,
});

describe('gap chart', () => {
  it('draws only rows where both sides are numbers, current against benchmark', () => {
    const rows = [row({}), row({ id: 't', criterion: 'app_features', current: { kind: 'text', text: 'basic' }, resolved: { source: 'typed', value: null, text: 'basic', unit: '' } }), row({ id: 's', criterion: 'support_availability', benchmark: { kind: 'text', text: '24/7' } })];
    expect(numericRows(rows).map((r) => r.id)).toEqual(['r']);
    const o = gapBarsOption(rows, { label: (r) => r.criterion, current: 'Current', benchmark: 'Benchmark', format: String });
    expect(o.xAxis.data).toEqual(['customer_feedback']);
    expect(o.series.map((s: { data: number[] }) => s.data)).toEqual([[50], [70]]);
  });
});

describe('goal chart', () => {
  it('draws the measured values from the baseline, the target line and the projection', () => {
    const goal = {
      baseline: { value: 60, date: '2026-01-31' }, target: 70, startDate: '2026-02-01', deadline: '2026-07-31',
      progress: { series: [{ from: '2026-02-01', to: '2026-02-14', value: 62, n: 3 }, { from: '2026-02-15', to: '2026-02-28', value: null, n: 0 }], projection: { atDeadline: 72, line: [{ date: '2026-02-01', value: 60 }, { date: '2026-07-31', value: 72 }] } },
    } as unknown as Goal;
    const o = goalOption(goal, { measured: 'Measured', target: 'Target', projection: 'Projection', format: String });
    expect(o.series[0].data).toEqual([['2026-01-31', 60], ['2026-02-07', 62]]);
    expect(o.series[1].data).toEqual([['2026-02-01', 70], ['2026-07-31', 70]]);
    expect(o.series[2].data).toEqual([['2026-02-01', 60], ['2026-07-31', 72]]);
  });
});
