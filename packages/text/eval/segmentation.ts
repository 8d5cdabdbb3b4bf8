/**
 * jieba-wasm against Intl.Segmenter: speed on the ChnSentiCorp test texts, and ChnSentiCorp dev
 * accuracy of the same sentiment model (same features, data and seed) trained with each.
 */
import { SEGMENTERS, type SegmenterName } from '../src/segment/index.js';
import { toSimplified } from '../src/language/script.js';
import { chnSentiCorp } from '../train/data.js';
import { trainZh, ZH_SETUP } from '../train/zh.js';
import { measure } from './throughput.js';

export interface SegmenterRow {
  segmenter: SegmenterName;
  textsPerSecond: number;
  charsPerSecond: number;
  averageTokens: number;
  devAccuracy: number;
  sample: string;
}

export function compareSegmenters(names: readonly SegmenterName[] = ['jieba', 'intl']): SegmenterRow[] {
  const texts = chnSentiCorp('test').map((r) => toSimplified(r.text).text);
  const sampleText = '这家酒店的服务不太好，但是房间没有问题，性价比非常高';
  return names.map((name) => {
    const segment = SEGMENTERS[name];
    const t = measure(name, 'chnsenticorp test', texts, segment, 1.5);
    const tokens = texts.reduce((a, x) => a + segment(x).length, 0) / texts.length;
    const { devAccuracy } = trainZh({ ...ZH_SETUP, segmenter: name });
    return {
      segmenter: name,
      textsPerSecond: t.perSecond,
      charsPerSecond: t.perSecond * t.averageChars,
      averageTokens: tokens,
      devAccuracy,
      sample: segment(sampleText).join(' / '),
    };
  });
}
