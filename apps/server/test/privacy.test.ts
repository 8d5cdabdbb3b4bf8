/**
 * Respondents' emails and names never reach the store in plain text, whatever path brings
 * them (email invitations, batch responses, CSV import): the raw SQLite file (after a WAL
 * checkpoint, plus the WAL) or every text column in PostgreSQL is scanned for them. Then
 * `rotateKeys` re-encrypts everything under a new key without losing a value.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rotateKeys } from '../src/cli/rotate-keys.js';
import { sqlitePath } from '../src/platform/config.js';
import { FieldCipher, loadKeyRing } from '../src/platform/crypto/field-cipher.js';
import { liveSurvey, startTestServer, type TestServer } from './harness.js';

const tag = crypto.randomBytes(4).toString('hex');
const PEOPLE = [
  { email: `Privacy.Probe.${tag}@Example.COM`, name: `陳大文${tag}` },
  { email: `wang.xiaoming.${tag}@example.cn`, name: `王小明 ${tag}` },
  { email: `zoe.${tag}@example.org`, name: `Zoë Ångström ${tag}` },
  { email: `csv.${tag}@example.net`, name: `林美玲${tag}` },
];
const PLAIN_MARKER = `plain-comment-marker-${tag}`; // stored in clear on purpose: proves the scan sees data
let s: TestServer;
let ws: Awaited<ReturnType<TestServer['workspace']>>;
let survey: { id: string; publicId: string };

/** Every forbidden string: emails as given and normalised, their local parts, names. */
const forbidden = () => PEOPLE.flatMap((p) => [p.email, p.email.toLowerCase(), p.email.split('@')[0].toLowerCase(), p.name]);

