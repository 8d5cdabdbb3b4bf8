/**
 * Property-based abuse of the two write paths: random and malformed bodies to the public
 * submit and to the batch API. Never a 5xx, always the error shape, field paths on validation
 * errors, and afterwards the store holds exactly the responses that were acknowledged, each
 * with answers that are valid for its status.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Answers, validateAnswers, type SurveyDefinition } from '@touchpoint/shared';
import { liveSurvey, SAMPLE_SURVEY, startTestServer, type TestServer } from './harness.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 1000);
let s: TestServer;
let wid: string;
let pub: { id: string; publicId: string };
let batch: { id: string; publicId: string };
let key: string;

beforeAll(async () => {
  s = await startTestServer({ publicRateLimit: 1_000_000 });
  const ws = await s.workspace();
  wid = ws.id;
  pub = await liveSurvey(ws.owner, ws.id);
  batch = await liveSurvey(ws.owner, ws.id);
  key = await s.apiKey(ws.id, ['responses:write']);
}, 60_000);
afterAll(async () => { await s.destroy(); });

// ---- generators -------------------------------------------------------------------------
const nasty = fc.oneof(
  fc.string(), fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: fc.constantFrom('\u0000', '\ud800', '\udfff', '\u202e', '\ufeff', '"', '\\', '%', '_', '送', '𠜎', 'é'), maxLength: 12 }),
  fc.constantFrom('', ' ', '__proto__', 'constructor', 'toString', 'x'.repeat(10_001), 'y'.repeat(70_000)),
);
const anyJson = fc.jsonValue({ maxDepth: 3 });
const poolKey = fc.integer({ min: 0, max: Math.max(40, RUNS / 10) }).map((i) => `fuzz-key-${String(i).padStart(4, '0')}`);
const idemKey = fc.oneof({ weight: 12, arbitrary: poolKey }, { weight: 1, arbitrary: fc.oneof(nasty, anyJson, fc.constantFrom('short', 'has space key!', 'x'.repeat(101))) });
/** Mostly a valid value, sometimes something nasty. */
const often = <T,>(valid: fc.Arbitrary<T>, bad: fc.Arbitrary<unknown> = nasty) => fc.oneof({ weight: 14, arbitrary: valid }, { weight: 1, arbitrary: bad });
const text = fc.string({ unit: 'grapheme', maxLength: 30 });
const badScore = fc.oneof(fc.integer({ min: -3, max: 14 }), fc.double(), fc.constantFrom(1e308, 3.5, '7', null, [9], true));
const answers = fc.oneof(
  { weight: 12, arbitrary: fc.record({
    nps: often(fc.integer({ min: 0, max: 10 }), badScore), why_bad: often(text), csat: often(fc.integer({ min: 1, max: 5 }), badScore), ces: often(fc.integer({ min: 1, max: 7 }), badScore),
    plan: often(fc.constantFrom('free', 'pro'), fc.constantFrom('gold', 3, ['pro'])), used: often(fc.uniqueArray(fc.constantFrom('app', 'web', 'chat')), fc.array(fc.constantFrom('app', 'x', 'app'), { minLength: 2 })),
    comment: often(text, fc.oneof(nasty, fc.array(fc.string()))),
  }, { requiredKeys: [] }) },
  { weight: 1, arbitrary: fc.oneof(anyJson, fc.dictionary(nasty, anyJson, { maxKeys: 4 })) },
);
const context = fc.record({
  channel: often(fc.constantFrom('link', 'widget', 'email', 'sms'), fc.oneof(fc.constant('fax'), nasty)),
  touchpoint: often(text), language: often(fc.constantFrom('en', 'zh-Hant', 'zh-Hans', 'en-US')),
  customerExternalId: often(text), orderId: often(text),
  metadata: often(fc.dictionary(fc.stringMatching(/^[a-z_.:-]{1,8}$/), text, { maxKeys: 3 }), fc.dictionary(nasty, anyJson, { maxKeys: 3 })),
  complete: often(fc.boolean(), anyJson),
}, { requiredKeys: [] });
const email = fc.tuple(fc.stringMatching(/^[a-zA-Z0-9]{1,10}$/), fc.constantFrom('', '.x', '+tag'), fc.stringMatching(/^[a-z0-9]{1,10}$/)).map(([a, b, d]) => `${a}${b}@${d}.example.com`);
/** Mostly absent (null), sometimes present. */
const rarely = <T,>(a: fc.Arbitrary<T>, weight = 12) => fc.oneof({ weight, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: a });
const extraKey = rarely(fc.tuple(fc.constantFrom('__proto__', 'constructor', 'prototype', 'extra', 'answers '), anyJson));

