/** Classification and correlation measures used by eval/ and by training's tuning on dev. */
export type Label3 = 'negative' | 'neutral' | 'positive';
export const LABELS3: readonly Label3[] = ['negative', 'neutral', 'positive'];

export function label3(value: number, band: number): Label3 {
  return value > band ? 'positive' : value < -band ? 'negative' : 'neutral';
}

export interface ClassReport {
  accuracy: number;
  weightedF1: number;
  macroF1: number;
  perClass: Record<string, { precision: number; recall: number; f1: number; support: number }>;
}

export function classReport<T extends string>(gold: readonly T[], predicted: readonly T[], labels: readonly T[]): ClassReport {
  let right = 0;
  for (let i = 0; i < gold.length; i++) if (gold[i] === predicted[i]) right++;
  const perClass: ClassReport['perClass'] = {};
  let weighted = 0;
  let macro = 0;
  for (const c of labels) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (let i = 0; i < gold.length; i++) {
      if (predicted[i] === c && gold[i] === c) tp++;
      else if (predicted[i] === c) fp++;
      else if (gold[i] === c) fn++;
    }
    const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
    const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    const support = tp + fn;
    perClass[c] = { precision, recall, f1, support };
    weighted += f1 * support;
    macro += f1;
  }
  return { accuracy: right / gold.length, weightedF1: weighted / gold.length, macroF1: macro / labels.length, perClass };
}

export function pearson(xs: readonly number[], ys: readonly number[]): number {
  const n = xs.length;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) [mx, my] = [mx + xs[i], my + ys[i]];
  [mx, my] = [mx / n, my / n];
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const [dx, dy] = [xs[i] - mx, ys[i] - my];
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return sxx === 0 || syy === 0 ? 0 : sxy / Math.sqrt(sxx * syy);
}
