/**
 * A workspace taxonomy compiled for matching. Keywords and examples may be written in English,
 * 繁體 or 简体: everything is folded (繁 → 简, lower case) before matching, so a 繁體 keyword finds
 * 简体 text and the other way round. English keywords match whole words with an optional plural
 * ("price" finds "prices"); a trailing * matches any ending ("deliver*"). Aspect terms found in a
 * theme's examples become weaker keywords, unless they appear in several themes' examples.
 */
import { findAspectTerms, type Tokenize } from '../aspects/index.js';
import { fold } from './fold.js';

export interface ThemeDef {
  id: string;
  name: string;
  keywords: string[];
  examples: string[];
}

export interface CompiledKeyword {
  theme: number;
  /** the folded keyword (or example term) */
  keyword: string;
  weight: number;
  fromExample: boolean;
  pattern: RegExp;
}

export interface CompiledTaxonomy {
  themes: ThemeDef[];
  keywords: CompiledKeyword[];
}

export const KEYWORD_WEIGHT = 0.8;
/** Example terms are hints: alone one stays under tagThemes' default threshold, two together pass it. */
export const EXAMPLE_WEIGHT = 0.25;

const LATIN = /[\p{Script=Latin}\p{N}]/u;

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The pattern for one folded keyword; null for an empty one. */
export function keywordPattern(keyword: string): RegExp | null {
  const prefix = keyword.endsWith('*');
  const core = (prefix ? keyword.slice(0, -1) : keyword).trim();
  if (core === '') return null;
  const body = core.split(/\s+/).map(escape).join('\\s+');
  const latinStart = LATIN.test(core[0]);
  const latinEnd = LATIN.test(core[core.length - 1]);
  const before = latinStart ? '(?<![\\p{Script=Latin}\\p{N}])' : '';
  const plural = /[a-z]$/.test(core) ? '(?:s|es)?' : '';
  const after = prefix ? '[\\p{Script=Latin}\\p{N}]*' : latinEnd ? `${plural}(?![\\p{Script=Latin}\\p{N}])` : '';
  return new RegExp(`${before}${body}${after}`, 'gu');
}

export interface CompileOptions {
  /** Chinese segmenter for the examples' key phrases (default the package's segmentChinese) */
  tokenizeChinese?: Tokenize;
}

export function compileTaxonomy(themes: ThemeDef[], options: CompileOptions = {}): CompiledTaxonomy {
  const keywords: CompiledKeyword[] = [];
  const own = new Map<string, number>();
  themes.forEach((t, i) => {
    for (const k of t.keywords) {
      const keyword = fold(k).trim().replace(/\s+/g, ' ');
      const pattern = keywordPattern(keyword);
      if (!pattern || keywords.some((x) => x.theme === i && x.keyword === keyword)) continue;
      keywords.push({ theme: i, keyword, weight: KEYWORD_WEIGHT, fromExample: false, pattern });
      own.set(keyword, i);
    }
  });
  // Example terms: kept only when exactly one theme's examples have them and no keyword is them.
  const exampleThemes = new Map<string, Set<number>>();
  themes.forEach((t, i) => {
    for (const ex of t.examples) {
      for (const a of findAspectTerms(ex, { tokenizeChinese: options.tokenizeChinese })) {
        const term = fold(a.term).trim().replace(/\s+/g, ' ');
        if (term.length < 2) continue;
        if (!exampleThemes.has(term)) exampleThemes.set(term, new Set());
        exampleThemes.get(term)!.add(i);
      }
    }
  });
  for (const term of [...exampleThemes.keys()].sort()) {
    const ids = exampleThemes.get(term)!;
    if (ids.size !== 1 || own.has(term)) continue;
    const pattern = keywordPattern(term);
    if (pattern) keywords.push({ theme: [...ids][0], keyword: term, weight: EXAMPLE_WEIGHT, fromExample: true, pattern });
  }
  return { themes, keywords };
}
