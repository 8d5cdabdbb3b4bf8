import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkColumns, csvRecordToEvent, readCsvHeader, readCsvRecords, readJsonlRecords, type FileRecord } from './import-records.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tp-import-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
let n = 0;
const write = (content: string | Buffer) => { const f = path.join(dir, `f${++n}`); fs.writeFileSync(f, content); return f; };

/** Reads a whole file chunk by chunk from each chunk's end, as a resumed import would. */
async function inChunks(read: (offset: number, max: number) => Promise<FileRecord[]>, start: number, size: number) {
  const out: FileRecord[] = [];
  for (let offset = start; ;) {
    const part = await read(offset, size);
    out.push(...part);
    if (part.length < size) return out;
    offset = part[part.length - 1].end;
  }
}

const field = fc.string({ unit: fc.constantFrom('a', 'Z', '陳', '美', ',', '"', '\n', ' ', '1', 'é'), maxLength: 6 });
const csvCell = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

describe('CSV records', () => {
  it('reads the same records in chunks from byte offsets as at once, with a BOM, Chinese and quoted newlines', async () => {
    await fc.assert(fc.asyncProperty(fc.array(fc.tuple(field, field), { minLength: 1, maxLength: 12 }), fc.boolean(), fc.integer({ min: 1, max: 5 }), async (rows, bom, size) => {
      // Values that trim() would change are outside what this checks (CSV fields are trimmed).
      const clean = rows.map(([a, b]) => [a.trim() || 'x', b.trim() || 'y']);
      const text = `type,event\n${clean.map((r) => r.map(csvCell).join(',')).join('\n')}\n`;
      const f = write(Buffer.concat([Buffer.from(bom ? [0xef, 0xbb, 0xbf] : []), Buffer.from(text)]));
      const header = (await readCsvHeader(f))!;
      expect(header.columns).toEqual(['type', 'event']);
      const all = await readCsvRecords(f, header.end, header.columns, 1000);
      expect(all.map((r) => r.value)).toEqual(clean.map(([type, event]) => ({ type, event })));
      const chunked = await inChunks((o, m) => readCsvRecords(f, o, header.columns, m), header.end, size);
      expect(chunked).toEqual(all);
      expect(all[all.length - 1].end).toBe(fs.statSync(f).size);
    }), { numRuns: 60 });
  });

  it('names unknown columns, and turns a record into an API event by the trait types', () => {
    expect(checkColumns(['type', 'userId', 'traits.age', 'consents.email', 'properties.sku'])).toBeNull();
    expect(checkColumns(['type', 'mail'])).toMatch(/unknown columns: mail/);
    expect(checkColumns(['userId'])).toMatch(/"type" column/);
    expect(checkColumns(['type', 'consents.pigeon'])).toMatch(/consents.pigeon/);
    const defs = new Map([['age', { key: 'age', type: 'number' as const, rule: 'latest' as const, updatedAt: '' }], ['tags', { key: 'tags', type: 'list' as const, rule: 'both' as const, updatedAt: '' }]]);
    expect(csvRecordToEvent({ type: 'identify', userId: 'u1', 'traits.age': '34', 'traits.tags': 'a| b', 'traits.city': '台北', 'consents.email': 'yes', verified: 'false', email: '' }, defs))
      .toEqual({ type: 'identify', userId: 'u1', verified: false, traits: { age: 34, tags: ['a', 'b'], city: '台北' }, consents: { email: true } });
    expect(csvRecordToEvent({ type: 'order', orderId: 'o1', revenue: '12.50', 'properties.qty': '2' }, defs)).toEqual({ type: 'order', orderId: 'o1', revenue: 12.5, properties: { qty: 2 } });
  });

  it('reports a broken record and stops there', async () => {
    const f = write('type,event\ntrack,ok\ntrack,"never closed\n');
    const header = (await readCsvHeader(f))!;
    const records = await readCsvRecords(f, header.end, header.columns, 10);
    expect(records[0].value).toEqual({ type: 'track', event: 'ok' });
    expect(records[1].error).toMatch(/not valid CSV/);
    expect(records[1].end).toBe(fs.statSync(f).size);
  });
});

describe('JSONL records', () => {
  it('reads the same records in chunks as at once, whatever blank lines and line endings', async () => {
    const line = fc.oneof(fc.record({ type: fc.constantFrom('track', 'page'), event: field }).map((o) => JSON.stringify(o)), fc.constant('{not json'), fc.constant(''));
    await fc.assert(fc.asyncProperty(fc.array(line, { maxLength: 15 }), fc.constantFrom('\n', '\r\n'), fc.boolean(), fc.integer({ min: 1, max: 4 }), async (lines, eol, finalEol, size) => {
      const f = write(lines.join(eol) + (finalEol ? eol : ''));
      const all = await readJsonlRecords(f, 0, 1000);
      expect(all.map((r) => r.error ?? r.value)).toEqual(lines.filter((l) => l.trim()).map((l) => (l.startsWith('{not') ? 'not valid JSON' : JSON.parse(l))));
      expect(await inChunks((o, m) => readJsonlRecords(f, o, m), 0, size)).toEqual(all);
    }), { numRuns: 80 });
  });
});
