import { describe, expect, it } from 'vitest';
import { CONSENT_PURPOSES } from '@touchpoint/shared';
import en from '../../lib/locales/en.json';
import zhHant from '../../lib/locales/zh-Hant.json';
import zhHans from '../../lib/locales/zh-Hans.json';
import {
  CSV_COLUMNS, IMPORT_FORMATS, checkCsvColumns, contentTypeOf, formatBytes, formatFromName, guessFormat, isKnownColumn,
  jsonlProblemLines, parseCsvHeader, previewLines, uploadName,
} from './import-file';
import { applyFrame, importShare, isAhead, mergeImportLists, parseImportFrame, statusTone, type ImportView } from './import-progress';
import { decodeCustomersView, encodeCustomersView } from './url-state';

describe('import file format', () => {
  it('comes from the extension, in any case', () => {
    expect(formatFromName('events.csv')).toBe('csv');
    expect(formatFromName('EVENTS.CSV')).toBe('csv');
    expect(formatFromName('events.jsonl')).toBe('jsonl');
    expect(formatFromName('events.ndjson')).toBe('jsonl');
    expect(formatFromName('events.json')).toBe('jsonl');
    expect(formatFromName('events.2026.txt')).toBeNull();
    expect(formatFromName('events')).toBeNull();
  });
  it('is guessed from the first character when the name says nothing', () => {
    expect(guessFormat('export.txt', '{"type":"identify"}\n')).toBe('jsonl');
    expect(guessFormat('export.txt', '\uFEFF  {"type":"identify"}')).toBe('jsonl');
    expect(guessFormat('export.txt', 'type,userId\n')).toBe('csv');
    // The extension wins over the content.
    expect(guessFormat('events.csv', '{"type":"identify"}')).toBe('csv');
  });
  it('gives the content type and an upload name the server accepts', () => {
    expect(contentTypeOf('csv')).toBe('text/csv');
    expect(contentTypeOf('jsonl')).toBe('application/x-ndjson');
    expect(uploadName('  顧客.csv ')).toBe('顧客.csv');
    expect(uploadName('   ')).toBe('upload');
    expect(uploadName('a'.repeat(300))).toHaveLength(200);
  });
});

describe('preview lines', () => {
  it('keeps the first lines, without a BOM or trailing blanks', () => {
    expect(previewLines('\uFEFFa\r\nb\nc\n\n', false)).toEqual(['a', 'b', 'c']);
    expect(previewLines('1\n2\n3\n4', false, 2)).toEqual(['1', '2']);
  });
  it('drops a last line cut by the read limit, and cuts long lines', () => {
    expect(previewLines('a\nb\nhalf a li', true)).toEqual(['a', 'b']);
    expect(previewLines('only part of one line', true)).toEqual(['only part of one line']);
    expect(previewLines('x'.repeat(300), false, 8, 10)).toEqual([`${'x'.repeat(9)}…`]);
  });
});

describe('CSV header', () => {
  it('reads the first record with quotes, doubled quotes, commas and line breaks in quotes', () => {
    expect(parseCsvHeader('type,userId, name \nidentify,u1,Ann')).toEqual(['type', 'userId', 'name']);
    expect(parseCsvHeader('\uFEFF"type","properties.note, long","traits.say ""hi"""\r\n')).toEqual(['type', 'properties.note, long', 'traits.say "hi"']);
    expect(parseCsvHeader('"type","multi\nline"\nx,y')).toEqual(['type', 'multi\nline']);
    expect(parseCsvHeader('type,,email')).toEqual(['type', '', 'email']);
    expect(parseCsvHeader('')).toEqual([]);
  });
});

