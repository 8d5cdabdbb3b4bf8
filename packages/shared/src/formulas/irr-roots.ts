/**
 * The root finder behind `irr` and `xirr` (formulas/finance.ts): every rate r > −1 at which the
 * present value of a series of flows is zero.
 *
 * A series may have no root, one, or several (Descartes: at most as many as the sign changes of the
 * flows), so instead of Newton's method from a guess, which finds one root or none depending on the
 * guess, the present value is scanned over a grid of u = ln(1 + r) (fine between r = −99 % and
 * +1,000 %, coarser outside, out to r = −99.9999 % and r = 10^9), every sign change is bisected to the
 * last representable digit, and every local dip of |PV| that does not change sign is minimised to
 * catch roots where the curve only touches zero (a double root such as −1, 2.2, −1.21 at 10 %).
 */

/** Flows at times (in periods); `times` are ≥ 0. */
export interface TimedFlows { values: readonly number[]; times: readonly number[] }

export interface RootSearch {
  /** Smallest rate searched (default −0.999999). */
  lower?: number;
  /** Largest rate searched (default 1e9). */
  upper?: number;
}

/**
 * PV(r) times a positive factor, as a function of u = ln(1 + r). The factor keeps every term
 * within range (no overflow when 1 + r is tiny and the horizon long) and never changes the sign,
 * so roots and brackets are those of PV itself. Also returns the same sum of |terms|, the scale
 * against which "zero" is judged.
 */
function scaledPv(flows: TimedFlows, tMax: number, u: number): { f: number; scale: number } {
  let f = 0, scale = 0;
  const { values, times } = flows;
  // u ≥ 0: terms v·e^(−t·u) ≤ |v|. u < 0: multiply by e^(tMax·u) so terms v·e^((tMax − t)·u) ≤ |v|.
  for (let i = 0; i < values.length; i++) {
    const term = values[i] * Math.exp(u >= 0 ? -times[i] * u : (tMax - times[i]) * u);
    f += term;
    scale += Math.abs(term);
  }
  return { f, scale };
}

/** Same as scaledPv for whole-period times 0…n−1, by Horner's rule (no exp per term). */
function scaledPvPeriodic(values: readonly number[], u: number): { f: number; scale: number } {
  let f = 0, scale = 0;
  const n = values.length;
  if (u >= 0) {
    // Σ v_t x^t with x = 1/(1+r) ≤ 1.
    const x = Math.exp(-u);
    for (let t = n - 1; t >= 0; t--) { f = f * x + values[t]; scale = scale * x + Math.abs(values[t]); }
  } else {
    // Σ v_t y^(n−1−t) with y = 1+r < 1: the same sum times (1+r)^(n−1).
    const y = Math.exp(u);
    for (let t = 0; t < n; t++) { f = f * y + values[t]; scale = scale * y + Math.abs(values[t]); }
  }
  return { f, scale };
}

/** The grid of u = ln(1+r): dense where rates usually are, always containing u = 0 (r = 0). */
function grid(lowerU: number, upperU: number): number[] {
  const denseLo = Math.log(0.01), denseHi = Math.log(11);
  const points: number[] = [];
  const add = (from: number, to: number, step: number) => {
    if (to <= from) return;
    const n = Math.ceil((to - from) / step);
    for (let i = 0; i < n; i++) points.push(from + ((to - from) * i) / n);
  };
  const a = Math.max(lowerU, denseLo), b = Math.min(upperU, denseHi);
  add(lowerU, Math.min(upperU, denseLo), 0.01);
  if (a < b) { add(a, Math.min(0, b), 0.002); add(Math.max(0, a), b, 0.002); }
  add(Math.max(lowerU, denseHi), upperU, 0.01);
  points.push(upperU);
  return [...new Set(points)].sort((p, q) => p - q);
}

const TOUCH_TOLERANCE = 1e-10;

/**
 * Every rate r in [lower, upper] with PV(r) = 0, ascending. `periodic` flows are at times 0, 1, 2, …
 * (faster evaluation); otherwise pass their times.
 */
