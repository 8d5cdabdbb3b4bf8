import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { liveSurvey, startTestServer, type TestServer } from './harness.js';

let s: TestServer;
beforeAll(async () => { s = await startTestServer(); });
afterAll(async () => { await s.destroy(); });

describe('platform', () => {
  it('answers /healthz with the store kind', async () => {
    const r = await s.app.inject({ method: 'GET', url: '/healthz' });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toEqual({ status: 'ok', store: process.env.DATABASE_URL ? 'postgres' : 'sqlite' });
  });

  it('publishes an OpenAPI document that lists the workspace and public routes', async () => {
    const r = await s.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(r.statusCode).toBe(200);
    const doc = r.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining([
      '/api/workspaces/{wid}/surveys', '/api/public/surveys/{publicId}/responses', '/api/workspaces/{wid}/surveys/{sid}/responses/batch', '/api/workspaces/{wid}/audit',
    ]));
    expect(doc.paths['/api/workspaces/{wid}/surveys'].post.requestBody).toBeDefined();
    const docs = await s.app.inject({ method: 'GET', url: '/api/docs' });
    expect([200, 302]).toContain(docs.statusCode);
  });

  it('uses one error shape for unknown routes, bad JSON, wrong types and oversize bodies', async () => {
    const ws = await s.workspace();
    const survey = await liveSurvey(ws.owner, ws.id);
    const url = `/api/public/surveys/${survey.publicId}/responses`;

    const missing = await s.app.inject({ method: 'GET', url: '/api/nothing-here' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('route_not_found');

    const badJson = await s.app.inject({ method: 'POST', url, payload: '{"idempotencyKey":', headers: { 'content-type': 'application/json' } });
    expect(badJson.statusCode).toBe(400);
    expect(badJson.json().error).toMatchObject({ code: expect.any(String), message: expect.any(String) });

    const wrong = await s.app.inject({ method: 'POST', url, payload: { idempotencyKey: 'short', answers: { nps: 'ten' } } });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.code).toBe('validation_failed');
    expect(wrong.json().error.details.map((d: { path: string }) => d.path)).toContain('body.idempotencyKey');

    const huge = await s.app.inject({ method: 'POST', url, payload: { idempotencyKey: 'abcdefgh12', answers: { comment: 'x'.repeat(70_000) } } });
    expect(huge.statusCode).toBe(413);
    expect(huge.json().error.code).toBe('payload_too_large');

    const count = await s.deps.db.selectFrom('responses').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
  });

  it('rate-limits the public submit endpoint with 429', async () => {
    const limited = await startTestServer({ publicRateLimit: 5 });
    try {
      const ws = await limited.workspace();
      const survey = await liveSurvey(ws.owner, ws.id);
      const codes: number[] = [];
      for (let i = 0; i < 8; i++) {
        const r = await limited.app.inject({ method: 'POST', url: `/api/public/surveys/${survey.publicId}/responses`, payload: { idempotencyKey: `rate-limit-${i}-xyz`, answers: { nps: 8 } } });
        codes.push(r.statusCode);
        if (r.statusCode === 429) expect(r.json().error.code).toBe('rate_limited');
      }
      expect(codes.filter((c) => c === 201)).toHaveLength(5);
      expect(codes.filter((c) => c === 429)).toHaveLength(3);
    } finally { await limited.destroy(); }
  });

  it('answers CORS preflight for the widget on public routes only', async () => {
    const r = await s.app.inject({ method: 'OPTIONS', url: '/api/public/surveys/abcdef/responses', headers: { origin: 'https://shop.example', 'access-control-request-method': 'POST' } });
    expect(r.statusCode).toBe(204);
    expect(r.headers['access-control-allow-origin']).toBe('*');
  });
});
