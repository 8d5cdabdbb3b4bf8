/**
 * English word tokenizer with character offsets. Possessive and contraction clitics ('s, n't, 're …)
 * become tokens of their own, so "the chef's special" yields "chef" as a token: SemEval gold spans
 * end before the clitic. Hyphens and other punctuation are single-character tokens.
 */
export interface Token {
  text: string;
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}]+(?:['’&][\p{L}\p{N}]+)*|[^\s\p{L}\p{N}]/gu;
const CLITIC = /(?:['’](?:s|re|ve|ll|d|m)|n['’]t)$/i;

export function tokenizeEn(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(WORD)) {
    const start = m.index ?? 0;
    const word = m[0];
    const c = CLITIC.exec(word);
    if (c && c.index > 0) {
      out.push({ text: word.slice(0, c.index), start, end: start + c.index });
      out.push({ text: c[0], start: start + c.index, end: start + word.length });
    } else {
      out.push({ text: word, start, end: start + word.length });
    }
  }
  return out;
}
