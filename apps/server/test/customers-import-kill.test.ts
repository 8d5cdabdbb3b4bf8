/**
 * A customer event import survives SIGKILL: `touchpoint import events` runs as a child process on a
 * 20,000-record JSONL file and is killed twice while it works (at a third and at two thirds of the
 * file, read from the import's cursor in the store), then run again until it finishes. Each run
 * continues the same import at its cursor, and at every kill the stored events are exactly the ones
 * the cursor has passed. At the end the stored events are the file's distinct keys, none twice, and
 * a checksum over (key, type, name, revenue) equals the one computed from the file.
 * `npm run bench:customers:kill` does the same with 1M events and also through `serve`.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { afterAll, expect, it } from 'vitest';
import { loadConfig } from '../src/platform/config.js';
import { openStore } from '../src/server.js';
import { CLI, ROOT, childStore, runCli } from './processes.js';

const RECORDS = 20_000;
const store = childStore();
afterAll(async () => { await store.destroy(); });

type Row = [key: string, type: string, name: string | null, revenue: number | null];
const checksum = (rows: Row[]) => {
  const h = crypto.createHash('sha256');
  for (const r of [...rows].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) h.update(JSON.stringify(r) + '\n');
  return h.digest('hex');
};

/** The file, and the rows an import of it must store: the first record of each key wins. */
function eventFile(file: string) {
  const lines: string[] = [];
  const records: { offset: number; key: string | null; row: [string, string | null, number | null] }[] = [];
  let offset = 0, invalid = 0;
  for (let i = 0; i < RECORDS; i++) {
    const user = `u-${(i * 7919) % 3000}`;
    let e: Record<string, unknown>;
    if (i % 997 === 500) e = { type: 'track', userId: user }; // invalid: no event name
    else if (i % 101 === 50) e = JSON.parse(lines[i - 40]); // a retried record: same key, or same offset-free order id
    else if (i % 10 === 0) e = { type: 'order', userId: user, orderId: `o-${i}`, revenue: (i % 9000) / 100 + 1, currency: 'TWD' };
    else if (i % 10 === 1) e = { type: 'identify', userId: user, email: `${user}@example.com`, ...(i % 3 === 0 ? { anonymousId: `d-${i % 4000}`, name: '陳大文' } : {}), traits: { plan: i % 2 ? 'pro' : 'free' } };
    else if (i % 10 < 5) e = { type: 'page', anonymousId: `d-${i % 4000}`, url: `/p/${i % 50}` };
    else e = { type: 'track', userId: user, event: `Viewed ${i % 20}`, properties: { n: i } };
    if (i % 3 === 0 && !e.idempotencyKey && i % 101 !== 50) e = { idempotencyKey: `own-${i}`, ...e };
    const line = JSON.stringify(e);
    lines.push(line);
    const valid = !(e.type === 'track' && !e.event);
    if (!valid) invalid++;
    else records.push({
      offset, key: (e.idempotencyKey as string | undefined) ?? (e.type === 'order' ? `order:app:${e.orderId}` : null),
      row: [e.type as string, (e.type === 'track' ? e.event : e.type === 'page' ? e.url : e.type === 'order' ? e.orderId : null) as string | null, e.type === 'order' ? (e.revenue as number) : null],
    });
    offset += Buffer.byteLength(line) + 1;
  }
  fs.writeFileSync(file, lines.join('\n') + '\n');
  const hash = crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
  const expected = new Map<string, Row>();
  for (const r of records) {
    const key = r.key ?? `imp:${hash.slice(0, 24)}:${r.offset}`;
    if (!expected.has(key)) expected.set(key, [key, ...r.row]);
  }
  return { size: offset, invalid, expected: [...expected.values()] };
}

it(`stores every event of a ${RECORDS.toLocaleString('en')}-record import exactly once across two SIGKILLs`, async () => {
  const file = path.join(store.dataDir, 'history.jsonl');
  const { size, invalid, expected } = eventFile(file);
  const created = await runCli(['workspace', 'create', '--name', 'Kill', '--owner-email', 'kill@example.com', '--password', 'kill-password-1'], store.env);
  expect(created.code, created.stderr).toBe(0);
  const { workspaceId } = JSON.parse(created.stdout);
  const opened = await openStore(loadConfig(store.env));
  const db = opened.db;
  const imports = () => db.selectFrom('customer_imports').select(['id', 'status', 'cursor_bytes', 'accepted']).where('workspace_id', '=', workspaceId).execute();
  const stored = async () => Number((await db.selectFrom('customer_events').select((eb) => eb.fn.countAll().as('n')).where('workspace_id', '=', workspaceId).executeTakeFirstOrThrow()).n);
  try {
    let last = { code: null as number | null, stdout: '', stderr: '' };
    for (const killAt of [0.33, 0.66, null]) {
      const child = spawn(process.execPath, ['--import', 'tsx', CLI, 'import', 'events', file, '--workspace', workspaceId], { cwd: ROOT, env: store.env, stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '', stderr = '';
      child.stdout.setEncoding('utf8').on('data', (d: string) => { stdout += d; });
      child.stderr.setEncoding('utf8').on('data', (d: string) => { stderr += d; });
      const exited = new Promise<number | null>((r) => child.once('close', (code) => r(code)));
      let done = false;
      void exited.then(() => { done = true; });
      if (killAt !== null) {
        // Killed while it works: as soon as the cursor has passed the mark, wherever the chunk under way is.
        for (;;) {
          expect(done, `the import ended before ${killAt * 100} %: ${stderr}`).toBe(false);
          const [imp] = await imports();
          if (imp && Number(imp.cursor_bytes) >= killAt * size) break;
          await new Promise((r) => setTimeout(r, 20));
        }
        child.kill('SIGKILL');
        await exited;
        const rows = await imports();
        expect(rows).toHaveLength(1);
        expect(rows[0].status).toBe('running');
        expect(Number(rows[0].cursor_bytes)).toBeLessThan(size);
        // The cursor moves in the events' transaction: what it passed is stored, nothing beyond.
        expect(await stored()).toBe(rows[0].accepted);
      } else last = { code: await exited, stdout, stderr };
    }
    expect(last.code, last.stderr).toBe(0);
    expect(last.stderr).toMatch(/Resuming import \S+ at byte \d+/);
    const report = JSON.parse(last.stdout);
    expect(report).toMatchObject({ records: RECORDS, accepted: expected.length, invalid, resumed: true });
    const rows = await imports();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id: report.id, status: 'done' });

    const events = await db.selectFrom('customer_events').select(['idempotency_key', 'type', 'name', 'revenue']).where('workspace_id', '=', workspaceId).execute();
    expect(events.length).toBe(expected.length);
    expect(new Set(events.map((e) => e.idempotency_key)).size).toBe(events.length);
    expect(checksum(events.map((e) => [e.idempotency_key, e.type, e.name, e.revenue === null ? null : Number(e.revenue)]))).toBe(checksum(expected));
  } finally {
    await opened.close();
  }
}, 120_000);
