/**
 * Texts per second on one core (this process, one thread): the whole set analysed in a loop
 * until at least `seconds` have passed, after a warm-up pass.
 */
export interface Throughput {
  system: string;
  set: string;
  texts: number;
  averageChars: number;
  perSecond: number;
}

export function measure(system: string, set: string, texts: readonly string[], run: (t: string) => unknown, seconds = 2): Throughput {
  for (const t of texts.slice(0, 200)) run(t);
  let n = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < seconds * 1000) {
    for (const t of texts) run(t);
    n += texts.length;
    elapsed = performance.now() - start;
  }
  const averageChars = texts.reduce((a, t) => a + t.length, 0) / texts.length;
  return { system, set, texts: texts.length, averageChars, perSecond: n / (elapsed / 1000) };
}
