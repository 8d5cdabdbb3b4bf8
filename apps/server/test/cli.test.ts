/**
 * The `touchpoint` CLI as a child process on its own store (SQLite in a temp DATA_DIR, or its
 * own PostgreSQL schema): migrate, workspace and API key creation, CSV import (bad rows
 * reported, re-import stores nothing twice, progress on stderr), export in both formats,
 * demo seeding and key rotation. An in-process server on the same store checks the key works.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FieldCipher, loadKeyRing } from '../src/platform/crypto/field-cipher.js';
import { liveSurvey, startTestServer, type TestServer } from './harness.js';
import { childStore, runCli } from './processes.js';

const store = childStore();
const cli = (...args: string[]) => runCli(args, store.env);
let s: TestServer;
let workspaceId = '';
let surveyId = '';
let key = '';

const ROWS = [
  { nps: '9', csat: '5', plan: 'pro', used: 'app|web', comment: '送貨很快 fast delivery', email: 'mei@example.com', name: '林美玲', customer_id: 'C-1', submitted_at: '2026-01-05 10:30' },
  { nps: '3', csat: '2', why_bad: 'late, "very" late', plan: 'free', used: 'chat', comment: 'line one\nline two', email: 'tai.man@example.com', name: '陳大文', customer_id: 'C-2', submitted_at: '2026-01-06' },
  { nps: '11', csat: '4', comment: 'out of range', email: '', name: '', customer_id: 'C-3', submitted_at: '' },
  { nps: '7', csat: '', plan: '', used: '', comment: '', email: '', name: '', customer_id: '', submitted_at: '2026-02-01T08:00:00Z' },
  { nps: '10', csat: '3', plan: 'pro', used: 'web;app', comment: 'Zoë says hi 👋', email: 'zoe@example.org', name: 'Zoë', customer_id: 'C-4', submitted_at: '2026-02-02 09:15:30' },
];
const HEADER = ['nps', 'csat', 'why_bad', 'plan', 'used', 'comment', 'email', 'name', 'customer_id', 'submitted_at'];
const csvCell = (v = '') => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
const expectedAnswers = (r: (typeof ROWS)[number]) => {
  const a: Record<string, unknown> = { nps: Number(r.nps) };
  if (r.csat) a.csat = Number(r.csat);
  if (r.why_bad) a.why_bad = r.why_bad;
  if (r.plan) a.plan = r.plan;
  if (r.used) a.used = r.used.split(/[|;]/);
  if (r.comment) a.comment = r.comment;
  return a;
};
const GOOD = ROWS.filter((r) => r.nps !== '11');

beforeAll(async () => {
  const migrated = await cli('migrate');
  expect(migrated.code, migrated.stderr).toBe(0);
  expect(JSON.parse(migrated.stdout).applied.length).toBeGreaterThan(0);
}, 60_000);
afterAll(async () => {
  await s?.destroy();
  await store.destroy();
});

describe('touchpoint CLI', () => {
  it('migrate is idempotent, also for a second schema or data directory', async () => {
    expect(JSON.parse((await cli('migrate')).stdout)).toEqual({ applied: [] });
    const other = childStore();
    try {
      const r = await runCli(['migrate'], other.env);
      expect(r.code, r.stderr).toBe(0);
      expect(JSON.parse(r.stdout).applied.length).toBeGreaterThan(0);
    } finally { await other.destroy(); }
  });

  it('creates a workspace and an API key that works as Bearer on the batch API', async () => {
    const bad = await cli('workspace', 'create', '--name', 'X', '--owner-email', 'x@example.com', '--password', 'short');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/at least 10 characters/);
    const ws = await cli('workspace', 'create', '--name', 'CLI 工作區', '--owner-email', 'cli.owner@example.com', '--password', 'cli-password-123');
    expect(ws.code, ws.stderr).toBe(0);
    const created = JSON.parse(ws.stdout);
    expect(created).toMatchObject({ workspaceId: expect.any(String), userId: expect.any(String), createdUser: true });
    workspaceId = created.workspaceId;

    expect((await cli('api-key', 'create', '--workspace', workspaceId, '--name', 'etl', '--scopes', 'responses:nope')).code).toBe(1);
    const missing = await cli('api-key', 'create', '--workspace', 'no-such-workspace', '--name', 'etl', '--scopes', 'responses:write');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('workspace_not_found');
    const k = await cli('api-key', 'create', '--workspace', workspaceId, '--name', 'etl', '--scopes', 'responses:write');
    expect(k.code, k.stderr).toBe(0);
    key = k.stdout.trim();
    expect(key).toMatch(/^tpk_[A-Za-z0-9_-]{40,}$/);

    s = await startTestServer({ dataDir: store.dataDir, databaseSchema: store.schema });
    const owner = await s.login('cli.owner@example.com', 'cli-password-123');
    surveyId = (await liveSurvey(owner, workspaceId)).id;
    const auth = { authorization: `Bearer ${key}` };
    const batch = await s.app.inject({ method: 'POST', url: `/api/workspaces/${workspaceId}/surveys/${surveyId}/responses/batch`, headers: auth, payload: { responses: [{ idempotencyKey: 'api-1', answers: { nps: 8, comment: 'via the API' } }] } });
    expect(batch.statusCode, batch.body).toBe(201);
    expect((await s.app.inject({ url: `/api/workspaces/${workspaceId}/surveys/${surveyId}/responses`, headers: auth })).statusCode).toBe(403);
    expect((await s.app.inject({ url: `/api/workspaces/${workspaceId}/surveys`, headers: { authorization: `Bearer ${key}x` } })).statusCode).toBe(401);
  });

  it('imports a CSV: reports the bad row, prints progress, stores nothing twice', async () => {
    const file = path.join(store.dataDir, 'responses.csv');
    fs.writeFileSync(file, '\ufeff' + [HEADER.join(','), ...ROWS.map((r) => HEADER.map((h) => csvCell((r as Record<string, string>)[h])).join(','))].join('\r\n') + '\r\n');
    const first = await cli('import', 'responses', file, '--survey', surveyId);
    expect(first.code, first.stderr).toBe(0);
    const report = JSON.parse(first.stdout);
    expect(report).toMatchObject({ rows: 5, imported: 4, duplicates: 0, invalid: 1 });
    expect(report.errors).toEqual([{ row: 4, path: 'answers.nps', message: expect.stringMatching(/10/) }]);
    expect(first.stderr).toMatch(/^Importing: 4\/4 \(100%\)$/m);

    const again = await cli('import', 'responses', file, '--survey', surveyId);
    expect(JSON.parse(again.stdout)).toMatchObject({ rows: 5, imported: 0, duplicates: 4, invalid: 1 });
    const n = await s.deps.db.selectFrom('responses').select('id').where('survey_id', '=', surveyId).execute();
    expect(n).toHaveLength(GOOD.length + 1);
    const unknown = await cli('import', 'responses', file, '--survey', 'no-such-survey');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('survey_not_found');
  });

  it('imports customer events from JSONL with progress; run again, it stores nothing twice', async () => {
    const file = path.join(store.dataDir, 'events.jsonl');
    const lines = Array.from({ length: 1200 }, (_, i) => JSON.stringify(i % 400 === 0 ? { type: 'identify', userId: `cli-${i}`, name: '王小明', email: `cli-${i}@example.org` } : { type: 'track', userId: `cli-${i - (i % 400)}`, event: 'Scrolled' }));
    fs.writeFileSync(file, [...lines, 'not json'].join('\n'));
    const first = await cli('import', 'events', file, '--workspace', workspaceId);
    expect(first.code, first.stderr).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ records: 1201, accepted: 1200, duplicates: 0, invalid: 1, errors: [{ record: 1201, message: 'not valid JSON' }] });
    expect(first.stderr).toMatch(/Importing events: \d+\/\d+ \(100%\)/);
    const again = await cli('import', 'events', file, '--workspace', workspaceId);
    expect(JSON.parse(again.stdout)).toMatchObject({ accepted: 0, duplicates: 1200 });
    const refused = await cli('import', 'events', file, '--workspace', 'no-such-workspace');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/no workspace/);
  });

  it('exports a person as JSON and erases them, only with --yes', async () => {
    const { id } = await s.deps.db.selectFrom('customers').select('id').where('workspace_id', '=', workspaceId).where('name_enc', 'is not', null).where('merged_into', 'is', null).orderBy('id').executeTakeFirstOrThrow();
    const exported = await cli('customers', 'export', '--workspace', workspaceId, '--id', id);
    expect(exported.code, exported.stderr).toBe(0);
    const data = JSON.parse(exported.stdout);
    expect(data.person).toMatchObject({ id, name: '王小明' });
    expect(data.events.length).toBeGreaterThan(1);
    const unconfirmed = await cli('customers', 'erase', '--workspace', workspaceId, '--id', id);
    expect(unconfirmed.code).toBe(1);
    expect(unconfirmed.stderr).toMatch(/--yes/);
    const erased = await cli('customers', 'erase', '--workspace', workspaceId, '--id', id, '--yes');
    expect(erased.code, erased.stderr).toBe(0);
    expect(JSON.parse(erased.stdout)).toMatchObject({ profiles: 1, events: data.events.length });
    expect(await s.deps.db.selectFrom('customers').select('id').where('id', '=', id).executeTakeFirst()).toBeUndefined();
  });

  it('exports the imported answers back, as CSV and as JSON lines', async () => {
    const csv = await cli('export', 'responses', '--survey', surveyId, '--format', 'csv');
    expect(csv.code, csv.stderr).toBe(0);
    expect(csv.stderr).toContain(`exported ${GOOD.length + 1} responses`);
    const records = parse(csv.stdout, { columns: true }) as Record<string, string>[];
    expect(records).toHaveLength(GOOD.length + 1);
    for (const r of GOOD) {
      const row = records.find((x) => x.customer_id === r.customer_id && x.nps === r.nps)!;
      expect(row, r.nps).toBeDefined();
      for (const col of ['nps', 'csat', 'why_bad', 'plan', 'comment']) expect(row[col], col).toBe((r as Record<string, string>)[col] ?? '');
      expect(row.used).toBe((r.used ?? '').replace(';', '|'));
      expect(row.channel).toBe('import');
    }
    const json = await cli('export', 'responses', '--survey', surveyId, '--format', 'json');
    const objects = json.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(objects).toHaveLength(GOOD.length + 1);
    for (const r of GOOD) {
      const o = objects.find((x) => x.answers.nps === Number(r.nps) && (x.customerExternalId ?? '') === r.customer_id);
      expect(o.answers).toEqual(expectedAnswers(r));
      if (r.submitted_at) expect(o.createdAt.slice(0, 10)).toBe(r.submitted_at.slice(0, 10));
    }
    expect(objects.find((x) => x.answers.comment === 'via the API').channel).toBe('api');
    expect((await cli('export', 'responses', '--survey', surveyId, '--format', 'xml')).code).toBe(1);
  });

  it('recounts the metrics of a workspace with a new time zone, with progress, and refuses bad input', async () => {
    const r = await cli('metrics', 'recount', '--workspace', workspaceId, '--time-zone', 'Asia/Taipei', '--dimensions', 'plan, region');
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    const stored = (await s.deps.db.selectFrom('responses').select('id').where('workspace_id', '=', workspaceId).execute()).length;
    expect(out).toMatchObject({ timeZone: 'Asia/Taipei', dimensions: ['plan', 'region'], recount: null, rebuilt: { responses: stored } });
    expect(r.stderr).toMatch(new RegExp(`^Recounting metrics: ${stored}/${stored} \\(100%\\)$`, 'm'));
    const metrics = await s.app.inject({ url: `/api/workspaces/${workspaceId}/metrics?from=2020-01-01&to=2029-12-31&interval=total`, headers: { authorization: `Bearer ${(await cli('api-key', 'create', '--workspace', workspaceId, '--name', 'read', '--scopes', 'responses:read')).stdout.trim()}` } });
    expect(metrics.json()).toMatchObject({ source: 'cube', timeZone: 'Asia/Taipei', total: { responses: stored } });
    const bad = await cli('metrics', 'recount', '--workspace', workspaceId, '--time-zone', 'Mars/Olympus');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('--time-zone');
    expect((await cli('metrics', 'recount', '--workspace', 'nope')).stderr).toContain('workspace_not_found');
  });

  it('analyses texts from a file: one JSON line each, a summary on stderr, exit 2 when a line could not be read', async () => {
    const file = path.join(store.dataDir, 'texts.jsonl');
    fs.writeFileSync(file, ['{"id": 1, "text": "The staff were lovely."}', '{"id": 2, "text": "物流太慢了，非常失望"}', '{"id": 3}'].join('\n'));
    const r = await cli('analyze', file);
    expect(r.code, r.stderr).toBe(2);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.id ?? l.error)).toEqual([1, 2, 'text: Invalid input: expected string, received undefined']);
    expect(lines[1]).toMatchObject({ language: 'zh-Hans', sentiment: { label: 'negative' } });
    expect(r.stderr).toMatch(/analysed 2 texts in [\d.]+ s .*1 lines not read/);
    expect((await cli('analyze', file, '--format', 'xml')).stderr).toContain('--format');
  });

  it('seeds a demo workspace with 500 responses', async () => {
    const demo = await cli('demo', '--responses', '500');
    expect(demo.code, demo.stderr).toBe(0);
    const out = JSON.parse(demo.stdout);
    expect(out).toMatchObject({ responses: 500, login: { email: 'demo@touchpoint.local' } });
    expect(out.surveys).toHaveLength(3);
    expect(demo.stderr).toMatch(/Seeding demo data: 500\/500 \(100%\)/);
    const rows = await s.deps.db.selectFrom('responses').select('id').where('workspace_id', '=', out.workspaceId).execute();
    expect(rows).toHaveLength(500);
  }, 60_000);

  it('rotates the field-encryption keys', async () => {
    const people = () => s.deps.db.selectFrom('respondents').select(['email_enc', 'name_enc']).where('workspace_id', '=', workspaceId).execute();
    const before = await people();
    expect(before).toHaveLength(3);
    const r = await cli('keys', 'rotate');
    expect(r.code, r.stderr).toBe(0);
    const respondents = (await s.deps.db.selectFrom('respondents').select('id').execute()).length;
    // The customer profiles the event import made: names and identifiers are encrypted too (a running count).
    const names = (await s.deps.db.selectFrom('customers').select('id').where('name_enc', 'is not', null).execute()).length;
    const identifiers = (await s.deps.db.selectFrom('customer_identifiers').select('id').execute()).length;
    expect(names * identifiers).toBeGreaterThan(0);
    // Closed-loop cases: each workspace's inbound secret (the demo set its cases up), rules' webhook secrets, customers' contacts.
    const caseRows = (await s.deps.db.selectFrom('case_settings').select('workspace_id').execute()).length
      + (await s.deps.db.selectFrom('case_rules').select('id').where('webhook_secret_enc', 'is not', null).execute()).length
      + (await s.deps.db.selectFrom('cases').select('id').where((eb) => eb.or([eb('customer_email_enc', 'is not', null), eb('customer_name_enc', 'is not', null)])).execute()).length;
    expect(caseRows).toBeGreaterThan(0);
    expect(JSON.parse(r.stdout.trim().split('\n')[0])).toEqual({ activeKeyId: 'k2', reencryptedRows: respondents + names + identifiers + caseRows });
    expect(r.stderr).toContain(`re-encrypted ${respondents} rows (respondents)`);
    expect(r.stderr).toContain(`re-encrypted ${respondents + names + identifiers} rows (customer_identifiers)`);
    const ring = loadKeyRing(undefined, store.dataDir);
    expect(ring.activeKeyId).toBe('k2');
    const cipher = new FieldCipher(ring);
    const after = await people();
    after.forEach((p) => expect(cipher.keyIdOf(p.email_enc!)).toBe('k2'));
    expect(after.map((p) => cipher.decrypt(p.name_enc!)).sort()).toEqual(before.map((p) => s.deps.cipher.decrypt(p.name_enc!)).sort());
    expect(after.map((p) => cipher.decrypt(p.name_enc!)).sort()).toEqual(['Zoë', '林美玲', '陳大文'].sort());
  });
});
