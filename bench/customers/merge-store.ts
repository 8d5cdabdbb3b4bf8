/**
 * A Customer 360 store of any size for the merge bench, built fast: the real migrations and the
 * real workspace, owner and API key first (through the product's services), then profiles,
 * identifiers, name tokens, earlier merges and events written DIRECTLY as multi-row INSERTs into
 * the real tables. Building 20M events through the HTTP API would take hours at the measured
 * ingest rate; the rows written here are the rows the intake would have written:
 *  - identifiers encrypted with the store's own FieldCipher (keys.json of the data directory, or
 *    the PostgreSQL run's key ring) and looked up by the same keyed hash over identity.ts's
 *    hashInput, so the server finds them; names encrypted, with their search tokens;
 *  - a verified identifier belongs to one profile (the partial unique index holds), every event
 *    has a unique (workspace_id, idempotency_key), merged profiles point at their root and have a
 *    customer_merges row, as a merge would leave them;
 *  - profile counters (orders, revenue per currency, first and last seen) agree with the events.
 * For speed during the load only: the secondary indexes of the four big tables are dropped and
 * created again afterwards from their own stored definitions (so the schema is the migrations'),
 * SQLite runs with journal_mode=OFF, synchronous=OFF and foreign keys off (consistent by
 * construction) and is put back to WAL at the end; PostgreSQL loads with synchronous_commit=off.
 *
 * The people: 55 % users (external id of source "app", a verified email for 90 %, a phone for
 * 20 %, one or two device ids, a name for 40 %, traits, consents), 10 % leads (an email only,
 * e.g. newsletter sign-ups) and 35 % anonymous visitors (a device id only). 10 % of the visitors
 * and 2 % of the leads are already merged into a user; 0.3 % of visitors were merged and split
 * again (an unmerged merge row, which keeps the rules from joining them again). Events per
 * profile follow a log-normal law (users more than leads, leads more than visitors), so a few
 * people have thousands of events; types by class (track, page, identify, order).
 */
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import Database from 'better-sqlite3';
import pg from 'pg';
import { loadConfig, sqlitePath } from '../../apps/server/src/platform/config.js';
import { createDeps } from '../../apps/server/src/server.js';
import { createWorkspaceWithOwner, createApiKey } from '../../apps/server/src/modules/accounts/index.js';
import { hashInput, nameTokens } from '../../apps/server/src/modules/customers/identity.js';
import type { FieldCipher } from '../../apps/server/src/platform/crypto/field-cipher.js';
import { mulberry32 } from '../../apps/server/src/modules/demo/demo-random.js';

export const OWNER = { email: 'merge-bench@example.com', password: 'merge-bench-password' };
const BULK_TABLES = ['customers', 'customer_identifiers', 'customer_name_tokens', 'customer_events'];

export interface Pair { survivor: string; absorbed: string; survivorEvents: number; absorbedEvents: number; heavy: boolean }
export interface IdentifyPair extends Pair { email: string; anonymousId: string }
export interface BuiltStore {
  dataDir: string; schema?: string; env: NodeJS.ProcessEnv; workspaceId: string; apiKey: string;
  profiles: number; events: number; identifiers: number; merges: number; seconds: number; indexSeconds: number; bytes: number | null;
  manual: Pair[]; identify: IdentifyPair[];
  destroy(): Promise<void>;
}


/** Where rows go: prepared multi-row INSERTs on SQLite, unnest() arrays on PostgreSQL. */
interface Sink {
  insert(table: string, columns: readonly string[], rows: unknown[][]): Promise<void>;
  begin(): Promise<void>;
  commit(): Promise<void>;
  dropIndexes(): Promise<{ name: string; sql: string }[]>;
  createIndexes(defs: { name: string; sql: string }[], log: (msg: string) => void): Promise<void>;
  finish(): Promise<void>;
}

/** PostgreSQL types of the non-text columns (for unnest). */
const PG_TYPES: Record<string, string> = { order_count: 'int4', churn_risk: 'float8', verified: 'int4', revenue_num: 'float8' };

