/**
 * `npm run bench:customers:segments`: live segments at 1M people (issue targets: a qualifying
 * event is reflected within 5 s; a count query takes under 200 ms), with the same measurements on
 * 10k people as the reference in the same run (the ratio shows what scale costs).
 * Setup writes people and their events straight into a migrated SQLite file (building a million
 * profiles through the API would take hours; the rows are what the intake writes: traits with
 * their times, order counters, order events). Then the real server, in-process: the segment is
 * created through the API and built by the segment worker (its build time is reported), qualifying
 * events go through POST …/events, and the time until GET …/segments/:id shows the new member is
 * measured; count queries are GET …/segments/:id (the maintained count).
 * Env: PEOPLE (1000000), REPEATS (20), KEEP=1 keeps the database file.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import Database from 'better-sqlite3';
import { loadConfig, sqlitePath } from '../../apps/server/src/platform/config.js';
import { createServer, type Touchpoint } from '../../apps/server/src/server.js';
import { createWorkspaceWithOwner, createApiKey } from '../../apps/server/src/modules/accounts/index.js';
import { newTimeOrderedId } from '../../apps/server/src/platform/crypto/tokens.js';
import { fmt, printTable, writeResults, type Row } from '../lib/report.js';

const PEOPLE = Number(process.env.PEOPLE ?? 1_000_000);
const REPEATS = Number(process.env.REPEATS ?? 20);
const DEFINITION = { kind: 'group', match: 'all', conditions: [
  { kind: 'trait', method: 'geographic', key: 'country', op: 'eq', value: 'TW' },
  { kind: 'event', type: 'order', op: 'at_least', count: 2, days: 30 },
] };

const pct = (xs: number[], p: number) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]; };

const configFor = (dataDir: string) => loadConfig({ ...process.env, DATABASE_URL: '' }, { dataDir, logLevel: 'silent', port: 0, textAnalysis: 'off', sqliteSynchronous: 'NORMAL' });
async function open(dataDir: string): Promise<Touchpoint> {
  const tp = await createServer(configFor(dataDir));
  await tp.app.ready();
  return tp;
}

/** People in id order: a third in TW; of those, a third with two orders in the last 30 days. */
function seed(file: string, workspaceId: string, people: number) {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  const now = Date.now();
  const iso = (ms: number) => new Date(ms).toISOString();
  const customer = db.prepare(`INSERT INTO customers (id, workspace_id, merged_into, name_enc, traits, consents, revenue, order_count, first_seen_at, last_seen_at, churn_risk, created_at, updated_at)
    VALUES (?, ?, NULL, NULL, ?, '{}', ?, ?, ?, ?, NULL, ?, ?)`);
  const event = db.prepare(`INSERT INTO customer_events (id, workspace_id, customer_id, type, name, properties, revenue, currency, idempotency_key, transport, occurred_at, received_at)
    VALUES (?, ?, ?, ?, ?, '{}', ?, ?, ?, 'import', ?, ?)`);
  const started = Date.now();
  const batch = db.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const id = crypto.randomUUID();
      const country = i % 3 === 0 ? 'TW' : i % 3 === 1 ? 'HK' : 'SG';
      const buyer = i % 9 === 0;
      const seen = now - (i % 90) * 86_400_000;
      customer.run(id, workspaceId, JSON.stringify({ country: { v: country, at: iso(seen) }, age: { v: 18 + (i % 60), at: iso(seen) } }),
        buyer ? '{"TWD":300}' : '{}', buyer ? 2 : 0, iso(seen - 86_400_000), iso(seen), iso(seen), iso(seen));
      event.run(newTimeOrderedId(), workspaceId, id, 'track', 'Opened app', null, null, `seed:t:${i}`, iso(seen), iso(seen));
      if (buyer) for (const k of [1, 2]) event.run(newTimeOrderedId(), workspaceId, id, 'order', `seed-o-${i}-${k}`, 150, 'TWD', `order:seed:${i}-${k}`, iso(now - k * 86_400_000), iso(now));
    }
  });
  for (let i = 0; i < people; i += 20_000) {
    batch(i, Math.min(people, i + 20_000));
    if (people >= 100_000 && (i / 20_000) % 10 === 0) console.log(`  seeded ${fmt(Math.min(people, i + 20_000))} people (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  }
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.exec('ANALYZE');
  db.close();
  return (Date.now() - started) / 1000;
}

async function measure(people: number) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tp-seg-bench-'));
  let tp = await open(dataDir);
  const { workspaceId } = await createWorkspaceWithOwner(tp.deps, { name: 'Segments bench', ownerEmail: `bench-${Date.now()}@example.com`, password: 'correct horse battery' });
  const { key } = await createApiKey(tp.deps, { workspaceId, actor: { type: 'system', id: 'bench', label: 'bench' } }, { name: 'bench', scopes: ['events:write', 'customers:read'] });
  const dbFile = sqlitePath(configFor(dataDir));
  await tp.close();
  const seedSeconds = seed(dbFile, workspaceId, people);
  tp = await open(dataDir);
  const auth = { authorization: `Bearer ${key}` };
  // Segments are written by an analyst: a session is not needed for the bench, the service is called as the owner would.
  const { createSegment } = await import('../../apps/server/src/modules/customers/segments.service.js');
  const built0 = Date.now();
  const seg = await createSegment(tp.deps, { workspaceId, actor: { type: 'system', id: 'bench', label: 'bench' } }, { name: 'TW buyers', kind: 'live', definition: DEFINITION as never });
  const get = async () => (await tp.app.inject({ method: 'GET', url: `/api/workspaces/${workspaceId}/segments/${seg.id}`, headers: auth })).json() as { memberCount: number; status: string; progress: { done: number; total: number } | null };
  let last = 0;
  for (;;) {
    const s = await get();
    if (s.status === 'ready') break;
    if (people >= 100_000 && s.progress && s.progress.done - last >= 100_000) { last = s.progress.done; console.log(`  build ${fmt(s.progress.done)} / ${fmt(s.progress.total)}`); }
    await new Promise((r) => setTimeout(r, 200));
  }
  const buildSeconds = (Date.now() - built0) / 1000;
  const expected = Math.floor((people - 1) / 9) + 1;
  const built = await get();

  const reflect: number[] = [];
  for (let i = 0; i < REPEATS; i++) {
    const before = (await get()).memberCount;
    const user = `bench-new-${i}-${Date.now()}`;
    const t0 = Date.now();
    const res = await tp.app.inject({ method: 'POST', url: `/api/workspaces/${workspaceId}/events?wait=true`, headers: auth, payload: { events: [
      { type: 'identify', userId: user, traits: { country: 'TW' } },
      { type: 'order', userId: user, orderId: `${user}-1`, revenue: 10, currency: 'TWD' },
      { type: 'order', userId: user, orderId: `${user}-2`, revenue: 10, currency: 'TWD' },
    ] } });
    if (res.statusCode !== 202) throw new Error(res.body);
    for (;;) {
      if ((await get()).memberCount > before) break;
      if (Date.now() - t0 > 60_000) throw new Error('a qualifying event was not reflected within 60 s');
      await new Promise((r) => setTimeout(r, 20));
    }
    reflect.push(Date.now() - t0);
  }
  const counts: number[] = [];
  for (let i = 0; i < 200; i++) {
    const t0 = process.hrtime.bigint();
    await get();
    counts.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  await tp.close();
  const size = fs.statSync(dbFile).size;
  if (!process.env.KEEP) fs.rmSync(dataDir, { recursive: true, force: true });
  return { people, seedSeconds, buildSeconds, members: built.memberCount, expected, reflect, counts, sizeMb: size / 1e6 };
}

async function main() {
  const loadBefore = os.loadavg()[0];
  console.log(`reference: 10,000 people; then ${fmt(PEOPLE)} (load average ${loadBefore.toFixed(1)})`);
  const small = await measure(10_000);
  const big = await measure(PEOPLE);
  const row = (r: typeof small, what: string): Row[] => [
    { name: `${what}: live segment reflects a qualifying event`, value: `p50 ${fmt(pct(r.reflect, 50))} ms, p95 ${fmt(pct(r.reflect, 95))} ms`, detail: `${r.reflect.length} events through POST …/events, polled every 20 ms; max ${fmt(Math.max(...r.reflect))} ms` },
    { name: `${what}: count query GET …/segments/:id`, value: `p50 ${pct(r.counts, 50).toFixed(2)} ms, p95 ${pct(r.counts, 95).toFixed(2)} ms`, detail: `200 requests, in-process` },
    { name: `${what}: full build (new segment)`, value: `${fmt(r.buildSeconds, 1)} s`, detail: `${fmt(r.members)} members (expected ${fmt(r.expected)}); seeded in ${fmt(r.seedSeconds, 0)} s; file ${fmt(r.sizeMb, 0)} MB` },
  ];
  printTable('Live segments', [...row(small, '10k people'), ...row(big, `${fmt(big.people)} people`),
    { name: 'Ratio p95 reflect, large / 10k', value: fmt(pct(big.reflect, 95) / pct(small.reflect, 95), 2), detail: '' }]);
  const ok = pct(big.reflect, 95) <= 5000 && pct(big.counts, 95) < 200 && big.members === big.expected;
  console.log(`${pct(big.reflect, 95) <= 5000 ? 'PASS' : 'MISS'}  live segment reflects an event within 5 s (p95 ${fmt(pct(big.reflect, 95))} ms)`);
  console.log(`${pct(big.counts, 95) < 200 ? 'PASS' : 'MISS'}  count query under 200 ms (p95 ${pct(big.counts, 95).toFixed(2)} ms)`);
  console.log(`${big.members === big.expected ? 'OK  ' : 'FAIL'}  build found every member (${fmt(big.members)} of ${fmt(big.expected)})`);
  writeResults({ at: new Date().toISOString(), loadBefore, loadAfter: os.loadavg()[0], small, big, ok }, 'segments-latest.json');
  if (big.members !== big.expected) process.exitCode = 1;
}
await main();
