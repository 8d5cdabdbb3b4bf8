/**
 * Splits a CSV file into uploads of ~1,000 rows for the import endpoint, in the browser. Records
 * are split on line breaks outside quotes (an answer may contain a newline), blank lines are
 * dropped like the server's parser does, and every chunk repeats the header. `firstRow` is the
 * row number the server should give the chunk's first record, so errors name the row of the
 * whole file (header = row 1, first data record = row 2), not of the chunk.
 */
export interface CsvChunk { body: string; firstRow: number; rows: number }
export interface ChunkedCsv { header: string; chunks: CsvChunk[]; totalRows: number }

export const DEFAULT_CHUNK_ROWS = 1000;

/** Records of a CSV text, each as its raw text (quotes kept), without line terminators. */
export function csvRecords(text: string): string[] {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const out: string[] = [];
  let start = 0;
  let quoted = false;
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (c === '"') quoted = !quoted; // "" inside a quoted field toggles twice: still quoted
    else if (!quoted && (c === '\n' || c === '\r')) {
      out.push(src.slice(start, i));
      if (c === '\r' && src[i + 1] === '\n') i++;
      start = i + 1;
    }
  }
  if (start < src.length) out.push(src.slice(start));
  return out.filter((r) => r !== '');
}

export function chunkCsv(text: string, rowsPerChunk = DEFAULT_CHUNK_ROWS): ChunkedCsv {
  const [header = '', ...rows] = csvRecords(text);
  const chunks: CsvChunk[] = [];
  for (let i = 0; i < rows.length; i += rowsPerChunk) {
    const part = rows.slice(i, i + rowsPerChunk);
    chunks.push({ body: [header, ...part].join('\n') + '\n', firstRow: 2 + i, rows: part.length });
  }
  return { header, chunks, totalRows: rows.length };
}
