/**
 * The strategy endpoints never answer 500 to a bad body: gap analyses, their rows, SMART goals,
 * check-ins and target-market worksheets get arbitrary, half-valid JSON (fast-check, fixed seed);
 * every answer is a success or a 400/409 with the one error shape.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { startTestServer, type TestServer } from './harness.js';

let s: TestServer;
let ws: Awaited<ReturnType<TestServer['workspace']>>;
const api = (path: string) => `/api/workspaces/${ws.id}${path}`;
const SEED = { seed: 20261124, numRuns: 40 };

beforeAll(async () => {
  s = await startTestServer();
  ws = await s.workspace('Fuzz 模糊');
}, 60_000);
afterAll(async () => { await s.destroy(); });

const num = fc.oneof(fc.double(), fc.integer({ min: -5, max: 400 }), fc.constant(null), fc.string({ maxLength: 3 }));
const day = fc.constantFrom('2026-01-01', '2027-06-30', '2026-02-30', 'soon', null);
const text = fc.oneof(fc.string({ maxLength: 8 }), fc.constant(''), fc.constant(null));
const metric = fc.constantFrom('nps', 'csat', 'churn', 'clv', 'none', null);
const value = fc.oneof(
  fc.record({ kind: fc.constantFrom('number', 'live', 'text', 'x'), value: num, unit: text, metric, text, segmentId: fc.option(fc.constantFrom('nope', '')), fallback: num }, { requiredKeys: [] }),
  num,
);
const row = fc.record({ id: text, criterion: fc.constantFrom('customer_feedback', 'custom', 'app', null), customLabel: text, current: value, benchmark: value,
  benchmarkSource: text, improvement: text, expectedBenefit: text, expectedRoi: num, priority: fc.constantFrom('high', 'urgent', null) }, { requiredKeys: [] });

function answered(res: { statusCode: number; body: string }) {
  expect(res.statusCode, res.body).toBeLessThan(500);
  if (res.statusCode >= 400) expect(JSON.parse(res.body)).toHaveProperty('error');
}

describe('strategy endpoints under arbitrary bodies', () => {
  it('gap analyses: create and patch with rows', async () => {
    const made = await ws.owner.post(api('/gap-analyses/templates/course'), {});
    expect(made.statusCode, made.body).toBe(201);
    const id = made.json().id as string;
    const body = fc.record({ name: text, period: fc.oneof(fc.record({ kind: fc.constantFrom('last_days', 'range', 'x'), days: num, from: day, to: day }, { requiredKeys: [] }), num),
      rows: fc.array(row, { maxLength: 4 }), version: num }, { requiredKeys: [] });
    await fc.assert(fc.asyncProperty(body, async (b) => {
      answered(await ws.owner.post(api('/gap-analyses'), b));
      answered(await ws.owner.patch(api(`/gap-analyses/${id}`), b));
    }), SEED);
  }, 120_000);

  it('goals and check-ins', async () => {
    const made = await ws.owner.post(api('/goals'), { title: 'Cost −10 %', metric: null, baselineValue: 100, target: 90, higherIsBetter: false, startDate: '2026-01-01', deadline: '2027-01-01' });
    expect(made.statusCode, made.body).toBeLessThan(300);
    const id = made.json().id as string;
    const body = fc.record({ title: text, metric, segmentId: fc.option(fc.constantFrom('nope')), baselineValue: num, baselineDate: day, target: num, targetChangePct: num,
      higherIsBetter: fc.constantFrom(true, false, 'yes'), startDate: day, deadline: day, ownerId: text, specific: text, version: num, checkIns: fc.array(fc.record({ date: day, value: num, note: text }, { requiredKeys: [] }), { maxLength: 2 }) }, { requiredKeys: [] });
    await fc.assert(fc.asyncProperty(body, async (b) => {
      answered(await ws.owner.post(api('/goals'), b));
      answered(await ws.owner.patch(api(`/goals/${id}`), b));
      answered(await ws.owner.post(api(`/goals/${id}/check-ins`), { date: b.startDate, value: b.target, note: b.title }));
    }), SEED);
  }, 120_000);

  it('target-market worksheets', async () => {
    const made = await ws.owner.post(api('/market-worksheets'), { name: 'Taipei shoppers' });
    expect(made.statusCode, made.body).toBe(201);
    const id = made.json().id as string;
    const seg = fc.record({ id: text, basis: fc.constantFrom('demographic', 'behavioural', 'astral', null), description: text, segmentId: fc.option(fc.constantFrom('nope', '')), sizeEstimate: num, attractiveness: text }, { requiredKeys: [] });
    const eng = fc.record({ id: text, platform: text, tactics: text, content: text, kpi: text, budget: num }, { requiredKeys: [] });
    const body = fc.record({ name: text, persona: text, positioning: text, segmentation: fc.array(seg, { maxLength: 3 }), engagement: fc.array(eng, { maxLength: 3 }), version: num }, { requiredKeys: [] });
    await fc.assert(fc.asyncProperty(body, async (b) => {
      answered(await ws.owner.post(api('/market-worksheets'), b));
      answered(await ws.owner.patch(api(`/market-worksheets/${id}`), b));
    }), SEED);
  }, 120_000);
});