function sqliteSink(file: string): Sink {
  const db = new Database(file);
  db.pragma('journal_mode = DELETE');
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.pragma('foreign_keys = OFF');
  db.pragma('cache_size = -1000000');
  db.pragma('temp_store = FILE');
  const statements = new Map<string, Database.Statement>();
  const stmt = (table: string, columns: readonly string[], n: number) => {
    const k = `${table}:${n}`;
    let s = statements.get(k);
    if (!s) {
      const one = `(${columns.map(() => '?').join(', ')})`;
      s = db.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${Array.from({ length: n }, () => one).join(', ')}`);
      statements.set(k, s);
    }
    return s;
  };
  return {
    async insert(table, columns, rows) {
      // At most ~30k parameters a statement (SQLite's limit is 32,766).
      const per = Math.max(1, Math.min(1000, Math.floor(30_000 / columns.length)));
      for (let i = 0; i < rows.length; i += per) {
        const part = rows.slice(i, i + per);
        stmt(table, columns, part.length).run(part.flat());
      }
    },
    async begin() { db.exec('BEGIN'); },
    async commit() { db.exec('COMMIT'); },
    async dropIndexes() {
      const defs = db.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (${BULK_TABLES.map(() => '?').join(', ')})`).all(...BULK_TABLES) as { name: string; sql: string }[];
      for (const d of defs) db.exec(`DROP INDEX "${d.name}"`);
      return defs;
    },
    async createIndexes(defs, log) {
      for (const d of defs) { const t = Date.now(); db.exec(d.sql); log(`index ${d.name} ${((Date.now() - t) / 1000).toFixed(1)} s`); }
    },
    async finish() {
      db.pragma('journal_mode = WAL');
      db.close();
      // The load wrote gigabytes without a single fsync; flush them now, or the server's first
      // commits (synchronous=FULL fsyncs the file at a checkpoint) would wait seconds for the
      // kernel to write back the generator's pages, and the measurement would time the setup.
      const fd = fs.openSync(file, 'r+');
      fs.fsyncSync(fd);
      fs.closeSync(fd);
    },
  };
}

async function pgSink(url: string, schema: string): Promise<Sink> {
  const client = new pg.Client({ connectionString: url, options: `-c search_path=${schema}` });
  await client.connect();
  await client.query('SET synchronous_commit = off');
  await client.query(`SET maintenance_work_mem = '1GB'`);
  const types = new Map<string, string>();
  for (const r of (await client.query(`SELECT table_name, column_name, udt_name FROM information_schema.columns WHERE table_schema = $1`, [schema])).rows) types.set(`${r.table_name}.${r.column_name}`, r.udt_name);
  return {
    async insert(table, columns, rows) {
      const per = 10_000;
      for (let i = 0; i < rows.length; i += per) {
        const part = rows.slice(i, i + per);
        const arrays = columns.map((_, c) => part.map((r) => r[c]));
        const casts = columns.map((c, k) => `$${k + 1}::${types.get(`${table}.${c}`) ?? 'text'}[]`);
        await client.query(`INSERT INTO ${table} (${columns.join(', ')}) SELECT * FROM unnest(${casts.join(', ')})`, arrays);
      }
    },
    async begin() { await client.query('BEGIN'); },
    async commit() { await client.query('COMMIT'); },
    async dropIndexes() {
      const defs = (await client.query(`SELECT indexname AS name, indexdef AS sql FROM pg_indexes WHERE schemaname = $1 AND tablename = ANY($2)
        AND indexname NOT IN (SELECT conname FROM pg_constraint WHERE connamespace = $1::regnamespace)`, [schema, BULK_TABLES])).rows as { name: string; sql: string }[];
      for (const d of defs) await client.query(`DROP INDEX "${d.name}"`);
      return defs;
    },
    async createIndexes(defs, log) {
      for (const d of defs) { const t = Date.now(); await client.query(d.sql); log(`index ${d.name} ${((Date.now() - t) / 1000).toFixed(1)} s`); }
      await client.query(`ANALYZE`); // as autovacuum would soon after a load this size
    },
    async finish() { await client.end(); },
  };
}

