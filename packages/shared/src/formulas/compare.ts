/**
 * Is a change real or noise? Tests for the difference between two periods or two segments
 * (independent samples), each with the difference, its 95 % interval and a two-sided p-value:
 * - NPS: z-test on the difference of the means of the +1/0/−1 variable (unpooled variances);
 * - CSAT: two-proportion z-test (pooled for the p-value) with Newcombe's hybrid score interval;
 * - CES: Welch's t-test on the means (Welch–Satterthwaite degrees of freedom).
 * `b` is the later period (or the segment compared against `a`); delta = b − a in the metric's unit.
 */
import { wilson, type Interval } from './scores.js';

const Z95 = 1.959963984540054;
export const SIGNIFICANCE_LEVEL = 0.05;

export interface Comparison {
  delta: number | null;
  ci: Interval | null;
  /** z for NPS and CSAT, t for CES. */
  statistic: number | null;
  pValue: number | null;
  significant: boolean;
}

const none: Comparison = { delta: null, ci: null, statistic: null, pValue: null, significant: false };
const result = (delta: number, ci: Interval, statistic: number, pValue: number): Comparison =>
  ({ delta, ci, statistic, pValue, significant: pValue < SIGNIFICANCE_LEVEL });

export interface NpsCounts { promoters: number; passives: number; detractors: number }

export function compareNps(a: NpsCounts, b: NpsCounts): Comparison {
  const stats = (c: NpsCounts) => {
    const n = c.promoters + c.passives + c.detractors;
    const mean = n ? (c.promoters - c.detractors) / n : 0;
    return { n, mean, variance: n ? (c.promoters + c.detractors) / n - mean * mean : 0 };
  };
  const x = stats(a), y = stats(b);
  if (x.n < 2 || y.n < 2) return none;
  const delta = y.mean - x.mean;
  const se = Math.sqrt(x.variance / x.n + y.variance / y.n);
  if (se === 0) return result(delta * 100, { low: delta * 100, high: delta * 100 }, 0, delta === 0 ? 1 : 0);
  const z = delta / se;
  // A difference of two NPS values lies in −200…200; with small n the normal interval can run past that.
  return result(delta * 100, { low: Math.max(-200, (delta - Z95 * se) * 100), high: Math.min(200, (delta + Z95 * se) * 100) }, z, twoSidedNormal(z));
}

export function compareCsat(a: { satisfied: number; n: number }, b: { satisfied: number; n: number }): Comparison {
  if (a.n < 1 || b.n < 1) return none;
  const p1 = a.satisfied / a.n, p2 = b.satisfied / b.n;
  const delta = p2 - p1;
  const pooled = (a.satisfied + b.satisfied) / (a.n + b.n);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / a.n + 1 / b.n));
  const z = se === 0 ? 0 : delta / se;
  const pValue = se === 0 ? (delta === 0 ? 1 : 0) : twoSidedNormal(z);
  // Newcombe (1998), method 10: combine the two Wilson intervals.
  const w1 = wilson(a.satisfied, a.n)!, w2 = wilson(b.satisfied, b.n)!;
  const low = delta - Math.sqrt((p2 - w2.low) ** 2 + (w1.high - p1) ** 2);
  const high = delta + Math.sqrt((w2.high - p2) ** 2 + (p1 - w1.low) ** 2);
  return result(delta * 100, { low: low * 100, high: high * 100 }, z, pValue);
}

export interface MeanSums { n: number; sum: number; sumSquares: number }

export function compareCes(a: MeanSums, b: MeanSums): Comparison {
  if (a.n < 2 || b.n < 2) return none;
  const m1 = a.sum / a.n, m2 = b.sum / b.n;
  const v1 = Math.max(0, (a.sumSquares - a.n * m1 * m1) / (a.n - 1)), v2 = Math.max(0, (b.sumSquares - b.n * m2 * m2) / (b.n - 1));
  const delta = m2 - m1;
  const q1 = v1 / a.n, q2 = v2 / b.n, se = Math.sqrt(q1 + q2);
  if (se === 0) return result(delta, { low: delta, high: delta }, 0, delta === 0 ? 1 : 0);
  const df = (q1 + q2) ** 2 / ((q1 * q1) / (a.n - 1) + (q2 * q2) / (b.n - 1));
  const t = delta / se;
  const half = studentTQuantile975(df) * se;
  return result(delta, { low: delta - half, high: delta + half }, t, twoSidedStudentT(t, df));
}

// ---- distributions ---------------------------------------------------------------------

/** P(|Z| ≥ |z|) for a standard normal Z. */
export function twoSidedNormal(z: number): number {
  return Math.min(1, erfc(Math.abs(z) / Math.SQRT2));
}

/** Complementary error function; Chebyshev fit with relative error below 1.2e-7 (Numerical Recipes' erfcc form). */
export function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 +
    t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
  return x >= 0 ? r : 2 - r;
}

/** P(|T| ≥ |t|) for Student's t with `df` degrees of freedom (df may be fractional). */
export function twoSidedStudentT(t: number, df: number): number {
  if (!Number.isFinite(df) || df > 1e7) return twoSidedNormal(t);
  return Math.min(1, regularizedBeta(df / (df + t * t), df / 2, 0.5));
}

/** The t value with P(|T| ≥ t) = 0.05, by bisection on twoSidedStudentT. */
export function studentTQuantile975(df: number): number {
  let lo = 0, hi = 1000;
  for (let i = 0; i < 100 && hi - lo > 1e-10; i++) {
    const mid = (lo + hi) / 2;
    if (twoSidedStudentT(mid, df) > 0.05) lo = mid; else hi = mid;
  }
  return (lo + hi) / 2;
}

/** I_x(a, b), the regularized incomplete beta function (continued fraction, modified Lentz). */
export function regularizedBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x));
  if (x > (a + 1) / (a + b + 2)) return 1 - (front * betaFraction(1 - x, b, a)) / b;
  return (front * betaFraction(x, a, b)) / a;
}

function betaFraction(x: number, a: number, b: number): number {
  const tiny = 1e-300;
  let c = 1, d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 300; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + aa * d; if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c; if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d; h *= d * c;
    aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + aa * d; if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c; if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const step = d * c;
    h *= step;
    if (Math.abs(step - 1) < 1e-14) break;
  }
  return h;
}

/** ln Γ(x) for x > 0 (Lanczos, g = 7, n = 9). */
export function logGamma(x: number): number {
  const g = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  const y = x - 1;
  let s = g[0];
  for (let i = 1; i < 9; i++) s += g[i] / (y + i);
  const t = y + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (y + 0.5) * Math.log(t) - t + Math.log(s);
}
