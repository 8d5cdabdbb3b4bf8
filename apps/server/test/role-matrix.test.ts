/**
 * The permission table, enforced: every workspace route × every role and every API key scope.
 * Allowed → the call succeeds (2xx, with a valid body, DELETEs on throwaway objects);
 * not allowed → exactly 403 forbidden and nothing changes. Plus CSRF on cookie writes.
 */
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { API_KEY_SCOPES, PERMISSIONS, ROLE_PERMISSIONS, ROLES, SCOPE_PERMISSIONS, roleAllows, scopesAllow, type ApiKeyScope, type Role } from '@touchpoint/shared';

vi.mock('../src/platform/http/app.js', () => import('./route-capture.js'));
import { capturedRoutes } from './route-capture.js';
import { liveSurvey, SAMPLE_SURVEY, startTestServer, type TestServer } from './harness.js';
import { bearer, expandRoutes, fill, isObjectKind, isWorkspaceRoute, makeObject, OBJECT_FACTORIES, send, sessionHeaders, type ObjectKind, type Route } from './workspace-routes.js';

interface Identity { label: string; headers: Record<string, string>; role?: Role; scope?: ApiKeyScope }

let s: TestServer;
let base: string;
let ws: Awaited<ReturnType<TestServer['workspace']>>;
let routes: Route[];
const identities: Identity[] = [];
const shared = { sid: '', memberId: '', invitationId: '', apiKeyId: '', objects: {} as Record<ObjectKind, string> };

beforeAll(async () => {
  s = await startTestServer();
  base = await s.listen(0, '127.0.0.1');
  routes = expandRoutes(capturedRoutes);
  ws = await s.workspace();
  shared.sid = (await liveSurvey(ws.owner, ws.id)).id;
  shared.memberId = (await s.member(ws.id, ws.owner, 'viewer')).userId;
  shared.invitationId = (await ws.owner.post(`/api/workspaces/${ws.id}/invitations`, { email: 'pending@example.org', role: 'agent' })).json().id;
  shared.apiKeyId = (await ws.owner.post(`/api/workspaces/${ws.id}/api-keys`, { name: 'shared', scopes: ['surveys:read'] })).json().id;
  for (const kind of Object.keys(OBJECT_FACTORIES) as ObjectKind[]) shared.objects[kind] = await makeObject((u, b) => ws.owner.post(u, b), ws.id, kind, shared.sid);
  for (const role of ROLES) {
    const email = role === 'owner' ? ws.ownerEmail : (await s.member(ws.id, ws.owner, role)).email;
    identities.push({ label: `${role} session`, role, headers: await sessionHeaders(s, email) });
  }
  for (const scope of API_KEY_SCOPES) identities.push({ label: `API key [${scope}]`, scope, headers: bearer(await s.apiKey(ws.id, [scope])) });
});
afterAll(async () => { await s.destroy(); });

const allowed = (who: Identity, r: Route) => (who.role ? roleAllows(who.role, r.spec!.permission) : scopesAllow([who.scope!], r.spec!.permission));

/** Ids for one call: a fresh object when a DELETE may really happen, the shared ones otherwise. */
async function idsFor(r: Route, mayRun: boolean) {
  const kind = r.spec!.id;
  const ids = { wid: ws.id, sid: shared.sid, id: kind === 'member' ? shared.memberId : kind === 'invitation' ? shared.invitationId : isObjectKind(kind) ? shared.objects[kind] : shared.apiKeyId };
  if (!mayRun || r.method !== 'DELETE') return ids;
  if (r.url.endsWith('/surveys/:sid')) ids.sid = (await ws.owner.post(`/api/workspaces/${ws.id}/surveys`, SAMPLE_SURVEY)).json().id;
  else if (r.spec!.id === 'member') ids.id = (await s.member(ws.id, ws.owner, 'viewer')).userId;
  else if (r.spec!.id === 'invitation') ids.id = (await ws.owner.post(`/api/workspaces/${ws.id}/invitations`, { email: `gone-${crypto.randomUUID()}@example.org`, role: 'viewer' })).json().id;
  else if (isObjectKind(kind)) ids.id = await makeObject((u, b) => ws.owner.post(u, b), ws.id, kind, shared.sid);
  else if (r.spec!.id === 'apiKey') ids.id = (await ws.owner.post(`/api/workspaces/${ws.id}/api-keys`, { name: 'throwaway', scopes: ['surveys:read'] })).json().id;
  else throw new Error(`no throwaway object for ${r.key}`);
  return ids;
}

