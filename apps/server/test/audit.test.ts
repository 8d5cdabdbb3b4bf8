/**
 * The audit log. Each sampled mutation is first tried with audit inserts made to fail (a
 * database trigger): the change must not happen at all, which proves change and audit row
 * share one transaction. Then it runs normally and writes exactly one row naming action,
 * actor and target. Finally the listing: filters by action prefix, actor, type and date,
 * cursor paging, and who may read it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { liveSurvey, SAMPLE_SURVEY, startTestServer, type Client, type TestServer } from './harness.js';

let s: TestServer;
let ws: Awaited<ReturnType<TestServer['workspace']>>;
let survey: { id: string; publicId: string };
let viewer: Client;
let key: string;

beforeAll(async () => {
  s = await startTestServer();
  ws = await s.workspace();
  survey = await liveSurvey(ws.owner, ws.id);
  viewer = await s.member(ws.id, ws.owner, 'viewer');
  key = await s.apiKey(ws.id, ['responses:write']);
});
afterAll(async () => { await s.destroy(); });

async function blockAudit(on: boolean) {
  if (s.store.kind === 'sqlite') {
    s.store.sqlite!.exec(on ? "CREATE TRIGGER tp_block_audit BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'audit blocked'); END" : 'DROP TRIGGER tp_block_audit');
  } else if (on) {
    await sql`CREATE OR REPLACE FUNCTION tp_block_audit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'audit blocked'; END $$`.execute(s.deps.db);
    await sql`CREATE TRIGGER tp_block_audit BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION tp_block_audit()`.execute(s.deps.db);
  } else {
    await sql`DROP TRIGGER tp_block_audit ON audit_log`.execute(s.deps.db);
  }
}
const db = () => s.deps.db;
const auditRows = () => db().selectFrom('audit_log').selectAll().where('workspace_id', '=', ws.id).execute();
const count = async (table: 'surveys' | 'invitations' | 'api_keys' | 'responses' | 'survey_invites', where: Record<string, string> = {}) => {
  let q = db().selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n'));
  for (const [k, v] of Object.entries(where)) q = q.where(k as never, '=', v as never);
  return Number((await q.executeTakeFirstOrThrow()).n);
};
const outboxMail = () => { const f = path.join(s.dataDir, 'outbox.eml.log'); return fs.existsSync(f) ? fs.readFileSync(f, 'utf8').length : 0; };
const bearer = (k: string) => ({ authorization: `Bearer ${k}` });

interface Case {
  action: string; actor: () => string; targetType: string;
  run: () => Promise<LightMyRequestResponse>;
  /** What the mutation changes; must be identical after a failed (audit-blocked) attempt. */
  state: () => Promise<unknown>;
  target?: (res: LightMyRequestResponse) => string;
}

