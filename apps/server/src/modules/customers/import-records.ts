/**
 * Reading event files a chunk at a time from a byte offset: CSV (header once, then one event per
 * record; quoted fields may span lines) or JSONL (one event object per line, the API's shape).
 * Each record carries the offset where it starts and where the next begins, so an import can stop
 * anywhere and resume at the exact record.
 */
import fs from 'node:fs';
import { parse } from 'csv-parse';
import { CONSENT_PURPOSES, type TraitDefinition } from '@touchpoint/shared';

export type ImportFormat = 'csv' | 'jsonl';
export interface FileRecord { start: number; end: number; value: unknown; error?: string }

/** Columns a CSV may have besides `traits.<key>`, `properties.<key>` and `consents.<purpose>`. */
export const CSV_COLUMNS = ['type', 'userId', 'anonymousId', 'source', 'timestamp', 'idempotencyKey', 'email', 'phone', 'verified', 'name', 'event', 'url', 'orderId', 'revenue', 'currency'] as const;

/** Null when every header names something an event can carry; else what is wrong. */
export function checkColumns(columns: string[]): string | null {
  const unknown = columns.filter((c) => !(CSV_COLUMNS as readonly string[]).includes(c) && !/^(traits|properties)\.[A-Za-z0-9_.]{1,64}$/.test(c)
    && !(c.startsWith('consents.') && (CONSENT_PURPOSES as readonly string[]).includes(c.slice(9))));
  if (!columns.includes('type')) return 'a "type" column is needed (identify, track, page or order)';
  return unknown.length ? `unknown columns: ${unknown.slice(0, 5).join(', ')} (traits go in traits.<key>, properties in properties.<key>, consents in consents.<purpose>)` : null;
}

const TRUE = new Set(['true', '1', 'yes', 'y']);
const FALSE = new Set(['false', '0', 'no', 'n']);
const asBoolean = (raw: string) => (TRUE.has(raw.toLowerCase()) ? true : FALSE.has(raw.toLowerCase()) ? false : raw);
const asNumber = (raw: string) => (/^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(raw.trim()) ? Number(raw) : raw);

/** A CSV record as an API-shaped event; values that do not fit are left as text for validation to report. */
export function csvRecordToEvent(rec: Record<string, string>, defs: ReadonlyMap<string, TraitDefinition>): Record<string, unknown> {
  const event: Record<string, unknown> = {};
  const traits: Record<string, unknown> = {};
  const properties: Record<string, unknown> = {};
  const consents: Record<string, unknown> = {};
  for (const [col, raw] of Object.entries(rec)) {
    if (raw === undefined || raw === '') continue;
    if (col.startsWith('traits.')) {
      const key = col.slice(7);
      const type = defs.get(key)?.type;
      traits[key] = type === 'number' ? asNumber(raw) : type === 'boolean' ? asBoolean(raw) : type === 'list' ? raw.split('|').map((x) => x.trim()).filter(Boolean) : raw;
    } else if (col.startsWith('properties.')) properties[col.slice(11)] = asNumber(raw);
    else if (col.startsWith('consents.')) consents[col.slice(9)] = asBoolean(raw);
    else if (col === 'revenue') event.revenue = asNumber(raw);
    else if (col === 'verified') event.verified = asBoolean(raw);
    else event[col] = raw;
  }
  if (Object.keys(traits).length) event.traits = traits;
  if (Object.keys(properties).length) event.properties = properties;
  if (Object.keys(consents).length) event.consents = consents;
  return event;
}

/** The CSV header of a file (and the offset of its first record). */
export async function readCsvHeader(path: string): Promise<{ columns: string[]; end: number } | null> {
  const stream = fs.createReadStream(path);
  const parser = stream.pipe(parse({ bom: true, info: true, to_line: 1, relax_column_count: true }));
  for await (const r of parser as AsyncIterable<{ record: string[]; info: { bytes: number } }>) {
    stream.destroy();
    // info.bytes counts a BOM too: the offset is the file's.
    return { columns: r.record.map((c) => c.trim()), end: r.info.bytes };
  }
  return null;
}

/** Up to `max` CSV records from `offset`, as objects keyed by `columns`. */
export async function readCsvRecords(path: string, offset: number, columns: string[], max: number): Promise<FileRecord[]> {
  const out: FileRecord[] = [];
  const stream = fs.createReadStream(path, { start: offset });
  const parser = stream.pipe(parse({ columns, info: true, relax_column_count: true, skip_empty_lines: true, trim: true }));
  let last = offset;
  try {
    for await (const r of parser as AsyncIterable<{ record: Record<string, string>; info: { bytes: number } }>) {
      const end = offset + r.info.bytes;
      out.push({ start: last, end, value: r.record });
      last = end;
      if (out.length >= max) break;
    }
  } catch (err) {
    // A broken record (e.g. an unclosed quote) ends the file: it is reported, not stored.
    out.push({ start: last, end: (await fs.promises.stat(path)).size, value: null, error: `not valid CSV: ${(err as Error).message.split('\n')[0]}` });
  } finally { stream.destroy(); }
  return out;
}

/** Up to `max` JSONL records from `offset`; blank lines are skipped, a line that is not JSON is an error record. */
export async function readJsonlRecords(path: string, offset: number, max: number): Promise<FileRecord[]> {
  const out: FileRecord[] = [];
  const stream = fs.createReadStream(path, { start: offset, highWaterMark: 1 << 20 });
  let pending: Buffer = Buffer.alloc(0);
  let pos = offset;
  const take = (line: Buffer, end: number) => {
    const text = line.toString('utf8').trim();
    if (text) {
      try { out.push({ start: pos, end, value: JSON.parse(text) }); } catch { out.push({ start: pos, end, value: null, error: 'not valid JSON' }); }
    }
    pos = end;
  };
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      pending = pending.length ? Buffer.concat([pending, chunk]) : chunk;
      let nl: number;
      while (out.length < max && (nl = pending.indexOf(0x0a)) >= 0) {
        take(pending.subarray(0, nl), pos + nl + 1);
        pending = pending.subarray(nl + 1);
      }
      if (out.length >= max) return out;
    }
    if (pending.length && out.length < max) take(pending, pos + pending.length);
  } finally { stream.destroy(); }
  return out;
}
