/**
 * The throughput rows of `npm run eval` alone (no accuracy figure is computed, so no test set is
 * scored): for re-measuring speed on a quieter machine without scoring the test sets again.
 * `npx tsx packages/text/eval/throughput-only.ts`
 */
import { analyzeText, extractAspects } from '../src/index.js';
import { intlTokenize } from '../src/aspects/index.js';
import { chnSentiCorp, vader } from '../train/data.js';
import { vaderScorer } from './references.js';
import { measure } from './throughput.js';

const sentimentOnly = { aspects: false, cues: false } as const;
const enTexts = vader('amazonReviewSnippets').map((r) => r.text);
const zhTexts = chnSentiCorp('test').map((r) => r.text);
for (const r of [
  measure('Touchpoint, language + sentiment', 'English (VADER Amazon texts)', enTexts, (t) => analyzeText(t, sentimentOnly)),
  measure(vaderScorer.name, 'English (VADER Amazon texts)', enTexts, (t) => vaderScorer.score(t)),
  measure('Touchpoint, language + sentiment', 'Chinese (ChnSentiCorp test texts)', zhTexts, (t) => analyzeText(t, sentimentOnly)),
  measure('Touchpoint, everything (+ aspects, cues)', 'English (VADER Amazon texts)', enTexts, (t) => analyzeText(t)),
  measure('Touchpoint, everything (+ aspects, cues)', 'Chinese (ChnSentiCorp test texts)', zhTexts, (t) => analyzeText(t)),
  // Chinese key phrases alone: the shipped noun chunks against the token-run extractor they replaced.
  measure('extractAspects, noun chunks (jieba tags)', 'Chinese (ChnSentiCorp test texts)', zhTexts, (t) => extractAspects(t)),
  measure('extractAspects, token runs (Intl.Segmenter)', 'Chinese (ChnSentiCorp test texts)', zhTexts, (t) => extractAspects(t, { tokenizeChinese: intlTokenize })),
]) console.log(`| ${r.system} | ${r.set} | ${r.averageChars.toFixed(0)} | ${r.perSecond.toFixed(0)} |`);
