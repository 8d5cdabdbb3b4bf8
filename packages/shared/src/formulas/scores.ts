/**
 * Headline CX formulas with counts and 95 % intervals. Definitions as in PRODUCT.md:
 * NPS = %promoters (9–10) − %detractors (0–6), passives (7–8) count in the denominator;
 * CSAT = share of 4–5 answers on 1–5; CES = mean on 1–7 and the share of 5–7 ("easy").
 */
const Z95 = 1.959963984540054;

export interface Interval { low: number; high: number }

export interface NpsResult { n: number; promoters: number; passives: number; detractors: number; nps: number | null; ci: Interval | null }

export function nps(scores: Iterable<number>): NpsResult {
  let p = 0, pa = 0, d = 0;
  for (const s of scores) {
    if (s >= 9) p++; else if (s >= 7) pa++; else d++;
  }
  return npsFromCounts(p, pa, d);
}

/** NPS from counts; the interval comes from the variance of the +1/0/−1 variable. */
export function npsFromCounts(promoters: number, passives: number, detractors: number): NpsResult {
  const n = promoters + passives + detractors;
  if (n === 0) return { n, promoters, passives, detractors, nps: null, ci: null };
  const pp = promoters / n, pd = detractors / n;
  const mean = pp - pd;
  const variance = pp + pd - mean * mean;
  const half = n > 1 ? Z95 * Math.sqrt(variance / n) : 1;
  return {
    n, promoters, passives, detractors,
    nps: mean * 100,
    ci: { low: Math.max(-100, (mean - half) * 100), high: Math.min(100, (mean + half) * 100) },
  };
}

/** Wilson score interval for a proportion k/n. */
export function wilson(k: number, n: number): Interval | null {
  if (n === 0) return null;
  const p = k / n, z2 = Z95 * Z95;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (Z95 * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / (1 + z2 / n);
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

export interface CsatResult { n: number; satisfied: number; csat: number | null; ci: Interval | null }

export function csat(scores: Iterable<number>): CsatResult {
  let n = 0, k = 0;
  for (const s of scores) { n++; if (s >= 4) k++; }
  return csatFromCounts(k, n);
}

export function csatFromCounts(satisfied: number, n: number): CsatResult {
  const ci = wilson(satisfied, n);
  return { n, satisfied, csat: n ? (satisfied / n) * 100 : null, ci: ci && { low: ci.low * 100, high: ci.high * 100 } };
}

export interface CesResult { n: number; mean: number | null; easyShare: number | null; ci: Interval | null }

export function ces(scores: Iterable<number>): CesResult {
  let n = 0, sum = 0, sq = 0, easy = 0;
  for (const s of scores) { n++; sum += s; sq += s * s; if (s >= 5) easy++; }
  return cesFromSums(n, sum, sq, easy);
}

/** CES from running sums, so a database can aggregate and this finishes the job. */
export function cesFromSums(n: number, sum: number, sumSquares: number, easy: number): CesResult {
  if (n === 0) return { n, mean: null, easyShare: null, ci: null };
  const mean = sum / n;
  const variance = n > 1 ? Math.max(0, (sumSquares - n * mean * mean) / (n - 1)) : 0;
  const half = n > 1 ? Z95 * Math.sqrt(variance / n) : 0;
  return { n, mean, easyShare: (easy / n) * 100, ci: { low: mean - half, high: mean + half } };
}
