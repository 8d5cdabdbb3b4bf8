import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { drivers, driversFromCounts, DRIVER_METRICS, type DriverInputRow, type DriverMetric } from './drivers.js';
import { compareCsat, compareNps } from './compare.js';
import { nps } from './scores.js';

const byTheme = (r: ReturnType<typeof drivers>) => Object.fromEntries(r.themes.map((t) => [t.theme, t]));

describe('drivers: worked examples', () => {
  it('NPS: detractors of a theme become passives for the impact; lift is overall − the rest', () => {
    const rows: DriverInputRow[] = [
      { score: 10, themes: [] }, { score: 9, themes: ['price'] }, { score: 3, themes: ['delivery'] },
      { score: 5, themes: ['delivery', 'price', 'price'] }, { score: 8, themes: [] },
    ];
    const r = drivers('nps', rows);
    expect(r).toMatchObject({ metric: 'nps', n: 5, tagged: 3, overall: { n: 5, value: 0 } });
    expect(r.themes.map((t) => t.theme)).toEqual(['delivery', 'price']);
    const { delivery, price } = byTheme(r);
    expect(delivery).toMatchObject({ n: 2, share: 0.4, mentions: { n: 2, value: -100 }, rest: { n: 3 } });
    expect(delivery.rest.value).toBeCloseTo(200 / 3, 10);
    expect(delivery.ifNeutral).toBeCloseTo(40, 10);
    expect(delivery.impact).toBeCloseTo(40, 10);
    expect(delivery.lift).toBeCloseTo(-200 / 3, 10);
    // price: mentioned twice by one response, counted once
    expect(price).toMatchObject({ n: 2, mentions: { value: 0 }, rest: { value: 0 } });
    expect(price.impact).toBeCloseTo(20, 10);
    expect(price.lift).toBeCloseTo(0, 10);
    expect(delivery.difference).toEqual(compareNps({ promoters: 2, passives: 1, detractors: 0 }, { promoters: 0, passives: 0, detractors: 2 }));
  });

  it('CSAT: the theme\'s 1–3 answers leave the base (neither satisfied nor counted against)', () => {
    const r = drivers('csat', [
      { score: 5, themes: ['a'] }, { score: 4, themes: [] }, { score: 3, themes: ['b'] }, { score: 1, themes: ['b'] }, { score: 2, themes: ['a'] },
    ]);
    expect(r.overall.value).toBeCloseTo(40, 10);
    const { a, b } = byTheme(r);
    expect(r.themes.map((t) => t.theme)).toEqual(['b', 'a']);
    expect(b.mentions.value).toBe(0);
    expect(b.ifNeutral).toBeCloseTo(200 / 3, 10);
    expect(b.impact).toBeCloseTo(200 / 3 - 40, 10);
    expect(b.lift).toBeCloseTo(40 - 200 / 3, 10);
    expect(a.impact).toBeCloseTo(10, 10);
    expect(a.lift).toBeCloseTo(40 - 100 / 3, 10);
    expect(a.difference).toEqual(compareCsat({ satisfied: 1, n: 3 }, { satisfied: 1, n: 2 }));
    // Everybody is an unhappy mention: nobody would be left to count.
    expect(drivers('csat', [{ score: 2, themes: ['x'] }]).themes[0]).toMatchObject({ ifNeutral: null, impact: null, lift: null });
  });

  it('CES: the theme\'s 1–3 answers become the midpoint 4', () => {
    const r = drivers('ces', [
      { score: 7, themes: ['y'] }, { score: 6, themes: [] }, { score: 2, themes: ['x'] }, { score: 1, themes: ['x'] }, { score: 4, themes: [] },
    ]);
    expect(r.overall.value).toBeCloseTo(4, 10);
    const { x, y } = byTheme(r);
    expect(x.mentions.value).toBeCloseTo(1.5, 10);
    expect(x.impact).toBeCloseTo(1, 10);
    expect(x.lift).toBeCloseTo(4 - 17 / 3, 10);
    expect(y.impact).toBe(0);
    expect(y.lift).toBeCloseTo(0.75, 10);
  });

  it('a theme of many detractors against happy others is significant; a small difference on few answers is not', () => {
    const rows = [
      ...Array.from({ length: 200 }, () => ({ score: 2, themes: ['bug'] })),
      ...Array.from({ length: 800 }, (_, i) => ({ score: 9 + (i % 2), themes: i % 100 === 0 ? ['bug'] : [] })),
      { score: 10, themes: ['tiny'] }, { score: 2, themes: ['tiny'] },
    ];
    const r = byTheme(drivers('nps', rows));
    expect(r.bug.difference.significant).toBe(true);
    expect(r.bug.difference.pValue!).toBeLessThan(1e-6);
    expect(r.tiny.difference.significant).toBe(false);
  });

  it('ignores scores outside the scale, and has no row for a theme nobody (validly) mentions', () => {
    const r = drivers('nps', [{ score: 11, themes: ['ghost'] }, { score: -1, themes: ['ghost'] }, { score: 7.5, themes: ['ghost'] }, { score: 7, themes: [] }]);
    expect(r).toMatchObject({ n: 1, tagged: 0, themes: [] });
    expect(drivers('csat', [{ score: 0, themes: ['a'] }]).themes).toEqual([]);
    expect(drivers('ces', []).overall).toEqual({ n: 0, value: null, ci: null });
  });
});