function withKey(obj: Record<string, unknown>, k: string, v: unknown) {
  Object.defineProperty(obj, k, { value: v, enumerable: true, writable: true, configurable: true });
  return obj;
}
const notJson = fc.oneof(
  fc.string({ maxLength: 30 }), fc.constantFrom('', '{', '{"answers":', 'nps=3', "{'a':1}", 'null', '[]', '1', '"x"', '{"__proto__":{"polluted":1},"answers":{}}', '{"constructor":{"prototype":{"x":1}}}', '['.repeat(10_000)),
  fc.uint8Array({ maxLength: 40 }).map((b) => Buffer.concat([Buffer.from('{"idempotencyKey":"'), Buffer.from([0xff, 0xfe, 0xc0, 0x80, ...b]), Buffer.from('","answers":{}}')])),
);
const deep = fc.integer({ min: 50, max: 3000 }).map((n) => '{"answers":{"nps":' + '['.repeat(n) + '1' + ']'.repeat(n) + '}}');

const submission = fc.tuple(idemKey, answers, context, rarely(nasty, 30), extraKey).map(([k, a, c, invite, extra]) => {
  const body: Record<string, unknown> = { idempotencyKey: k, answers: a, ...c };
  if (invite !== null) body.inviteToken = invite;
  return extra ? withKey(body, extra[0], extra[1]) : body;
});
const batchItem = fc.tuple(fc.option(idemKey, { freq: 5 }), answers, context, fc.option(fc.record({ email: often(email), name: often(text) }, { requiredKeys: [] })), fc.option(often(fc.date({ noInvalidDate: true, min: new Date(0), max: new Date(4e12) }).map((d) => d.toISOString()))), extraKey)
  .map(([k, a, c, who, at, extra]) => {
    const item: Record<string, unknown> = { answers: a, ...c };
    if (k !== null) item.idempotencyKey = k;
    if (who) item.respondent = who;
    if (at !== null) item.submittedAt = at;
    return extra ? withKey(item, extra[0], extra[1]) : item;
  });

const payload = (body: fc.Arbitrary<unknown>) => fc.oneof(
  { weight: 10, arbitrary: body.map((b) => JSON.stringify(b)) },
  { weight: 1, arbitrary: fc.oneof(notJson, deep, anyJson.map((v) => JSON.stringify(v) ?? 'undefined')) },
);

// ---- checks -----------------------------------------------------------------------------
function checkShape(status: number, text: string, where: string) {
  expect(status, `${where} → ${status} ${text.slice(0, 300)}`).toBeLessThan(500);
  if (status < 400) return;
  const body = JSON.parse(text);
  expect(typeof body.error?.code, `${where} ${text.slice(0, 200)}`).toBe('string');
  expect(typeof body.error?.message).toBe('string');
  if (body.error.code === 'validation_failed') {
    expect(Array.isArray(body.error.details) && body.error.details.length > 0, text.slice(0, 200)).toBe(true);
    for (const d of body.error.details) { expect(typeof d.path).toBe('string'); expect(typeof d.message).toBe('string'); }
  } else if (status === 400) {
    // Bodies that are not JSON (or are poisoned JSON) never reach validation: no field paths.
    expect(['invalid_json', 'bad_request'], text.slice(0, 200)).toContain(body.error.code);
  }
}

async function storedRows(surveyId: string, def: SurveyDefinition) {
  const rows = await s.deps.db.selectFrom('responses').select(['id', 'status', 'answers']).where('survey_id', '=', surveyId).execute();
  for (const r of rows) {
    const parsed = Answers.parse(JSON.parse(r.answers));
    expect(validateAnswers(def, parsed, r.status === 'complete'), `stored row ${r.id}: ${r.answers}`).toEqual([]);
  }
  return new Set(rows.map((r) => r.id));
}