describe('CSV columns, as the server checks them', () => {
  it('knows the fixed columns and the keyed families', () => {
    for (const c of CSV_COLUMNS) expect(isKnownColumn(c)).toBe(true);
    for (const p of CONSENT_PURPOSES) expect(isKnownColumn(`consents.${p}`)).toBe(true);
    expect(isKnownColumn('traits.tier')).toBe(true);
    expect(isKnownColumn('traits.address.city_2')).toBe(true);
    expect(isKnownColumn('properties.sku')).toBe(true);
    expect(isKnownColumn('traits.')).toBe(false);
    expect(isKnownColumn(`traits.${'k'.repeat(65)}`)).toBe(false);
    expect(isKnownColumn('traits.會員等級')).toBe(false);
    expect(isKnownColumn('consents.fax')).toBe(false);
    expect(isKnownColumn('tier')).toBe(false);
    expect(isKnownColumn('')).toBe(false);
  });
  it('reports unknown columns with the known one probably meant, and a missing type', () => {
    expect(checkCsvColumns(['type', 'userId', 'traits.tier', 'consents.sms'])).toEqual({ missingType: false, unknown: [] });
    expect(checkCsvColumns(['type', 'Email', 'favourite_colour', 'Consents.SMS'])).toEqual({
      missingType: false,
      unknown: [{ column: 'Email', suggestion: 'email' }, { column: 'favourite_colour', suggestion: null }, { column: 'Consents.SMS', suggestion: 'consents.sms' }],
    });
    expect(checkCsvColumns(['userId', 'email']).missingType).toBe(true);
    expect(checkCsvColumns(['Type']).missingType).toBe(true);
  });
});

describe('JSON lines preview', () => {
  it('numbers the lines that are not one JSON object, skipping blank and cut lines', () => {
    expect(jsonlProblemLines(['{"type":"identify"}', '', 'not json', '[1,2]', '"text"', '{"type":"track","note":"cut…'])).toEqual([3, 4, 5]);
  });
});

describe('file sizes', () => {
  it('reads in B, KB, MB and GB', () => {
    expect(formatBytes('en', 812)).toBe('812 B');
    expect(formatBytes('en', 14.2 * 1024)).toBe('14.2 KB');
    expect(formatBytes('en', 150 * 1024 ** 2)).toBe('150 MB');
    expect(formatBytes('en', 2 * 1024 ** 3)).toBe('2 GB');
  });
});

const view = (over: Partial<ImportView> = {}): ImportView => ({
  id: 'i1', format: 'csv', fileName: 'a.csv', sizeBytes: 1000, doneBytes: 0, status: 'running', records: 0, accepted: 0,
  duplicates: 0, invalid: 0, errors: [], createdAt: '2026-03-01T10:00:00.000Z', finishedAt: null, ...over,
});

