/**
 * `npm run eval`: every figure of the text-analytics issue in one deterministic run, beside the
 * third-party references run on the same rows. Prints one table and writes eval/results/latest.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { analyzeText, modelVersion, modelVersions } from '../src/index.js';
import { vader } from '../train/data.js';
import { chnSentiCorp } from '../train/data.js';
import { accuracyOn, toTraditional } from './chinese.js';
import { amazon, oursScorer, uciHeldOut } from './english.js';
import { afinnScorer, vaderScorer } from './references.js';
import { compareSegmenters } from './segmentation.js';
import { measure } from './throughput.js';
import { aspectFigures } from './aspects.js';
import { cueFigures } from './cues.js';
import { keyPhraseFigures } from './keyphrases-zh.js';
import { CUE_KINDS } from '../src/cues/index.js';

const pct = (x: number) => `${(x * 100).toFixed(2)} %`;
const f3 = (x: number) => x.toFixed(3);
const verdict = (ok: boolean) => (ok ? 'PASS' : 'MISS');

function main(): void {
  const t0 = performance.now();
  const lines: string[] = [];
  const out = (s = '') => lines.push(s) && console.log(s);
  const scorers = [oursScorer(), vaderScorer, afinnScorer];
  out(`Touchpoint text analytics — models ${modelVersion()} ${JSON.stringify(modelVersions())}, Node ${process.version}`);
  out();

  out('English sentiment — VADER Amazon review snippets (3,708; test only; gold = sign of human mean, ±0.05 neutral)');
  out('| system | weighted F1 | macro F1 | accuracy | Pearson r | predicted neutral |');
  out('| --- | --- | --- | --- | --- | --- |');
  const amazonRows = amazon(scorers);
  for (const r of amazonRows) out(`| ${r.system} | ${f3(r.weightedF1)} | ${f3(r.macroF1)} | ${f3(r.accuracy)} | ${f3(r.pearson)} | ${r.neutralPredicted} |`);
  out();

  out('English sentiment — UCI sentences, held-out rows (row % 5 == 0 of each file, 600; sign of score, 0 = wrong)');
  out('| system | accuracy | amazon | yelp | imdb | score 0 |');
  out('| --- | --- | --- | --- | --- | --- |');
  const uciRows = uciHeldOut(scorers);
  for (const r of uciRows) {
    const b = r.bySource;
    out(`| ${r.system} | ${pct(r.accuracy)} | ${pct(b.amazon_cells_labelled)} | ${pct(b.yelp_labelled)} | ${pct(b.imdb_labelled)} | ${r.undecided} |`);
  }
  out();

  out('Chinese sentiment — ChnSentiCorp (accuracy, sign of the text score)');
  out('| set | rows | accuracy | detected as |');
  out('| --- | --- | --- | --- |');
  const dev = accuracyOn('dev (Simplified)', chnSentiCorp('dev'));
  const test = accuracyOn('test (Simplified)', chnSentiCorp('test'));
  const testHant = accuracyOn('test converted to Traditional (opencc-js cn→tw) — CONVERTED, not native', toTraditional(chnSentiCorp('test')));
  for (const r of [dev, test, testHant]) out(`| ${r.set} | ${r.rows} | ${pct(r.accuracy)} | ${JSON.stringify(r.detected)} |`);
  out('Published ceiling (test): BERT 95.0, ERNIE 95.4, RoBERTa-wwm-ext-large 95.8 (Cui et al. 2019).');
  out();

  out('Key phrases / aspects — SemEval-2014 Task 4 restaurants test (800 sentences; exact-match spans)');
  const aspects = aspectFigures();
  out('| system | P | R | F1 |');
  out('| --- | --- | --- | --- |');
  const prf = (x: { precision: number; recall: number; f1: number }) => `${(100 * x.precision).toFixed(2)} | ${(100 * x.recall).toFixed(2)} | ${(100 * x.f1).toFixed(2)}`;
  out(`| tagger (${aspects.model}), the SemEval protocol | ${prf(aspects.tagger)} |`);
  out(`| as shipped: tagger + English CX seeds | ${prf(aspects.shipped)} |`);
  out(`Aspect polarity on the ${aspects.gold} gold terms (conflict counts wrong): ${pct(aspects.polarity)}. Organisers' baseline F1 47.15, best system 84.01.`);
  out(`Chinese key phrases, ${aspects.zh.examples} hand-written CX sentences (smoke check): recall ${pct(aspects.zh.recall)}, precision ${pct(aspects.zh.precision)}, same phrases in converted 繁體 ${aspects.zh.sameInTraditional}/${aspects.zh.examples}`);
  out();

  out('Chinese key phrases — written gold set (eval/keyphrases-zh.tsv: 繁體, 简体, Cantonese, mixed with English; exact-match spans)');
  out('| extractor | half | texts | gold | predicted | P | R | F1 | overlap F1 | F1 by script |');
  out('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  const zhPhrases = (['shipped', 'tokenRuns'] as const).flatMap((extractor) => (['dev', 'test'] as const).map((half) => ({ extractor, half, f: keyPhraseFigures(half, undefined, extractor) })));
  for (const { extractor, half, f } of zhPhrases) {
    const name = extractor === 'shipped' ? 'as shipped: jieba noun chunks' : 'token runs (Intl.Segmenter), the previous extractor';
    out(`| ${name} | ${half} | ${f.rows} | ${f.gold} | ${f.predicted} | ${prf(f.exact)} | ${(100 * f.overlapF1).toFixed(2)} | ${Object.entries(f.byScript).map(([k, v]) => `${k} ${(100 * v).toFixed(1)}`).join(', ')} |`);
  }
  out('The dev half (odd ids) tuned the chunker; the test half (even ids) did not.');
  out();

  out('Cues — hand-written CX messages (src/cues/examples.ts; smoke check, not a benchmark)');
  const cues = cueFigures();
  out('| kind | precision | recall | expected |');
  out('| --- | --- | --- | --- |');
  for (const k of CUE_KINDS) out(`| ${k} | ${pct(cues.perKind[k].precision)} | ${pct(cues.perKind[k].recall)} | ${cues.perKind[k].support} |`);
  out(`Exactly right ${cues.exact}/${cues.messages}; Simplified and converted Traditional flagged alike ${cues.sameInTraditional}/${cues.chinese}.`);
  out();

  out('Throughput — one core, texts/s; vader-sentiment timed in the same run as the reference for the machine’s load');
  out('| system | set | avg chars | texts/s |');
  out('| --- | --- | --- | --- |');
  const enTexts = vader('amazonReviewSnippets').map((r) => r.text);
  const zhTexts = chnSentiCorp('test').map((r) => r.text);
  const sentimentOnly = { aspects: false, cues: false } as const;
  const throughput = [
    measure('Touchpoint analyzeText, language + sentiment (aspects: false, cues: false)', 'English (VADER Amazon)', enTexts, (t) => analyzeText(t, sentimentOnly)),
    measure(vaderScorer.name, 'English (VADER Amazon)', enTexts, (t) => vaderScorer.score(t)),
    measure('Touchpoint analyzeText, language + sentiment (aspects: false, cues: false)', 'Chinese (ChnSentiCorp test)', zhTexts, (t) => analyzeText(t, sentimentOnly)),
    measure('Touchpoint analyzeText, everything (+ aspects with sentiment, cues)', 'English (VADER Amazon)', enTexts, (t) => analyzeText(t)),
    measure('Touchpoint analyzeText, everything (+ aspects with sentiment, cues)', 'Chinese (ChnSentiCorp test)', zhTexts, (t) => analyzeText(t)),
  ];
  for (const t of throughput) out(`| ${t.system} | ${t.set} | ${t.averageChars.toFixed(0)} | ${t.perSecond.toFixed(0)} |`);
  out();

  out('Chinese segmentation — jieba-wasm vs Intl.Segmenter (speed on ChnSentiCorp test; dev accuracy of the same model trained with each)');
  out('| segmenter | texts/s | chars/s | tokens/text | ChnSentiCorp dev accuracy | sample |');
  out('| --- | --- | --- | --- | --- | --- |');
  const segmentation = compareSegmenters();
  for (const s of segmentation) out(`| ${s.segmenter} | ${s.textsPerSecond.toFixed(0)} | ${s.charsPerSecond.toFixed(0)} | ${s.averageTokens.toFixed(1)} | ${pct(s.devAccuracy)} | ${s.sample} |`);
  out();

  const ours = amazonRows[0];
  const targets = [
    { target: 'English Amazon weighted F1 ≥ 0.72', value: f3(ours.weightedF1), ok: ours.weightedF1 >= 0.72 },
    { target: 'English Amazon Pearson r ≥ 0.65', value: f3(ours.pearson), ok: ours.pearson >= 0.65 },
    { target: 'ChnSentiCorp test accuracy ≥ 92 %', value: pct(test.accuracy), ok: test.accuracy >= 0.92 },
    {
      target: 'Converted Traditional within 1 point of Simplified',
      value: `${((testHant.accuracy - test.accuracy) * 100).toFixed(2)} points`,
      ok: Math.abs(testHant.accuracy - test.accuracy) <= 0.01,
    },
    { target: 'SemEval-2014 restaurants aspect-term F1 ≥ 70', value: (100 * aspects.tagger.f1).toFixed(2), ok: aspects.tagger.f1 >= 0.7 },
    {
      target: 'English throughput ≥ 5,000 texts/s (language + sentiment)',
      value: `${throughput[0].perSecond.toFixed(0)} (vader-sentiment ${throughput[1].perSecond.toFixed(0)})`,
      ok: throughput[0].perSecond >= 5000,
    },
    { target: 'Chinese throughput ≥ 2,000 texts/s (language + sentiment)', value: throughput[2].perSecond.toFixed(0), ok: throughput[2].perSecond >= 2000 },
  ];
  out('Targets');
  out('| target | value | verdict |');
  out('| --- | --- | --- |');
  for (const t of targets) out(`| ${t.target} | ${t.value} | ${verdict(t.ok)} |`);
  out(`| (no target) full analyzeText incl. aspects + cues, English / Chinese | ${throughput[3].perSecond.toFixed(0)} / ${throughput[4].perSecond.toFixed(0)} | — |`);
  out();
  out(`eval took ${((performance.now() - t0) / 1000).toFixed(0)} s (timings vary between runs; every other figure is deterministic)`);

  const dir = fileURLToPath(new URL('./results/', import.meta.url));
  mkdirSync(dir, { recursive: true });
  const results = { modelVersion: modelVersion(), modelVersions: modelVersions(), node: process.version, amazon: amazonRows, uci: uciRows, chnsenticorp: [dev, test, testHant], aspects, zhKeyPhrases: zhPhrases, cues, segmentation, throughput, targets };
  writeFileSync(`${dir}latest.json`, `${JSON.stringify(results, null, 2)}\n`);
}

main();
