/**
 * A hash of the hand-written parts of aspect extraction and aspect sentiment (lexicon, negators,
 * intensifiers, seed aspects, blend constants, the Chinese chunker's lists and jieba-wasm's version),
 * so the analysis version changes when they do.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { INTENSIFIERS_EN, INTENSIFIERS_ZH, LEXICON_EN, LEXICON_ZH, NEGATORS_EN, NEGATORS_ZH } from './lexicon.js';
import { SEED_ASPECTS_EN } from './seeds-en.js';
import { SEED_ASPECTS_ZH } from './extract-zh.js';
import { chunkRulesZh } from './chunk-zh.js';
import { GENERAL_WEIGHT_EN, LEXICON_WEIGHT_EN, NEUTRAL_BAND } from './index.js';

// jieba-wasm exports no package.json; its entry is pkg/nodejs/jieba_rs_wasm.js.
const jiebaEntry = createRequire(import.meta.url).resolve('jieba-wasm');
const JIEBA_VERSION = (JSON.parse(readFileSync(path.resolve(path.dirname(jiebaEntry), '../../package.json'), 'utf8')) as { version: string }).version;

export function aspectRulesFingerprint(): string {
  const content = JSON.stringify({
    lexicon: [[...LEXICON_EN], LEXICON_ZH, [...NEGATORS_EN], NEGATORS_ZH, [...INTENSIFIERS_EN], [...INTENSIFIERS_ZH]],
    seeds: [SEED_ASPECTS_EN, SEED_ASPECTS_ZH],
    constants: [GENERAL_WEIGHT_EN, LEXICON_WEIGHT_EN, NEUTRAL_BAND],
    // The Chinese noun chunker's word lists, and the jieba-wasm version whose dictionary tags the words.
    chunksZh: [chunkRulesZh(), JIEBA_VERSION],
  });
  return createHash('sha256').update(content).digest('hex').slice(0, 12);
}
