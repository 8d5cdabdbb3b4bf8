/**
 * `npm run train`: rebuilds model/en.json, model/zh.json and model/aspects-en.json from shared/data
 * (or TP_DATA_DIR).
 * Deterministic: the same data and code give the same bytes (fixed seeds, sorted keys, rounding).
 */
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { modelHash, modelPath, type ModelFile } from '../src/sentiment/model.js';
import { rulesFingerprint } from '../src/sentiment/fingerprint.js';
import type { ModelLanguage } from '../src/sentiment/features.js';
import type { Built } from './build.js';
import { EN_SETUP, trainEn } from './en.js';
import { ZH_RULE_BLEND, ZH_SETUP, trainZh } from './zh.js';
import { writeAspectModel } from './aspects.js';

function sorted(map: ReadonlyMap<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const k of [...map.keys()].sort()) out[k] = map.get(k)!;
  return out;
}

function write(
  language: ModelLanguage,
  built: Built,
  lexicon: ReadonlyMap<string, number>,
  rest: Pick<ModelFile, 'description' | 'config' | 'neutralBand' | 'ruleBlend'> & Partial<Pick<ModelFile, 'neutralBandNoHits'>>,
): string {
  const body: Omit<ModelFile, 'version'> = {
    format: 1,
    language,
    rulesHash: rulesFingerprint(),
    description: rest.description,
    config: rest.config,
    bias: built.bias,
    scale: 1,
    neutralBand: rest.neutralBand,
    ...(rest.neutralBandNoHits === undefined ? {} : { neutralBandNoHits: rest.neutralBandNoHits }),
    ruleBlend: rest.ruleBlend,
    lexicon: sorted(lexicon),
    weights: sorted(built.weights),
  };
  const file: ModelFile = { ...body, version: modelHash(body) } as ModelFile;
  // version first, so a glance at the file shows it.
  const ordered = { version: file.version, ...body };
  const text = `${JSON.stringify(ordered)}\n`;
  writeFileSync(modelPath(language), text);
  const sha = createHash('sha256').update(text).digest('hex').slice(0, 16);
  console.log(`  model/${language}.json: version ${file.version}, ${(text.length / 1024).toFixed(0)} KiB, ${built.weights.size} weights, ${lexicon.size} lexicon entries, sha256 ${sha}`);
  return file.version;
}

function main(): void {
  const t0 = performance.now();
  const log = (s: string) => console.log(`  ${s}`);
  console.log('training English (UCI train rows + VADER tweets/movie/NYT + written review sentences, Amazon untouched)…');
  const en = trainEn(EN_SETUP, log);
  write('en', en.built, en.lexicon, {
    description:
      'English sentiment: VADER lexicon (MIT) rules + NB-weighted logistic regression over word 1–2-grams; trained on UCI sentences (rows % 5 ∉ {0,1}), VADER tweets/movie/NYT snippets (rows % 10 ≠ 0) and Touchpoint\'s written review sentences (train/reviews-en.tsv, rows % 5 ≠ 0).',
    config: EN_SETUP.config,
    neutralBand: en.tuned.band,
    neutralBandNoHits: en.tuned.noHits,
    ruleBlend: 0,
  });
  console.log('training Chinese (ChnSentiCorp train, dev for tuning)…');
  const zh = trainZh(ZH_SETUP, log);
  write('zh', zh.built, zh.lexicon, {
    description:
      'Chinese sentiment: NTUSD lexicon (MIT, NTU NLPLab) in Simplified + rules, NB-weighted logistic regression over Intl.Segmenter word 1–2-grams and character 1–3-grams; trained on ChnSentiCorp train.',
    config: { ...ZH_SETUP.config, segmenter: ZH_SETUP.segmenter },
    neutralBand: 0.05,
    ruleBlend: ZH_RULE_BLEND,
  });
  console.log('training English aspects (SemEval-2014 restaurants train)…');
  writeAspectModel(log);
  console.log(`done in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

try {
  main();
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
}
