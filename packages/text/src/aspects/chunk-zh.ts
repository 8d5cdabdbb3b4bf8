/**
 * Chinese key phrases as noun chunks: the folded (Simplified) text is segmented and part-of-speech
 * tagged by jieba-rs (its dictionary carries a tag per word; unknown words get HMM tags), and a key
 * phrase is a run of noun-like words (nouns, verbal and adjectival nouns, English words), with
 * distinguishing words (在线, 网上) and unknown words (取件码) allowed in front. Stop words,
 * sentiment, degree and negation words never join a phrase; the customer-experience seeds always
 * count as nouns (jieba tags 快递 / 退款 as verbs). Spans point into the original text.
 */
import { createRequire } from 'node:module';
import { fold } from '../themes/fold.js';
import { isContentZh, isSentimentZh, SEED_ASPECTS_ZH, seedBeforeDescriptor, trimDemonstrative, type KeyPhrase } from './extract-zh.js';
import { LEXICON_EN } from './lexicon.js';

interface Tagged { word: string; tag: string }

interface JiebaTagger {
  tag(sentence: string, hmm?: boolean | null): Tagged[];
  add_word(word: string, freq?: number | null, tag?: string | null): number;
}

/**
 * Hong Kong Cantonese words jieba's (Mandarin) dictionary lacks, in folded form, with their tag:
 * time and degree words that otherwise split and glue to a noun (店员/成/日 → 店员成), and common
 * Cantonese nouns for what customers talk about.
 */
const CANTONESE_WORDS: ReadonlyArray<readonly [string, string]> = [
  ['成日', 'd'], ['而家', 't'], ['依家', 't'], ['琴日', 't'], ['寻日', 't'], ['听日', 't'], ['今日', 't'], ['点解', 'r'], ['边度', 'r'],
  ['几时', 'r'], ['乜嘢', 'r'], ['好彩', 'd'], ['搞掂', 'v'], ['即刻', 'd'], ['头先', 't'], ['成个钟', 'm'], ['半个钟', 'm'],
  ['嘢食', 'n'], ['外卖仔', 'n'], ['埋单', 'v'], ['落单', 'v'], ['侍应', 'n'], ['收银', 'vn'],
];

// The same module instance as segment/index.ts's jiebaSegment (used only for the segmenter
// measurement), so it sees the added words too; sentiment segments with Intl.Segmenter.
let jieba: JiebaTagger | undefined;
function tagWords(text: string): Tagged[] {
  if (!jieba) {
    jieba = createRequire(import.meta.url)('jieba-wasm') as JiebaTagger;
    for (const [word, tag] of CANTONESE_WORDS) jieba.add_word(word, 5000, tag);
  }
  return jieba.tag(text, true);
}

const SEEDS = new Set(SEED_ASPECTS_ZH);
/**
 * Noun-like jieba tags: nouns (n, nz, ng, ns, nt), verbal and adjectival nouns, English, abbreviations.
 * Not names (nr): the HMM tags words it does not know as names (麻, 乜, 卡住, 都还没), and a person's
 * name is not an aspect anyway.
 */
const NOUN_TAGS = /^(?:n|nz|ng|ns|nt|vn|an|eng|j)$/;
/** Distinguishing words and prefixes: may open a phrase (在线客服, 网上银行), never end one. */
const PREFIX_TAGS = /^(?:b)$/;
/** English words that are not aspects when mixed into Chinese: function words, courtesy, verbs of the chat. */
const EN_STOP = new Set(('a an the and or but so if it its is are was were be been i me my you your we our they them he she this that these those ' +
  'to of in on at for with from by as not no yes ok okay thank thanks please pls sorry lol omg haha hi hello bye very too really just also still even ' +
  'do does did done get got have has had make made can could will would should may might must answer reply call reject rejected hang crash crashed ' +
  'cancel cancelled try tried need want like love hate worth').split(/\s+/));

