/**
 * Seeded randomness for the demo data. Everything the generator draws goes through a
 * `Rand` so that the same seed always gives the same data (Math.random is never used).
 */

/** A function returning a float in [0, 1), like Math.random but reproducible. */
export type Rand = () => number;

/** mulberry32: tiny, fast and good enough for fake data (not for anything secret). */
export function mulberry32(seed: number): Rand {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a hash of a string, used to derive stable sub-seeds (per question, per customer …). */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function randInt(rand: Rand, min: number, maxInclusive: number): number {
  return min + Math.floor(rand() * (maxInclusive - min + 1));
}

export function pickOne<T>(rand: Rand, items: readonly T[]): T {
  return items[Math.floor(rand() * items.length)];
}

/** Standard normal draw (Box–Muller); one value per call keeps the stream easy to reason about. */
export function gaussian(rand: Rand): number {
  const u = 1 - rand(); // (0, 1]: log(0) would be -Infinity
  const v = rand();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

export const clamp = (x: number, lo: number, hi: number): number => (x < lo ? lo : x > hi ? hi : x);

/**
 * A weighted choice prepared once and drawn many times: cumulative weights plus a binary
 * search, so that picking a day out of 365 stays cheap over tens of thousands of draws.
 */
export class WeightedPicker<T> {
  private readonly items: T[];
  private readonly cumulative: number[];
  private readonly total: number;

  constructor(entries: readonly (readonly [T, number])[]) {
    const kept = entries.filter(([, w]) => w > 0);
    if (kept.length === 0) throw new Error('WeightedPicker needs at least one positive weight');
    this.items = kept.map(([item]) => item);
    let sum = 0;
    this.cumulative = kept.map(([, w]) => (sum += w));
    this.total = sum;
  }

  static fromRecord<K extends string>(weights: Partial<Record<K, number>>): WeightedPicker<K> {
    return new WeightedPicker(Object.entries(weights) as [K, number][]);
  }

  pick(rand: Rand): T {
    const target = rand() * this.total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cumulative[mid] > target) hi = mid;
      else lo = mid + 1;
    }
    return this.items[lo];
  }
}
