/**
 * Splits one sentence where it changes language: "服务很好 but the food was cold" is two pieces.
 * A run of Latin words counts only from three words on, a Han run from two characters, so brand
 * names in Chinese text ("iPhone 很好用") and a stray 好 in English stay in their sentence.
 */
import type { Span } from './sentences.js';

const HAN = /\p{Script=Han}/u;
const LATIN_WORD = /^[A-Za-z\u00c0-\u024f']+$/;

interface Run {
  kind: 'han' | 'latin';
  start: number;
  end: number;
  weight: number;
}

function runs(text: string, offset: number): Run[] {
  const out: Run[] = [];
  const re = /(\p{Script=Han}+)|([A-Za-z\u00c0-\u024f']+)/gu;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const kind = m[1] ? 'han' : 'latin';
    const start = offset + m.index;
    const end = start + m[0].length;
    const last = out[out.length - 1];
    const weight = kind === 'han' ? m[0].length : LATIN_WORD.test(m[0]) ? 1 : 0;
    // Latin words separated only by spaces, digits or punctuation join one run; so do Han runs.
    if (last && last.kind === kind) {
      last.end = end;
      last.weight += weight;
    } else out.push({ kind, start, end, weight });
  }
  return out;
}

function substantial(run: Run): boolean {
  return run.kind === 'han' ? run.weight >= 2 : run.weight >= 3;
}

/** Pieces of the sentence span, each in one script where both scripts carry real content. */
export function splitMixed(text: string, span: Span): Span[] {
  const body = text.slice(span.start, span.end);
  if (!HAN.test(body) || !/[A-Za-z]/.test(body)) return [span];
  const all = runs(body, span.start);
  // Minor runs are absorbed by their neighbours: only substantial runs can start a piece.
  const major = all.filter(substantial);
  if (major.length < 2 || major.every((r) => r.kind === major[0].kind)) return [span];
  const pieces: Span[] = [];
  let start = span.start;
  for (let i = 1; i < major.length; i++) {
    if (major[i].kind === major[i - 1].kind) continue;
    // Cut just before the first character of the new run, then trim whitespace at the edges.
    const cut = major[i].start;
    pieces.push({ start, end: cut });
    start = cut;
  }
  pieces.push({ start, end: span.end });
  return pieces
    .map((p) => {
      let { start: s, end: e } = p;
      while (s < e && /\s/.test(text[s])) s++;
      while (e > s && /\s/.test(text[e - 1])) e--;
      return { start: s, end: e };
    })
    .filter((p) => p.end > p.start);
}
