/**
 * Cross-workspace isolation over EVERY registered route: workspace B's owner and B's API key
 * (all scopes) aim at workspace A's id and A's real object ids and get 403/404, never 2xx and
 * never a byte of A's data; without credentials every non-public route answers 401.
 */
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { API_KEY_SCOPES } from '@touchpoint/shared';

vi.mock('../src/platform/http/app.js', () => import('./route-capture.js'));
import { capturedRoutes } from './route-capture.js';
import { SAMPLE_SURVEY, startTestServer, type TestServer } from './harness.js';
import { bearer, expandRoutes, fill, isObjectKind, isWorkspaceRoute, makeObject, OBJECT_FACTORIES, send, sessionHeaders, WORKSPACE_ROUTES, type ObjectKind, type Route } from './workspace-routes.js';

let s: TestServer;
let base: string;
let routes: Route[];
const tag = crypto.randomBytes(5).toString('hex');
const A = { wid: '', sid: '', publicId: '', memberId: '', invitationId: '', apiKeyId: '', apiKeyPrefix: '', surveyName: `Alpha secret survey ${tag}`, comment: `alpha-secret-comment-${tag}`, inviteEmail: `alpha-invitee-${tag}@example.com`, ownerEmail: '', memberEmail: '', objects: {} as Record<ObjectKind, string> };
let B: { wid: string; sid: string; identities: { label: string; headers: Record<string, string> }[] };

const secrets = () => [...Object.values(A.objects), A.wid, A.sid, A.publicId, A.memberId, A.invitationId, A.apiKeyId, A.apiKeyPrefix, A.surveyName, A.comment, A.inviteEmail, A.ownerEmail, A.memberEmail];
function expectNoLeak(body: string, what: string) {
  for (const secret of secrets()) expect(body.includes(secret), `${what} leaks ${secret}: ${body.slice(0, 300)}`).toBe(false);
}

beforeAll(async () => {
  s = await startTestServer();
  base = await s.listen(0, '127.0.0.1');
  routes = expandRoutes(capturedRoutes);

  const a = await s.workspace(`Alpha ${tag}`);
  A.wid = a.id; A.ownerEmail = a.ownerEmail;
  const created = await a.owner.post(`/api/workspaces/${a.id}/surveys`, { ...SAMPLE_SURVEY, name: A.surveyName });
  A.sid = created.json().id; A.publicId = created.json().publicId;
  expect((await a.owner.post(`/api/workspaces/${a.id}/surveys/${A.sid}/status`, { status: 'live' })).statusCode).toBe(200);
  const viewer = await s.member(a.id, a.owner, 'viewer');
  A.memberId = viewer.userId; A.memberEmail = viewer.email;
  A.invitationId = (await a.owner.post(`/api/workspaces/${a.id}/invitations`, { email: A.inviteEmail, role: 'analyst' })).json().id;
  const key = (await a.owner.post(`/api/workspaces/${a.id}/api-keys`, { name: 'alpha key', scopes: ['responses:write'] })).json();
  A.apiKeyId = key.id; A.apiKeyPrefix = key.prefix;
  for (const kind of Object.keys(OBJECT_FACTORIES) as ObjectKind[]) A.objects[kind] = await makeObject((u, body) => a.owner.post(u, body), a.id, kind, A.sid);
  const sub = await s.app.inject({ method: 'POST', url: `/api/public/surveys/${A.publicId}/responses`, payload: { idempotencyKey: `alpha-${tag}`, answers: { nps: 3, comment: A.comment } } });
  expect(sub.statusCode).toBe(201);

  const b = await s.workspace(`Beta ${tag}`);
  const bs = await b.owner.post(`/api/workspaces/${b.id}/surveys`, SAMPLE_SURVEY);
  await b.owner.post(`/api/workspaces/${b.id}/surveys/${bs.json().id}/status`, { status: 'live' });
  B = {
    wid: b.id, sid: bs.json().id,
    identities: [
      { label: "B's owner session", headers: await sessionHeaders(s, b.ownerEmail) },
      { label: "B's API key (all scopes)", headers: bearer(await s.apiKey(b.id, [...API_KEY_SCOPES])) },
    ],
  };
});
afterAll(async () => { await s.destroy(); });

const workspaceRoutes = () => routes.filter(isWorkspaceRoute);
const aIds = (spec: Route['spec']) => ({ sid: A.sid, id: spec?.id === 'member' ? A.memberId : spec?.id === 'invitation' ? A.invitationId : isObjectKind(spec?.id) ? A.objects[spec.id] : A.apiKeyId });

