/**
 * Readers for the public evaluation data in shared/data (see its README and each SOURCE.md).
 * Used by training and evaluation only; nothing here ships in the models except derived weights
 * and the NTUSD lexicon (MIT, bundled with attribution).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export function dataDir(): string {
  const dir = process.env.TP_DATA_DIR ?? path.resolve(REPO_ROOT, '../shared/data');
  if (!existsSync(dir)) {
    throw new Error(`data directory not found: ${dir}\nSet TP_DATA_DIR to the folder holding chnsenticorp/, vader-icwsm2014/, uci-sentiment-labelled-sentences/ and ntusd-lexicon/.`);
  }
  return dir;
}

function read(...parts: string[]): string {
  const file = path.join(dataDir(), ...parts);
  if (!existsSync(file)) throw new Error(`data file not found: ${file} (check TP_DATA_DIR)`);
  return readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
}

/** Tab-separated rows with RFC-4180 quoting (quoted fields may hold "" and tabs). */
export function parseTsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let atFieldStart = true;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
      continue;
    }
    if (ch === '"' && atFieldStart) {
      quoted = true;
      atFieldStart = false;
    } else if (ch === '\t') {
      row.push(field);
      field = '';
      atFieldStart = true;
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      atFieldStart = true;
    } else {
      field += ch;
      atFieldStart = false;
    }
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

export interface BinaryRow {
  text: string;
  /** 1 positive, 0 negative. */
  label: 0 | 1;
}

export type ChnSplit = 'train' | 'dev' | 'test';

/** ChnSentiCorp: header `label\ttext_a`, no quoting: split on the first tab. */
export function chnSentiCorp(split: ChnSplit): BinaryRow[] {
  const lines = read('chnsenticorp', `${split}.tsv`).split(/\r?\n/).slice(1);
  const rows: BinaryRow[] = [];
  for (const line of lines) {
    if (line.trim() === '') continue;
    const tab = line.indexOf('\t');
    rows.push({ label: line.slice(0, tab) === '1' ? 1 : 0, text: line.slice(tab + 1) });
  }
  return rows;
}

export const UCI_FILES = ['amazon_cells_labelled', 'yelp_labelled', 'imdb_labelled'] as const;
export type UciPart = 'train' | 'dev' | 'test';

/**
 * UCI sentences with a fixed split by row number within each file (0-based, header excluded):
 * row % 5 == 0 → test (held out, 600), row % 5 == 1 → dev (600), otherwise train (1,800).
 */
export function uciPart(row: number): UciPart {
  return row % 5 === 0 ? 'test' : row % 5 === 1 ? 'dev' : 'train';
}

export function uci(part: UciPart | 'all'): (BinaryRow & { source: string })[] {
  const out: (BinaryRow & { source: string })[] = [];
  for (const source of UCI_FILES) {
    const rows = parseTsv(read('uci-sentiment-labelled-sentences', `${source}.tsv`)).slice(1).filter((r) => r.length >= 2);
    rows.forEach((r, i) => {
      if (part === 'all' || uciPart(i) === part) out.push({ text: r[0], label: r[1].trim() === '1' ? 1 : 0, source });
    });
  }
  return out;
}

export interface RatedRow {
  id: string;
  text: string;
  /** Mean human rating, −4 … +4. */
  mean: number;
}

export type VaderCorpus = 'amazonReviewSnippets' | 'tweets' | 'movieReviewSnippets' | 'nytEditorialSnippets';

export function vader(corpus: VaderCorpus): RatedRow[] {
  return parseTsv(read('vader-icwsm2014', `${corpus}_GroundTruth.tsv`))
    .slice(1)
    .filter((r) => r.length >= 3)
    .map((r) => ({ id: r[0], mean: Number(r[1]), text: r[2] }));
}

/**
 * Review and feedback sentences written for Touchpoint (train/reviews-en.tsv, our licence):
 * header `mean, domain, text`; `mean` is the author's estimate of a mean human rating, −4 … +4.
 * Product types of the VADER Amazon test snippets (digital cameras, mobile phones, MP3 and DVD
 * players) were left out on purpose. Row % 5 == 0 is development, the rest trains.
 */
export function ownReviews(): (RatedRow & { domain: string; part: 'train' | 'dev' })[] {
  const file = path.join(path.dirname(fileURLToPath(import.meta.url)), 'reviews-en.tsv');
  return parseTsv(readFileSync(file, 'utf8'))
    .slice(1)
    .filter((r) => r.length >= 3)
    .map((r, i) => ({ id: `own-${i}`, mean: Number(r[0]), domain: r[1], text: r[2], part: i % 5 === 0 ? 'dev' : 'train' }));
}

/** NTUSD word lists (Traditional Chinese, MIT). */
export function ntusd(): { positive: string[]; negative: string[] } {
  const words = (file: string) =>
    read('ntusd-lexicon', file)
      .split(/\r?\n/)
      .map((w) => w.trim())
      .filter((w) => w !== '');
  return { positive: words('positive_zh-Hant.txt'), negative: words('negative_zh-Hant.txt') };
}
