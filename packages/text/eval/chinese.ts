/** Chinese sentiment on ChnSentiCorp: dev and test as published (Simplified), and test converted to Traditional. */
import * as OpenCC from 'opencc-js';
import { analyzeText, type AnalyzeOptions } from '../src/index.js';
import { chnSentiCorp, type BinaryRow, type ChnSplit } from '../train/data.js';

export interface ChnRow {
  set: string;
  rows: number;
  accuracy: number;
  /** Texts whose score was exactly 0 (counted wrong). */
  undecided: number;
  /** Texts detected as zh-Hant / zh-Hans / other languages. */
  detected: Record<string, number>;
}

export function accuracyOn(set: string, rows: readonly BinaryRow[], options: AnalyzeOptions = {}): ChnRow {
  let right = 0;
  let undecided = 0;
  const detected: Record<string, number> = {};
  for (const r of rows) {
    const a = analyzeText(r.text, options);
    detected[a.language] = (detected[a.language] ?? 0) + 1;
    const s = a.sentiment.score;
    if (s === 0) undecided++;
    if ((s > 0 && r.label === 1) || (s < 0 && r.label === 0)) right++;
  }
  return { set, rows: rows.length, accuracy: right / rows.length, undecided, detected };
}

/** Simplified → Traditional (Taiwan standard) with opencc-js's full converter (phrases + characters). */
export function toTraditional(rows: readonly BinaryRow[]): BinaryRow[] {
  const convert = OpenCC.Converter({ from: 'cn', to: 'tw' });
  return rows.map((r) => ({ ...r, text: convert(r.text) }));
}

export function chnSentiCorpRows(split: ChnSplit): BinaryRow[] {
  return chnSentiCorp(split);
}
