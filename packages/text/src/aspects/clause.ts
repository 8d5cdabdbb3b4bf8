/**
 * The clause around an aspect term: the stretch of text between the nearest clause boundaries
 * (sentence and clause punctuation, contrast words such as "but" / 但 / 卻) on either side of it.
 * Aspect-level sentiment is the sentiment of that clause, so "great food but slow service" gives
 * the food and the service opposite signs.
 */
const PUNCT = /[.!?;:,()\n。！？；：，、（）…~～]/u;
const CONTRAST_EN = /^(?:but|although|though|however|whereas|while|yet|except|unless)$/i;
const CONTRAST_ZH = ['但是', '可是', '不過', '不过', '然而', '只是', '但', '卻', '却', '雖然', '虽然'];

export interface Window { start: number; end: number }

function isWordChar(ch: string): boolean {
  return /[\p{L}\p{N}'’]/u.test(ch);
}

/** Boundaries (character offsets) at which a clause starts or ends. */
export function clauseBoundaries(text: string): number[] {
  const cuts: number[] = [0];
  for (let i = 0; i < text.length; i++) {
    if (PUNCT.test(text[i])) cuts.push(i, i + 1);
  }
  for (const m of text.matchAll(/[A-Za-z]+/g)) {
    if (CONTRAST_EN.test(m[0])) cuts.push(m.index ?? 0);
  }
  for (const w of CONTRAST_ZH) {
    let from = 0;
    for (;;) {
      const k = text.indexOf(w, from);
      if (k < 0) break;
      cuts.push(k);
      from = k + w.length;
    }
  }
  cuts.push(text.length);
  return [...new Set(cuts)].sort((a, b) => a - b);
}

/** The clause containing [start, end); never empty, always inside the text. */
export function clauseAround(text: string, start: number, end: number, cuts = clauseBoundaries(text)): Window {
  let s = 0;
  let e = text.length;
  for (const c of cuts) {
    if (c <= start && c > s) s = c;
    if (c >= end && c < e) e = c;
  }
  // A clause of only the term itself ("Service: slow") borrows the next clause.
  const rest = (text.slice(s, start) + text.slice(end, e)).split('').filter(isWordChar).length;
  if (rest === 0) {
    const next = cuts.find((c) => c > e && /[\p{L}\p{N}]/u.test(text.slice(e, c)));
    if (next !== undefined) e = next;
  }
  return { start: s, end: e };
}
