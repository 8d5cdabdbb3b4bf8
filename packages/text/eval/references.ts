/** The third-party references run beside ours on the same rows: npm vader-sentiment and sentiment (AFINN-165). */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

interface VaderModule {
  SentimentIntensityAnalyzer: { polarity_scores(text: string): { compound: number } };
}
type AfinnClass = new () => { analyze(text: string): { score: number; comparative: number } };

const vaderModule = require('vader-sentiment') as VaderModule;
const Afinn = require('sentiment') as AfinnClass;
const afinn = new Afinn();

export interface Scorer {
  name: string;
  /** Score for correlation and sign; label uses `band` (VADER's ±0.05 on its compound). */
  score(text: string): number;
  band: number;
}

export const vaderScorer: Scorer = {
  name: 'vader-sentiment 1.1.3',
  score: (text) => vaderModule.SentimentIntensityAnalyzer.polarity_scores(text).compound,
  band: 0.05,
};

/** AFINN's comparative score (sum / tokens); a label is the sign of the sum (0 is neutral). */
export const afinnScorer: Scorer = {
  name: 'sentiment 5.0.2 (AFINN-165)',
  score: (text) => afinn.analyze(text).comparative,
  band: 0,
};
