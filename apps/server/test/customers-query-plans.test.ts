/**
 * The people read by id lists (search results, a segment pass over queued people) are found by
 * index look-ups, never by walking the workspace. bench:customers:merge found the case: with
 * `workspace_id = ? AND id IN (…)` and 5 or more ids, SQLite (no statistics, as a real store has
 * none) walked every profile of the workspace through a (workspace_id, …) index, 2.5 s at 1M
 * profiles on the thread that serves every request. Checked on the plans SQLite chooses for the
 * statements clustersOf runs; PostgreSQL plans with statistics and is not concerned.
 */
import { Kysely, SqliteDialect, type CompiledQuery } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { DB } from '../src/schema.js';
import { clustersOf } from '../src/modules/customers/customers.repo.js';
import { startTestServer, type TestServer } from './harness.js';

let s: TestServer;
beforeAll(async () => { s = await startTestServer(); });
afterAll(async () => { await s.destroy(); });

it.skipIf(!!process.env.DATABASE_URL)('reads 20 people by primary key and cluster index, not by walking the workspace', async () => {
  const w = await s.workspace();
  const events = Array.from({ length: 60 }, (_, i) => ({ type: 'identify', userId: `plan-${i}`, traits: { plan: 'pro' } }));
  const res = await w.owner.post(`/api/workspaces/${w.id}/events?wait=true`, { events });
  expect(res.statusCode, res.body).toBe(202);
  const roots = [...new Set(res.json().profileIds as string[])].slice(0, 20);

  const handle = s.store.sqlite!;
  const seen: CompiledQuery[] = [];
  const logged = new Kysely<DB>({ dialect: new SqliteDialect({ database: handle }), log: (e) => { if (e.level === 'query') seen.push(e.query); } });
  const rows = await clustersOf(logged, w.id, roots);
  expect(rows.map((r) => r.id).sort()).toEqual([...roots].sort());
  // Another workspace's ids find nothing here.
  const other = await s.workspace();
  expect(await clustersOf(logged, other.id, roots)).toEqual([]);

  const plans = seen.map((q) => (handle.prepare(`EXPLAIN QUERY PLAN ${q.sql}`).all(...(q.parameters as unknown[])) as { detail: string }[]).map((p) => p.detail).join(' | '));
  expect(plans.length).toBeGreaterThan(0);
  for (const plan of plans) expect(plan).toMatch(/USING (INDEX sqlite_autoindex_customers_1 \(id=\?\)|INDEX customers_cluster \(workspace_id=\? AND merged_into=\?\))/);
  for (const plan of plans) expect(plan).not.toMatch(/SCAN|\(workspace_id=\?\)$/);
});