const THEMES = ['a', 'b', 'c', 'd', 'e', 'f'];
const SCALE: Record<DriverMetric, [number, number]> = { nps: [0, 10], csat: [1, 5], ces: [1, 7] };
const rowsOf = (metric: DriverMetric) => fc.array(fc.record({
  score: fc.integer({ min: SCALE[metric][0], max: SCALE[metric][1] }),
  themes: fc.array(fc.constantFrom(...THEMES), { maxLength: 4 }),
}), { maxLength: 120 });
const withMetric = fc.constantFrom(...DRIVER_METRICS).chain((m) => fc.tuple(fc.constant(m), rowsOf(m), fc.array(fc.nat(), { minLength: 120, maxLength: 120 })));

describe('drivers: properties', () => {
  it('impact ≥ 0; counts add up; a row exactly for each mentioned theme; the overall is the mix of mentions and rest', () => {
    fc.assert(fc.property(withMetric, ([metric, rows]) => {
      const r = drivers(metric, rows);
      expect(r.n).toBe(rows.length);
      expect(r.tagged).toBe(rows.filter((x) => x.themes.length).length);
      const mentioned = new Set(rows.flatMap((x) => x.themes));
      expect(new Set(r.themes.map((t) => t.theme))).toEqual(mentioned);
      expect(r.themes).toHaveLength(mentioned.size);
      for (const t of r.themes) {
        const n = rows.filter((x) => x.themes.includes(t.theme)).length;
        expect(t.n).toBe(n);
        expect(t.mentions.n + t.rest.n).toBe(r.n);
        expect(t.share).toBeCloseTo(n / r.n, 12);
        if (t.impact === null) expect(metric).toBe('csat');
        else expect(t.impact).toBeGreaterThanOrEqual(0);
        if (metric === 'nps') {
          const unhappy = rows.filter((x) => x.themes.includes(t.theme) && x.score <= 6).length;
          expect(t.impact).toBeCloseTo((100 * unhappy) / r.n, 9);
          expect(t.mentions.value).toBeCloseTo(nps(rows.filter((x) => x.themes.includes(t.theme)).map((x) => x.score)).nps!, 9);
        }
        if (t.rest.n === 0) { expect(t.lift).toBeNull(); continue; }
        const mix = t.share * t.mentions.value! + (1 - t.share) * t.rest.value!;
        expect(r.overall.value!).toBeCloseTo(mix, 9);
        expect(t.lift).toBeCloseTo(r.overall.value! - t.rest.value!, 9);
        // A theme whose mentions score above the rest pulls the metric up, and the other way round.
        if (Math.abs(t.mentions.value! - t.rest.value!) > 1e-9) expect(Math.sign(t.lift!)).toBe(Math.sign(t.mentions.value! - t.rest.value!));
        const d = t.difference;
        if (d.delta !== null) {
          expect(d.delta).toBeCloseTo(t.mentions.value! - t.rest.value!, 9);
          expect(d.pValue).toBeGreaterThanOrEqual(0);
          expect(d.pValue).toBeLessThanOrEqual(1);
        }
      }
      for (let i = 1; i < r.themes.length; i++) expect(r.themes[i - 1].impact ?? -Infinity).toBeGreaterThanOrEqual(r.themes[i].impact ?? -Infinity);
    }), { numRuns: 300 });
  });

  it('the answer does not depend on the order of rows or of themes within a row', () => {
    fc.assert(fc.property(withMetric, ([metric, rows, keys]) => {
      const shuffled = rows.map((x, i) => ({ x: { score: x.score, themes: [...x.themes].reverse() }, k: keys[i] })).sort((p, q) => p.k - q.k).map((p) => p.x);
      expect(drivers(metric, shuffled)).toEqual(drivers(metric, rows));
    }), { numRuns: 200 });
  });

  it('per-score counts (as a store aggregates them) give the same answer as the rows', () => {
    fc.assert(fc.property(withMetric, ([metric, rows]) => {
      const min = SCALE[metric][0], bins = SCALE[metric][1] - min + 1;
      const all = new Array(bins).fill(0);
      const byTheme = new Map<string, number[]>();
      for (const r of rows) {
        all[r.score - min]++;
        for (const t of new Set(r.themes)) {
          if (!byTheme.has(t)) byTheme.set(t, new Array(bins).fill(0));
          byTheme.get(t)![r.score - min]++;
        }
      }
      // A theme whose counts are all zero (e.g. mentioned only outside the filter) has no row.
      byTheme.set('never', new Array(bins).fill(0));
      const tagged = rows.filter((r) => r.themes.length).length;
      expect(driversFromCounts(metric, { all, byTheme, tagged })).toEqual(drivers(metric, rows));
    }), { numRuns: 200 });
  });

  it('rows outside the scale change nothing', () => {
    fc.assert(fc.property(withMetric, fc.array(fc.constantFrom(-1, 11, 0.5, Number.NaN)), ([metric, rows], junk) => {
      const noisy = [...rows, ...junk.map((score) => ({ score, themes: ['zzz'] }))];
      expect(drivers(metric, noisy)).toEqual(drivers(metric, rows));
    }), { numRuns: 100 });
  });
});