let throwaway = { sid: '', keyId: '', key: '', invitationId: '' };
const owner = () => ws.ownerEmail;
const CASES: Case[] = [
  { action: 'survey.created', actor: owner, targetType: 'survey', run: () => ws.owner.post(`/api/workspaces/${ws.id}/surveys`, { ...SAMPLE_SURVEY, name: 'Audited' }), state: () => count('surveys', { workspace_id: ws.id }), target: (r) => r.json().id },
  { action: 'survey.updated', actor: owner, targetType: 'survey', run: () => ws.owner.patch(`/api/workspaces/${ws.id}/surveys/${survey.id}`, { name: 'Renamed' }), state: async () => (await ws.owner.get(`/api/workspaces/${ws.id}/surveys/${survey.id}`)).json().name, target: () => survey.id },
  { action: 'survey.closed', actor: owner, targetType: 'survey', run: () => ws.owner.post(`/api/workspaces/${ws.id}/surveys/${throwaway.sid}/status`, { status: 'closed' }), state: async () => (await ws.owner.get(`/api/workspaces/${ws.id}/surveys/${throwaway.sid}`)).json().status, target: () => throwaway.sid },
  { action: 'survey.deleted', actor: owner, targetType: 'survey', run: () => ws.owner.delete(`/api/workspaces/${ws.id}/surveys/${throwaway.sid}`), state: () => count('surveys', { id: throwaway.sid }), target: () => throwaway.sid },
  { action: 'member.role_changed', actor: owner, targetType: 'user', run: () => ws.owner.patch(`/api/workspaces/${ws.id}/members/${viewer.userId}`, { role: 'analyst' }), state: async () => (await ws.owner.get(`/api/workspaces/${ws.id}/members`)).json().items.find((m: { id: string }) => m.id === viewer.userId).role, target: () => viewer.userId },
  { action: 'invitation.created', actor: owner, targetType: 'invitation', run: () => ws.owner.post(`/api/workspaces/${ws.id}/invitations`, { email: 'audited@example.com', role: 'agent' }), state: async () => [await count('invitations', { workspace_id: ws.id }), outboxMail()], target: (r) => r.json().id },
  { action: 'invitation.revoked', actor: owner, targetType: 'invitation', run: () => ws.owner.delete(`/api/workspaces/${ws.id}/invitations/${throwaway.invitationId}`), state: async () => (await db().selectFrom('invitations').select('revoked_at').where('id', '=', throwaway.invitationId).executeTakeFirstOrThrow()).revoked_at, target: () => throwaway.invitationId },
  { action: 'api_key.created', actor: owner, targetType: 'api_key', run: () => ws.owner.post(`/api/workspaces/${ws.id}/api-keys`, { name: 'audited', scopes: ['surveys:read'] }), state: () => count('api_keys', { workspace_id: ws.id }), target: (r) => r.json().id },
  { action: 'api_key.revoked', actor: owner, targetType: 'api_key', run: () => ws.owner.delete(`/api/workspaces/${ws.id}/api-keys/${throwaway.keyId}`), state: async () => (await s.app.inject({ url: `/api/workspaces/${ws.id}/surveys`, headers: bearer(throwaway.key) })).statusCode, target: () => throwaway.keyId },
  { action: 'workspace.updated', actor: owner, targetType: 'workspace', run: () => ws.owner.patch(`/api/workspaces/${ws.id}`, { settings: { recontactCooldownDays: 7 } }), state: async () => (await ws.owner.get(`/api/workspaces/${ws.id}`)).json().settings, target: () => ws.id },
  { action: 'responses.batch_stored', actor: () => 'API key test', targetType: 'survey', run: () => s.app.inject({ method: 'POST', url: `/api/workspaces/${ws.id}/surveys/${survey.id}/responses/batch`, headers: bearer(key), payload: { responses: [{ answers: { nps: 9 } }, { answers: { nps: 2 }, respondent: { email: 'who@example.com' } }] } }), state: async () => [await count('responses', { survey_id: survey.id }), (await db().selectFrom('respondents').select('id').where('workspace_id', '=', ws.id).execute()).length], target: () => survey.id },
  { action: 'survey.invite_sent', actor: owner, targetType: 'survey_invite', run: () => ws.owner.post(`/api/workspaces/${ws.id}/surveys/${survey.id}/invitations`, { recipients: [{ email: 'invitee@example.com' }] }), state: async () => [await count('survey_invites', { survey_id: survey.id }), outboxMail()] },
  { action: 'response.submitted', actor: () => 'respondent', targetType: 'response', run: () => s.app.inject({ method: 'POST', url: `/api/public/surveys/${survey.publicId}/responses`, payload: { idempotencyKey: 'audited-visit', answers: { nps: 7 } } }), state: () => count('responses', { survey_id: survey.id }), target: (r) => r.json().id },
];

describe('audit rows commit with their change', () => {
  beforeAll(async () => {
    throwaway.sid = (await liveSurvey(ws.owner, ws.id)).id;
    const k = (await ws.owner.post(`/api/workspaces/${ws.id}/api-keys`, { name: 'to revoke', scopes: ['surveys:read'] })).json();
    throwaway = { ...throwaway, keyId: k.id, key: k.key, invitationId: (await ws.owner.post(`/api/workspaces/${ws.id}/invitations`, { email: 'to-revoke@example.com', role: 'viewer' })).json().id };
  });

  for (const c of CASES) {
    it(`${c.action}: nothing happens without its audit row; then exactly one row`, async () => {
      const before = await c.state();
      const rowsBefore = await auditRows();
      await blockAudit(true);
      let blocked: LightMyRequestResponse;
      try { blocked = await c.run(); } finally { await blockAudit(false); }
      expect(blocked.statusCode, blocked.body).toBe(500);
      expect(await c.state()).toEqual(before);
      expect(await auditRows()).toHaveLength(rowsBefore.length);

      const res = await c.run();
      expect(res.statusCode, res.body).toBeLessThan(300);
      expect(await c.state()).not.toEqual(before);
      const added = (await auditRows()).filter((r) => !rowsBefore.some((b) => b.id === r.id));
      expect(added.map((r) => r.action)).toEqual([c.action]);
      expect(added[0]).toMatchObject({ actor_label: c.actor(), target_type: c.targetType, ...(c.target ? { target_id: c.target(res) } : {}) });
    });
  }
});

