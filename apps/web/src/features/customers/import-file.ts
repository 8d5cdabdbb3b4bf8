/**
 * What the import wizard knows about a file before it is sent, pure so it can be tested: the
 * format from its name (or its first bytes), the first lines for a preview, the CSV header and
 * which of its columns the server would refuse, and the name and content type of the upload.
 * The column rule mirrors the server's (customers/import-records.ts `checkColumns`); the server
 * still has the last word, so a file the mirror warns about can be sent and its answer shown.
 */
import { CONSENT_PURPOSES, type UiLanguage } from '@touchpoint/shared';
import { INTL_LOCALE } from '../../lib/format';

export type ImportFormat = 'csv' | 'jsonl';
export const IMPORT_FORMATS: readonly ImportFormat[] = ['csv', 'jsonl'];

/** The server refuses larger uploads with a 413; refusing them here saves the transfer. */
export const MAX_IMPORT_BYTES = 2 * 1024 ** 3;
/** The preview reads only the start of the file: a 2 GB file must not be read into the tab. */
export const PREVIEW_BYTES = 64 * 1024;
export const PREVIEW_LINES = 8;
/** The server's limit on the `name` query parameter. */
const MAX_NAME = 200;

/** Columns a CSV may have besides `traits.<key>`, `properties.<key>` and `consents.<purpose>`. */
export const CSV_COLUMNS = ['type', 'userId', 'anonymousId', 'source', 'timestamp', 'idempotencyKey', 'email', 'phone', 'verified', 'name', 'event', 'url', 'orderId', 'revenue', 'currency'] as const;
const KEYED_COLUMN = /^(traits|properties)\.[A-Za-z0-9_.]{1,64}$/;

const EXTENSIONS: Record<string, ImportFormat> = { csv: 'csv', jsonl: 'jsonl', ndjson: 'jsonl', json: 'jsonl', jsonlines: 'jsonl' };

/** The format a file name implies, or null when its extension says nothing (e.g. "export.txt"). */
export function formatFromName(name: string): ImportFormat | null {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? null : EXTENSIONS[name.slice(dot + 1).toLowerCase()] ?? null;
}

/** By the extension first; without one, a file whose first character opens an object is JSON lines. */
export function guessFormat(name: string, head: string): ImportFormat {
  return formatFromName(name) ?? (/^\uFEFF?\s*\{/.test(head) ? 'jsonl' : 'csv');
}

export function contentTypeOf(format: ImportFormat): string {
  return format === 'csv' ? 'text/csv' : 'application/x-ndjson';
}

/** The file name as the server accepts it (trimmed, at most 200 characters, never empty). */
export function uploadName(name: string): string {
  return name.trim().slice(0, MAX_NAME).trim() || 'upload';
}

/**
 * The first lines of the text, each cut to `maxChars`. When the text is only the start of the file
 * (`truncated`), its last line may be cut mid-way (even mid-character) and is left out.
 */
export function previewLines(text: string, truncated: boolean, max = PREVIEW_LINES, maxChars = 240): string[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (truncated && lines.length > 1) lines.pop();
  while (lines.length && !lines[lines.length - 1].trim()) lines.pop();
  return lines.slice(0, max).map((l) => (l.length > maxChars ? `${l.slice(0, maxChars - 1)}…` : l));
}

/**
 * The header of a CSV text: its first record, with quoted fields (which may hold commas, doubled
 * quotes and line breaks) and a byte-order mark handled, each name trimmed as the server does.
 */
export function parseCsvHeader(text: string): string[] {
  const s = text.replace(/^\uFEFF/, '');
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (quoted) {
      if (ch === '"' && s[i + 1] === '"') { field += '"'; i++; }
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { fields.push(field.trim()); field = ''; }
    else if (ch === '\n' || ch === '\r') break;
    else field += ch;
  }
  fields.push(field.trim());
  return fields.length === 1 && !fields[0] ? [] : fields;
}

export interface ColumnProblem { column: string; suggestion: string | null }
export interface ColumnCheck { missingType: boolean; unknown: ColumnProblem[] }

export function isKnownColumn(column: string): boolean {
  return (CSV_COLUMNS as readonly string[]).includes(column) || KEYED_COLUMN.test(column)
    || (column.startsWith('consents.') && (CONSENT_PURPOSES as readonly string[]).includes(column.slice(9)));
}

/**
 * The columns the server would refuse, each with the known column it probably meant (column names
 * are case-sensitive: "Email" is refused where "email" is meant), and whether `type` is missing.
 */
export function checkCsvColumns(columns: readonly string[]): ColumnCheck {
  const byLower = new Map<string, string>(CSV_COLUMNS.map((c) => [c.toLowerCase(), c]));
  for (const p of CONSENT_PURPOSES) byLower.set(`consents.${p}`, `consents.${p}`);
  const unknown = columns.filter((c) => !isKnownColumn(c)).map((column) => ({ column, suggestion: byLower.get(column.toLowerCase()) ?? null }));
  return { missingType: !columns.includes('type'), unknown };
}

/** The 1-based numbers of preview lines that are not one JSON object (each would be an invalid record). */
export function jsonlProblemLines(lines: readonly string[]): number[] {
  const bad: number[] = [];
  lines.forEach((line, i) => {
    const text = line.trim();
    if (!text || text.endsWith('…')) return; // blank lines are skipped; a line cut for the preview cannot be judged
    try {
      const value: unknown = JSON.parse(text);
      if (!value || typeof value !== 'object' || Array.isArray(value)) bad.push(i + 1);
    } catch { bad.push(i + 1); }
  });
  return bad;
}

/** A file size as people read it: 812 B, 14.2 KB, 1.3 GB (powers of 1,024, as file managers show). */
export function formatBytes(lang: UiLanguage, bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let n = Math.max(0, bytes);
  let u = 0;
  while (n >= 1024 && u < units.length - 1) { n /= 1024; u++; }
  const digits = u === 0 || n >= 100 ? 0 : 1;
  return `${new Intl.NumberFormat(INTL_LOCALE[lang], { maximumFractionDigits: digits }).format(n)} ${units[u]}`;
}
