/**
 * The runtime form of a sentiment model: every weight in one Float64Array, word n-grams found by
 * their key in a Map, character n-grams by their code points in an open-addressing table (no key
 * string is built per n-gram). Features are produced by the same code as at training time
 * (features.ts, through a FeatureSink); only where they go differs. A sentence becomes a sparse
 * vector of the model's own features, so its evidence can be added to a text's without maps.
 *
 * Results equal the string-keyed path (`dot` over `textFeatures`) exactly: the same terms are
 * added in the same order (checked by a test).
 */
import { addCharFeatures, addWordFeatures, isRuleFeatureKey, wordKey, type FeatureConfig, type FeatureSink } from './features.js';
import { clauseWeights, ruleScore, type RuleScore, type RuleToken, type RuleWords } from './rules.js';

/** An exact open-addressing table from a pair of 32-bit keys to an id: character n-grams of BMP code points, keyed by (n, a) and (b, c), and word bigrams by their token ids. */
class CharTable {
  private readonly mask: number;
  private readonly hi: Uint32Array;
  private readonly lo: Uint32Array;
  private readonly ids: Int32Array;

  constructor(size: number) {
    let capacity = 16;
    while (capacity < size * 2) capacity *= 2;
    this.mask = capacity - 1;
    this.hi = new Uint32Array(capacity);
    this.lo = new Uint32Array(capacity);
    this.ids = new Int32Array(capacity).fill(-1);
  }