describe('fuzzing the write paths', () => {
  it(`public submit: ${RUNS} random and malformed bodies`, async () => {
    const acked = new Set<string>();
    const statuses: Record<number, number> = {};
    await fc.assert(fc.asyncProperty(payload(submission), fc.constantFrom('application/json', 'application/json; charset=utf-8'), async (body, ct) => {
      const res = await s.app.inject({ method: 'POST', url: `/api/public/surveys/${pub.publicId}/responses`, headers: { 'content-type': ct }, payload: body });
      statuses[res.statusCode] = (statuses[res.statusCode] ?? 0) + 1;
      checkShape(res.statusCode, res.body, `public ${String(body).slice(0, 200)}`);
      if (res.statusCode < 300) acked.add(res.json().id);
    }), { numRuns: RUNS });
    expect(acked.size, JSON.stringify(statuses)).toBeGreaterThan(RUNS / 50);
    expect(statuses[400] ?? 0, JSON.stringify(statuses)).toBeGreaterThan(RUNS / 4);
    expect(await storedRows(pub.id, SAMPLE_SURVEY.definition as SurveyDefinition)).toEqual(acked);
  }, 120_000);

  it(`batch API: ${RUNS} random and malformed batches`, async () => {
    const acked = new Set<string>();
    const statuses: Record<number, number> = {};
    const batchBody = fc.oneof({ weight: 8, arbitrary: fc.array(batchItem, { minLength: 1, maxLength: 4 }).map((responses) => ({ responses })) }, { weight: 1, arbitrary: fc.oneof(anyJson, fc.record({ responses: fc.oneof(anyJson, fc.constant([])) })) });
    await fc.assert(fc.asyncProperty(payload(batchBody), async (body) => {
      const res = await s.app.inject({ method: 'POST', url: `/api/workspaces/${wid}/surveys/${batch.id}/responses/batch`, headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, payload: body });
      statuses[res.statusCode] = (statuses[res.statusCode] ?? 0) + 1;
      checkShape(res.statusCode, res.body, `batch ${String(body).slice(0, 200)}`);
      if (res.statusCode < 300) {
        const r = res.json();
        expect(r.accepted).toBe(r.ids.length);
        for (const id of r.ids) { expect(acked.has(id)).toBe(false); acked.add(id); }
      }
    }), { numRuns: RUNS });
    expect(acked.size, JSON.stringify(statuses)).toBeGreaterThan(RUNS / 50);
    expect(await storedRows(batch.id, SAMPLE_SURVEY.definition as SurveyDefinition)).toEqual(acked);
    // Every stored respondent is encrypted, never plain.
    const people = await s.deps.db.selectFrom('respondents').select(['email_enc', 'name_enc']).where('workspace_id', '=', wid).execute();
    for (const p of people) for (const v of [p.email_enc, p.name_enc]) if (v) expect(v).toMatch(/^v1\.[A-Za-z0-9_-]+\./);
  }, 120_000);

  it('keeps a batch storable when a customer id comes back with another email, or is empty (found by fuzzing: was a 500)', async () => {
    const ws = await s.workspace();
    const sv = await liveSurvey(ws.owner, ws.id);
    const k = await s.apiKey(ws.id, ['responses:write']);
    const post = (responses: unknown[]) => s.app.inject({ method: 'POST', url: `/api/workspaces/${ws.id}/surveys/${sv.id}/responses/batch`, headers: { authorization: `Bearer ${k}` }, payload: { responses } });
    const first = await post([{ answers: { nps: 5 }, customerExternalId: 'C-1', respondent: { email: 'old@example.com' } }, { answers: { nps: 6 }, customerExternalId: '', respondent: { email: 'e1@example.com' } }]);
    expect(first.statusCode, first.body).toBe(201);
    const again = await post([{ answers: { nps: 7 }, customerExternalId: 'C-1', respondent: { email: 'new@example.com' } }, { answers: { nps: 8 }, customerExternalId: '', respondent: { email: 'e2@example.com' } }]);
    expect(again.statusCode, again.body).toBe(201);
    expect(again.json().accepted).toBe(2);
    const people = await s.deps.db.selectFrom('respondents').select(['external_id']).where('workspace_id', '=', ws.id).execute();
    expect(people.map((p) => p.external_id).sort()).toEqual(['C-1', null, null, null].sort());
  });

  it('refuses the NUL character anywhere with a 400 and its path, on either store (found by fuzzing: was a 500 on PostgreSQL)', async () => {
    const ws = await s.workspace();
    const cases = [
      { res: await ws.owner.get('/api/workspaces/%00'), path: 'params.wid' },
      { res: await ws.owner.get(`/api/workspaces/${ws.id}/surveys/${pub.id}/responses?q=a%00`), path: 'querystring.q' },
      { res: await s.app.inject({ url: `/api/public/surveys/${pub.publicId}/eligibility?customerExternalId=%00` }), path: 'querystring.customerExternalId' },
      { res: await s.app.inject({ method: 'POST', url: `/api/public/surveys/${pub.publicId}/responses`, payload: { idempotencyKey: 'nul-check-1', answers: { nps: 1 }, customerExternalId: '\u0000' } }), path: 'body.customerExternalId' },
      { res: await s.app.inject({ method: 'POST', url: `/api/workspaces/${wid}/surveys/${batch.id}/responses/batch`, headers: { authorization: `Bearer ${key}` }, payload: { responses: [{ answers: { nps: 1 } }, { answers: { nps: 2 }, touchpoint: 'a\u0000' }] } }), path: 'body.responses[1].touchpoint' },
    ];
    for (const { res, path } of cases) {
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error.details).toContainEqual({ path, message: 'must not contain the NUL character' });
    }
  });
});