describe('role and scope matrix over every workspace route', () => {
  it('pins the facts of the permission table the matrix relies on', () => {
    expect(ROLE_PERMISSIONS.owner).toEqual(PERMISSIONS);
    expect([...ROLE_PERMISSIONS.admin].sort()).toEqual([...PERMISSIONS].sort());
    expect([...ROLE_PERMISSIONS.viewer].sort()).toEqual(['members.read', 'responses.read', 'strategy.read', 'surveys.read', 'workspace.read']);
    expect(ROLES.filter((r) => roleAllows(r, 'strategy.manage'))).toEqual(['owner', 'admin', 'analyst']);
    for (const p of ['members.manage', 'apikeys.manage', 'audit.read', 'workspace.manage'] as const) {
      expect(ROLES.filter((r) => roleAllows(r, p))).toEqual(['owner', 'admin']);
      expect(API_KEY_SCOPES.filter((sc) => SCOPE_PERMISSIONS[sc].includes(p))).toEqual([]);
    }
    expect(roleAllows('agent', 'responses.export')).toBe(false);
    expect(roleAllows('agent', 'surveys.write')).toBe(false);
    expect(roleAllows('analyst', 'surveys.write')).toBe(true);
  });

  it('allows exactly what ROLE_PERMISSIONS / SCOPE_PERMISSIONS grant, and answers 403 forbidden otherwise', async () => {
    const wr = routes.filter(isWorkspaceRoute);
    expect(wr.length).toBeGreaterThan(30);
    expect(wr.filter((r) => !r.spec).map((r) => r.key)).toEqual([]);
    const failures: string[] = [];
    let granted = 0, denied = 0;
    for (const r of wr) {
      for (const who of identities) {
        const ok = allowed(who, r);
        const res = await send(s, base, r.method, fill(r.url, await idsFor(r, ok)), who.headers, r.spec);
        if (ok) {
          granted++;
          if (res.status < 200 || res.status > 299) failures.push(`${who.label} ${r.key}: expected 2xx, got ${res.status} ${res.body.slice(0, 160)}`);
        } else {
          denied++;
          const code = r.method === 'HEAD' ? 'forbidden' : JSON.parse(res.body || '{}').error?.code;
          if (res.status !== 403 || code !== 'forbidden') failures.push(`${who.label} ${r.key}: expected 403 forbidden, got ${res.status} ${res.body.slice(0, 160)}`);
        }
      }
    }
    expect(failures).toEqual([]);
    expect(granted).toBeGreaterThan(100);
    expect(denied).toBeGreaterThan(100);
  });

  it('left every shared object alone while refusing', async () => {
    const get = async (url: string) => (await ws.owner.get(`/api/workspaces/${ws.id}${url}`)).json();
    expect((await get(`/surveys/${shared.sid}`)).status).toBe('live');
    expect((await get('/members')).items.map((m: { id: string }) => m.id)).toContain(shared.memberId);
    expect((await get('/invitations')).items).toContainEqual(expect.objectContaining({ id: shared.invitationId, revoked_at: null }));
    expect((await get('/api-keys')).items).toContainEqual(expect.objectContaining({ id: shared.apiKeyId, revokedAt: null }));
  });

  it('refuses API keys on routes meant for signed-in people', async () => {
    const sessionRoutes = routes.filter((r) => r.access?.kind === 'session');
    expect(sessionRoutes.length).toBeGreaterThanOrEqual(4);
    for (const r of sessionRoutes) {
      const res = await s.app.inject({ method: r.method as 'GET', url: r.url, headers: bearer(await s.apiKey(ws.id, [...API_KEY_SCOPES])), payload: r.method === 'POST' ? { name: 'by key' } : undefined });
      expect(res.statusCode, r.key).toBe(403);
      if (r.method !== 'HEAD') expect(res.json().error.code).toBe('forbidden');
    }
  });

  it('demands x-csrf-token on every cookie-authenticated write', async () => {
    const owner = identities.find((i) => i.role === 'owner')!;
    const cookieOnly = { cookie: owner.headers.cookie };
    const before = (await ws.owner.get(`/api/workspaces/${ws.id}/surveys`)).json().items.length;
    const writes = routes.filter((r) => (isWorkspaceRoute(r) || r.access?.kind === 'session') && !['GET', 'HEAD'].includes(r.method));
    expect(writes.length).toBeGreaterThan(12);
    for (const r of writes) {
      const url = fill(r.url, { wid: ws.id, sid: shared.sid, id: shared.memberId });
      for (const headers of [cookieOnly, { ...cookieOnly, 'x-csrf-token': 'forged-token-value' }]) {
        const res = await send(s, base, r.method, url, headers, r.spec ?? { permission: 'workspace.read', body: () => ({ name: 'csrf' }) });
        expect(res.status, r.key).toBe(403);
        expect(JSON.parse(res.body).error.code, r.key).toBe('csrf_failed');
      }
    }
    expect((await ws.owner.get(`/api/workspaces/${ws.id}/surveys`)).json().items.length).toBe(before);
    expect((await ws.owner.get(`/api/workspaces/${ws.id}/surveys/${shared.sid}`)).statusCode).toBe(200);
    // The same call with the token goes through: the refusals above were about CSRF only.
    expect((await ws.owner.post(`/api/workspaces/${ws.id}/surveys`, SAMPLE_SURVEY)).statusCode).toBe(201);
  });
});