describe('GET …/audit', () => {
  const list = (query: string, who: Client = ws.owner) => who.get(`/api/workspaces/${ws.id}/audit?${query}`);

  it('filters by action prefix, actor, target type and date', async () => {
    const all = (await list('limit=500')).json().items as { id: string; action: string; actor: string; targetType: string; createdAt: string }[];
    expect(all.length).toBeGreaterThan(CASES.length);
    const surveyOnly = (await list('action=survey.&limit=500')).json().items as typeof all;
    expect(new Set(surveyOnly.map((i) => i.action))).toEqual(new Set(['survey.created', 'survey.published', 'survey.updated', 'survey.closed', 'survey.deleted', 'survey.invite_sent']));
    expect(surveyOnly.map((i) => i.id)).toEqual(all.filter((i) => i.action.startsWith('survey.')).map((i) => i.id));
    const byKey = (await list(`actor=${encodeURIComponent('API key')}`)).json().items as typeof all;
    expect(byKey.map((i) => i.action)).toEqual(['responses.batch_stored']);
    expect((await list(`actor=${encodeURIComponent(viewer.email)}`)).json().items.map((i: { action: string }) => i.action)).toEqual(['invitation.accepted']);
    expect((await list('targetType=api_key')).json().items.map((i: { action: string }) => i.action).sort()).toEqual(['api_key.created', 'api_key.created', 'api_key.created', 'api_key.revoked']); // test key, throwaway, audited

    const t0 = new Date().toISOString();
    await new Promise((r) => setTimeout(r, 5));
    await ws.owner.patch(`/api/workspaces/${ws.id}`, { name: 'Windowed' });
    await new Promise((r) => setTimeout(r, 5));
    const t1 = new Date().toISOString();
    await ws.owner.patch(`/api/workspaces/${ws.id}`, { name: 'After the window' });
    const window = (await list(`from=${t0}&to=${t1}`)).json().items;
    expect(window.map((i: { details: { name?: string } }) => i.details.name)).toEqual(['Windowed']);
    expect((await list(`to=${t0}&limit=500`)).json().items).toHaveLength(all.length);
    expect((await list(`from=${t1}`)).json().items.map((i: { details: { name?: string } }) => i.details.name)).toEqual(['After the window']);
  });

  it('pages newest first with the cursor, without gaps or repeats', async () => {
    const all = (await list('limit=500')).json();
    expect(all.nextCursor).toBeNull();
    const ids: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: { items: { id: string }[]; nextCursor: string | null } = (await list(`limit=4${cursor ? `&before=${encodeURIComponent(cursor)}` : ''}`)).json();
      expect(page.items.length).toBeLessThanOrEqual(4);
      ids.push(...page.items.map((i: { id: string }) => i.id));
      cursor = page.nextCursor;
      pages++;
    } while (cursor && pages < 100);
    expect(ids).toEqual(all.items.map((i: { id: string }) => i.id));
    expect(pages).toBe(Math.ceil(ids.length / 4));
    const times = all.items.map((i: { createdAt: string }) => i.createdAt);
    expect([...times].sort().reverse()).toEqual(times);
    const prefixed = (await list('action=api_key.&limit=1')).json();
    expect((await list(`action=api_key.&limit=5&before=${encodeURIComponent(prefixed.nextCursor)}`)).json().items.every((i: { action: string }) => i.action.startsWith('api_key.'))).toBe(true);
  });

  it('is for owners and admins only', async () => {
    const admin = await s.member(ws.id, ws.owner, 'admin');
    expect((await list('', admin)).statusCode).toBe(200);
    for (const role of ['viewer', 'agent', 'analyst'] as const) {
      const who = role === 'viewer' ? await s.login(viewer.email, 'correct horse battery') : await s.member(ws.id, ws.owner, role);
      const res = await list('', who);
      expect(res.statusCode, role).toBe(403);
      expect(res.json().error.code).toBe('forbidden');
    }
    const allScopes = await s.apiKey(ws.id, ['surveys:read', 'surveys:write', 'responses:read', 'responses:write', 'responses:export']);
    expect((await s.app.inject({ url: `/api/workspaces/${ws.id}/audit`, headers: bearer(allScopes) })).statusCode).toBe(403);
  });
});
