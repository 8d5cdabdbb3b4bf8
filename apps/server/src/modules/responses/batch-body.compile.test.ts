import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BatchResponse } from '@touchpoint/shared';
import { DEMO_SURVEYS } from '../demo/demo-surveys.js';
import { asParsed, compile } from './batch-body.compile.js';
import { batchRows } from './response-rows.js';

const survey = { id: 's1', workspaceId: 'w1', definition: DEMO_SURVEYS[0].definition };
const NOW = '2026-11-23T10:00:00.000Z';
const padded = fc.tuple(fc.constantFrom('', ' ', '\t', '\n '), fc.string({ maxLength: 12 }), fc.constantFrom('', ' ', '  \n')).map((p) => p.join(''));
const item = fc.record({
  idempotencyKey: fc.stringMatching(/^[A-Za-z0-9_-]{1,20}$/),
  answers: fc.dictionary(fc.constantFrom('nps', 'why', 'csat', 'ces', 'x'), fc.oneof(fc.integer({ min: 0, max: 10 }), fc.string({ maxLength: 20 }), fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }))),
  complete: fc.boolean(),
  channel: fc.constantFrom('api', 'email', 'link'),
  touchpoint: padded, customerExternalId: padded, orderId: padded,
  language: fc.constantFrom('en', 'zh-Hant', 'zh-Hans'),
  metadata: fc.dictionary(fc.stringMatching(/^[a-z_.:-]{1,8}$/), fc.string({ maxLength: 10 }), { maxKeys: 3 }),
  respondent: fc.record({ name: fc.string({ maxLength: 10 }) }, { requiredKeys: [] }),
  submittedAt: fc.date({ min: new Date('2020-01-01'), max: new Date('2030-01-01'), noInvalidDate: true }).map((d) => d.toISOString()),
}, { requiredKeys: ['answers'] });
const withoutIds = (rows: Record<string, unknown>[]) => rows.map(({ id: _id, ...rest }) => rest);

describe('batch rows built on the writer thread', () => {
  it('equal the rows built from BatchResponse.parse, for every input the contract accepts', () => {
    fc.assert(fc.property(fc.array(item, { minLength: 1, maxLength: 8 }), (raw) => {
      const parsed = raw.map((r) => BatchResponse.safeParse(r));
      fc.pre(parsed.every((p) => p.success));
      // Keyless items get a random key on both sides; give them one to compare the rest.
      const keyed = raw.map((r, i) => ({ ...r, idempotencyKey: r.idempotencyKey ?? `k${i}` }));
      const viaZod = batchRows(survey, keyed.map((r) => BatchResponse.parse(r)), 'api', NOW);
      const viaText = batchRows(survey, (JSON.parse(JSON.stringify(keyed)) as typeof keyed).map(asParsed), 'api', NOW);
      expect(withoutIds(viaText as never)).toEqual(withoutIds(viaZod as never));
    }), { numRuns: 300 });
  });

  it('compiles a body into insert parameters with one new id per row', () => {
    const body = JSON.stringify({ responses: [{ answers: { nps: 9 } }, { answers: { nps: 3 }, idempotencyKey: 'k2', touchpoint: ' store ' }] });
    const { rows, keys } = compile({ body, survey, channel: 'api', now: NOW });
    expect(rows.params).toHaveLength(2);
    expect(new Set(keys).size).toBe(2);
    expect(rows.params[1]).toEqual(expect.arrayContaining(['k2', 'store', 'complete', 3]));
    expect(rows.params[0][0]).toBe(keys[0]);
  });
});
