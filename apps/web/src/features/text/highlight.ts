/**
 * Inline highlights of an analysed text: aspects carry UTF-16 offsets (text.slice(start, end) ===
 * term) and a sentiment label; key phrases are plain strings, found in the text here. The result
 * is a list of plain-text segments the page renders as text nodes and <mark> spans (never HTML),
 * which concatenate back to the text and never overlap.
 */
import type { SENTIMENT_LABELS, TextAspect } from '@touchpoint/shared';

type SentimentLabel = (typeof SENTIMENT_LABELS)[number];

export type MarkKind = 'aspect' | 'phrase';

export interface Mark { start: number; end: number; label: SentimentLabel | null; kind: MarkKind; term: string }

export interface Segment { text: string; start: number; mark: Mark | null }

/** Key phrases are not positioned by the API: their first case-insensitive occurrence, if any. */
export function phraseMarks(text: string, phrases: readonly string[]): Mark[] {
  const lower = text.toLowerCase();
  const out: Mark[] = [];
  for (const p of phrases) {
    if (!p) continue;
    // toLowerCase keeps UTF-16 lengths for the scripts we analyse; guard anyway.
    const at = lower.length === text.length ? lower.indexOf(p.toLowerCase()) : text.indexOf(p);
    if (at >= 0) out.push({ start: at, end: at + p.length, label: null, kind: 'phrase', term: text.slice(at, at + p.length) });
  }
  return out;
}

export function aspectMarks(aspects: readonly TextAspect[]): Mark[] {
  return aspects.map((a) => ({ start: a.start, end: a.end, label: a.label, kind: 'aspect' as const, term: a.term }));
}

/**
 * Cuts `text` into segments. Marks outside the text or empty are dropped; overlapping marks are
 * resolved first come, first served after sorting: aspects before phrases, then by start, then
 * the longer one. Offsets that would split a surrogate pair are moved outwards.
 */
export function segments(text: string, marks: readonly Mark[]): Segment[] {
  const n = text.length;
  const fix = (i: number) => {
    const c = Math.max(0, Math.min(n, Math.trunc(Number.isFinite(i) ? i : 0)));
    // Inside a surrogate pair (low surrogate at c, high before it): step back one.
    return c > 0 && c < n && isLow(text.charCodeAt(c)) && isHigh(text.charCodeAt(c - 1)) ? c - 1 : c;
  };
  const candidates = marks
    .map((m) => ({ ...m, start: fix(m.start), end: fixEnd(text, fix(m.end)) }))
    .filter((m) => m.end > m.start)
    .sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'aspect' ? -1 : 1) || a.start - b.start || (b.end - b.start) - (a.end - a.start));
  const chosen: typeof candidates = [];
  for (const m of candidates) if (!chosen.some((c) => m.start < c.end && c.start < m.end)) chosen.push(m);
  chosen.sort((a, b) => a.start - b.start);

  const out: Segment[] = [];
  let at = 0;
  for (const m of chosen) {
    if (m.start > at) out.push({ text: text.slice(at, m.start), start: at, mark: null });
    out.push({ text: text.slice(m.start, m.end), start: m.start, mark: m });
    at = m.end;
  }
  if (at < n || out.length === 0) out.push({ text: text.slice(at), start: at, mark: null });
  return out;
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;
/** An end inside a surrogate pair moves past the pair's second half. */
function fixEnd(text: string, end: number): number {
  return end > 0 && end < text.length && isLow(text.charCodeAt(end)) && isHigh(text.charCodeAt(end - 1)) ? end + 1 : end;
}

/** Aspects and key phrases of one item, ready to render. */
export function highlightItem(item: { text: string; aspects: readonly TextAspect[]; keyPhrases: readonly string[] }): Segment[] {
  return segments(item.text, [...aspectMarks(item.aspects), ...phraseMarks(item.text, item.keyPhrases)]);
}
