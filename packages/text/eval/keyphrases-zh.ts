/**
 * Chinese key phrases against a written gold set (`eval/keyphrases-zh.tsv`, 320 customer texts in
 * Taiwan Traditional, Simplified, Hong Kong Cantonese and Chinese mixed with English, with their
 * aspect terms marked by the SemEval-2014 rules adapted to Chinese). Rows with an odd id are the
 * development half (rules were tuned on them); even ids are the test half.
 *
 * Scored as `analyzeText` returns them (the product's path), beside the token-run extractor it
 * replaced: exact-match spans, as SemEval, and overlap matches (a predicted span sharing a
 * character with an unmatched gold span).
 *
 *   npx tsx packages/text/eval/keyphrases-zh.ts dev     (the development half, with every miss)
 *   npx tsx packages/text/eval/keyphrases-zh.ts test    (the test half: figures only)
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { analyzeText, detectSentences, extractAspects } from '../src/index.js';
import { intlTokenize } from '../src/aspects/index.js';

export interface GoldRow { id: number; script: string; domain: string; text: string; aspects: { term: string; start: number; end: number }[] }

const FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'keyphrases-zh.tsv');

/** Gold spans: each term at its next occurrence after the previous one (terms are listed in order). */
export function readGold(file = FILE): GoldRow[] {
  const lines = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim() !== '');
  return lines.slice(1).map((line) => {
    const [id, script, domain, text, terms = ''] = line.split('\t');
    let from = 0;
    const aspects = terms === '' ? [] : terms.split('|').map((term) => {
      let at = text.indexOf(term, from);
      if (at < 0) at = text.indexOf(term);
      if (at < 0) throw new Error(`keyphrases-zh.tsv row ${id}: "${term}" is not in the text`);
      from = at + term.length;
      return { term, start: at, end: at + term.length };
    });
    return { id: Number(id), script, domain, text, aspects };
  });
}

export interface KeyPhraseFigures { rows: number; gold: number; predicted: number; exact: { precision: number; recall: number; f1: number }; overlapF1: number; byScript: Record<string, number> }

const f1Of = (tp: number, predicted: number, gold: number) => {
  const precision = predicted ? tp / predicted : 0;
  const recall = gold ? tp / gold : 0;
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
};

type Span = { term: string; start: number; end: number };
/** As shipped (analyzeText: jieba noun chunks), or the token-run extractor it replaced (Intl.Segmenter tokens). */
const EXTRACTORS: Record<'shipped' | 'tokenRuns', (text: string) => Span[]> = {
  shipped: (text) => analyzeText(text, { cues: false }).aspects,
  tokenRuns: (text) => extractAspects(text, { tokenizeChinese: intlTokenize, splitSentences: (t) => detectSentences(t) }),
};

export function keyPhraseFigures(half: 'dev' | 'test', log?: (line: string) => void, extractor: keyof typeof EXTRACTORS = 'shipped'): KeyPhraseFigures {
  const rows = readGold().filter((r) => (r.id % 2 === 1) === (half === 'dev'));
  let tp = 0; let overlap = 0; let gold = 0; let predicted = 0;
  const perScript: Record<string, { tp: number; gold: number; predicted: number }> = {};
  for (const row of rows) {
    const got = EXTRACTORS[extractor](row.text).map((a) => ({ term: a.term, start: a.start, end: a.end }));
    const s = (perScript[row.script] ??= { tp: 0, gold: 0, predicted: 0 });
    const unmatched = [...row.aspects];
    const wrong: typeof got = [];
    for (const g of got) {
      const k = unmatched.findIndex((u) => u.start === g.start && u.end === g.end);
      if (k >= 0) { unmatched.splice(k, 1); tp++; s.tp++; } else wrong.push(g);
    }
    for (const w of wrong) {
      const k = unmatched.findIndex((u) => u.start < w.end && w.start < u.end);
      if (k >= 0) { unmatched.splice(k, 1); overlap++; }
    }
    gold += row.aspects.length; predicted += got.length; s.gold += row.aspects.length; s.predicted += got.length;
    if (log && (wrong.length || unmatched.length)) {
      log(`${row.id} ${row.text}\n    gold ${row.aspects.map((a) => a.term).join(' | ') || '—'}\n    got  ${got.map((a) => a.term).join(' | ') || '—'}`);
    }
  }
  const byScript: Record<string, number> = {};
  for (const [k, v] of Object.entries(perScript)) byScript[k] = f1Of(v.tp, v.predicted, v.gold).f1;
  return { rows: rows.length, gold, predicted, exact: f1Of(tp, predicted, gold), overlapF1: f1Of(tp + overlap, predicted, gold).f1, byScript };
}

export function formatKeyPhrases(f: KeyPhraseFigures): string {
  const p = (x: number) => (100 * x).toFixed(1);
  return `${f.rows} texts, ${f.gold} gold terms, ${f.predicted} predicted: exact P ${p(f.exact.precision)} R ${p(f.exact.recall)} F1 ${p(f.exact.f1)}; overlap F1 ${p(f.overlapF1)}; exact F1 by script ${Object.entries(f.byScript).map(([k, v]) => `${k} ${p(v)}`).join(', ')}`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const half = process.argv[2] === 'test' ? 'test' : 'dev';
  const figures = keyPhraseFigures(half, half === 'dev' && !process.env.QUIET ? console.log : undefined);
  console.log(`Chinese key phrases, ${half} half, as shipped: ${formatKeyPhrases(figures)}`);
  console.log(`  token-run extractor it replaced: ${formatKeyPhrases(keyPhraseFigures(half, undefined, 'tokenRuns'))}`);
}