/** Which of `needles` appear anywhere in the store, read raw. */
async function findInStore(needles: string[]): Promise<string[]> {
  if (s.store.kind === 'sqlite') {
    s.store.sqlite!.pragma('wal_checkpoint(TRUNCATE)');
    const file = sqlitePath(s.config);
    const bytes = Buffer.concat([file, `${file}-wal`].filter((f) => fs.existsSync(f)).map((f) => fs.readFileSync(f)));
    return needles.filter((n) => bytes.includes(Buffer.from(n, 'utf8')) || bytes.includes(Buffer.from(n.toLowerCase(), 'utf8')));
  }
  const cols = await sql<{ table_name: string; column_name: string }>`
    select table_name, column_name from information_schema.columns
    where table_schema = ${s.config.databaseSchema} and data_type in ('text', 'character varying', 'json', 'jsonb', 'character')`.execute(s.deps.db);
  expect(cols.rows.length).toBeGreaterThan(30);
  const found: string[] = [];
  for (const n of needles) {
    for (const c of cols.rows) {
      const hit = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(c.table_name)} where lower(${sql.ref(c.column_name)}::text) like ${'%' + n.toLowerCase() + '%'}`.execute(s.deps.db);
      if (hit.rows[0].n > 0) { found.push(n); break; }
    }
  }
  return found;
}

beforeAll(async () => {
  s = await startTestServer();
  ws = await s.workspace();
  survey = await liveSurvey(ws.owner, ws.id);
  const inv = await ws.owner.post(`/api/workspaces/${ws.id}/surveys/${survey.id}/invitations`, { recipients: PEOPLE.slice(0, 2).map((p) => ({ email: p.email, name: p.name, language: 'zh-Hant' })) });
  expect(inv.statusCode, inv.body).toBe(200);
  expect(inv.json().sent).toBe(2);
  const key = await s.apiKey(ws.id, ['responses:write']);
  const batch = await s.app.inject({
    method: 'POST', url: `/api/workspaces/${ws.id}/surveys/${survey.id}/responses/batch`, headers: { authorization: `Bearer ${key}` },
    payload: { responses: [
      { answers: { nps: 9, comment: PLAIN_MARKER }, respondent: PEOPLE[0] }, // same person as invited: found by lookup hash
      { answers: { nps: 4 }, respondent: PEOPLE[2], customerExternalId: `cust-${tag}` },
    ] },
  });
  expect(batch.statusCode, batch.body).toBe(201);
  const csv = `nps,email,name\n7,${PEOPLE[3].email},${PEOPLE[3].name}\n`;
  const imp = await ws.owner.request({ method: 'POST', url: `/api/workspaces/${ws.id}/surveys/${survey.id}/responses/import`, payload: csv, headers: { 'content-type': 'text/csv' } });
  expect(imp.json().imported, imp.body).toBe(1);
});
afterAll(async () => { await s.destroy(); });

const respondents = () => s.deps.db.selectFrom('respondents').select(['id', 'email_enc', 'email_hash', 'name_enc']).where('workspace_id', '=', ws.id).orderBy('id').execute();

describe('personal data at rest', () => {
  it('stores each respondent once, encrypted, findable by keyed hash', async () => {
    const rows = await respondents();
    expect(rows).toHaveLength(PEOPLE.length);
    const byHash = new Map(rows.map((r) => [r.email_hash, r]));
    for (const p of PEOPLE) {
      const row = byHash.get(s.deps.cipher.lookupHash(p.email.toLowerCase()));
      expect(row, p.email).toBeDefined();
      expect(s.deps.cipher.decrypt(row!.email_enc!)).toBe(p.email.toLowerCase());
      expect(s.deps.cipher.decrypt(row!.name_enc!)).toBe(p.name);
    }
  });

  it('never writes an email or a name in plain text to the store', async () => {
    expect(await findInStore([PLAIN_MARKER, `cust-${tag}`])).toEqual([PLAIN_MARKER, `cust-${tag}`]); // the scan works
    expect(await findInStore(forbidden())).toEqual([]);
  });

  it('rotates keys: every value moves to the new key, reads back the same, look-ups keep working', async () => {
    const before = await respondents();
    expect(before.every((r) => s.deps.cipher.keyIdOf(r.email_enc!) === 'k1')).toBe(true);
    const progress: [string, number][] = [];
    const r = await rotateKeys(s.deps, (table, n) => progress.push([table, n]));
    expect(r.fromEnv).toBe(false);
    expect(r.ring.activeKeyId).toBe('k2');
    expect(r.reencrypted).toBe(PEOPLE.length);
    expect(progress.at(-1)).toEqual(['respondents', PEOPLE.length]);
    expect(loadKeyRing(undefined, s.dataDir).activeKeyId).toBe('k2'); // saved for the next start

    const rotated = new FieldCipher(r.ring);
    const after = await respondents();
    expect(after.map((x) => x.email_hash)).toEqual(before.map((x) => x.email_hash));
    after.forEach((row, i) => {
      for (const col of ['email_enc', 'name_enc'] as const) {
        expect(rotated.keyIdOf(row[col]!)).toBe('k2');
        expect(row[col]).not.toBe(before[i][col]);
        expect(rotated.decrypt(row[col]!)).toBe(s.deps.cipher.decrypt(before[i][col]!));
      }
    });
    // A value the running server writes after the rotation (its ring in memory is older) stays readable.
    const late = { email: `late.${tag}@example.com`, name: `遲到${tag}` };
    expect((await ws.owner.post(`/api/workspaces/${ws.id}/surveys/${survey.id}/invitations`, { recipients: [late] })).json().sent).toBe(1);
    const lateRow = (await respondents()).find((x) => x.email_hash === s.deps.cipher.lookupHash(late.email))!;
    expect(new FieldCipher(loadKeyRing(undefined, s.dataDir)).decrypt(lateRow.name_enc!)).toBe(late.name);
    PEOPLE.push(late);

    // The recontact throttle still finds the invited person by hash after rotation.
    const again = await ws.owner.post(`/api/workspaces/${ws.id}/surveys/${survey.id}/invitations`, { recipients: [{ email: PEOPLE[0].email }] });
    expect(again.json()).toMatchObject({ sent: 0, throttled: [PEOPLE[0].email.toLowerCase()] });
    expect(await findInStore(forbidden())).toEqual([]);
  });
});
