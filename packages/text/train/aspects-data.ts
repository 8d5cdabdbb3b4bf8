/**
 * SemEval-2014 Task 4 (restaurants) reading and scoring, shared by train/aspects.ts and
 * eval/aspects.ts. The data are read from TP_DATA_DIR (default: <repo>/../shared/data) and are
 * never shipped.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Token } from '../src/aspects/tokenize-en.js';

export interface SemevalTerm { term: string; polarity: string; from: number; to: number }
export interface SemevalSentence { id: string; text: string; aspect_terms: SemevalTerm[]; aspect_categories?: { category: string; polarity: string }[] }

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export function dataDir(): string {
  return process.env.TP_DATA_DIR ?? path.resolve(repoRoot, '../shared/data');
}

export function readSemeval(file: 'restaurants_train.jsonl' | 'restaurants_test_gold.jsonl'): SemevalSentence[] {
  const full = path.join(dataDir(), 'semeval2014-absa', file);
  return readFileSync(full, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as SemevalSentence);
}

/** Gold character spans as token ranges [first, last + 1); a span is widened to whole tokens. */
export function alignSpans(tokens: Token[], terms: SemevalTerm[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const seen = new Set<string>();
  for (const t of terms) {
    const a = tokens.findIndex((k) => k.end > t.from);
    let b = a;
    while (b < tokens.length && tokens[b].start < t.to) b++;
    if (a < 0 || b <= a) continue;
    const key = `${a}:${b}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push([a, b]);
  }
  return out.sort((x, y) => x[0] - y[0]);
}

/** BIO tag ids (0 O, 1 B, 2 I) from token ranges; overlapping ranges keep the first. */
export function bioTags(n: number, spans: Array<[number, number]>): number[] {
  const tags = new Array<number>(n).fill(0);
  for (const [a, b] of spans) {
    if (tags.slice(a, b).some((t) => t !== 0)) continue;
    tags[a] = 1;
    for (let i = a + 1; i < b; i++) tags[i] = 2;
  }
  return tags;
}

export interface Counts { tp: number; fp: number; fn: number }

/** Exact-match counting on distinct character spans, as the official script does. */
export function countSpans(gold: Array<{ from: number; to: number }>, pred: Array<{ start: number; end: number }>, c: Counts): void {
  const g = new Set(gold.map((t) => `${t.from}:${t.to}`));
  const p = new Set(pred.map((t) => `${t.start}:${t.end}`));
  for (const k of p) if (g.has(k)) c.tp++; else c.fp++;
  for (const k of g) if (!p.has(k)) c.fn++;
}

export function prf(c: Counts): { precision: number; recall: number; f1: number } {
  const precision = c.tp + c.fp === 0 ? 0 : c.tp / (c.tp + c.fp);
  const recall = c.tp + c.fn === 0 ? 0 : c.tp / (c.tp + c.fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}
