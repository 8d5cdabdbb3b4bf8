import { describe, expect, it } from 'vitest';
import type { Competitor, ThemeComparison } from '@touchpoint/shared';
import { sentimentTone, toDraft, toPatch } from './competitors-data';
import { compareOption } from './compare-chart';

const record: Competitor = {
  id: 'c1', name: 'Rival', website: null, market: '', notes: '', methods: ['website'],
  prices: [{ item: 'Rice', amount: 189, currency: 'TWD', observedOn: '2026-11-01', source: '' }],
  promotions: [{ description: 'Sale', from: null, to: '2026-12-01', observedOn: '2026-11-01', source: '' }],
  sources: [{ label: 'Site', url: null, accessedOn: null }],
  productDescriptions: '', surprises: '', suggestions: '', researchedAt: null,
  version: 3, reviewCount: 0, sentiment: { n: 0, mean: null, positiveShare: null, negativeShare: null }, createdAt: '', updatedAt: '',
};

describe('competitor draft', () => {
  it('round-trips a record through the draft', () => {
    const patch = toPatch(toDraft(record), 3);
    expect(patch).toMatchObject({ version: 3, name: 'Rival', website: null, prices: record.prices, promotions: record.promotions, sources: record.sources, researchedAt: null });
  });
  it('sends a bad amount as null so the server names the field', () => {
    const d = toDraft(record);
    d.prices[0].amount = 'abc';
    d.prices[0].currency = 'twd';
    const p = toPatch(d, 1);
    expect(p.prices[0].amount).toBeNull();
    expect(p.prices[0].currency).toBe('TWD');
  });
  it('tones sentiment', () => {
    expect(sentimentTone({ mean: 0.5 })).toBe('success');
    expect(sentimentTone({ mean: -0.5 })).toBe('danger');
    expect(sentimentTone({ mean: 0 })).toBe('warning');
    expect(sentimentTone({ mean: null })).toBe('neutral');
  });
});

describe('compare chart', () => {
  it('has one series per side and no bar where a side has no texts', () => {
    const figures = (id: string, mean: number) => ({ id, name: id, n: 1, share: 1, meanSentiment: mean, negativeShare: 0, topPhrases: [] });
    const c: ThemeComparison = {
      from: '2026-01-01', to: '2026-03-31',
      ours: { overall: { n: 1, mean: -0.5, positiveShare: 0, negativeShare: 1 }, themes: [figures('delivery', -0.5)] },
      competitors: [{ id: 'x', name: 'Rival', overall: { n: 1, mean: 0.6, positiveShare: 1, negativeShare: 0 }, themes: [figures('delivery', 0.6), figures('price', 0.2)] }],
      themes: [{ id: 'delivery', name: 'Delivery' }, { id: 'price', name: 'Price' }],
    };
    const o = compareOption(c, 'Us', String) as { series: { name: string; data: (number | null)[] }[]; yAxis: { data: string[] } };
    expect(o.yAxis.data).toEqual(['Price', 'Delivery']);
    expect(o.series.map((s) => s.name)).toEqual(['Us', 'Rival']);
    expect(o.series[0].data).toEqual([null, -0.5]);
    expect(o.series[1].data).toEqual([0.2, 0.6]);
  });
});