const CUSTOMER_COLS = ['id', 'workspace_id', 'merged_into', 'name_enc', 'traits', 'consents', 'revenue', 'order_count', 'first_seen_at', 'last_seen_at', 'churn_risk', 'created_at', 'updated_at'] as const;
const IDENT_COLS = ['id', 'workspace_id', 'customer_id', 'kind', 'source', 'value_hash', 'value_enc', 'verified', 'created_at'] as const;
const TOKEN_COLS = ['workspace_id', 'token_hash', 'customer_id'] as const;
const EVENT_COLS = ['id', 'workspace_id', 'customer_id', 'type', 'name', 'properties', 'revenue', 'currency', 'idempotency_key', 'transport', 'occurred_at', 'received_at'] as const;
const MERGE_COLS = ['id', 'workspace_id', 'survivor_id', 'absorbed_id', 'reason', 'actor', 'merged_at', 'unmerged_at', 'unmerged_by'] as const;

const EVENT_NAMES = ['Viewed product', 'Added to cart', 'Started checkout', 'Searched', 'Opened app', 'Shared', 'Wrote review', 'Contacted support'];
const PAGES = ['/', '/products', '/products/tea', '/products/cups', '/cart', '/checkout', '/help', '/account', '/blog/brewing'];
const CITIES = ['Taipei', 'Kaohsiung', 'Taichung', 'Hong Kong', 'Shanghai', 'Singapore', 'London'];
const FAMILY = ['陳', '林', '黃', '張', '李', '王', '吳', '劉', 'Chan', 'Wong', 'Lee', 'Smith'];
const GIVEN = ['大文', '美玲', '志明', '淑芬', '家豪', 'Mei', 'Alex', 'Jamie', 'Wing', 'Kai'];

const T0 = Date.parse('2024-01-01T00:00:00Z');
const T1 = Date.parse('2026-11-01T00:00:00Z');

/** UUIDv7-shaped ids in increasing order, as newTimeOrderedId gives rows stored one after the other. */
function idMaker(rnd: () => number) {
  let ms = T0, counter = 0;
  const hex = (n: number, w: number) => Math.floor(n).toString(16).padStart(w, '0');
  return () => {
    if (++counter > 0xfff) { ms++; counter = 0; }
    const t = hex(ms, 12);
    return `${t.slice(0, 8)}-${t.slice(8)}-7${hex(counter, 3)}-${hex(0x8000 + rnd() * 0x3fff, 4)}-${hex(rnd() * 0xffffff, 6)}${hex(rnd() * 0xffffff, 6)}`;
  };
}

function gauss(rnd: () => number) {
  return Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd());
}

