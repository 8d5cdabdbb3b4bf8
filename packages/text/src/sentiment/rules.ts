/**
 * Lexicon + rules, the same for both languages: each sentiment word's valence (−4 … +4) is
 * strengthened or weakened by intensifiers before it, flipped and damped by a negator before it
 * (within the clause), weighted by its clause (before "but"/但是 counts less, after counts more),
 * and strengthened by ALL CAPS; exclamation marks add emphasis. The constants follow the values
 * Hutto & Gilbert (2014) measured for VADER (booster ±0.293, negation ×−0.74, caps +0.733,
 * exclamation +0.292 each up to four, normalisation x/√(x²+15)).
 */
export interface RuleWords {
  valence(token: string): number | undefined;
  negators: ReadonlySet<string>;
  boosters: ReadonlyMap<string, number>;
  contrast: ReadonlySet<string>;
  /** For fused tokens such as 不错 / 没问题 / 很好: the rest's valence, a booster, a negation. */
  splitFused?(token: string): Fused | undefined;
  /**
   * Join runs of single-character tokens into a lexicon word (up to JOIN_SINGLES_MAX characters):
   * a dictionary segmenter splits words it does not know (闪退 → 闪 / 退, 到账 → 到 / 账).
   */
  joinSingles?: boolean;
  /**
   * Multi-word expressions with a valence of their own, by first token ("stopped working",
   * "waste of money", "works great"): matched before single words, longest first, and read as one
   * sentiment word (boosters and negators before the phrase act on it as on a word).
   */
  phrases?: PhraseTable;
}

/** Phrases by their first token, longest first: token norms and a valence (−4 … +4). */
export type PhraseTable = ReadonlyMap<string, readonly { tokens: readonly string[]; valence: number }[]>;

/** Builds a phrase table from "token token …" keys (norms as the tokenizer makes them). */
export function phraseTable(entries: Iterable<readonly [readonly string[], number]>): PhraseTable {
  const table = new Map<string, { tokens: readonly string[]; valence: number }[]>();
  for (const [tokens, valence] of entries) {
    if (tokens.length < 2) throw new Error(`a phrase has two or more tokens: ${tokens.join(' ')}`);
    const list = table.get(tokens[0]) ?? [];
    list.push({ tokens, valence });
    table.set(tokens[0], list);
  }
  for (const list of table.values()) list.sort((a, b) => b.tokens.length - a.tokens.length);
  return table;
}

/** The longest phrase of the table starting at token i. */
function phraseAt(tokens: readonly RuleToken[], i: number, table: PhraseTable): { valence: number; length: number } | undefined {
  const list = table.get(tokens[i].norm);
  if (!list) return undefined;
  for (const p of list) {
    if (i + p.tokens.length > tokens.length) continue;
    let k = 1;
    while (k < p.tokens.length && tokens[i + k].norm === p.tokens[k]) k++;
    if (k === p.tokens.length) return { valence: p.valence, length: k };
  }
  return undefined;
}

export interface Fused {
  valence: number;
  boost: number;
  negated: boolean;
}

export interface RuleToken {
  /** Normalised form (lowercase English, Simplified Chinese). */
  norm: string;
  /** An English word written in capitals inside text that is not all capitals. */
  caps?: boolean;
}

export interface RuleScore {
  /** Sum of adjusted valences. */
  sum: number;
  /** Sum of positive and of negative (as a positive number) adjusted valences. */
  pos: number;
  neg: number;
  /** sum normalised into (−1, 1). */
  compound: number;
  /** Sentiment words found. */
  hits: number;
  /** Sentiment words flipped by a negator. */
  negated: number;
}

export const BOOST_STEP = 0.293;
export const NEGATION_SCALAR = -0.74;
export const CAPS_INCREMENT = 0.733;
export const EXCLAMATION_STEP = 0.292;
export const CONTRAST_BEFORE = 0.5;
export const CONTRAST_AFTER = 1.5;
export const JOIN_SINGLES_MAX = 3;
const WINDOW = 3;

const CLAUSE_BREAK = /^[,，、;；:：.!?。！？…()（）\n]+$/;
const BREAK_CODES = new Set([...',，、;；:：.!?。！？…()（）\n'].map((c) => c.charCodeAt(0)));

