/**
 * The throughput rows of `npm run eval` alone (no accuracy figure is computed, so no test set is
 * scored): for re-measuring speed on a quieter machine without scoring the test sets again.
 * `npx tsx packages/text/eval/throughput-only.ts`
 */
import { analyzeText } from '../src/index.js';
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
]) console.log(`| ${r.system} | ${r.set} | ${r.averageChars.toFixed(0)} | ${r.perSecond.toFixed(0)} |`);
