/**
 * The learned models: a linear scorer over the features in features.ts, one per language, stored
 * as JSON in packages/text/model/ and read once, synchronously, on first use. `version` is a hash
 * of the rest of the file, so every analysis can say which weights produced it.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { SegmenterName } from '../segment/index.js';
import { ruleWords, type FeatureConfig, type Features, type ModelLanguage } from './features.js';
import type { RuleWords } from './rules.js';
import { compileWeights, type CompiledModel } from './compiled.js';

export interface ModelFile {
  format: 1;
  language: ModelLanguage;
  version: string;
  /** Hash of the rule word lists and emoji table the model was trained with. */
  rulesHash: string;
  description: string;
  config: FeatureConfig & { segmenter?: SegmenterName };
  bias: number;
  /** score = tanh(scale · z / 2), z = bias + Σ weight · value. */
  scale: number;
  /** |score| ≤ neutralBand is neutral. */
  neutralBand: number;
  /**
   * A wider band for text in which the rules found no sentiment word at all (absent: the same
   * band). Such text ("I bought it in June") is usually neutral, and its score is only what its
   * n-grams happened to learn elsewhere, so a small score there means less than it does after a hit.
   */
  neutralBandNoHits?: number;
  /**
   * Short-text blend: z mixes the model with the rules' verdict by α = k / (k + tokens). The
   * Chinese model learnt from long reviews, where a lone 满意 or 没有问题 is rare; for a two-word
   * answer the lexicon and its rules are the better judge. 0 turns the blend off.
   */
  ruleBlend: number;
  lexicon: Record<string, number>;
  weights: Record<string, number>;
}

export interface Model {
  file: ModelFile;
  words: RuleWords;
  weights: Map<string, number>;
  /** The runtime form of the weights (compiled.ts), built on first use. */
  compiled?: CompiledModel;
}

export function compiledModel(model: Model): CompiledModel {
  return (model.compiled ??= compileWeights(model.weights));
}

/** The version string: a hash of the model file's content without its version field. */
export function modelHash(file: Omit<ModelFile, 'version'> & { version?: string }): string {
  const { version: _ignored, ...rest } = file;
  return createHash('sha256').update(JSON.stringify(rest)).digest('hex').slice(0, 12);
}

export function modelPath(language: ModelLanguage): string {
  return fileURLToPath(new URL(`../../model/${language}.json`, import.meta.url));
}

export function fromFile(file: ModelFile): Model {
  const lexicon = new Map(Object.entries(file.lexicon));
  return { file, words: ruleWords(file.language, lexicon), weights: new Map(Object.entries(file.weights)) };
}

const cache = new Map<ModelLanguage, Model>();

export function loadModel(language: ModelLanguage): Model {
  let model = cache.get(language);
  if (!model) {
    let text: string;
    try {
      text = readFileSync(modelPath(language), 'utf8');
    } catch {
      throw new Error(`@touchpoint/text: model/${language}.json is missing; run \`npm run train\``);
    }
    model = fromFile(JSON.parse(text) as ModelFile);
    cache.set(language, model);
  }
  return model;
}

/** Σ weight · value, without the bias. */
export function dot(model: Model, features: Features): number {
  let z = 0;
  for (const [k, v] of features) {
    const w = model.weights.get(k);
    if (w !== undefined) z += w * v;
  }
  return z;
}

/** The model's z blended with the rules' verdict for short texts (see ModelFile.ruleBlend). */
export function blend(model: Model, z: number, compound: number, tokens: number): number {
  const k = model.file.ruleBlend;
  if (k <= 0) return z;
  const alpha = k / (k + tokens);
  const c = Math.max(-0.999, Math.min(0.999, compound));
  return (1 - alpha) * z + alpha * 2 * Math.atanh(c);
}

export function toScore(model: Model, z: number): number {
  return Math.tanh((model.file.scale * z) / 2);
}
