/**
 * Chinese word segmentation. Two candidates were measured (see the package README): jieba-wasm
 * (jieba-rs compiled to WebAssembly; its dictionary is inside the npm package's .wasm, nothing is
 * downloaded) and the ICU dictionary segmenter behind Intl.Segmenter. `segmentChinese` uses the
 * one that won; both stay callable for the measurement in eval/.
 */
import { createRequire } from 'node:module';

export type Segmenter = (text: string) => string[];

interface JiebaModule {
  cut(text: string, hmm?: boolean | null): string[];
}

let jieba: JiebaModule | undefined;

/** jieba-rs (dictionary + HMM for unknown words); the .wasm loads synchronously on first use. */
export const jiebaSegment: Segmenter = (text) => {
  jieba ??= createRequire(import.meta.url)('jieba-wasm') as JiebaModule;
  return jieba.cut(text, true).filter((w) => w.trim() !== '');
};

let intl: Intl.Segmenter | undefined;

/**
 * Recent segmentations: one analysis segments a sentence for sentiment and again (folded, usually
 * the same string) for key phrases. Callers get a copy.
 */
const recent = new Map<string, readonly string[]>();
const RECENT_SIZE = 256;

/** ICU's dictionary-based word segmenter, built into Node. */
export const intlSegment: Segmenter = (text) => {
  const hit = recent.get(text);
  if (hit) return hit.slice();
  intl ??= new Intl.Segmenter('zh', { granularity: 'word' });
  const out: string[] = [];
  for (const s of intl.segment(text)) if (s.segment.trim() !== '') out.push(s.segment);
  if (recent.size >= RECENT_SIZE) recent.clear();
  recent.set(text, out.slice());
  return out;
};

export const SEGMENTERS = { jieba: jiebaSegment, intl: intlSegment } as const;
export type SegmenterName = keyof typeof SEGMENTERS;

/** The segmenter the sentiment model is trained and run with (chosen by measurement). */
export const DEFAULT_SEGMENTER: SegmenterName = 'intl';

export function segmentChinese(text: string, segmenter: SegmenterName = DEFAULT_SEGMENTER): string[] {
  return SEGMENTERS[segmenter](text);
}
