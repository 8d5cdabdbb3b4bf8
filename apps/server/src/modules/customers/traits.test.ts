import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { TraitRule, TraitValue } from '@touchpoint/shared';
import { applyTraits, inferType, resolveTraits, typeError, type StoredTraits } from './traits.js';

const time = fc.integer({ min: 0, max: 10_000 }).map((n) => new Date(Date.UTC(2026, 0, 1) + n * 60_000).toISOString());
const value: fc.Arbitrary<TraitValue> = fc.oneof(fc.string({ maxLength: 8 }), fc.integer(), fc.boolean(), fc.array(fc.string({ maxLength: 4 }), { maxLength: 3 }));
const profile = fc.dictionary(fc.constantFrom('a', 'b', 'c'), fc.record({ v: value, at: time }), { maxKeys: 3 }) as fc.Arbitrary<StoredTraits>;

describe('trait types', () => {
  it('infers and checks types, with ISO dates as dates and null clearing any type', () => {
    expect(inferType('2026-11-23')).toBe('date');
    expect(inferType('2026-11-23T08:00:00Z')).toBe('date');
    expect(inferType('2026-13-45')).toBe('string');
    expect(inferType(['a'])).toBe('list');
    expect(typeError(3, 'number')).toBeNull();
    expect(typeError('3', 'number')).toBe('expected a number');
    expect(typeError('2026-11-23', 'string')).toBeNull();
    expect(typeError('soon', 'date')).toMatch(/ISO-8601/);
    expect(typeError(null, 'boolean')).toBeNull();
  });
});

describe('applyTraits', () => {
  it('keeps the later value whatever the arrival order, and a later null clears', () => {
    fc.assert(fc.property(fc.array(fc.tuple(fc.constantFrom('a', 'b'), fc.option(value, { nil: null }), time), { maxLength: 12 }), (updates) => {
      const forward = updates.reduce<StoredTraits>((s, [k, v, at]) => applyTraits(s, { [k]: v }, at), {});
      const sorted = [...updates].map((u, i) => ({ u, i })).sort((x, y) => (x.u[2] < y.u[2] ? -1 : x.u[2] > y.u[2] ? 1 : x.i - y.i)).map((x) => x.u);
      const inOrder = sorted.reduce<StoredTraits>((s, [k, v, at]) => applyTraits(s, { [k]: v }, at), {});
      // Equal times are a tie the arrival order settles; otherwise the outcome is order-free.
      const distinctTimes = new Set(updates.map((u) => `${u[0]}|${u[2]}`)).size === updates.length;
      if (distinctTimes) expect(forward).toEqual(inOrder);
      for (const key of ['a', 'b']) {
        const mine = updates.filter((u) => u[0] === key);
        const last = mine.reduce<(typeof mine)[number] | undefined>((best, u) => (!best || u[2] >= best[2] ? u : best), undefined);
        if (distinctTimes) expect(forward[key]?.v ?? null).toEqual(last ? last[1] : null);
      }
    }));
  });
});

describe('resolveTraits', () => {
  const rules = (rule: TraitRule) => new Map([['a', rule], ['b', rule], ['c', rule]]);

  it('latest takes the newest value, first the oldest, whatever the order of the profiles', () => {
    fc.assert(fc.property(fc.array(profile, { minLength: 1, maxLength: 4 }), (profiles) => {
      for (const rule of ['latest', 'first'] as const) {
        const out = resolveTraits(profiles, rules(rule));
        for (const key of Object.keys(out)) {
          const entries = profiles.flatMap((p) => (p[key] ? [p[key]] : []));
          const times = entries.map((e) => e.at).sort();
          const want = rule === 'latest' ? times.at(-1) : times[0];
          expect(entries.filter((e) => e.at === want).map((e) => JSON.stringify(e.v))).toContain(JSON.stringify(out[key]));
        }
        expect(Object.keys(out).sort()).toEqual([...new Set(profiles.flatMap((p) => Object.keys(p)))].sort());
      }
    }));
  });

  it('both keeps every distinct value oldest first, one value as it is, and joins lists', () => {
    const at = (n: number) => `2026-01-0${n}T00:00:00.000Z`;
    expect(resolveTraits([{ a: { v: 'x', at: at(2) } }, { a: { v: 'y', at: at(1) } }], rules('both'))).toEqual({ a: ['y', 'x'] });
    expect(resolveTraits([{ a: { v: 'x', at: at(2) } }, { a: { v: 'x', at: at(1) } }], rules('both'))).toEqual({ a: 'x' });
    expect(resolveTraits([{ a: { v: ['p', 'q'], at: at(2) } }, { a: { v: ['q', 'r'], at: at(1) } }], rules('both'))).toEqual({ a: ['q', 'r', 'p'] });
    expect(resolveTraits([{ a: { v: 3, at: at(1) } }, { a: { v: true, at: at(2) } }], rules('both'))).toEqual({ a: ['3', 'true'] });
  });

  it('leaves out a trait whose newest change cleared it, under latest only', () => {
    const at = (n: number) => `2026-01-0${n}T00:00:00.000Z`;
    const profiles = [{ a: { v: 'x', at: at(1) } }, { a: { v: null, at: at(2) } }];
    expect(resolveTraits(profiles, rules('latest'))).toEqual({});
    expect(resolveTraits(profiles, rules('first'))).toEqual({ a: 'x' });
    expect(resolveTraits(profiles, rules('both'))).toEqual({ a: 'x' });
  });
});