describe('cross-workspace isolation over every route', () => {
  it('knows how to fill every workspace route, and each declares the expected permission', () => {
    expect(routes.length).toBeGreaterThan(40);
    const unknown = workspaceRoutes().filter((r) => !r.spec).map((r) => r.key);
    expect(unknown, 'new workspace routes: add them to test/workspace-routes.ts').toEqual([]);
    for (const r of workspaceRoutes()) expect(r.access, r.key).toEqual({ kind: 'workspace', permission: r.spec!.permission });
    const registered = new Set(routes.map((r) => r.key));
    expect(Object.keys(WORKSPACE_ROUTES).filter((k) => !registered.has(k)), 'stale entries in WORKSPACE_ROUTES').toEqual([]);
    // Anything else that takes path parameters must be public (respondent pages) or session-only.
    for (const r of routes.filter((x) => x.url.startsWith('/api/') && !isWorkspaceRoute(x) && x.url.includes(':')))
      expect(r.access?.kind, r.key).toBe('public');
  });

  it('answers 401 to every non-public route without credentials', async () => {
    const guarded = routes.filter((r) => r.access && r.access.kind !== 'public');
    expect(guarded.length).toBeGreaterThan(30);
    for (const r of guarded) {
      const res = await send(s, base, r.method, fill(r.url, { wid: A.wid, ...aIds(r.spec) }), {}, r.spec);
      expect(res.status, r.key).toBe(401);
      if (r.method !== 'HEAD') expect(JSON.parse(res.body).error.code, r.key).toBe('unauthorized');
      expectNoLeak(res.body, r.key);
    }
  });

  it("refuses B's credentials on workspace A's id and A's objects", async () => {
    let calls = 0;
    for (const who of B.identities) {
      for (const r of workspaceRoutes()) {
        const res = await send(s, base, r.method, fill(r.url, { wid: A.wid, ...aIds(r.spec) }), who.headers, r.spec);
        calls++;
        expect([403, 404], `${who.label} ${r.key} → ${res.status} ${res.body.slice(0, 200)}`).toContain(res.status);
        expectNoLeak(res.body, `${who.label} ${r.key}`);
      }
    }
    expect(calls).toBe(2 * workspaceRoutes().length);
  });

  it("refuses A's object ids under B's own workspace id (no IDOR through B's membership)", async () => {
    const objectRoutes = workspaceRoutes().filter((r) => r.url.includes(':sid') || r.url.includes(':id'));
    expect(objectRoutes.length).toBeGreaterThan(15);
    for (const who of B.identities) {
      for (const r of objectRoutes) {
        const res = await send(s, base, r.method, fill(r.url, { wid: B.wid, ...aIds(r.spec) }), who.headers, r.spec);
        expect([403, 404], `${who.label} ${r.key} on B with A's ids → ${res.status} ${res.body.slice(0, 200)}`).toContain(res.status);
        expectNoLeak(res.body, `${who.label} ${r.key}`);
      }
    }
  });

  it("shows B nothing of A on B's own listings, and A is unchanged afterwards", async () => {
    for (const who of B.identities) {
      for (const r of workspaceRoutes().filter((x) => x.method === 'GET')) {
        const res = await send(s, base, r.method, fill(r.url, { wid: B.wid, sid: B.sid }), who.headers, r.spec);
        expect(res.status, r.key).toBeLessThan(500);
        expectNoLeak(res.body, `${who.label} ${r.key} on B`);
      }
    }
    const owner = await sessionHeaders(s, A.ownerEmail);
    const get = async (url: string) => JSON.parse((await send(s, base, 'GET', url, owner)).body);
    expect(await get(`/api/workspaces/${A.wid}`)).toMatchObject({ name: `Alpha ${tag}` });
    expect(await get(`/api/workspaces/${A.wid}/surveys/${A.sid}`)).toMatchObject({ name: A.surveyName, status: 'live' });
    expect((await get(`/api/workspaces/${A.wid}/members`)).items).toContainEqual(expect.objectContaining({ id: A.memberId, role: 'viewer' }));
    expect((await get(`/api/workspaces/${A.wid}/invitations`)).items).toContainEqual(expect.objectContaining({ id: A.invitationId, revoked_at: null }));
    expect((await get(`/api/workspaces/${A.wid}/api-keys`)).items).toContainEqual(expect.objectContaining({ id: A.apiKeyId, revokedAt: null }));
    const responses = await get(`/api/workspaces/${A.wid}/surveys/${A.sid}/responses`);
    expect(responses.items.map((x: { answers: { comment?: string } }) => x.answers.comment).filter(Boolean)).toEqual([A.comment]); // plus the walk's own response object
    const audit = await get(`/api/workspaces/${A.wid}/audit?limit=500`);
    const actors = new Set(audit.items.map((x: { actor: string }) => x.actor));
    expect([...actors].sort()).toEqual([A.memberEmail, A.ownerEmail, 'respondent', 'system'].sort());
  });
});
