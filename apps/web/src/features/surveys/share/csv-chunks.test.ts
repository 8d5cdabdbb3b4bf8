import { describe, expect, it } from 'vitest';
import { chunkCsv, csvRecords } from './csv-chunks';

describe('csvRecords', () => {
  it('keeps line breaks inside quotes and handles CRLF, CR and a BOM', () => {
    const text = '\ufeffnps,comment\r\n9,"fine,\r\nreally"\r\n3,"said ""no""\nthen left"\r7,ok';
    expect(csvRecords(text)).toEqual(['nps,comment', '9,"fine,\r\nreally"', '3,"said ""no""\nthen left"', '7,ok']);
  });
  it('drops blank lines', () => {
    expect(csvRecords('a\n\n1\n\n2\n')).toEqual(['a', '1', '2']);
  });
});

describe('chunkCsv', () => {
  it('repeats the header and numbers rows as in the whole file', () => {
    const rows = Array.from({ length: 2501 }, (_, i) => `${i % 11},"line\n${i}"`);
    const { chunks, totalRows, header } = chunkCsv(['nps,comment', ...rows].join('\n'), 1000);
    expect(header).toBe('nps,comment');
    expect(totalRows).toBe(2501);
    expect(chunks.map((c) => [c.firstRow, c.rows])).toEqual([[2, 1000], [1002, 1000], [2002, 501]]);
    for (const c of chunks) expect(c.body.startsWith('nps,comment\n')).toBe(true);
    // Row 1002 of the file is the first data record of chunk 2.
    expect(chunks[1].body.split('\n').slice(1, 3)).toEqual([`${1000 % 11},"line`, '1000"']);
  });
  it('returns no chunks for a header-only file', () => {
    expect(chunkCsv('nps\n').chunks).toEqual([]);
  });
});