export function isClauseBreak(norm: string): boolean {
  return BREAK_CODES.has(norm.charCodeAt(0)) && CLAUSE_BREAK.test(norm);
}

/**
 * Weight of each token by its clause: tokens before the last contrast word of the sentence get
 * CONTRAST_BEFORE, tokens after it CONTRAST_AFTER, all others 1.
 */
export function clauseWeights(tokens: readonly RuleToken[], contrast: ReadonlySet<string>): number[] {
  let last = -1;
  for (let i = 0; i < tokens.length; i++) if (contrast.has(tokens[i].norm)) last = i;
  return tokens.map((_, i) => (last < 0 ? 1 : i < last ? CONTRAST_BEFORE : i > last ? CONTRAST_AFTER : 1));
}

/** Index of the negator in the window before `i` within the same clause, or -1. */
export function negatorBefore(tokens: readonly RuleToken[], i: number, negators: ReadonlySet<string>, window = WINDOW): number {
  for (let j = i - 1; j >= 0 && j >= i - window; j--) {
    if (isClauseBreak(tokens[j].norm)) return -1;
    if (negators.has(tokens[j].norm)) return j;
  }
  return -1;
}

/** The longest lexicon word made of the single-character tokens starting at i (2…JOIN_SINGLES_MAX). */
function joinSingles(tokens: readonly RuleToken[], i: number, words: RuleWords): { valence: number; length: number } | undefined {
  for (let len = Math.min(JOIN_SINGLES_MAX, tokens.length - i); len >= 2; len--) {
    let word = tokens[i].norm;
    let singles = true;
    for (let k = 1; k < len && singles; k++) {
      const n = tokens[i + k].norm;
      singles = n.length === 1;
      word += n;
    }
    if (!singles) continue;
    const v = words.valence(word);
    if (v !== undefined && v !== 0) return { valence: v, length: len };
  }
  return undefined;
}

export function ruleScore(tokens: readonly RuleToken[], words: RuleWords, exclamations = 0): RuleScore {
  const weights = clauseWeights(tokens, words.contrast);
  let sum = 0;
  let pos = 0;
  let neg = 0;
  let hits = 0;
  let negated = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const start = i;
    // A phrase may open with a negator or an intensifier ("doesnt work", "too small"), so it is tried first.
    const phrase = words.phrases ? phraseAt(tokens, i, words.phrases) : undefined;
    if (phrase) i += phrase.length - 1;
    // Negators and intensifiers act on other words; some lexicons also list them (VADER's "no").
    else if (words.boosters.has(t.norm) || words.negators.has(t.norm)) continue;
    let v = phrase ? phrase.valence : words.valence(t.norm);
    let extraBoost = 0;
    let fusedNegation = false;
    if (v === undefined && words.splitFused) {
      const fused = words.splitFused(t.norm);
      if (fused) [v, extraBoost, fusedNegation] = [fused.valence, fused.boost, fused.negated];
    }
    if (v === undefined && words.joinSingles && t.norm.length === 1) {
      const joined = joinSingles(tokens, i, words);
      if (joined) {
        v = joined.valence;
        i += joined.length - 1;
      }
    }
    if (v === undefined || v === 0) continue;
    hits++;
    const sign = Math.sign(v);
    let boost = extraBoost;
    for (let j = start - 1, d = 0; j >= 0 && d < WINDOW; j--, d++) {
      if (isClauseBreak(tokens[j].norm)) break;
      const b = words.boosters.get(tokens[j].norm);
      if (b !== undefined) boost += b * (1 - 0.05 * d);
    }
    v += sign * boost * (BOOST_STEP / 0.3);
    if (t.caps) v += sign * CAPS_INCREMENT;
    if (fusedNegation || negatorBefore(tokens, start, words.negators) >= 0) {
      v *= NEGATION_SCALAR;
      negated++;
    }
    v *= weights[start];
    sum += v;
    if (v > 0) pos += v;
    else neg -= v;
  }
  if (sum !== 0 && exclamations > 0) sum += Math.sign(sum) * EXCLAMATION_STEP * Math.min(exclamations, 4);
  return { sum, pos, neg, compound: sum / Math.sqrt(sum * sum + 15), hits, negated };
}
