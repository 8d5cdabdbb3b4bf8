/**
 * Two segments compared: `GET /metrics?by=channel&a=email&b=link` answers b − a for NPS, CSAT and
 * CES with the same significance tests as the period comparison, from the cube and from the rows alike.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareCsat, compareNps, csatFromCounts, npsFromCounts } from '@touchpoint/shared';
import { liveSurvey, startTestServer, type Client, type TestServer } from './harness.js';

let s: TestServer, owner: Client, wid: string;

beforeAll(async () => {
  s = await startTestServer();
  const ws = await s.workspace();
  wid = ws.id; owner = ws.owner;
  const sv = await liveSurvey(owner, wid);
  const key = await s.apiKey(wid, ['responses:write']);
  // email: 6 promoters, 1 passive, 1 detractor; link: 2 promoters, 2 passives, 6 detractors.
  const item = (channel: string, nps: number, csat: number, i: number) => ({ channel, answers: { nps, csat }, submittedAt: `2026-03-0${1 + (i % 9)}T12:00:00Z` });
  const email = [10, 10, 9, 9, 10, 9, 8, 2].map((n, i) => item('email', n, n >= 9 ? 5 : 3, i));
  const link = [10, 9, 7, 8, 0, 1, 2, 3, 4, 5].map((n, i) => item('link', n, n >= 9 ? 4 : 2, i));
  const res = await s.app.inject({ method: 'POST', url: `/api/workspaces/${wid}/surveys/${sv.id}/responses/batch`, headers: { authorization: `Bearer ${key}` }, payload: { responses: [...email, ...link] } });
  expect(res.statusCode, res.body).toBe(201);
}, 60_000);
afterAll(async () => { await s.destroy(); });

const url = (qs: string) => `/api/workspaces/${wid}/metrics?from=2026-03-01&to=2026-03-31&${qs}`;

describe('segment comparison', () => {
  it('answers b − a with its significance, the same from the cube and from the rows', async () => {
    const res = await owner.get(url('interval=total&by=channel&a=email&b=link'));
    expect(res.statusCode, res.body).toBe(200);
    const { versus, source } = res.json();
    expect(source).toBe('cube');
    expect(versus.a).toBe('email');
    expect(versus.b).toBe('link');
    expect(versus.totalA.nps.n).toBe(8);
    expect(versus.totalB.nps.n).toBe(10);
    expect(versus.change.nps).toEqual(compareNps(npsFromCounts(6, 1, 1), npsFromCounts(2, 2, 6)));
    expect(versus.change.csat).toEqual(compareCsat(csatFromCounts(6, 8), csatFromCounts(2, 10)));
    expect(versus.change.nps.delta).toBeLessThan(0);
    expect(versus.change.nps.significant).toBe(true);
    // Another time zone is answered from the rows: the same comparison.
    const rows = (await owner.get(url('interval=month&by=channel&a=email&b=link&tz=Europe/London'))).json();
    expect(rows.source).toBe('rows');
    expect(rows.versus).toEqual(versus);
  });

  it('compares with an empty segment without failing', async () => {
    const { versus } = (await owner.get(url('interval=total&by=channel&a=email&b=sms'))).json();
    expect(versus.totalB.responses).toBe(0);
    expect(versus.change.nps.delta).toBeNull();
  });

  it('refuses half a comparison or one without a breakdown, with field paths', async () => {
    const path = async (qs: string) => (await owner.get(url(qs))).json().error.details.map((d: { path: string }) => d.path);
    expect(await path('by=channel&a=email')).toEqual(['querystring.b']);
    expect(await path('by=channel&b=email')).toEqual(['querystring.a']);
    expect(await path('a=email&b=link')).toEqual(['querystring.by']);
  });

  it('leaves versus out when no segments are asked for', async () => {
    expect((await owner.get(url('interval=total&by=channel'))).json().versus).toBeNull();
  });
});

describe('latest open-text answers', () => {
  it('pages back past hundreds of answers without text, newest first, with no repeats', async () => {
    const ws = await s.workspace();
    const sv = await liveSurvey(ws.owner, ws.id);
    const key = await s.apiKey(ws.id, ['responses:write']);
    const at = (i: number) => new Date(Date.parse('2026-05-01T00:00:00Z') + i * 60_000).toISOString();
    // 453 answers a minute apart, newest first in pages of 200: texts only on the oldest and on the
    // last row of each of the first two pages (where a wrong cursor would repeat or skip them).
    const texts = new Map([[0, 'oldest'], [53, 'end of page two'], [253, 'end of page one']]);
    const items = Array.from({ length: 453 }, (_, i) => ({ answers: texts.has(i) ? { nps: 3, why_bad: texts.get(i) } : { nps: 9 }, submittedAt: at(i) }));
    const res = await s.app.inject({ method: 'POST', url: `/api/workspaces/${ws.id}/surveys/${sv.id}/responses/batch`, headers: { authorization: `Bearer ${key}` }, payload: { responses: items } });
    expect(res.statusCode, res.body).toBe(201);
    const got = await ws.owner.get(`/api/workspaces/${ws.id}/metrics/open-text?from=2026-05-01&to=2026-05-31&limit=5`);
    expect(got.statusCode, got.body).toBe(200);
    expect((got.json() as { text: string }[]).map((i) => i.text)).toEqual(['end of page one', 'end of page two', 'oldest']);
  });
});
