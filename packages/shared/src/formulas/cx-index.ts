/**
 * The composite CX index: Σ wᵢ·xᵢ / Σ wᵢ over components normalised to 0–100 —
 * NPS (−100…100) → (NPS + 100) / 2; CSAT (% satisfied) as is; CES (mean on 1–7) → (mean − 1) / 6 · 100;
 * sentiment (mean score on −1…1) → (s + 1) / 2 · 100. A weight left out counts as 0 (weights saved
 * before sentiment joined read that way, so an old version's index is what it was).
 * Components without data drop out (their weight too). The 95 % interval combines the
 * components' half-widths as if independent: an approximation (they often come from the same
 * answers), stated where the index is shown.
 */
import type { Interval } from './scores.js';

export interface IndexComponent { value: number | null; ci: Interval | null }
const KEYS = ['nps', 'csat', 'ces', 'sentiment'] as const;
type Key = (typeof KEYS)[number];
export interface IndexInputs { nps: IndexComponent; csat: IndexComponent; ces: IndexComponent; sentiment?: IndexComponent }
export interface CxIndexResult { value: number | null; ci: Interval | null; components: Record<Key, number | null> }

const scale = {
  nps: (v: number) => (v + 100) / 2,
  csat: (v: number) => v,
  ces: (v: number) => ((v - 1) / 6) * 100,
  sentiment: (v: number) => ((v + 1) / 2) * 100,
};

export function cxIndex(weights: { nps: number; csat: number; ces: number; sentiment?: number }, inputs: IndexInputs): CxIndexResult {
  let total = 0, weightSum = 0, variance = 0;
  const components: Record<Key, number | null> = { nps: null, csat: null, ces: null, sentiment: null };
  const parts: { w: number; half: number }[] = [];
  for (const k of KEYS) {
    const c = inputs[k], w = weights[k] ?? 0;
    if (!c || c.value === null || !(w > 0)) continue;
    const x = scale[k](c.value);
    components[k] = x;
    total += w * x;
    weightSum += w;
    parts.push({ w, half: c.ci ? Math.abs(scale[k](c.ci.high) - scale[k](c.ci.low)) / 2 : 0 });
  }
  if (!weightSum) return { value: null, ci: null, components };
  const value = total / weightSum;
  for (const p of parts) variance += ((p.w / weightSum) * p.half) ** 2;
  const half = Math.sqrt(variance);
  return { value, ci: { low: Math.max(0, value - half), high: Math.min(100, value + half) }, components };
}
