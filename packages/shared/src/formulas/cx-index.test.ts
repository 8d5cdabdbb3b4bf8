import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cxIndex } from './cx-index.js';

const none = { value: null, ci: null };
describe('CX index', () => {
  it('normalises each component to 0–100 and weighs them', () => {
    const r = cxIndex({ nps: 2, csat: 1, ces: 1 }, { nps: { value: 20, ci: { low: 10, high: 30 } }, csat: { value: 80, ci: { low: 76, high: 84 } }, ces: { value: 5.5, ci: { low: 5.2, high: 5.8 } } });
    expect(r.components).toEqual({ nps: 60, csat: 80, ces: 75, sentiment: null });
    expect(r.value).toBeCloseTo((2 * 60 + 80 + 75) / 4, 10);
    // half-widths 5, 4, 5 → sqrt((0.5·5)² + (0.25·4)² + (0.25·5)²)
    expect(r.ci!.high - r.value!).toBeCloseTo(Math.sqrt(2.5 ** 2 + 1 + 1.25 ** 2), 10);
  });

  it('drops components without data or weight', () => {
    expect(cxIndex({ nps: 1, csat: 1, ces: 0 }, { nps: { value: -100, ci: null }, csat: none, ces: { value: 7, ci: null } }).value).toBe(0);
    expect(cxIndex({ nps: 1, csat: 1, ces: 1 }, { nps: none, csat: none, ces: none }).value).toBeNull();
  });

  it('takes sentiment as (s + 1) / 2 · 100, and a weight left out as 0', () => {
    const inputs = { nps: { value: 20, ci: null }, csat: none, ces: none, sentiment: { value: 0.3, ci: { low: 0.2, high: 0.4 } } };
    const r = cxIndex({ nps: 1, csat: 1, ces: 1, sentiment: 3 }, inputs);
    expect(r.components.sentiment).toBeCloseTo(65, 10);
    expect(r.value).toBeCloseTo((60 + 3 * 65) / 4, 10);
    expect(r.ci!.high - r.value!).toBeCloseTo(Math.sqrt((5 / 4) ** 2 * 9), 10); // half-width 5 of the sentiment component, weight 3/4
    expect(cxIndex({ nps: 1, csat: 1, ces: 1 }, inputs)).toEqual(cxIndex({ nps: 1, csat: 1, ces: 1, sentiment: 0 }, inputs));
    expect(cxIndex({ nps: 1, csat: 1, ces: 1 }, inputs).value).toBeCloseTo(60, 10);
  });

  it('stays within the range of its components, for any weights', () => {
    fc.assert(fc.property(fc.record({ nps: fc.double({ min: 0, max: 100, noNaN: true }), csat: fc.double({ min: 0, max: 100, noNaN: true }), ces: fc.double({ min: 0, max: 100, noNaN: true }) }),
      fc.double({ min: -100, max: 100, noNaN: true }), fc.double({ min: 0, max: 100, noNaN: true }), fc.double({ min: 1, max: 7, noNaN: true }), (w, n, c, e) => {
        const r = cxIndex(w, { nps: { value: n, ci: null }, csat: { value: c, ci: null }, ces: { value: e, ci: null } });
        const xs = Object.entries(r.components).filter(([k, v]) => v !== null && w[k as keyof typeof w] > 0).map(([, v]) => v!);
        if (!xs.length) { expect(r.value).toBeNull(); return; }
        expect(r.value!).toBeGreaterThanOrEqual(Math.min(...xs) - 1e-9);
        expect(r.value!).toBeLessThanOrEqual(Math.max(...xs) + 1e-9);
      }));
  });
});
