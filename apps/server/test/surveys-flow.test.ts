import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { liveSurvey, SAMPLE_SURVEY, startTestServer, type TestServer } from './harness.js';

let s: TestServer;
beforeAll(async () => { s = await startTestServer(); });
afterAll(async () => { await s.destroy(); });

describe('survey collection end to end (in-process, real database)', () => {
  it('creates, publishes, collects public answers idempotently and summarises them', async () => {
    const ws = await s.workspace();
    const survey = await liveSurvey(ws.owner, ws.id);

    const pub = await s.app.inject({ method: 'GET', url: `/api/public/surveys/${survey.publicId}` });
    expect(pub.statusCode).toBe(200);
    expect(pub.json()).not.toHaveProperty('workspaceId');

    const body = { idempotencyKey: 'visit-0001-abcdef', answers: { nps: 3, why_bad: '<img src=x onerror=alert(1)> 送貨太慢' }, language: 'zh-Hant', metadata: { store: 'HK-01' } };
    const first = await s.app.inject({ method: 'POST', url: `/api/public/surveys/${survey.publicId}/responses`, payload: body });
    expect(first.statusCode).toBe(201);
    const again = await s.app.inject({ method: 'POST', url: `/api/public/surveys/${survey.publicId}/responses`, payload: body });
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(first.json().id);

    const results = await ws.owner.get(`/api/workspaces/${ws.id}/surveys/${survey.id}/results`);
    expect(results.statusCode).toBe(200);
    const r = results.json();
    expect(r.total).toBe(1);
    expect(r.nps.detractors).toBe(1);
    expect(r.nps.nps).toBe(-100);
    expect(r.questions.find((q: { questionId: string }) => q.questionId === 'nps').values[3].n).toBe(1);

    const headline = (await ws.owner.get(`/api/workspaces/${ws.id}/surveys/${survey.id}/results?headline=true`)).json();
    expect(headline.questions).toEqual([]);
    expect(headline.nps.n).toBe(1);
    const noText = await ws.owner.get(`/api/workspaces/${ws.id}/surveys/${survey.id}/responses?withText=false`);
    expect(noText.json().items).toHaveLength(1);

    const list = await ws.owner.get(`/api/workspaces/${ws.id}/surveys/${survey.id}/responses?q=${encodeURIComponent('送貨')}`);
    expect(list.json().items).toHaveLength(1);
    expect(list.json().items[0].metadata).toEqual({ store: 'HK-01' });
  });

  it('keeps a partial response and completes it with the same key', async () => {
    const ws = await s.workspace();
    const survey = await liveSurvey(ws.owner, ws.id);
    const url = `/api/public/surveys/${survey.publicId}/responses`;
    const partial = await s.app.inject({ method: 'POST', url, payload: { idempotencyKey: 'partial-key-001', answers: { csat: 4 }, complete: false } });
    expect(partial.statusCode).toBe(201);
    expect(partial.json().status).toBe('partial');
    const missingRequired = await s.app.inject({ method: 'POST', url, payload: { idempotencyKey: 'partial-key-001', answers: { csat: 4 }, complete: true } });
    expect(missingRequired.statusCode).toBe(400);
    expect(missingRequired.json().error.details).toContainEqual({ path: 'answers.nps', message: 'required' });
    const done = await s.app.inject({ method: 'POST', url, payload: { idempotencyKey: 'partial-key-001', answers: { csat: 4, nps: 10 }, complete: true } });
    expect(done.statusCode).toBe(201);
    expect(done.json()).toEqual({ id: partial.json().id, status: 'complete' });
  });

  it('rejects answers to a draft or closed survey and bad bodies with field paths', async () => {
    const ws = await s.workspace();
    const draft = (await ws.owner.post(`/api/workspaces/${ws.id}/surveys`, SAMPLE_SURVEY)).json();
    const r1 = await s.app.inject({ method: 'POST', url: `/api/public/surveys/${draft.publicId}/responses`, payload: { idempotencyKey: 'abcdefgh1', answers: { nps: 1 } } });
    expect(r1.statusCode).toBe(404);
    const bad = await s.app.inject({ method: 'POST', url: `/api/workspaces/${ws.id}/surveys`, payload: { name: '', definition: { languages: [] } }, headers: {} });
    expect(bad.statusCode).toBe(401);
    const invalid = await ws.owner.post(`/api/workspaces/${ws.id}/surveys`, { name: 'x', definition: { ...SAMPLE_SURVEY.definition, defaultLanguage: 'fr' } });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().error.details[0].path).toBe('body.definition.defaultLanguage');
  });
});
