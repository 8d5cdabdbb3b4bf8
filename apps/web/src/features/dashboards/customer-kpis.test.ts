import { describe, expect, it } from 'vitest';
import { customerCsvRows, formatMoney, isKpiKey, kpiPath, kpiQueryKey } from './customer-kpis';
import { planQueries } from './query-plan';
import { changeTile } from './tile-edit';
import { DEFAULT_VIEW } from './url-state';
import type { Tile } from './types';

const tile = (type: Tile['type'], extra: Partial<Tile> = {}): Tile => ({ id: type, type, metric: 'nps', interval: 'week', size: 'm', ...extra });

describe('customer KPI tiles', () => {
  it('share one request per basis and currency, beside the metrics requests', () => {
    const tiles = [tile('value'), tile('cohort_retention'), tile('clv'), tile('repeat_rate'), tile('churn_trend', { basis: 'order' }), tile('segment_revenue', { currency: 'TWD' })];
    const plan = planQueries('w1', tiles, DEFAULT_VIEW, { from: '2026-01-01', to: '2026-03-31' });
    const kpis = plan.filter((q) => isKpiKey(q.key));
    expect(kpis.map((q) => q.key).sort()).toEqual(['customers:activity:', 'customers:activity:TWD', 'customers:order:']);
    expect(kpis.find((q) => q.key === 'customers:order:')!.path).toBe('/api/workspaces/w1/customers/kpis?from=2026-01-01&to=2026-03-31&basis=order');
    expect(plan.filter((q) => !isKpiKey(q.key)).map((q) => q.key)).toEqual(['total']);
  });

  it('pass the dashboard\'s zone and segment, not its answer filters', () => {
    const path = kpiPath('w1', tile('clv', { currency: 'USD' }), { from: '2026-01-01', to: '2026-01-31', tz: 'Asia/Taipei', survey: 's1', segment: 'seg1' });
    expect(path).toBe('/api/workspaces/w1/customers/kpis?from=2026-01-01&to=2026-01-31&tz=Asia%2FTaipei&segment=seg1&currency=USD');
    expect(kpiQueryKey(tile('clv', { basis: 'order' }))).toBe('customers:activity:');
  });

  it('keep only the settings their type uses', () => {
    const [t1] = changeTile([tile('cohort_retention', { basis: 'order' })], 'cohort_retention', { type: 'clv' });
    expect(t1.basis).toBeUndefined();
    const [t2] = changeTile([tile('clv', { currency: 'USD' })], 'clv', { type: 'value' });
    expect(t2.currency).toBeUndefined();
  });

  it('write money in the reader\'s conventions and CSV rows per number', () => {
    expect(formatMoney('en', 1234.5, 'USD')).toBe('$1,235');
    expect(formatMoney('zh-Hant', 12.5, 'TWD')).toMatch(/12\.50/);
    const k = { from: '2026-01-01', to: '2026-01-31', currency: 'USD', revenueBySegment: [{ id: null, name: null, members: 4, buyers: 2, revenue: 100, perMember: 25 }] };
    expect(customerCsvRows({ tile: 'x' }, tile('segment_revenue'), k as never)).toEqual([{ tile: 'x', metric: 'revenue_USD', period: '2026-01-01/2026-01-31', group: '', group_label: '', value: 100, n: 4 }]);
  });
});
