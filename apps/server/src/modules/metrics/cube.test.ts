import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cellsOf, countsOf, CubeDelta, isCounted, MEASURES, type CubeSource } from './cube.js';
import { localDay, startOfLocalDay } from '../../platform/time/local-day.js';

const source = fc.record({
  id: fc.uuid(), workspace_id: fc.constantFrom('w1', 'w2'), survey_id: fc.constantFrom('s1', 's2'), status: fc.constantFrom('complete', 'partial'),
  channel: fc.constantFrom('link', 'email'), touchpoint: fc.option(fc.constantFrom('store', 'web')), language: fc.option(fc.constantFrom('en', 'zh-Hant')),
  metadata: fc.oneof(fc.constant('{}'), fc.constant('not json'), fc.record({ plan: fc.constantFrom('free', 'pro'), region: fc.constantFrom('n', 's') }, { requiredKeys: [] }).map((m) => JSON.stringify(m))),
  nps: fc.option(fc.integer({ min: 0, max: 10 })), csat: fc.option(fc.integer({ min: 1, max: 5 })), ces: fc.option(fc.integer({ min: 1, max: 7 })),
  created_at: fc.integer({ min: Date.parse('2026-03-01T00:00:00Z'), max: Date.parse('2026-04-01T00:00:00Z') }).map((ms) => new Date(ms).toISOString()),
}) as fc.Arbitrary<CubeSource>;
const settings = fc.record({ timeZone: fc.constantFrom('UTC', 'Asia/Kathmandu', 'America/New_York'), dimensions: fc.subarray(['plan', 'region']) });

describe('CubeDelta', () => {
  it('sums to what adding every response to each of its cells one by one gives; removing undoes adding', () => {
    fc.assert(fc.property(fc.array(fc.tuple(source, fc.constantFrom<1 | -1>(1, 1, -1))), settings, (items, s) => {
      const delta = new CubeDelta();
      const naive = new Map<string, number[]>();
      for (const [r, sign] of items) {
        delta.add(r, s, sign);
        for (const cell of cellsOf(r, s)) {
          const id = JSON.stringify(cell);
          const acc = naive.get(id) ?? new Array(MEASURES.length).fill(0);
          countsOf(r, sign).forEach((v, i) => { acc[i] += v; });
          naive.set(id, acc);
        }
      }
      const expected = [...naive.entries()].filter(([, c]) => c.some((v) => v !== 0)).map(([id, counts]) => ({ key: JSON.parse(id), counts }));
      const sortKey = (e: { key: object }) => JSON.stringify(e.key);
      expect(delta.entries().sort((a, b) => sortKey(a).localeCompare(sortKey(b)))).toEqual(expected.sort((a, b) => sortKey(a).localeCompare(sortKey(b))));
      const undo = new CubeDelta();
      for (const [r, sign] of items) { undo.add(r, s, sign); undo.add(r, s, sign === 1 ? -1 : 1); }
      expect(undo.entries()).toEqual([]);
    }));
  });

  it('while a recount runs, counts only the responses at or before its cursor', () => {
    fc.assert(fc.property(fc.array(source, { minLength: 1 }), settings, fc.nat(), (items, s, k) => {
      const key = (r: CubeSource) => `${r.created_at} ${r.id}`;
      const sorted = [...items].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
      const at = k % (sorted.length + 1); // 0: before everything ('' / '')
      const recountCursor = at ? { createdAt: sorted[at - 1].created_at, id: sorted[at - 1].id } : { createdAt: '', id: '' };
      const withCursor = new CubeDelta(), expected = new CubeDelta();
      for (const r of items) withCursor.add(r, { ...s, recountCursor });
      for (const r of sorted.slice(0, at)) expected.add(r, s);
      const sortKey = (e: { key: object }) => JSON.stringify(e.key);
      const ordered = (d: CubeDelta) => d.entries().sort((a, b) => sortKey(a).localeCompare(sortKey(b)));
      expect(ordered(withCursor)).toEqual(ordered(expected));
      expect(isCounted(sorted[sorted.length - 1], { ...s, recountCursor: null })).toBe(true);
    }));
  });

  it('gives each response 3 cells plus 2 per analysed metadata key it carries, for its day and its month', () => {
    const r = { id: 'r1', workspace_id: 'w', survey_id: 's', status: 'complete', channel: 'link', touchpoint: null, language: 'en', metadata: '{"plan":"pro","x":"y"}', nps: 9, csat: null, ces: 2, created_at: '2026-03-08T07:30:00.000Z' };
    const cells = cellsOf(r, { timeZone: 'UTC', dimensions: ['plan', 'region'] });
    const shape = ['||', '|touchpoint|', '|language|en', 'plan=pro||', '|meta:plan|pro'];
    expect(cells.filter((c) => c.grain === 'd').map((c) => `${c.seg}|${c.bdim}|${c.bval}|${c.day}`)).toEqual(shape.map((x) => `${x}|2026-03-08`));
    expect(cells.filter((c) => c.grain === 'm').map((c) => `${c.seg}|${c.bdim}|${c.bval}|${c.day}`)).toEqual(shape.map((x) => `${x}|2026-03`));
    expect(countsOf(r, 1).filter((v) => v).length).toBe(4); // n, complete, nps_9, ces_2
  });
});