export async function buildStore(opts: { dir: string; profiles: number; events: number; seed: number; samples: number; log: (msg: string) => void }): Promise<BuiltStore> {
  const started = Date.now();
  const { profiles: P, events: E, log } = opts;
  const rnd = mulberry32(opts.seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
  const dataDir = fs.mkdtempSync(path.join(opts.dir, 'tp-bench-merge-'));
  const url = process.env.DATABASE_URL;
  const schema = url ? `bench_${crypto.randomBytes(5).toString('hex')}` : undefined;
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'silent', HOST: '127.0.0.1', ...(schema ? { DATABASE_SCHEMA: schema } : {}) };
  for (const k of ['SQLITE_FILE', 'PORT', 'PUBLIC_URL', 'SMTP_URL', 'TOUCHPOINT_ENCRYPTION_KEYS']) delete env[k];
  if (!schema) delete env.DATABASE_SCHEMA;
  const destroy = async () => {
    if (schema) {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await c.end();
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  };

  // The real migrations, workspace, owner and API key, through the product.
  const config = loadConfig({ ...env, DATABASE_URL: url ?? '' }, schema ? { databaseSchema: schema } : {});
  const { deps, store } = await createDeps(config);
  const cipher: FieldCipher = deps.cipher;
  const { workspaceId } = await createWorkspaceWithOwner(deps, { name: 'Merge bench', ownerEmail: OWNER.email, password: OWNER.password });
  const { key: apiKey } = await createApiKey(deps, { workspaceId, actor: { type: 'system', id: 'bench', label: 'bench' } }, { name: 'merge bench', scopes: ['events:write', 'customers:read'] });
  await store.close();

  const sink = schema ? await pgSink(url!, schema) : sqliteSink(sqlitePath(config));
  const indexes = await sink.dropIndexes();

  // Events per profile: log-normal weights by class, scaled so they add up to E exactly.
  const kind = new Uint8Array(P); // 0 user, 1 lead, 2 visitor
  const counts = new Int32Array(P);
  const weights = new Float64Array(P);
  let total = 0;
  for (let i = 0; i < P; i++) {
    const r = rnd();
    kind[i] = r < 0.55 ? 0 : r < 0.65 ? 1 : 2;
    weights[i] = Math.exp(1.2 * gauss(rnd)) * (kind[i] === 0 ? 1 : kind[i] === 1 ? 0.3 : 0.25);
    total += weights[i];
  }
  let assigned = 0;
  for (let i = 0; i < P; i++) { counts[i] = Math.floor((weights[i] * E) / total); assigned += counts[i]; }
  for (let left = E - assigned; left > 0; left--) counts[Math.floor(rnd() * P)]++;

  const ids: string[] = new Array(P);
  const root = new Uint8Array(P); // 1: a root that may take part in a measured merge
  const verifiedEmail = new Uint8Array(P);
  const users: number[] = [];
  const eventId = idMaker(rnd);
  const props = Array.from({ length: 300 }, (_, k) => JSON.stringify({ sku: `SKU-${k * 17}`, price: (k * 37) % 3000, list: k % 3 === 0 ? 'summer' : 'default' }));
  const iso = (ms: number) => new Date(ms).toISOString();
  const BLOCK = 2000;
  let eventsDone = 0, identifiersDone = 0, mergesDone = 0, seq = 0, nextReport = 0;
  const genStarted = Date.now();
  for (let b = 0; b < P; b += BLOCK) {
    const customers: unknown[][] = [], idents: unknown[][] = [], tokens: unknown[][] = [], events: unknown[][] = [], merges: unknown[][] = [];
    for (let i = b; i < Math.min(P, b + BLOCK); i++) {
      const id = crypto.randomUUID();
      ids[i] = id;
      const first = T0 + rnd() * (T1 - T0) * 0.9;
      const k = kind[i];
      const addIdent = (kindName: string, source: string, value: string, verified = 1) => {
        idents.push([crypto.randomUUID(), workspaceId, id, kindName, source, cipher.lookupHash(hashInput(kindName as 'email', value)), cipher.encrypt(value), verified, iso(first)]);
      };
      if (k === 0) {
        addIdent('external', 'app', `user-${i}`);
        if (rnd() < 0.9) { addIdent('email', '', `user-${i}@example.com`); verifiedEmail[i] = 1; }
        else addIdent('email', '', `user-${i}@example.org`, 0);
        if (rnd() < 0.2) addIdent('phone', '', `+8869${String(i).padStart(8, '0')}`);
        addIdent('anonymous', '', `dev-${i}-0`);
        if (rnd() < 0.5) addIdent('anonymous', '', `dev-${i}-1`);
      } else if (k === 1) addIdent('email', '', `lead-${i}@example.net`);
      else addIdent('anonymous', '', `anon-${i}`);
      let nameEnc: string | null = null;
      if (k === 0 && rnd() < 0.4) {
        const name = rnd() < 0.7 ? `${pick(FAMILY.slice(0, 8))}${pick(GIVEN.slice(0, 5))}` : `${pick(GIVEN.slice(5))} ${pick(FAMILY.slice(8))}`;
        nameEnc = cipher.encrypt(name);
        for (const t of nameTokens(name)) tokens.push([workspaceId, cipher.lookupHash(`name:${t}`), id]);
      }
      // The profile's events, and its counters from them.
      let orders = 0, firstSeen = Infinity, lastSeen = 0;
      const revenue: Record<string, number> = {};
      const n = counts[i];
      const span = T1 - first;
      for (let e = 0; e < n; e++) {
        const at = first + rnd() * span;
        if (at < firstSeen) firstSeen = at;
        if (at > lastSeen) lastSeen = at;
        const r = rnd();
        const type = k === 0 ? (r < 0.55 ? 'track' : r < 0.8 ? 'page' : r < 0.88 ? 'identify' : 'order') : k === 1 ? (r < 0.3 ? 'track' : r < 0.8 ? 'page' : 'identify') : (r < 0.3 ? 'track' : 'page');
        const s = ++seq;
        let name: string | null = null, properties = '{}', rev: number | null = null, currency: string | null = null, key = `b${(s >>> 9).toString(36)}:${s & 511}`;
        if (type === 'track') { name = pick(EVENT_NAMES); properties = props[s % props.length]; }
        else if (type === 'page') { const u = pick(PAGES); name = u; properties = `{"url":"${u}"}`; }
        else if (type === 'identify') properties = `{"traits":{"plan":"${rnd() < 0.3 ? 'pro' : 'free'}","city":"${pick(CITIES)}"},"consents":{"email":${rnd() < 0.7}}}`;
        else {
          name = `o-${s.toString(36)}`;
          key = `order:app:${name}`;
          rev = Math.round(rnd() * 500_000) / 100;
          currency = rnd() < 0.8 ? 'TWD' : 'USD';
          revenue[currency] = Math.round(((revenue[currency] ?? 0) + rev) * 1e6) / 1e6;
          orders++;
        }
        const occurred = iso(at);
        events.push([eventId(), workspaceId, id, type, name, properties, rev, currency, key, s % 10 === 0 ? 'import' : 'http', occurred, iso(at + 200 + rnd() * 2000)]);
      }
      const seenFirst = n ? iso(firstSeen) : null, seenLast = n ? iso(lastSeen) : null;
      const traits = k === 0 ? JSON.stringify({ plan: { v: rnd() < 0.3 ? 'pro' : 'free', at: seenLast ?? iso(first) }, city: { v: pick(CITIES), at: seenLast ?? iso(first) }, age: { v: 18 + Math.floor(rnd() * 60), at: iso(first) } })
        : k === 1 ? JSON.stringify({ signup: { v: 'newsletter', at: iso(first) } }) : '{}';
      const consents = k === 2 ? '{}' : JSON.stringify({ email: { granted: rnd() < 0.7, at: iso(first) } });
      // Earlier merges: visitors and a few leads already joined to a user; some visitors split again.
      let mergedInto: string | null = null;
      const m = rnd();
      if (users.length && ((k === 2 && m < 0.1) || (k === 1 && m < 0.02))) {
        mergedInto = ids[users[Math.floor(rnd() * users.length)]];
        merges.push([crypto.randomUUID(), workspaceId, mergedInto, id, k === 2 ? 'anonymous' : 'manual', 'bench', seenLast ?? iso(first), null, null]);
      } else if (users.length && k === 2 && m < 0.103) {
        merges.push([crypto.randomUUID(), workspaceId, ids[users[Math.floor(rnd() * users.length)]], id, 'anonymous', 'bench', iso(first), seenLast ?? iso(first), 'bench']);
      } else root[i] = 1;
      customers.push([id, workspaceId, mergedInto, nameEnc, traits, consents, JSON.stringify(revenue), orders, seenFirst, seenLast, null, iso(first), seenLast ?? iso(first)]);
      if (k === 0) users.push(i);
    }
    await sink.begin();
    await sink.insert('customers', CUSTOMER_COLS, customers);
    await sink.insert('customer_identifiers', IDENT_COLS, idents);
    if (tokens.length) await sink.insert('customer_name_tokens', TOKEN_COLS, tokens);
    if (merges.length) await sink.insert('customer_merges', MERGE_COLS, merges);
    await sink.insert('customer_events', EVENT_COLS, events);
    await sink.commit();
    eventsDone += events.length;
    identifiersDone += idents.length;
    mergesDone += merges.length;
    if (eventsDone >= nextReport || b + BLOCK >= P) {
      const s = (Date.now() - genStarted) / 1000;
      const done = Math.min(P, b + BLOCK);
      log(`${done.toLocaleString('en')} / ${P.toLocaleString('en')} profiles, ${eventsDone.toLocaleString('en')} / ${E.toLocaleString('en')} events, ${s.toFixed(0)} s, ${Math.round(eventsDone / s).toLocaleString('en')} events/s, ETA ${Math.max(0, (s / eventsDone) * (E - eventsDone)).toFixed(0)} s`);
      nextReport = eventsDone + Math.max(E / 20, 10_000);
    }
  }
  log(`rows written in ${((Date.now() - genStarted) / 1000).toFixed(0)} s; building ${indexes.length} indexes`);
  const indexStarted = Date.now();
  await sink.createIndexes(indexes, log);
  const indexSeconds = (Date.now() - indexStarted) / 1000;
  await sink.finish();

  // Measured pairs, all different profiles, so every merge joins two people who were apart:
  // manual merges join a user with a lead or a visitor (no external ids of one source on both
  // sides, as when an agent merges a duplicate); identify merges join a visitor's device id to a
  // user's verified email. A tenth of the survivors are among the users with most events (the
  // top 1 %, or more on a small store, so there are enough).
  const shuffle = <T>(xs: T[]) => { for (let i = xs.length - 1; i > 0; i--) { const j = Math.floor(rnd() * (i + 1)); [xs[i], xs[j]] = [xs[j], xs[i]]; } return xs; };
  const rootUsers = shuffle(users.filter((i) => root[i]));
  const byHistory = [...rootUsers].sort((a, c) => counts[c] - counts[a]);
  const heavySet = byHistory.slice(0, Math.max(Math.ceil(byHistory.length / 100), Math.ceil(opts.samples / 2)));
  const heavy = shuffle([...heavySet]);
  const used = new Set<number>();
  const takeUser = (isHeavy: boolean, needsEmail = false) => {
    const from = isHeavy ? heavy : rootUsers;
    for (;;) {
      const i = from.pop();
      if (i === undefined) throw new Error('not enough users for the samples');
      // Identify needs the user's verified email (a tenth of the users have only an unverified one).
      if (!used.has(i) && (!needsEmail || verifiedEmail[i])) { used.add(i); return i; }
    }
  };
  const absorbable = shuffle(Array.from({ length: P }, (_, i) => i).filter((i) => root[i] && kind[i] !== 0));
  const visitors = shuffle(absorbable.filter((i) => kind[i] === 2));
  const takeFrom = (xs: number[]) => { for (;;) { const i = xs.pop(); if (i === undefined) throw new Error('not enough leads and visitors for the samples'); if (!used.has(i)) { used.add(i); return i; } } };
  const pair = (s: number, a: number, isHeavy: boolean): Pair => ({ survivor: ids[s], absorbed: ids[a], survivorEvents: counts[s], absorbedEvents: counts[a], heavy: isHeavy });
  const manual: Pair[] = [], identify: IdentifyPair[] = [];
  for (let j = 0; j < opts.samples; j++) {
    const h = j % 10 === 9;
    const s = takeUser(h);
    manual.push(pair(s, takeFrom(absorbable), h));
  }
  for (let j = 0; j < opts.samples; j++) {
    const h = j % 10 === 9;
    const s = takeUser(h, true);
    const a = takeFrom(visitors);
    identify.push({ ...pair(s, a, h), email: `user-${s}@example.com`, anonymousId: `anon-${a}` });
  }
  let bytes: number | null = null;
  if (!schema) bytes = fs.readdirSync(dataDir).filter((f) => f.startsWith('touchpoint.db')).reduce((n, f) => n + fs.statSync(path.join(dataDir, f)).size, 0);
  return {
    dataDir, schema, env, workspaceId, apiKey, profiles: P, events: eventsDone, identifiers: identifiersDone, merges: mergesDone,
    seconds: (Date.now() - started) / 1000, indexSeconds, bytes, manual, identify, destroy,
  };
}