export function pvRoots(flows: TimedFlows, periodic: boolean, search: RootSearch = {}): number[] {
  const tMax = Math.max(0, ...flows.times);
  const evalAt = periodic ? (u: number) => scaledPvPeriodic(flows.values, u) : (u: number) => scaledPv(flows, tMax, u);
  const lowerU = Math.log1p(Math.max(search.lower ?? -0.999999, -1 + 1e-12));
  const upperU = Math.log1p(search.upper ?? 1e9);
  if (!(upperU > lowerU)) throw new RangeError('the IRR search range is empty: upper must exceed lower');
  const bisect = (lo: number, hi: number, fLo: number): number => {
    // Halve until the bracket cannot shrink any more in floating point.
    for (let i = 0; i < 200; i++) {
      const mid = (lo + hi) / 2;
      if (mid <= lo || mid >= hi) break;
      const fm = evalAt(mid).f;
      if (fm === 0) return mid;
      if (Math.sign(fm) === Math.sign(fLo)) { lo = mid; fLo = fm; } else hi = mid;
    }
    return (lo + hi) / 2;
  };

  // At most one sign change in time order: by Descartes' rule (Laguerre's extension covers the
  // real exponents of dated flows) there is at most one root, and it is simple, so PV has
  // opposite signs at the two ends of the range exactly when the root lies inside. Most
  // business cases (outlay first, returns after) take this path: one bisection, no scan.
  if (timeOrdered(flows.times) && signChanges(flows.values) <= 1) {
    const fLo = evalAt(lowerU).f, fHi = evalAt(upperU).f;
    if (fLo === 0) return [Math.expm1(lowerU)];
    if (fHi === 0) return [Math.expm1(upperU)];
    return Math.sign(fLo) === Math.sign(fHi) ? [] : [Math.expm1(bisect(lowerU, upperU, fLo))];
  }

  const us = grid(lowerU, upperU);
  const fs = us.map((u) => evalAt(u));
  const roots: number[] = [];

  for (let i = 0; i < us.length; i++) {
    const { f } = fs[i];
    if (f === 0) { roots.push(us[i]); continue; }
    if (i > 0 && fs[i - 1].f !== 0 && Math.sign(fs[i - 1].f) !== Math.sign(f)) {
      roots.push(bisect(us[i - 1], us[i], fs[i - 1].f));
      continue;
    }
    // A dip of |PV| towards zero without a sign change on the grid: a touching root, or two roots
    // closer together than the grid step.
    if (i > 0 && i < us.length - 1 && fs[i - 1].f !== 0 && fs[i + 1].f !== 0
      && Math.sign(fs[i - 1].f) === Math.sign(f) && Math.sign(fs[i + 1].f) === Math.sign(f)
      && Math.abs(f) < Math.abs(fs[i - 1].f) && Math.abs(f) <= Math.abs(fs[i + 1].f)) {
      roots.push(...dipRoots(evalAt, us[i - 1], us[i + 1], f, bisect));
    }
  }
  return dedupe(roots).map((u) => Math.expm1(u));
}

/** Minimises |PV| over [a, b] (golden section); a zero touch is a root, a sign flip two roots. */
function dipRoots(
  evalAt: (u: number) => { f: number; scale: number }, a: number, b: number, fMid: number,
  bisect: (lo: number, hi: number, fLo: number) => number,
): number[] {
  const sign = Math.sign(fMid);
  const g = (u: number) => sign * evalAt(u).f;
  const phi = (Math.sqrt(5) - 1) / 2;
  let lo = a, hi = b;
  let x1 = hi - phi * (hi - lo), x2 = lo + phi * (hi - lo);
  let g1 = g(x1), g2 = g(x2);
  for (let i = 0; i < 200 && hi - lo > 1e-15 * Math.max(1, Math.abs(lo)); i++) {
    if (g1 <= 0 || g2 <= 0) break;
    if (g1 < g2) { hi = x2; x2 = x1; g2 = g1; x1 = hi - phi * (hi - lo); g1 = g(x1); }
    else { lo = x1; x1 = x2; g1 = g2; x2 = lo + phi * (hi - lo); g2 = g(x2); }
  }
  const m = g1 <= g2 ? x1 : x2;
  const at = evalAt(m);
  const gm = sign * at.f;
  if (gm < 0) return [bisect(a, m, evalAt(a).f), bisect(m, b, at.f)];
  if (gm === 0 || gm <= TOUCH_TOLERANCE * at.scale) return [m];
  return [];
}

/**
 * Roots closer than 1e-7 in ln(1 + r) (≈ 0.00001 percentage points) are one root: found twice, or
 * a double root (−1, 2.2, −1.21 at 10 %) that rounding of the flows split into two neighbours.
 * Each cluster is reported by its mean.
 */
function dedupe(us: number[]): number[] {
  const sorted = [...us].sort((a, b) => a - b);
  const clusters: number[][] = [];
  for (const u of sorted) {
    const last = clusters[clusters.length - 1];
    if (last && u - last[last.length - 1] <= 1e-7) last.push(u); else clusters.push([u]);
  }
  return clusters.map((c) => c.reduce((a, b) => a + b, 0) / c.length);
}

const timeOrdered = (times: readonly number[]) => times.every((t, i) => i === 0 || t >= times[i - 1]);

/** Sign changes in a series, zeros skipped: Descartes' bound on the number of positive roots. */
export function signChanges(values: readonly number[]): number {
  let changes = 0, last = 0;
  for (const v of values) {
    if (v === 0) continue;
    if (last !== 0 && Math.sign(v) !== last) changes++;
    last = Math.sign(v);
  }
  return changes;
}