describe('local days', () => {
  it('follows the zone, DST included', () => {
    expect(localDay('2026-03-08T07:30:00.000Z', 'America/New_York')).toBe('2026-03-08'); // 03:30 EDT
    expect(localDay('2026-03-08T04:59:00.000Z', 'America/New_York')).toBe('2026-03-07');
    expect(localDay('2026-03-31T18:14:00.000Z', 'Asia/Kathmandu')).toBe('2026-03-31'); // +05:45
    expect(localDay('2026-03-31T18:15:00.000Z', 'Asia/Kathmandu')).toBe('2026-04-01');
    expect(startOfLocalDay('2026-03-08', 'America/New_York')).toBe('2026-03-08T05:00:00.000Z');
    expect(startOfLocalDay('2026-03-09', 'America/New_York')).toBe('2026-03-09T04:00:00.000Z');
    expect(startOfLocalDay('2026-04-01', 'Asia/Kathmandu')).toBe('2026-03-31T18:15:00.000Z');
  });

  it('startOfLocalDay is the first instant of that local day', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 400 }), fc.constantFrom('UTC', 'Asia/Taipei', 'America/New_York', 'Europe/London', 'Australia/Lord_Howe', 'Asia/Kolkata'), (d, tz) => {
      const day = new Date(Date.UTC(2026, 0, 1 + d)).toISOString().slice(0, 10);
      const start = Date.parse(startOfLocalDay(day, tz));
      expect(localDay(new Date(start).toISOString(), tz)).toBe(day);
      expect(localDay(new Date(start - 60_000).toISOString(), tz) < day).toBe(true);
    }));
  });
});

describe('month planning', () => {
  it('covers the range exactly once: whole months from month cells, the rest from day cells', async () => {
    const { splitByMonths } = await import('./metrics.service.js');
    const { addDays } = await import('../../platform/time/local-day.js');
    expect(splitByMonths('2024-01-01', '2026-01-01')).toEqual({ months: { from: '2024-01', to: '2025-12' }, days: [{ from: '2026-01-01', to: '2026-01-01' }] });
    expect(splitByMonths('2026-02-10', '2026-03-05')).toEqual({ months: null, days: [{ from: '2026-02-10', to: '2026-03-05' }] });
    fc.assert(fc.property(fc.integer({ min: 0, max: 800 }), fc.integer({ min: 0, max: 500 }), (a, len) => {
      const from = addDays('2024-01-01', a), to = addDays(from, len);
      const { months, days } = splitByMonths(from, to);
      const covered: string[] = [];
      for (const d of days) for (let x = d.from; x <= d.to; x = addDays(x, 1)) covered.push(x);
      if (months) for (let x = `${months.from}-01`; x.slice(0, 7) <= months.to; x = addDays(x, 1)) covered.push(x);
      const expected: string[] = [];
      for (let x = from; x <= to; x = addDays(x, 1)) expected.push(x);
      expect(covered.sort()).toEqual(expected);
    }));
  });
});