  private static slot(hi: number, lo: number, mask: number): number {
    let h = Math.imul(hi ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(lo ^ 0x7f4a7c15, 0xc2b2ae35);
    h ^= h >>> 15;
    return Math.imul(h, 0x27d4eb2d) & mask;
  }

  set(hi: number, lo: number, id: number): void {
    let i = CharTable.slot(hi, lo, this.mask);
    while (this.ids[i] >= 0) i = (i + 1) & this.mask;
    this.hi[i] = hi;
    this.lo[i] = lo;
    this.ids[i] = id;
  }

  get(hi: number, lo: number): number {
    let i = CharTable.slot(hi, lo, this.mask);
    for (;;) {
      const id = this.ids[i];
      if (id < 0) return -1;
      if (this.hi[i] === hi && this.lo[i] === lo) return id;
      i = (i + 1) & this.mask;
    }
  }
}

const RULE_KEYS = ['r:compound', 'r:pos', 'r:neg', 'r:none', 'r:negated'] as const;

/** A sentence as the model's features: ids in first-seen order with their (largest) values. */
export interface SparseSentence {
  ids: number[];
  values: number[];
  rule: RuleScore;
  tokens: number;
}

export interface CompiledModel {
  weights: Float64Array;
  /** Every token that occurs in a word feature → its token id. */
  vocabulary: Map<string, number>;
  /** Token id → feature id of its unigram, and of its negated unigram ("!word"); -1 for none. */
  unigram: Int32Array;
  negated: Int32Array;
  /** Word bigrams keyed by the two token ids. */
  bigrams: CharTable;
  /** Longer word n-grams: key without "w:" → id. */
  longer: Map<string, number>;
  chars: CharTable;
  /** Character n-grams with a code point outside the BMP (emoji): "c:…" key → id. */
  astral: Map<string, number>;
  /** Weights of r:compound, r:pos, r:neg, r:none, r:negated (0 when absent). */
  rule: Float64Array;
  /** Scratch space for building one sparse vector at a time (synchronous use only). */
  scratch: { value: Float64Array; mark: Int32Array; epoch: number; touched: number[]; tokenIds: number[] };
}

/** The table key of a BMP character n-gram: (n, a) and (b, c) packed into two 32-bit words. */
function charKey(n: number, a: number, b: number, c: number): [number, number] {
  return [(n << 21) | a, ((b << 16) | c) >>> 0];
}

export function compileWeights(weights: ReadonlyMap<string, number>): CompiledModel {
  const vocabulary = new Map<string, number>();
  const tokenId = (t: string) => {
    let id = vocabulary.get(t);
    if (id === undefined) vocabulary.set(t, (id = vocabulary.size));
    return id;
  };
  const unigrams: Array<[number, number]> = [];
  const negatedUnigrams: Array<[number, number]> = [];
  const bigramEntries: Array<[number, number, number]> = [];
  const longer = new Map<string, number>();
  const astral = new Map<string, number>();
  const rule = new Float64Array(RULE_KEYS.length);
  const charEntries: Array<[string, number]> = [];
  const values: number[] = [];
  for (const [key, w] of weights) {
    if (isRuleFeatureKey(key)) {
      const r = RULE_KEYS.indexOf(key as (typeof RULE_KEYS)[number]);
      if (r >= 0) rule[r] = w;
      continue;
    }
    const id = values.length;
    values.push(w);
    if (key.startsWith('w:')) {
      // Register every reading of the key that features.ts `wordKey` could have produced, so a
      // look-up by tokens finds exactly the features a look-up by string would.
      const rest = key.slice(2);
      unigrams.push([tokenId(rest), id]);
      if (rest.length > 1 && rest[0] === '!') negatedUnigrams.push([tokenId(rest.slice(1)), id]);
      for (let p = rest.indexOf(' '); p >= 0; p = rest.indexOf(' ', p + 1)) {
        const a = rest.slice(0, p);
        const b = rest.slice(p + 1);
        if (a !== '' && b !== '') bigramEntries.push([tokenId(a), tokenId(b), id]);
      }
      if (rest.includes(' ')) longer.set(rest, id);
    } else if (key.startsWith('c:')) charEntries.push([key, id]);
    else throw new Error(`unknown feature key ${key}`);
  }
  const unigram = new Int32Array(vocabulary.size).fill(-1);
  const negated = new Int32Array(vocabulary.size).fill(-1);
  for (const [t, id] of unigrams) unigram[t] = id;
  for (const [t, id] of negatedUnigrams) negated[t] = id;
  const bigrams = new CharTable(bigramEntries.length);
  for (const [a, b, id] of bigramEntries) if (bigrams.get(a, b) < 0) bigrams.set(a, b, id);
  const chars = new CharTable(charEntries.length);
  for (const [key, id] of charEntries) {
    const cps = [...key.slice(2)].map((ch) => ch.codePointAt(0)!);
    if (cps.some((cp) => cp > 0xffff) || cps.length > 3) astral.set(key, id);
    else chars.set(...charKey(cps.length, cps[0], cps[1] ?? 0, cps[2] ?? 0), id);
  }
  const n = values.length;
  return {
    weights: Float64Array.from(values),
    vocabulary,
    unigram,
    negated,
    bigrams,
    longer,
    chars,
    astral,
    rule,
    scratch: { value: new Float64Array(n), mark: new Int32Array(n), epoch: 0, touched: [], tokenIds: [] },
  };
}

/** Starts a new sparse vector in the scratch space. */
function begin(model: CompiledModel): void {
  const s = model.scratch;
  if (s.epoch >= 0x7ffffff0) {
    s.mark.fill(0);
    s.epoch = 0;
  }
  s.epoch++;
  s.touched.length = 0;
}

/** Adds value to feature id, keeping the largest value (as features.ts `put` does). */
function touch(model: CompiledModel, id: number, value: number): void {
  const s = model.scratch;
  if (s.mark[id] !== s.epoch) {
    s.mark[id] = s.epoch;
    s.value[id] = value;
    s.touched.push(id);
  } else if (value > s.value[id]) s.value[id] = value;
}

function finish(model: CompiledModel): { ids: number[]; values: number[] } {
  const s = model.scratch;
  const ids = s.touched.slice();
  const values = new Array<number>(ids.length);
  for (let i = 0; i < ids.length; i++) values[i] = s.value[ids[i]];
  return { ids, values };
}

function sinkFor(model: CompiledModel): FeatureSink {
  const ids = model.scratch.tokenIds;
  let norms: readonly string[] = [];
  return {
    words(sentence) {
      norms = sentence;
      ids.length = 0;
      for (const t of sentence) ids.push(model.vocabulary.get(t) ?? -1);
    },
    word(i, n, negated, value) {
      let id = -1;
      if (n === 1) {
        const t = ids[i];
        if (t >= 0) id = negated ? model.negated[t] : model.unigram[t];
      } else if (n === 2) {
        const a = ids[i];
        const b = ids[i + 1];
        if (a >= 0 && b >= 0) id = model.bigrams.get(a, b);
      } else id = model.longer.get(wordKey(norms, i, n, negated)) ?? -1;
      if (id >= 0) touch(model, id, value);
    },
    chars(n, a, b, c, value) {
      let id: number | undefined;
      if (a > 0xffff || b > 0xffff || c > 0xffff) {
        const s = n === 1 ? String.fromCodePoint(a) : n === 2 ? String.fromCodePoint(a, b) : String.fromCodePoint(a, b, c);
        id = model.astral.get(`c:${s}`);
      } else {
        // charKey inlined: no pair allocated per n-gram.
        const found = model.chars.get((n << 21) | a, ((b << 16) | c) >>> 0);
        id = found < 0 ? undefined : found;
      }
      if (id !== undefined) touch(model, id, value);
    },
  };
}

const sinks = new WeakMap<CompiledModel, FeatureSink>();

/** The sentence's features (tokens already made, Chinese in Simplified) as a sparse vector. */
export function sparseSentence(
  model: CompiledModel,
  language: 'en' | 'zh',
  tokens: readonly RuleToken[],
  exclamations: number,
  words: RuleWords,
  config: FeatureConfig,
): SparseSentence {
  let sink = sinks.get(model);
  if (!sink) sinks.set(model, (sink = sinkFor(model)));
  const weights = clauseWeights(tokens, words.contrast);
  const rule = ruleScore(tokens, words, exclamations);
  begin(model);
  addWordFeatures(sink, tokens, weights, words, config);
  addCharFeatures(sink, tokens, weights, config, language === 'en');
  return { ...finish(model), rule, tokens: tokens.length };
}

/** Σ weight · value over the n-grams, then the rule features, in features.ts's order. */
export function sparseDot(model: CompiledModel, ids: readonly number[], values: readonly number[], rule: RuleScore): number {
  let z = 0;
  const w = model.weights;
  for (let i = 0; i < ids.length; i++) z += w[ids[i]] * values[i];
  const r = model.rule;
  z += r[0] * rule.compound;
  z += r[1] * Math.tanh(rule.pos / 4);
  z += r[2] * Math.tanh(rule.neg / 4);
  if (rule.hits === 0) z += r[3];
  if (rule.negated > 0) z += r[4];
  return z;
}

/**
 * Several sentences read as one text (features.ts `mergeSentences`): the largest value per
 * feature, a sentence followed by one that opens with a contrast word counting half; rule sums added.
 */
export function mergeSparse(model: CompiledModel, parts: readonly SparseSentence[], startsWithContrast: readonly boolean[]): SparseSentence {
  begin(model);
  let sum = 0;
  let pos = 0;
  let neg = 0;
  let hits = 0;
  let negated = 0;
  let tokens = 0;
  for (let p = 0; p < parts.length; p++) {
    const part = parts[p];
    tokens += part.tokens;
    const weight = startsWithContrast[p + 1] ? 0.5 : 1;
    for (let i = 0; i < part.ids.length; i++) touch(model, part.ids[i], part.values[i] * weight);
    sum += part.rule.sum * weight;
    pos += part.rule.pos * weight;
    neg += part.rule.neg * weight;
    hits += part.rule.hits;
    negated += part.rule.negated;
  }
  const rule: RuleScore = { sum, pos, neg, compound: sum / Math.sqrt(sum * sum + 15), hits, negated };
  return { ...finish(model), rule, tokens };
}
