/**
 * Tagging a text with the themes of a compiled taxonomy: every keyword match with its span, and a
 * confidence per theme of 1 − Π(1 − weight) over the distinct keywords that matched.
 */
import { fold } from './fold.js';
import type { CompiledTaxonomy } from './taxonomy.js';

export interface ThemeMatch {
  /** text.slice(start, end) */
  text: string;
  start: number;
  end: number;
  keyword: string;
}

export interface TaggedTheme {
  id: string;
  name: string;
  confidence: number;
  matches: ThemeMatch[];
}

export interface TagOptions {
  /** themes below this confidence are left out (default 0.3: one example word alone does not tag) */
  minConfidence?: number;
}

export function tagThemes(text: string, taxonomy: CompiledTaxonomy, options: TagOptions = {}): TaggedTheme[] {
  const minConfidence = options.minConfidence ?? 0.3;
  const folded = fold(text);
  const perTheme = new Map<number, Array<ThemeMatch & { weight: number }>>();
  for (const k of taxonomy.keywords) {
    for (const m of folded.matchAll(k.pattern)) {
      const start = m.index ?? 0;
      const end = start + m[0].length;
      if (end === start) continue;
      const list = perTheme.get(k.theme) ?? [];
      list.push({ text: text.slice(start, end), start, end, keyword: k.keyword, weight: k.weight });
      perTheme.set(k.theme, list);
    }
  }
  const out: TaggedTheme[] = [];
  for (const [i, raw] of perTheme) {
    // Within a theme, of overlapping matches a keyword beats an example term, then the longest
    // stands ("customer service" over "service").
    raw.sort((a, b) => b.weight - a.weight || a.start - b.start || b.end - a.end || (a.keyword < b.keyword ? -1 : 1));
    const kept: typeof raw = [];
    for (const m of raw) if (!kept.some((k) => k.start < m.end && m.start < k.end)) kept.push(m);
    kept.sort((a, b) => a.start - b.start);
    const weights = new Map<string, number>();
    for (const m of kept) weights.set(m.keyword, Math.max(weights.get(m.keyword) ?? 0, m.weight));
    let miss = 1;
    for (const w of weights.values()) miss *= 1 - w;
    const t = taxonomy.themes[i];
    if (1 - miss < minConfidence) continue;
    out.push({
      id: t.id,
      name: t.name,
      confidence: Math.round((1 - miss) * 1000) / 1000,
      matches: kept.map(({ text: s, start, end, keyword }) => ({ text: s, start, end, keyword })),
    });
  }
  return out.sort((a, b) => b.confidence - a.confidence || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
