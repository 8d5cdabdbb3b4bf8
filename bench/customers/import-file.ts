/**
 * A seeded JSONL file of customer events for the import crash-safety bench, and what an import of
 * it must store, computed from the file alone: one row per distinct idempotency key (the first
 * record with that key wins, as in the intake), and a checksum over those rows that the stored
 * events must reproduce.
 *
 * The mix is what a shop's history export looks like: track, page, identify (some with a
 * Chinese name, so byte offsets differ from character offsets) and order events over 50,000 users
 * and 80,000 devices, with timestamps. About a third carry their own idempotencyKey; 1 % repeat an
 * earlier keyed record (a retried line), 0.5 % repeat an earlier order id without a key (a resent
 * order) and 0.1 % are invalid (not JSON, or a track without its event name).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import { mulberry32 } from '../../apps/server/src/modules/demo/demo-random.js';

export interface ExpectedRow { key: string; type: string; name: string | null; revenue: number | null }
export interface EventFile {
  file: string; bytes: number; records: number; invalid: number; repeats: number;
  /** sha256 of the file, as the import computes it: keys of records without one derive from it. */
  fileHash: string;
  /** Distinct keys the import must store, and the checksum of those rows. */
  expected: number; checksum: string;
}


const EVENTS = ['Viewed product', 'Added to cart', 'Started checkout', 'Searched', 'Opened app', 'Shared'];
const PAGES = ['/', '/products', '/products/tea', '/cart', '/checkout', '/help'];
const CITIES = ['Taipei', 'Kaohsiung', 'Hong Kong', 'Shanghai', 'Singapore', 'London'];
const NAMES = ['陳大文', '王小明', '李美玲', 'Alex Chan', 'Mei Lin', '張偉'];

/** The checksum both sides compute: sha256 over the rows sorted by key, one JSON array each. */
export function rowsChecksum(rows: Iterable<ExpectedRow>): { count: number; checksum: string } {
  const sorted = [...rows].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const h = crypto.createHash('sha256');
  for (const r of sorted) h.update(JSON.stringify([r.key, r.type, r.name, r.revenue]) + '\n');
  return { count: sorted.length, checksum: h.digest('hex') };
}

/** What the intake stores as an event's name (intake.service.ts describe()). */
function nameOf(e: Record<string, any>): string | null {
  switch (e.type) {
    case 'track': return e.event;
    case 'page': return e.name ?? e.url ?? null;
    case 'order': return e.orderId;
    default: return null;
  }
}

export function writeEventFile(file: string, records: number, seed = 42): EventFile {
  const rnd = mulberry32(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
  const start = Date.parse('2026-01-01T00:00:00Z');
  const fd = fs.openSync(file, 'w');
  // Per record: its key (or the byte offset its key derives from, once the file's hash is known).
  const byKey = new Map<string, ExpectedRow>();
  const byOffset: { offset: number; row: Omit<ExpectedRow, 'key'> }[] = [];
  const keyedLines: string[] = [];
  const orderIds: string[] = [];
  let offset = 0, invalid = 0, repeats = 0;
  let buf: string[] = [];
  const flush = () => { if (buf.length) fs.writeSync(fd, buf.join('')); buf = []; };
  const emit = (line: string) => { buf.push(line + '\n'); offset += Buffer.byteLength(line) + 1; if (buf.length >= 5000) flush(); };
  const expect = (e: Record<string, any>, lineOffset: number) => {
    const row = { type: e.type as string, name: nameOf(e), revenue: e.type === 'order' ? (e.revenue as number) : null };
    const key = e.idempotencyKey ?? (e.type === 'order' ? `order:${e.source ?? 'app'}:${e.orderId}` : null);
    if (key === null) byOffset.push({ offset: lineOffset, row });
    else if (!byKey.has(key)) byKey.set(key, { key, ...row });
  };
  for (let i = 0; i < records; i++) {
    const at = offset;
    const r = rnd();
    if (r < 0.001) {
      invalid++;
      emit(rnd() < 0.5 ? `{"type":"track","userId":"user-${i}"` : JSON.stringify({ type: 'track', userId: `user-${i}` }));
      continue;
    }
    if (r < 0.011 && keyedLines.length) {
      repeats++;
      const line = keyedLines[Math.floor(rnd() * keyedLines.length)];
      emit(line);
      expect(JSON.parse(line), at);
      continue;
    }
    if (r < 0.016 && orderIds.length) {
      repeats++;
      const e = { type: 'order', userId: `user-${Math.floor(rnd() * 50_000)}`, orderId: orderIds[Math.floor(rnd() * orderIds.length)], revenue: 1, currency: 'TWD', timestamp: new Date(start + i * 30_000).toISOString() };
      emit(JSON.stringify(e));
      expect(e, at);
      continue;
    }
    const who: Record<string, unknown> = rnd() < 0.15 ? { anonymousId: `dev-${Math.floor(rnd() * 80_000)}` } : { userId: `user-${Math.floor(rnd() * 50_000)}` };
    const timestamp = new Date(start + i * 30_000).toISOString();
    const kind = rnd();
    let e: Record<string, unknown>;
    if (kind < 0.45) e = { type: 'track', ...who, event: pick(EVENTS), properties: { sku: `SKU-${Math.floor(rnd() * 5000)}`, price: Math.round(rnd() * 3000) }, timestamp };
    else if (kind < 0.65) e = { type: 'page', ...who, url: pick(PAGES), ...(rnd() < 0.3 ? { name: 'Product page' } : {}), timestamp };
    else if (kind < 0.85) {
      const u = Math.floor(rnd() * 50_000);
      e = {
        type: 'identify', userId: `user-${u}`, ...(rnd() < 0.3 ? { anonymousId: `dev-${Math.floor(rnd() * 80_000)}` } : {}),
        email: `user-${u}@example.com`, ...(rnd() < 0.2 ? { name: pick(NAMES) } : {}),
        traits: { city: pick(CITIES), plan: rnd() < 0.3 ? 'pro' : 'free' }, consents: { email: rnd() < 0.7 }, timestamp,
      };
    } else {
      const orderId = `o-${seed}-${i}`;
      orderIds.push(orderId);
      e = { type: 'order', userId: `user-${Math.floor(rnd() * 50_000)}`, orderId, revenue: Math.round(rnd() * 500_000) / 100, currency: 'TWD', ...(rnd() < 0.2 ? { source: 'shop' } : {}), timestamp };
    }
    if (rnd() < 0.33) e = { idempotencyKey: `k-${seed}-${i}`, ...e };
    const line = JSON.stringify(e);
    if (e.idempotencyKey && keyedLines.length < 100_000) keyedLines.push(line);
    emit(line);
    expect(e, at);
  }
  flush();
  fs.closeSync(fd);
  const fileHash = crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
  // imports.service.ts: a record without a key of its own is `imp:<first 24 of the file hash>:<its byte offset>`.
  for (const { offset: o, row } of byOffset) {
    const key = `imp:${fileHash.slice(0, 24)}:${o}`;
    if (!byKey.has(key)) byKey.set(key, { key, ...row });
  }
  const { count, checksum } = rowsChecksum(byKey.values());
  return { file, bytes: offset, records, invalid, repeats, fileHash, expected: count, checksum };
}