describe('import progress from the API and the stream', () => {
  it('parses a frame, and nothing else', () => {
    const frame = { id: 'i1', status: 'running', doneBytes: 10, sizeBytes: 100, records: 2, accepted: 1, duplicates: 0, invalid: 1 };
    expect(parseImportFrame(JSON.stringify({ ...frame, extra: true }))).toEqual(frame);
    expect(parseImportFrame('not json')).toBeNull();
    expect(parseImportFrame(JSON.stringify({ ...frame, status: 'paused' }))).toBeNull();
    expect(parseImportFrame(JSON.stringify({ ...frame, records: '2' }))).toBeNull();
    expect(parseImportFrame('null')).toBeNull();
  });
  it('orders states: finished past running, then bytes, then records', () => {
    expect(isAhead(view({ status: 'done', doneBytes: 10 }), view({ doneBytes: 900 }))).toBe(true);
    expect(isAhead(view({ doneBytes: 500 }), view({ doneBytes: 400 }))).toBe(true);
    expect(isAhead(view({ doneBytes: 500, records: 3 }), view({ doneBytes: 500, records: 2 }))).toBe(true);
    expect(isAhead(view({ doneBytes: 500 }), view({ doneBytes: 500 }))).toBe(false);
  });
  it('applies a frame to its import only when it moves it forward, keeping the errors', () => {
    const errors = [{ record: 2, path: 'email', message: 'not an email' }];
    const items = [view({ doneBytes: 300, errors }), view({ id: 'i2' })];
    const moved = applyFrame(items, { id: 'i1', status: 'running', doneBytes: 600, sizeBytes: 1000, records: 6, accepted: 5, duplicates: 0, invalid: 1 });
    expect(moved[0]).toMatchObject({ doneBytes: 600, records: 6, errors });
    expect(moved[1]).toBe(items[1]);
    const stale = applyFrame(moved, { id: 'i1', status: 'running', doneBytes: 100, sizeBytes: 1000, records: 1, accepted: 1, duplicates: 0, invalid: 0 });
    expect(stale[0].doneBytes).toBe(600);
  });
  it('takes the server list, but keeps a held state that is further along, and a just-uploaded import', () => {
    const held = [view({ id: 'new', createdAt: '2026-03-01T11:00:00.000Z' }), view({ doneBytes: 800, records: 8 })];
    const fresh = [view({ doneBytes: 500, records: 5 }), view({ id: 'old', status: 'done', doneBytes: 1000, createdAt: '2026-02-01T00:00:00.000Z' })];
    const merged = mergeImportLists(held, fresh);
    expect(merged.map((i) => i.id)).toEqual(['new', 'i1', 'old']);
    expect(merged[1].doneBytes).toBe(800);
    // At equal progress the server's copy wins: it has the errors and the finishing time.
    const done = view({ status: 'done', doneBytes: 1000, records: 9, errors: [{ record: 3, path: '', message: 'x' }], finishedAt: '2026-03-01T10:01:00.000Z' });
    expect(mergeImportLists([view({ status: 'done', doneBytes: 1000, records: 9 })], [done])[0]).toBe(done);
    // An import dropped off the server's last 50 is not kept.
    expect(mergeImportLists([view({ id: 'ancient', createdAt: '2025-01-01T00:00:00.000Z' })], fresh).map((i) => i.id)).toEqual(['i1', 'old']);
    expect(mergeImportLists([view({ id: 'new' })], []).map((i) => i.id)).toEqual(['new']);
  });
  it('shows a share of the file, whole once done', () => {
    expect(importShare(view({ doneBytes: 250 }))).toBe(0.25);
    expect(importShare(view({ sizeBytes: 0 }))).toBe(0);
    expect(importShare(view({ status: 'done', doneBytes: 990 }))).toBe(1);
    expect(importShare(view({ doneBytes: 2000 }))).toBe(1);
    expect(statusTone('failed')).toBe('danger');
  });
});

describe('the import tab in the URL', () => {
  it('keeps the shown import on the import tab only', () => {
    expect(encodeCustomersView({ tab: 'import', q: '', importId: 'abc' })).toBe('tab=import&import=abc');
    expect(decodeCustomersView('tab=import&import=abc')).toEqual({ tab: 'import', q: '', importId: 'abc' });
    expect(decodeCustomersView('tab=import')).toEqual({ tab: 'import', q: '' });
    expect(decodeCustomersView('tab=traits&import=abc')).toEqual({ tab: 'traits', q: '' });
    expect(encodeCustomersView({ tab: 'people', q: '', importId: 'abc' })).toBe('');
  });
});

describe('import strings built at run time', () => {
  const families = [
    ...IMPORT_FORMATS.map((f) => `import.formats.${f}`),
    ...['running', 'done', 'failed'].map((s) => `import.status.${s}`),
    ...['records', 'accepted', 'duplicates', 'invalid'].map((c) => `import.count.${c}`),
    'import.summary', 'import.failedSummary', 'tabs.import',
  ];
  for (const [name, locale] of Object.entries({ en, 'zh-Hant': zhHant, 'zh-Hans': zhHans })) {
    it(`exist in ${name}`, () => {
      const get = (path: string) => path.split('.').reduce<unknown>((node, k) => (node as Record<string, unknown> | undefined)?.[k], locale.customers);
      expect(families.filter((k) => typeof get(k) !== 'string')).toEqual([]);
    });
  }
});