/** Cantonese particles and grammatical characters, never part of a noun (冻晒, 讲咗, 唔该). */
const CANTONESE_GRAMMAR = /[咗嘅喺啲咁嚟晒唔冇佢哋嘞喎囉咩乜]/u;
/** Particles, adverbs and modals: a word jieba guesses (发了, 一才, 能加个, 都还没) is not a noun if it holds one. */
const FUNCTION_CHARS = /[了个才能都还也就把被的得地着过是要会让给没不很太又再吗呢吧啊]/u;
const LATIN = /^[a-z][a-z0-9]*(?:[-'][a-z0-9]+)*$/;

/** One-character noun suffixes jieba leaves on their own after a word it knows (配送/员, 运/费). */
const NOUN_SUFFIX = new Set([...'员费机码单区站者师商店版卡率量价期表箱柜线网点处部']);

function nounLike(w: Tagged, previous?: Tagged): boolean {
  if (previous && NOUN_SUFFIX.has(w.word) && !/^[pcudyr]/.test(w.tag) && (nounLike(previous) || modifier(previous) || previous.tag === 'v')) return true;
  if (SEEDS.has(w.word)) return true;
  if (LATIN.test(w.word)) return !EN_STOP.has(w.word) && !LEXICON_EN.has(w.word);
  if (!NOUN_TAGS.test(w.tag)) return false;
  return !CANTONESE_GRAMMAR.test(w.word) && isContentZh(w.word);
}

/** Words that open a clause and are evaluated right after are its topic: 停车很不方便, 包裹被压扁了. */
const EVALUATED_NEXT = /^(?:很|太|好|超|非常|特别|真|挺|蛮|有点|不|没|被|都|也|还|一直|老是|总是|经常|常常|成日|又|偏|比较|超级|十分|麻麻|ok)$/;
const CLAUSE_BREAK = /^[，,。.!！?？;；:：、\s~～]+$/;

/** A Chinese word jieba does not know (tag x: 月费, 取件, 登入), not Cantonese grammar. */
function unknownWord(w: Tagged): boolean {
  return w.tag === 'x' && [...w.word].length >= 2 && /^\p{Script=Han}+$/u.test(w.word) && !CANTONESE_GRAMMAR.test(w.word)
    && !FUNCTION_CHARS.test(w.word) && isContentZh(w.word);
}

/** May open or continue a phrase but not end it: distinguishing words (在线, 网上) and unknown words before a noun (取件码). */
function modifier(w: Tagged): boolean {
  return (PREFIX_TAGS.test(w.tag) && isContentZh(w.word)) || unknownWord(w);
}

/**
 * The tagged words with verbs and unknown words in topic position re-tagged as verbal nouns: a
 * clause that opens with one and evaluates it right after is about it (月费又加价, 登入一直失败).
 */
function withTopics(words: Tagged[]): Tagged[] {
  return words.map((w, k) => {
    if ((w.tag !== 'v' && !unknownWord(w)) || [...w.word].length < 2) return w;
    const opens = k === 0 || CLAUSE_BREAK.test(words[k - 1].word);
    const next = words[k + 1];
    return opens && next && (EVALUATED_NEXT.test(next.word) || isSentimentZh(next.word)) ? { word: w.word, tag: 'vn' } : w;
  });
}

/** A phrase's end without a one-character describing word glued to it by the tagger (速度慢 → 速度). */
function trimDescriptor(folded: string, start: number, end: number): number {
  const last = folded.slice(end - 1, end);
  return end - start >= 3 && /\p{Script=Han}/u.test(last) && isSentimentZh(last) ? end - 1 : end;
}

/** A dictionary word that is a seed and a describing word (价格便宜, 性价比高) is split after the seed. */
function splitSeedDescriptor(words: Tagged[]): Tagged[] {
  const out: Tagged[] = [];
  for (const w of words) {
    const seed = w.word.length > 2 ? seedBeforeDescriptor(w.word) : undefined;
    if (seed) out.push({ word: seed, tag: 'n' }, { word: w.word.slice(seed.length), tag: 'a' });
    else out.push(w);
  }
  return out;
}

/** What the chunker's output depends on besides jieba's dictionary (for the analysis version). */
export function chunkRulesZh(): unknown {
  return [CANTONESE_WORDS, NOUN_TAGS.source, PREFIX_TAGS.source, [...EN_STOP], [...NOUN_SUFFIX], CANTONESE_GRAMMAR.source, FUNCTION_CHARS.source, LATIN.source,
    EVALUATED_NEXT.source, CLAUSE_BREAK.source];
}

export function extractNounChunksZh(text: string): KeyPhrase[] {
  const folded = fold(text);
  const words = withTopics(splitSeedDescriptor(tagWords(folded)));
  const found: KeyPhrase[] = [];
  // Word offsets in the folded text: jieba returns every character, spaces included, in order; a
  // word it changed or dropped would shift the rest, so each is looked up from the previous end.
  const starts: number[] = [];
  let at = 0;
  for (const w of words) {
    const k = folded.startsWith(w.word, at) ? at : folded.indexOf(w.word, at);
    starts.push(k < 0 ? Number.NaN : k);
    if (k >= 0) at = k + w.word.length;
  }
  let i = 0;
  while (i < words.length) {
    if (!nounLike(words[i]) && !modifier(words[i])) { i++; continue; }
    let j = i + 1;
    let last = nounLike(words[i]) ? i : -1;
    for (; j < words.length; j++) {
      const w = words[j];
      // English words of one phrase are separated by a space ("room service", "dark mode").
      if (w.word === ' ' && j + 1 < words.length && LATIN.test(words[j - 1].word) && LATIN.test(words[j + 1].word) && nounLike(words[j + 1])) continue;
      if (nounLike(w, words[j - 1])) { last = j; continue; }
      if (modifier(w)) continue;
      break;
    }
    if (last < 0 || Number.isNaN(starts[i]) || Number.isNaN(starts[last])) { i = j; continue; }
    // A verb and a noun suffix make one noun (折扣/码, 取件/码, 收银/员): the phrase opens at the verb.
    const opensWithVerb = i > 0 && words[i - 1].tag === 'v' && [...words[i - 1].word].length >= 2 && NOUN_SUFFIX.has(words[i].word)
      && isContentZh(words[i - 1].word) && starts[i - 1] + words[i - 1].word.length === starts[i];
    let start = opensWithVerb ? starts[i - 1] : starts[i];
    const end = trimDescriptor(folded, start, starts[last] + words[last].word.length);
    start = trimDemonstrative(folded, start, end);
    const phrase = folded.slice(start, end);
    const han = [...phrase].filter((c) => /\p{Script=Han}/u.test(c)).length;
    if ((han >= 2 || LATIN.test(phrase.split(' ')[0]) || SEEDS.has(phrase)) && !isSentimentZh(phrase)) {
      found.push({ phrase: text.slice(start, end), start, end, source: SEEDS.has(phrase) ? 'seed' : 'pattern' });
    }
    i = j;
  }
  return found;
}
