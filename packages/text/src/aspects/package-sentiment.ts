/**
 * The package's own sentence sentiment (src/sentiment) as an aspect-clause scorer: Chinese clauses
 * are scored by the Chinese model in Simplified, anything else by the English model.
 */
import { toSimplified } from '../language/index.js';
import { scoreSentence } from '../sentiment/index.js';

const HAN = /\p{Script=Han}/u;

export function packageSentenceScore(text: string): number {
  const zh = HAN.test(text);
  return scoreSentence(zh ? toSimplified(text).text : text, zh ? 'zh' : 'en').sentiment.score;
}
