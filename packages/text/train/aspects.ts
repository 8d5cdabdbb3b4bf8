/**
 * Trains the English aspect-term tagger on SemEval-2014 restaurants train and writes
 * model/aspects-en.json. Deterministic: the same data give the same bytes.
 *
 *   npx tsx train/aspects.ts             # train on all of train, write the model
 *   npx tsx train/aspects.ts --holdout   # train on 80 % of train, score the other 20 % (tuning)
 */
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { aspectSentiment, knownTerm } from '../src/aspects/index.js';
import { buildLexicon, featuresEn, type LabelledTokens } from '../src/aspects/features-en.js';
import { fromJson, MODEL_URL, spansFromTokens, type AspectModelJson } from '../src/aspects/model-en.js';
import { tag, trainTagger, type TrainingSentence } from '../src/aspects/perceptron.js';
import { trainPolarity } from '../src/aspects/polarity-en.js';
import { tokenizeEn, type Token } from '../src/aspects/tokenize-en.js';
import { alignSpans, bioTags, countSpans, prf, readSemeval, type Counts, type SemevalSentence } from './aspects-data.js';

export const MODEL_VERSION = 'aspects-en-1';
const EPOCHS = 12;
const SEED = 20140823;
const FOLDS = 10;
const SCALE = 100;
/** Features whose largest |weight| is below this are dropped (checked on the holdout: no F1 loss). */
const PRUNE = 1;
const PRUNE_POLARITY = 1;

interface Prepared { row: SemevalSentence; tokens: Token[]; labelled: LabelledTokens }

function prepare(rows: SemevalSentence[]): Prepared[] {
  return rows.map((row) => {
    const tokens = tokenizeEn(row.text);
    return { row, tokens, labelled: { tokens: tokens.map((t) => t.text), spans: alignSpans(tokens, row.aspect_terms) } };
  });
}

/** Features for each sentence with a lexicon built from the other folds (jackknifing). */
function jackknifed(data: Prepared[]): TrainingSentence[] {
  const lexicons = Array.from({ length: FOLDS }, (_, k) =>
    buildLexicon(data.filter((_, i) => i % FOLDS !== k).map((d) => d.labelled)));
  return data.map((d, i) => ({
    features: featuresEn(d.labelled.tokens, lexicons[i % FOLDS]),
    tags: bioTags(d.tokens.length, d.labelled.spans),
  }));
}

export function trainModel(rows: SemevalSentence[]): AspectModelJson {
  const data = prepare(rows);
  const weights = trainTagger(jackknifed(data), { epochs: EPOCHS, seed: SEED });
  const features: AspectModelJson['features'] = {};
  for (const [f, v] of weights.features) {
    const q = v.map((x) => Math.round(x * SCALE)) as [number, number, number];
    if (Math.max(...v.map(Math.abs)) >= PRUNE && q.some((x) => x !== 0)) features[f] = q;
  }
  const lexicon = buildLexicon(data.map((d) => d.labelled));
  return {
    version: MODEL_VERSION,
    about: 'Averaged structured perceptron BIO tagger for English aspect terms, trained on SemEval-2014 Task 4 restaurants train (3,041 sentences). Weights only; no data shipped.',
    scale: SCALE,
    transitions: weights.transitions.map((x) => Math.round(x * SCALE)),
    features,
    lexicon: {
      maxLen: lexicon.maxLen,
      terms: [...lexicon.terms.keys()].sort(),
      words: Object.fromEntries([...lexicon.wordBucket].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
    },
    polarity: trainPolarity(rows, SEED, SCALE, PRUNE_POLARITY),
  };
}

function holdout(): void {
  const rows = readSemeval('restaurants_train.jsonl');
  const cut = Math.floor(rows.length * 0.8);
  const model = fromJson(trainModel(rows.slice(0, cut)));
  const c: Counts = { tp: 0, fp: 0, fn: 0 };
  for (const row of rows.slice(cut)) {
    const tokens = tokenizeEn(row.text);
    const tags = tag(model.weights, featuresEn(tokens.map((t) => t.text), model.lexicon));
    countSpans(row.aspect_terms, spansFromTokens(row.text, tokens, tags), c);
  }
  let learned = 0;
  let lexicon = 0;
  let ungated = 0;
  let n = 0;
  let unknown = 0;
  for (const row of rows.slice(cut)) {
    for (const t of row.aspect_terms) {
      n++;
      if (aspectSentiment(row.text, t.from, t.to, { model }).label === t.polarity) learned++;
      if (aspectSentiment(row.text, t.from, t.to, { model, learnedPolarity: false }).label === t.polarity) lexicon++;
      if (aspectSentiment(row.text, t.from, t.to, { model, domainGate: false }).label === t.polarity) ungated++;
      if (!knownTerm(model, t.term)) unknown++;
    }
  }
  console.log(`holdout polarity accuracy (${n} gold terms): as shipped ${(100 * learned / n).toFixed(2)} (${unknown} terms unknown to the tagger's dictionary take the general clause sentiment), learned for every term ${(100 * ungated / n).toFixed(2)}, clause lexicon ${(100 * lexicon / n).toFixed(2)}`);
  const r = prf(c);
  console.log(`holdout (last 20 % of train): P ${(100 * r.precision).toFixed(2)} R ${(100 * r.recall).toFixed(2)} F1 ${(100 * r.f1).toFixed(2)}`);
}

/** Trains on all of restaurants train and writes model/aspects-en.json; returns its sha256 (16 hex). */
export function writeAspectModel(log: (s: string) => void = console.log): string {
  const t0 = Date.now();
  const json = trainModel(readSemeval('restaurants_train.jsonl'));
  const text = `${JSON.stringify(json)}\n`;
  writeFileSync(MODEL_URL, text);
  const sha = createHash('sha256').update(text).digest('hex').slice(0, 16);
  log(`model/aspects-en.json: ${Object.keys(json.features).length} tagger features, ${Object.keys(json.polarity ?? {}).length} polarity features, ${(text.length / 1024).toFixed(0)} KiB, sha256 ${sha}, ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return sha;
}

function main(): void {
  if (process.argv.includes('--holdout')) { holdout(); return; }
  writeAspectModel();
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
