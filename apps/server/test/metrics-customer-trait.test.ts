/**
 * Dashboard numbers broken down by a customer attribute (`by=trait:<key>`): each response counts for
 * the trait value of the person who gave it, found by the customer id it carries or by its
 * respondent's email, resolved over merged profiles by the trait's rule; answers of unknown people or
 * people without the trait are left out; another workspace's people never count.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { npsFromCounts } from '@touchpoint/shared';
import { liveSurvey, startTestServer, type Client, type TestServer } from './harness.js';

let s: TestServer, owner: Client, wid: string, sid: string;
const events = (c: Client, w: string, list: unknown[]) => c.post(`/api/workspaces/${w}/events?wait=true`, { events: list });
const url = (qs: string) => `/api/workspaces/${wid}/metrics?from=2026-03-01&to=2026-03-31&${qs}`;

beforeAll(async () => {
  s = await startTestServer();
  ({ id: wid, owner } = await s.workspace('Trait breakdown'));
  sid = (await liveSurvey(owner, wid)).id;
  expect((await owner.request({ method: 'PUT', url: `/api/workspaces/${wid}/customers/traits/plan`, payload: { type: 'string', rule: 'latest' } })).statusCode).toBe(200);
  const people = await events(owner, wid, [
    { type: 'identify', userId: 'p1', traits: { plan: 'pro', seats: 5 } },
    { type: 'identify', userId: 'p2', traits: { plan: 'pro' } },
    { type: 'identify', userId: 'f1', email: 'free.one@example.org', traits: { plan: 'free' } },
    // Known but without a plan: left out of the breakdown.
    { type: 'identify', userId: 'n1' },
    // A device first marked enterprise, later merged into p2 whose newer plan wins ("latest").
    { type: 'identify', anonymousId: 'dev-9', traits: { plan: 'enterprise' }, timestamp: '2026-01-01T00:00:00Z' },
    { type: 'identify', userId: 'p2', anonymousId: 'dev-9', timestamp: '2026-02-01T00:00:00Z' },
  ]);
  expect(people.statusCode, people.body).toBe(202);
  // Another workspace has a 'stranger' with plan enterprise: never counted here.
  const other = await s.workspace('Other');
  await events(other.owner, other.id, [{ type: 'identify', userId: 'stranger', traits: { plan: 'enterprise' } }]);
  const answer = (nps: number, who: object, day: number) => ({ answers: { nps }, submittedAt: `2026-03-${String(day).padStart(2, '0')}T10:00:00Z`, ...who });
  const batch = await owner.post(`/api/workspaces/${wid}/surveys/${sid}/responses/batch`, { responses: [
    answer(10, { customerExternalId: 'p1' }, 2), answer(9, { customerExternalId: 'p1' }, 3), answer(3, { customerExternalId: 'p2' }, 4),
    answer(2, { respondent: { email: 'Free.One@example.org' } }, 5), answer(8, { customerExternalId: 'f1' }, 6),
    answer(10, { customerExternalId: 'n1' }, 7), answer(0, { customerExternalId: 'stranger' }, 8), answer(9, {}, 9),
  ] });
  expect(batch.statusCode, batch.body).toBe(201);
}, 60_000);
afterAll(async () => { await s.destroy(); });

describe('breakdown by a customer trait', () => {
  it('counts each answer for its person\'s trait value, from the rows', async () => {
    const res = await owner.get(url('interval=total&by=trait:plan'));
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.source).toBe('rows');
    const groups = Object.fromEntries(body.series.map((g: { group: string; points: { nps: unknown }[] }) => [g.group, g.points[0].nps]));
    expect(Object.keys(groups).sort()).toEqual(['free', 'pro']);
    expect(groups.pro).toEqual(npsFromCounts(2, 0, 1));
    expect(groups.free).toEqual(npsFromCounts(0, 1, 1));
    // As with a metadata key, the total is over the answers the breakdown holds (8 stored, 5 with a plan).
    expect(body.total.responses).toBe(5);
  });

  it('compares two trait values with significance, and refuses a malformed key', async () => {
    const { versus } = (await owner.get(url('interval=total&by=trait:plan&a=free&b=pro'))).json();
    expect(versus.totalA.nps.n).toBe(2);
    expect(versus.totalB.nps.n).toBe(3);
    const bad = await owner.get(url('by=trait:9lives'));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].path).toBe('querystring.by');
  });

  it('follows a trait change: numbers regroup when a person\'s plan changes', async () => {
    await events(owner, wid, [{ type: 'identify', userId: 'p2', traits: { plan: 'free' } }]);
    const groups = Object.fromEntries((await owner.get(url('interval=total&by=trait:plan'))).json().series.map((g: { group: string; points: { nps: { n: number } }[] }) => [g.group, g.points[0].nps.n]));
    expect(groups).toEqual({ free: 3, pro: 2 });
  });
});
