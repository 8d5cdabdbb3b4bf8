/**
 * Event file imports through the API: CSV and JSONL uploads imported in the background with
 * progress, invalid records reported by number without stopping, a second upload of the same file
 * storing nothing twice, and an import cut short by a restart resuming exactly.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from '../src/server.js';
import { importChunk, ImportRunner } from '../src/modules/customers/index.js';
import { dropPostgresSchema } from '../src/platform/db/dialect.js';
import { PASSWORD, startTestServer, type Client, type TestServer } from './harness.js';

let s: TestServer;
let wid: string;
let owner: Client;
let ownerEmail: string;
beforeAll(async () => { s = await startTestServer({}, { importChunk: 4 }); ({ id: wid, owner, ownerEmail } = await s.workspace('Imports')); });
afterAll(async () => { await s.destroy(); });

const upload = (c: Client, workspaceId: string, body: string | Buffer, query: string, type = 'text/csv') =>
  c.request({ method: 'POST', url: `/api/workspaces/${workspaceId}/customers/imports?${query}`, payload: body, headers: { 'content-type': type } });
const countEvents = async (t: TestServer, workspaceId: string) => Number((await t.deps.db.selectFrom('customer_events').select((eb) => eb.fn.countAll<number>().as('n')).where('workspace_id', '=', workspaceId).executeTakeFirstOrThrow()).n);

const CSV = '\ufefftype,userId,anonymousId,email,name,event,orderId,revenue,currency,traits.age,consents.email,properties.note\n'
  + 'identify,c-1,,lin@example.org,林小華,,,,,41,yes,\n'
  + 'track,c-1,,,,Opened app,,,,,,"first line\nsecond line, with a comma"\n'
  + 'order,c-1,,,,,o-77,99.5,TWD,,,\n'
  + 'teleport,c-1,,,,,,,,,,\n'
  + 'page,,dev-5,,,,,,,,,\n'
  + 'identify,c-1,dev-5,,,,,,,,,\n'
  + 'order,c-2,,,,,o-78,lots,USD,,,\n';

describe('customer event imports', () => {
  it('imports a CSV in the background with progress, reporting invalid records by number', async () => {
    const res = await upload(owner, wid, CSV, 'format=csv&name=events.csv');
    expect(res.statusCode, res.body).toBe(202);
    expect(res.json()).toMatchObject({ status: 'running', fileName: 'events.csv', sizeBytes: Buffer.byteLength(CSV) });
    await s.imports.idle();
    const done = (await owner.get(`/api/workspaces/${wid}/customers/imports/${res.json().id}`)).json();
    expect(done).toMatchObject({ status: 'done', records: 7, accepted: 5, duplicates: 0, invalid: 2, doneBytes: Buffer.byteLength(CSV) });
    expect(done.errors).toEqual([
      expect.objectContaining({ record: 4, path: 'type' }),
      expect.objectContaining({ record: 7, path: 'revenue' }),
    ]);
    const people = (await owner.get(`/api/workspaces/${wid}/customers?q=${encodeURIComponent('林小華')}`)).json().items;
    expect(people).toHaveLength(1);
    const p = (await owner.get(`/api/workspaces/${wid}/customers/${people[0].id}`)).json();
    expect(p).toMatchObject({ email: 'lin@example.org', orderCount: 1, clv: 99.5, traits: { age: '41' }, consents: { email: { granted: true } } });
    expect(p.mergedProfileIds).toHaveLength(1);
    const track = (await owner.get(`/api/workspaces/${wid}/customers/${p.id}/timeline?kinds=track`)).json().items[0];
    expect(track.properties).toEqual({ note: 'first line\nsecond line, with a comma' });
    expect((await owner.get(`/api/workspaces/${wid}/customers/imports`)).json().items[0].id).toBe(res.json().id);
  });

  it('stores nothing twice when the same file is uploaded again', async () => {
    const before = await countEvents(s, wid);
    const res = await upload(owner, wid, CSV, 'format=csv&name=again.csv');
    await s.imports.idle();
    expect((await owner.get(`/api/workspaces/${wid}/customers/imports/${res.json().id}`)).json()).toMatchObject({ status: 'done', accepted: 0, duplicates: 5, invalid: 2 });
    expect(await countEvents(s, wid)).toBe(before);
  });

  it('imports JSONL, skipping blank lines and reporting a line that is not JSON', async () => {
    const body = ['{"type":"track","userId":"j-1","event":"Tapped"}', '', '{oops', '{"type":"page","userId":"j-1","url":"/x"}', ''].join('\n');
    const res = await upload(owner, wid, body, 'name=events.jsonl', 'application/x-ndjson');
    expect(res.statusCode, res.body).toBe(202);
    await s.imports.idle();
    expect((await owner.get(`/api/workspaces/${wid}/customers/imports/${res.json().id}`)).json()).toMatchObject({ format: 'jsonl', status: 'done', records: 3, accepted: 2, invalid: 1, errors: [{ record: 2, message: 'not valid JSON' }] });
  });

  it('refuses a CSV with unknown columns or no header, and keeps nothing of it', async () => {
    const bad = await upload(owner, wid, 'type,mail\ntrack,x\n', 'format=csv');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0]).toMatchObject({ path: 'body.header' });
    expect((await upload(owner, wid, '', 'format=csv')).statusCode).toBe(400);
    expect(fs.readdirSync(`${s.dataDir}/imports`).filter((f) => f.endsWith('.dat'))).toEqual([]);
    const other = await s.workspace('Other imports');
    expect((await other.owner.get(`/api/workspaces/${other.id}/customers/imports`)).json().items).toEqual([]);
  });

  it('resumes an import a restart cut short, storing every record exactly once', async () => {
    const a = await startTestServer({}, { importChunk: 3 });
    const { id: w, owner: o } = await a.workspace();
    await a.imports.stop(); // as if the process died right after the upload
    const lines = Array.from({ length: 20 }, (_, i) => JSON.stringify({ type: 'track', userId: `r-${i % 6}`, event: `E${i}` })).join('\n');
    const res = await upload(o, w, lines, 'format=jsonl', 'application/x-ndjson');
    expect(res.statusCode, res.body).toBe(202);
    await importChunk(a.deps, res.json().id, 3);
    await importChunk(a.deps, res.json().id, 3);
    expect(await countEvents(a, w)).toBe(6);
    await a.close();
    const b = await createServer(a.config, { importChunk: 3 });
    try {
      await b.imports.idle();
      expect(await countEvents(b as TestServer, w)).toBe(20);
      const names = (await b.deps.db.selectFrom('customer_events').select('name').where('workspace_id', '=', w).execute()).map((r) => r.name).sort();
      expect(names).toEqual(Array.from({ length: 20 }, (_, i) => `E${i}`).sort());
    } finally {
      await b.close();
      if (process.env.DATABASE_URL && a.config.databaseSchema) await dropPostgresSchema(process.env.DATABASE_URL, a.config.databaseSchema);
      fs.rmSync(a.dataDir, { recursive: true, force: true });
    }
  });

  it('takes an upload over a real connection (the body is a stream, not parsed JSON)', async () => {
    const url = await s.listen(0, '127.0.0.1');
    const body = Array.from({ length: 50 }, (_, i) => JSON.stringify({ type: 'track', userId: `net-${i % 5}`, event: 'Streamed' })).join('\n');
    const login = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: ownerEmail, password: PASSWORD }) });
    const session = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const { csrfToken } = await login.json() as { csrfToken: string };
    const res = await fetch(`${url}/api/workspaces/${wid}/customers/imports?format=jsonl&name=net.jsonl`, {
      method: 'POST', headers: { cookie: session, 'x-csrf-token': csrfToken, 'content-type': 'application/x-ndjson' }, body, signal: AbortSignal.timeout(10_000),
    });
    expect(res.status, await res.clone().text()).toBe(202);
    await s.imports.idle();
    expect((await owner.get(`/api/workspaces/${wid}/customers/imports/${(await res.json() as { id: string }).id}`)).json()).toMatchObject({ status: 'done', accepted: 50 });
  });

  it('marks an import failed when its chunks keep failing, instead of leaving it running', async () => {
    const a = await startTestServer({}, { importChunk: 2 });
    try {
      const { id: w, owner: o } = await a.workspace();
      await a.imports.stop();
      const res = await upload(o, w, '{"type":"track","userId":"x","event":"E"}\n'.repeat(5), 'format=jsonl', 'application/x-ndjson');
      fs.rmSync(`${a.dataDir}/imports/${res.json().id}.dat`); // the file is gone: every chunk fails
      const runner = new ImportRunner(a.deps, { retryMs: 1, log: () => {} });
      runner.kick(w, res.json().id);
      await runner.idle();
      const after = (await o.get(`/api/workspaces/${w}/customers/imports/${res.json().id}`)).json();
      expect(after.status).toBe('failed');
      expect(after.errors[0].message).toMatch(/^import stopped: /);
    } finally { await a.destroy(); }
  });
});

describe('an upload cut off mid-way', () => {
  it('imports nothing, keeps no file, and the server goes on answering', async () => {
    const http = await import('node:http');
    const addr = s.app.server.listening ? s.app.server.address() : null;
    const url = new URL(addr && typeof addr === 'object' ? `http://127.0.0.1:${addr.port}` : await s.listen(0, '127.0.0.1'));
    const key = await s.apiKey(wid, ['events:write']);
    const before = await countEvents(s, wid);
    const imports = () => s.deps.db.selectFrom('customer_imports').select('id').where('workspace_id', '=', wid).execute();
    const known = (await imports()).length;
    await new Promise<void>((resolve) => {
      const req = http.request({ host: url.hostname, port: url.port, method: 'POST', path: `/api/workspaces/${wid}/customers/imports?format=jsonl&name=cut.jsonl`,
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/x-ndjson', 'content-length': 1_000_000 } });
      req.on('error', () => resolve());
      req.write(`${JSON.stringify({ type: 'track', userId: 'cut-1', event: 'Half' })}\n`);
      setTimeout(() => { req.destroy(); resolve(); }, 200);
    });
    // The server sees the close, drops the partial file and records no import.
    const until = Date.now() + 5000;
    while (fs.existsSync(`${s.dataDir}/imports`) && fs.readdirSync(`${s.dataDir}/imports`).some((f) => f.endsWith('.dat') && fs.statSync(`${s.dataDir}/imports/${f}`).mtimeMs > Date.now() - 10_000) && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
    expect((await imports()).length).toBe(known);
    expect(await countEvents(s, wid)).toBe(before);
    const partial = fs.existsSync(`${s.dataDir}/imports`) ? fs.readdirSync(`${s.dataDir}/imports`).filter((f) => fs.statSync(`${s.dataDir}/imports/${f}`).mtimeMs > Date.now() - 10_000) : [];
    expect(partial).toEqual([]);
    expect((await owner.get(`/api/workspaces/${wid}/customers/imports`)).statusCode).toBe(200);
  });
});
