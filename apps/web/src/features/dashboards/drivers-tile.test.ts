import { describe, expect, it } from 'vitest';
import { drivers, type DriversView } from '@touchpoint/shared';
import { tileRows } from './csv';
import { driverColor, driversOption, symmetricBound, SIGNIFICANT_MARK } from './drivers-chart';
import { planQueries, queryKey } from './query-plan';
import { changeTile } from './tile-edit';
import { DEFAULT_VIEW } from './url-state';
import type { Tile } from './types';

const tile: Tile = { id: 'd', type: 'drivers', metric: 'nps', interval: 'week', size: 'm' };

/** An answer shaped as the server builds it: the shared formula over a few rows, with names. */
function view(): DriversView {
  const rows = [
    ...Array.from({ length: 40 }, () => ({ score: 2, themes: ['delivery'] })),
    ...Array.from({ length: 60 }, (_, i) => ({ score: 9 + (i % 2), themes: i % 3 ? ['staff'] : [] })),
    { score: 7, themes: ['price'] }, { score: 8, themes: ['price', 'staff'] },
  ];
  const r = drivers('nps', rows);
  const names: Record<string, string> = { delivery: 'Delivery', staff: 'Friendly staff', price: '=Price' };
  return {
    metric: 'nps', from: '2026-11-01', to: '2026-11-30', timeZone: 'UTC', n: r.n, tagged: r.tagged, overall: r.overall,
    themes: r.themes.map(({ theme, ...x }) => ({ id: theme, name: names[theme], ...x })),
  };
}

describe('drivers tile', () => {
  it('asks GET …/text/drivers with the dashboard filters, one request per metric', () => {
    const v = { ...DEFAULT_VIEW, channels: ['email'], meta: { key: 'plan', value: 'pro' }, tz: 'Asia/Taipei' };
    const tiles = [tile, { ...tile, id: 'e', size: 'l' as const }, { ...tile, id: 'f', metric: 'csat' as const }];
    const plan = planQueries('w1', tiles, v, { from: '2026-11-01', to: '2026-11-30' });
    expect(plan.map((q) => q.key)).toEqual(['drivers:nps', 'drivers:csat']);
    const url = new URL(plan[0].path, 'http://x');
    expect(url.pathname).toBe('/api/workspaces/w1/text/drivers');
    expect(Object.fromEntries(url.searchParams)).toEqual({ from: '2026-11-01', to: '2026-11-30', tz: 'Asia/Taipei', channel: 'email', meta: 'plan=pro', metric: 'nps' });
    expect(queryKey(tiles[2])).toBe('drivers:csat');
  });

  it('offers NPS, CSAT and CES only', () => {
    const [t] = changeTile([{ ...tile, type: 'value', metric: 'cx_index' }], 'd', { type: 'drivers' });
    expect(t).toMatchObject({ type: 'drivers', metric: 'nps' });
    expect(changeTile([tile], 'd', { metric: 'responses' })[0].metric).toBe('nps');
    expect(changeTile([tile], 'd', { metric: 'ces' })[0].metric).toBe('ces');
  });

  it('exports three CSV rows per theme: the metric among its mentions, its lift and its impact', () => {
    const d = view();
    const rows = tileRows(tile, d, { title: 'What moves NPS', range: { from: '2026-11-01', to: '2026-11-30' } });
    expect(rows).toHaveLength(d.themes.length * 3);
    const delivery = d.themes.find((x) => x.id === 'delivery')!;
    const mine = rows.filter((r) => r.group === 'delivery');
    expect(mine.map((r) => r.metric)).toEqual(['nps_mentions', 'nps_lift', 'nps_impact']);
    expect(mine[0]).toMatchObject({ tile_type: 'drivers', group_label: 'Delivery', n: 40, value: -100, period: '2026-11-01/2026-11-30' });
    expect(mine[1].value).toBeCloseTo(delivery.lift!, 4);
    expect(mine[1].p_value).toBeLessThan(0.001);
    expect(mine[2].value).toBeCloseTo(delivery.impact!, 4);
    expect(delivery.impact).toBeCloseTo((100 * 40) / d.n, 9);
  });

  it('draws diverging bars by lift in the API\'s order, significant ones solid and marked', () => {
    const d = view();
    const bars = d.themes.map((x) => ({ label: x.name, sublabel: `n = ${x.n}`, lift: x.lift, significant: x.difference.significant }));
    const o = driversOption(bars, (v) => v.toFixed(1), (v) => v.toFixed(0), () => '') as any;
    expect(o.xAxis.axisLabel.formatter(50)).toBe('50');
    expect(o.yAxis.inverse).toBe(true);
    expect(o.yAxis.data[0]).toBe(`${SIGNIFICANT_MARK} Delivery`);
    const data = o.series[0].data;
    expect(data.map((x: any) => x.value)).toEqual(d.themes.map((x) => x.lift));
    expect(data[0].value).toBeLessThan(0);
    expect(data[0].itemStyle.color).toBe(driverColor(-1, true));
    expect(o.xAxis.min).toBe(-o.xAxis.max);
    for (const b of bars) expect(Math.abs(b.lift!)).toBeLessThanOrEqual(o.xAxis.max);
    expect(driverColor(2, false)).not.toBe(driverColor(2, true));
    expect(symmetricBound([null, 0])).toBe(1);
    expect(symmetricBound([-42, 3])).toBeGreaterThanOrEqual(42);
  });
});
