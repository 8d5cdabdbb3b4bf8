/**
 * Traditional ↔ Simplified Chinese at the character level, from opencc-js's character tables.
 * Character level keeps every offset: one code point in, one code point out, so a position in the
 * normalised text is a position in the original (up to the rare BMP ↔ astral pair, mapped below).
 */
// The declaration of opencc-js's dictionary modules travels with this import, so every project
// that compiles this file (the server, the bench) finds it.
/// <reference path="../opencc.d.ts" />
import TS_CHARACTERS from 'opencc-js/dict/TSCharacters';
import ST_CHARACTERS from 'opencc-js/dict/STCharacters';

function parseTable(table: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const entry of table.split('|')) {
    const [from, ...to] = entry.split(' ');
    if (from && to.length > 0) map.set(from, to);
  }
  return map;
}

const tsTable = parseTable(TS_CHARACTERS);
const stTable = parseTable(ST_CHARACTERS);

/** Traditional code point → its Simplified form (first candidate), only where they differ. */
const toSimplifiedChar = new Map<number, string>();
for (const [from, to] of tsTable) if (to[0] !== from) toSimplifiedChar.set(from.codePointAt(0)!, to[0]);

function distinctive(own: Map<string, string[]>): Set<number> {
  const outputs = new Set<string>();
  for (const to of own.values()) for (const c of to) outputs.add(c);
  const set = new Set<number>();
  // A character is evidence for its script when it converts to something else and conversion
  // into the other script never produces it (后 → 後, yet 皇后 keeps 后: 后 is no evidence).
  for (const [from, to] of own) if (!to.includes(from) && !outputs.has(from)) set.add(from.codePointAt(0)!);
  return set;
}

/** Characters seen only in Traditional text, and only in Simplified text. */
export const HANT_ONLY: ReadonlySet<number> = distinctive(tsTable);
export const HANS_ONLY: ReadonlySet<number> = distinctive(stTable);

/** Counts of script-distinctive characters in `text` (used by language detection). */
export function scriptEvidence(text: string): { hant: number; hans: number } {
  let hant = 0;
  let hans = 0;
  for (let i = 0; i < text.length; i++) {
    const cp = text.codePointAt(i)!;
    if (cp > 0xffff) i++;
    if (cp < 0x3400) continue;
    if (HANT_ONLY.has(cp)) hant++;
    else if (HANS_ONLY.has(cp)) hans++;
  }
  return { hant, hans };
}

export interface Normalised {
  /** The text in Simplified characters (other characters unchanged). */
  text: string;
  /** Offset in the original text of each UTF-16 offset of `text` (length text.length + 1). */
  toOriginal(offset: number): number;
}

/** Converts Traditional characters to Simplified, one code point for one, keeping offsets. */
export function toSimplified(text: string): Normalised {
  let out = '';
  let changedLength = false;
  for (let i = 0; i < text.length; i++) {
    const cp = text.codePointAt(i)!;
    const wide = cp > 0xffff;
    const mapped = cp >= 0x3400 ? toSimplifiedChar.get(cp) : undefined;
    const original = wide ? text.slice(i, i + 2) : text[i];
    if (mapped !== undefined) {
      if (mapped.length !== original.length) changedLength = true;
      out += mapped;
    } else out += original;
    if (wide) i++;
  }
  if (!changedLength) return { text: out, toOriginal: (offset) => offset };
  // Rare: a BMP character maps to an astral one or back; keep a table of offsets.
  const map: number[] = [];
  let j = 0;
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i)!;
    const len = cp > 0xffff ? 2 : 1;
    const mapped = cp >= 0x3400 ? toSimplifiedChar.get(cp) : undefined;
    const outLen = mapped !== undefined ? mapped.length : len;
    for (let k = 0; k < outLen; k++) map[j + k] = i;
    j += outLen;
    i += len;
  }
  map[j] = text.length;
  return { text: out, toOriginal: (offset) => map[offset] ?? text.length };
}
