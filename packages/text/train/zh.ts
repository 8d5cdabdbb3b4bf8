/** Chinese model: trained on ChnSentiCorp train, tuned on dev (test is left to eval/). */
import { textFeatures, ruleWords, type FeatureConfig } from '../src/sentiment/features.js';
import { toSimplified } from '../src/language/script.js';
import type { SegmenterName } from '../src/segment/index.js';
import { build, score, type BuildOptions, type Built, type Labelled } from './build.js';
import { chnSentiCorp, type BinaryRow } from './data.js';
import { chineseLexicon } from './lexicons.js';

export interface ZhSetup {
  config: FeatureConfig;
  segmenter: SegmenterName;
  build: BuildOptions;
  /** Weight of the short phrases made from the lexicon (0: none). */
  phraseWeight: number;
}

export const ZH_SETUP: ZhSetup = {
  config: { wordNgrams: 2, charNgrams: 3, clauseWeighted: true },
  segmenter: 'intl',
  build: { minDf: 3, nb: true, prune: 0.05, epochs: 5, l2: 1e-5, rate: 0.05, seed: 20240601 },
  phraseWeight: 0,
};

/** k of the short-text blend (model.ts `blend`): the rules weigh half at 8 tokens. */
export const ZH_RULE_BLEND = 8;

/**
 * Reviews are long; survey answers are often a few characters ("好", "没有问题"). Short phrases made
 * from lexicon words that occur in the training reviews teach the model those: the word, the word
 * intensified (很/非常) keep its polarity, the word negated (不/没有/不太) takes the other.
 */
export function lexiconPhrases(lexicon: ReadonlyMap<string, number>, seen: ReadonlySet<string>): BinaryRow[] {
  const rows: BinaryRow[] = [];
  for (const word of [...lexicon.keys()].sort()) {
    if (!seen.has(word)) continue;
    const positive = lexicon.get(word)! > 0 ? 1 : 0;
    const flipped = positive ? 0 : 1;
    rows.push({ text: word, label: positive }, { text: `很${word}`, label: positive }, { text: `非常${word}`, label: positive });
    rows.push({ text: `不${word}`, label: flipped }, { text: `没有${word}`, label: flipped }, { text: `不太${word}`, label: flipped });
  }
  return rows;
}

export function zhLabelled(rows: readonly BinaryRow[], lexicon: Map<string, number>, setup: ZhSetup): Labelled[] {
  const words = ruleWords('zh', lexicon);
  return rows.map((r) => ({
    features: textFeatures('zh', toSimplified(r.text).text, words, setup.config, setup.segmenter).features,
    y: r.label,
  }));
}

export function accuracy(built: Built, data: readonly Labelled[]): number {
  let right = 0;
  for (const ex of data) if (score(built, ex.features) >= 0 === ex.y >= 0.5) right++;
  return right / data.length;
}

export function trainZh(setup: ZhSetup = ZH_SETUP, log: (s: string) => void = () => {}) {
  const lexicon = chineseLexicon();
  const train = zhLabelled(chnSentiCorp('train'), lexicon, setup);
  const dev = zhLabelled(chnSentiCorp('dev'), lexicon, setup);
  if (setup.phraseWeight > 0) {
    const seen = new Set<string>();
    for (const ex of train) for (const k of ex.features.keys()) if (k.startsWith('w:')) seen.add(k.slice(2));
    const phrases = zhLabelled(lexiconPhrases(lexicon, seen), lexicon, setup).map((ex) => ({ ...ex, weight: setup.phraseWeight }));
    log(`zh: ${phrases.length} lexicon phrases (weight ${setup.phraseWeight})`);
    train.push(...phrases);
  }
  const built = build(train, setup.build);
  const devAccuracy = accuracy(built, dev);
  log(`zh: ${built.weights.size} weights, dev accuracy ${(devAccuracy * 100).toFixed(2)} %`);
  return { built, lexicon, devAccuracy, train, dev };
}
