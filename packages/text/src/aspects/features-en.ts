/**
 * Token features for the English aspect-term tagger: the word and its neighbours, affixes, shape,
 * and two lexicon views mined from labelled data (a term dictionary matched longest-first, and how
 * often each word sits inside a term). The lexicon is built per fold when training (jackknifing)
 * so the tagger learns how far to trust it on sentences it has not seen.
 */
export interface TermLexicon {
  /** normalised token sequences joined by a space -> times seen as a term */
  terms: Map<string, number>;
  /** longest term in tokens */
  maxLen: number;
  /** normalised word -> bucket of P(word is inside a term) */
  wordBucket: Map<string, string>;
}

export interface LabelledTokens {
  tokens: string[];
  /** gold terms as [first token, last token + 1) */
  spans: Array<[number, number]>;
}

/** Lower-case, fold curly quotes, and strip a plural "s" so "pizzas" meets "pizza". */
export function norm(word: string): string {
  const w = word.toLowerCase().replace(/’/g, "'");
  if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) {
    return w.endsWith('ies') ? `${w.slice(0, -3)}y` : w.slice(0, -1);
  }
  return w;
}

export function buildLexicon(data: LabelledTokens[]): TermLexicon {
  const terms = new Map<string, number>();
  const inside = new Map<string, number>();
  const seen = new Map<string, number>();
  let maxLen = 1;
  for (const s of data) {
    const normed = s.tokens.map(norm);
    for (const w of normed) seen.set(w, (seen.get(w) ?? 0) + 1);
    for (const [a, b] of s.spans) {
      const key = normed.slice(a, b).join(' ');
      terms.set(key, (terms.get(key) ?? 0) + 1);
      maxLen = Math.max(maxLen, b - a);
      for (let i = a; i < b; i++) inside.set(normed[i], (inside.get(normed[i]) ?? 0) + 1);
    }
  }
  const wordBucket = new Map<string, string>();
  for (const [w, n] of inside) {
    const r = n / (seen.get(w) ?? n);
    const bucket = r >= 0.8 ? '4' : r >= 0.5 ? '3' : r >= 0.25 ? '2' : r >= 0.1 ? '1' : '0';
    wordBucket.set(w, bucket + (n >= 5 ? 'f' : 'r'));
  }
  return { terms, maxLen: Math.min(maxLen, 8), wordBucket };
}

/** First words of the dictionary's terms: a match can only start at one of them (tokens hold no spaces). */
const firstWords = new WeakMap<TermLexicon, Set<string>>();

function termStarts(lex: TermLexicon): Set<string> {
  let set = firstWords.get(lex);
  if (!set) {
    set = new Set([...lex.terms.keys()].map((k) => k.split(' ')[0]));
    firstWords.set(lex, set);
  }
  return set;
}

/** Longest-first dictionary matches, as a tag per token: '' (none), 'B' or 'I'. */
function dictionaryTags(normed: string[], lex: TermLexicon): string[] {
  const out = new Array<string>(normed.length).fill('');
  const starts = termStarts(lex);
  let i = 0;
  while (i < normed.length) {
    let matched = 0;
    if (starts.has(normed[i])) {
      for (let len = Math.min(lex.maxLen, normed.length - i); len >= 1; len--) {
        if (lex.terms.has(normed.slice(i, i + len).join(' '))) { matched = len; break; }
      }
    }
    if (matched === 0) { i++; continue; }
    const suffix = matched === 1 ? '1' : 'n';
    out[i] = `B${suffix}`;
    for (let k = 1; k < matched; k++) out[i + k] = `I${suffix}`;
    i += matched;
  }
  return out;
}

const shapes = new Map<string, string>();

/** The word's shape ("Xxxx", "dd"), memoised: the same words recur. */
function shape(word: string): string {
  let s = shapes.get(word);
  if (s === undefined) {
    s = shapeOf(word);
    if (shapes.size >= 16384) shapes.clear();
    shapes.set(word, s);
  }
  return s;
}

function shapeOf(word: string): string {
  const s = word
    .replace(/\p{Lu}/gu, 'X')
    .replace(/\p{Ll}/gu, 'x')
    .replace(/\p{N}/gu, 'd')
    .replace(/[^Xxd]/g, 'p');
  return s.replace(/(.)\1+/g, '$1$1');
}

export function featuresEn(tokens: string[], lex: TermLexicon | null): string[][] {
  const lower = tokens.map((t) => t.toLowerCase().replace(/’/g, "'"));
  const normed = tokens.map(norm);
  const dict = lex ? dictionaryTags(normed, lex) : lower.map(() => '');
  const bucket = (i: number) => (lex && i >= 0 && i < tokens.length ? lex.wordBucket.get(normed[i]) ?? '-' : '<>');
  const at = (i: number) => (i < 0 ? '<s>' : i >= tokens.length ? '</s>' : lower[i]);
  return tokens.map((tok, i) => {
    const w = lower[i];
    const f = [
      'b',
      `w=${w}`,
      `n=${normed[i]}`,
      `w-1=${at(i - 1)}`,
      `w+1=${at(i + 1)}`,
      `w-2=${at(i - 2)}`,
      `w+2=${at(i + 2)}`,
      `w-1w=${at(i - 1)}|${w}`,
      `ww+1=${w}|${at(i + 1)}`,
      `p3=${w.slice(0, 3)}`,
      `s2=${w.slice(-2)}`,
      `s3=${w.slice(-3)}`,
      `s4=${w.slice(-4)}`,
      `sh=${shape(tok)}`,
      `d=${dict[i]}`,
      `d-1=${i > 0 ? dict[i - 1] : '<s>'}|d=${dict[i]}`,
      `d+1=${i + 1 < tokens.length ? dict[i + 1] : '</s>'}|d=${dict[i]}`,
      `r=${bucket(i)}`,
      `r-1=${bucket(i - 1)}`,
      `r+1=${bucket(i + 1)}`,
      `rr=${bucket(i - 1)}|${bucket(i)}|${bucket(i + 1)}`,
    ];
    if (i === 0) f.push('first');
    if (/^\p{Lu}/u.test(tok) && i > 0) f.push('title');
    return f;
  });
}
