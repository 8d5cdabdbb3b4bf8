/**
 * Every word list of both languages in one index, so a draft is read once for all of them
 * instead of once per list (the checks run on every keystroke). English phrases are looked up by
 * their first word among the draft's words, Chinese ones by their first character among its Han
 * characters. Within one list, matches behave like a regular-expression scan: the longest phrase
 * starting at a place wins and the next match starts after it.
 */
import type { Draft, Span } from './reply-text.js';
import type { ReplyWordLists } from './reply-words.js';
import { EN_WORDS } from './words-en.js';
import { ZH_WORDS } from './words-zh.js';

export type ListKey = keyof ReplyWordLists;
export type PhraseHits = Record<ListKey, Span[]>;

/** `list` is the index of its list in LIST_KEYS. */
interface EnEntry { list: number; rest: readonly string[] }
interface ZhEntry { list: number; phrase: string }

const LIST_KEYS = Object.keys(EN_WORDS) as ListKey[];
const PHRASE_WORD = /(?:(?!\p{Script=Han})[\p{L}\p{N}\p{M}])+(?:['’](?:(?!\p{Script=Han})[\p{L}\p{N}\p{M}])+)*/gu;
/** What may stand between the words of an English phrase: spaces, tabs or a hyphen, never a line break. */
const WORD_GAP = /^[ \t\u00a0-]+$/;

const EN_INDEX = new Map<string, EnEntry[]>();
/** Keyed by the first character's code unit. */
const ZH_INDEX = new Map<number, ZhEntry[]>();

LIST_KEYS.forEach((key, list) => {
  for (const phrase of EN_WORDS[key]) {
    const words = (phrase.match(PHRASE_WORD) ?? []).map((w) => w.toLowerCase().replace(/’/g, "'"));
    if (!words.length) continue;
    const entries = EN_INDEX.get(words[0]) ?? [];
    entries.push({ list, rest: words.slice(1) });
    EN_INDEX.set(words[0], entries);
  }
  for (const phrase of ZH_WORDS[key]) {
    if (!phrase) continue;
    const entries = ZH_INDEX.get(phrase.charCodeAt(0)) ?? [];
    entries.push({ list, phrase });
    ZH_INDEX.set(phrase.charCodeAt(0), entries);
  }
});
// longest first, so the first entry that fits at a place is the longest phrase of its list there
for (const entries of EN_INDEX.values()) entries.sort((a, b) => b.rest.length - a.rest.length);
for (const entries of ZH_INDEX.values()) entries.sort((a, b) => b.phrase.length - a.phrase.length);

/** Where each list's phrases occur in the draft's masked text. */
export function findPhrases(draft: Draft): PhraseHits {
  const hits: Span[][] = LIST_KEYS.map(() => []);
  const { tokens, masked } = draft;
  // per list, the next token (English) or offset (Chinese) it may match from: a list's matches never overlap
  const nextToken = new Int32Array(LIST_KEYS.length);
  for (let i = 0; i < tokens.length; i++) {
    const entries = EN_INDEX.get(tokens[i].norm);
    if (!entries) continue;
    for (const e of entries) {
      if (nextToken[e.list] > i || i + e.rest.length >= tokens.length) continue;
      let k = 0;
      while (k < e.rest.length && tokens[i + k + 1].norm === e.rest[k] && WORD_GAP.test(masked.slice(tokens[i + k].end, tokens[i + k + 1].start))) k++;
      if (k < e.rest.length) continue;
      nextToken[e.list] = i + k + 1;
      hits[e.list].push({ start: tokens[i].start, end: tokens[i + k].end });
    }
  }
  const nextOffset = new Int32Array(LIST_KEYS.length);
  for (const h of draft.han) {
    const entries = ZH_INDEX.get(masked.charCodeAt(h.start));
    if (!entries) continue;
    for (const e of entries) {
      if (nextOffset[e.list] > h.start || !masked.startsWith(e.phrase, h.start)) continue;
      nextOffset[e.list] = h.start + e.phrase.length;
      hits[e.list].push({ start: h.start, end: h.start + e.phrase.length });
    }
  }
  return Object.fromEntries(LIST_KEYS.map((k, i) => [k, hits[i]])) as PhraseHits;
}

/** The customer's name in the draft: a Latin name by any of its words, a Chinese one whole or as surname + title. */
export function findName(draft: Draft, name: string | undefined): Span[] {
  const trimmed = name?.trim();
  if (!trimmed) return [];
  const latin = new Set((trimmed.match(PHRASE_WORD) ?? []).filter((w) => w.length >= 2).map((w) => w.toLowerCase().replace(/’/g, "'")));
  const out: Span[] = draft.tokens.filter((t) => latin.has(t.norm)).map((t) => ({ start: t.start, end: t.end }));
  const han = [...trimmed].filter((c) => /\p{Script=Han}/u.test(c)).join('');
  if (han) {
    for (const form of [han, ...['先生', '小姐', '女士', '太太'].map((title) => [...han][0] + title)]) {
      for (let at = draft.masked.indexOf(form); at >= 0; at = draft.masked.indexOf(form, at + form.length)) out.push({ start: at, end: at + form.length });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
