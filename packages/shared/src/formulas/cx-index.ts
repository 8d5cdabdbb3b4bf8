/**
 * The composite CX index: Σ wᵢ·xᵢ / Σ wᵢ over components normalised to 0–100 —
 * NPS (−100…100) → (NPS + 100) / 2; CSAT (% satisfied) as is; CES (mean on 1–7) → (mean − 1) / 6 · 100.
 * Components without data drop out (their weight too). The 95 % interval combines the
 * components' half-widths as if independent: an approximation (they often come from the same
 * answers), stated where the index is shown.
 */
import type { Interval } from './scores.js';

export interface IndexComponent { value: number | null; ci: Interval | null }
export interface IndexInputs { nps: IndexComponent; csat: IndexComponent; ces: IndexComponent }
export interface CxIndexResult { value: number | null; ci: Interval | null; components: { nps: number | null; csat: number | null; ces: number | null } }

const scale = {
  nps: (v: number) => (v + 100) / 2,
  csat: (v: number) => v,
  ces: (v: number) => ((v - 1) / 6) * 100,
};

export function cxIndex(weights: { nps: number; csat: number; ces: number }, inputs: IndexInputs): CxIndexResult {
  let total = 0, weightSum = 0, variance = 0;
  const components = { nps: null as number | null, csat: null as number | null, ces: null as number | null };
  const parts: { w: number; half: number }[] = [];
  for (const k of ['nps', 'csat', 'ces'] as const) {
    const c = inputs[k];
    if (c.value === null || !(weights[k] > 0)) continue;
    const x = scale[k](c.value);
    components[k] = x;
    total += weights[k] * x;
    weightSum += weights[k];
    parts.push({ w: weights[k], half: c.ci ? Math.abs(scale[k](c.ci.high) - scale[k](c.ci.low)) / 2 : 0 });
  }
  if (!weightSum) return { value: null, ci: null, components };
  const value = total / weightSum;
  for (const p of parts) variance += ((p.w / weightSum) * p.half) ** 2;
  const half = Math.sqrt(variance);
  return { value, ci: { low: Math.max(0, value - half), high: Math.min(100, value + half) }, components };
}
