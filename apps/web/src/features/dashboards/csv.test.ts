import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvCell, tileRows, toCsv, CSV_COLUMNS } from './csv';
import { result, summary } from './fixtures.test-helpers';
import type { Tile } from './types';

/** RFC 4180 reader, enough to check what toCsv writes. */
function parse(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [], cell = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (c === '"') quoted = false; else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(cell); cell = ''; }
    else if (c === '\r' && text[i + 1] === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; i++; }
    else cell += c;
  }
  return rows;
}

const tile = (over: Partial<Tile>): Tile => ({ id: 't1', type: 'value', metric: 'nps', interval: 'week', size: 'm', ...over });
const ctx = { title: 'NPS', range: { from: '2026-11-01', to: '2026-11-30' } };

describe('CSV cells', () => {
  it('quotes what needs quoting and keeps formulas inert', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvCell('-5 stars')).toBe("'-5 stars");
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell(null)).toBe('');
    expect(csvCell(Number.NaN)).toBe('');
  });

  it('any text survives a round trip through a CSV reader', () => {
    fc.assert(fc.property(fc.array(fc.string({ unit: 'grapheme', maxLength: 30 }), { minLength: 1, maxLength: 6 }), (texts) => {
      const rows = texts.map((value) => ({ value }));
      const back = parse(toCsv(rows));
      expect(back[0]).toEqual([...CSV_COLUMNS]);
      const col = CSV_COLUMNS.indexOf('value');
      back.slice(1).forEach((r, i) => {
        expect(r).toHaveLength(CSV_COLUMNS.length);
        expect(r[col]).toBe(/^[=+\-@\t\r]/.test(texts[i]) ? `'${texts[i]}` : texts[i]);
      });
    }));
  });
});

describe('tile rows', () => {
  it('value tile: the number, the previous range and the tested change', () => {
    const r = result({
      total: summary({ nps: [6, 2, 2] }),
      previous: {
        from: '2026-10-02', to: '2026-10-31', total: summary({ nps: [2, 4, 4] }),
        change: { nps: { delta: 40, ci: { low: 1.5, high: 78.5 }, pValue: 0.04, significant: true }, csat: { delta: null, ci: null, pValue: null, significant: false }, ces: { delta: null, ci: null, pValue: null, significant: false }, sentiment: { delta: null, ci: null, pValue: null, significant: false } },
      },
    });
    const rows = tileRows(tile({}), r, ctx);
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatchObject({ period: '2026-11-01/2026-11-30', value: 40, n: 10, ci_low: 30, ci_high: 50 });
    expect(rows[1]).toMatchObject({ period: '2026-10-02/2026-10-31', value: -20, n: 10 });
    expect(rows[2]).toMatchObject({ metric: 'nps_change', value: 40, ci_low: 1.5, ci_high: 78.5, p_value: 0.04 });
  });

  it('trend tile: every period, empty ones included', () => {
    const r = result({ interval: 'week', series: [{ group: null, points: [{ period: '2026-11-09', ...summary({ nps: [1, 0, 0] }) }] }] });
    const rows = tileRows(tile({ type: 'trend' }), r, ctx);
    expect(rows.map((x) => x.period)).toEqual(['2026-10-26', '2026-11-02', '2026-11-09', '2026-11-16', '2026-11-23', '2026-11-30']);
    expect(rows[2]).toMatchObject({ value: 100, n: 1 });
    expect(rows[0]).toMatchObject({ n: 0 });
    expect(rows[0].value).toBeUndefined();
  });

  it('breakdown, distribution and open text', () => {
    const r = result({ by: 'channel', series: [{ group: 'email', points: [{ period: 'total', ...summary({ nps: [1, 1, 0] }) }] }] });
    expect(tileRows(tile({ type: 'breakdown', by: 'channel' }), r, { ...ctx, groupLabel: (g) => g.toUpperCase() })[0])
      .toMatchObject({ group: 'email', group_label: 'EMAIL', value: 50, n: 2 });
    const dist = tileRows(tile({ type: 'distribution' }), result({ total: summary({ nps: [3, 1, 2] }) }), ctx);
    expect(dist.map((x) => x.group)).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    expect(dist[10]).toMatchObject({ metric: 'nps_score', value: 3, n: 6 });
    const texts = tileRows(tile({ type: 'open_text' }), [{ responseId: 'r', surveyId: 's', surveyName: 'Delivery', questionId: 'q', text: '=1+1 太慢', nps: 3, channel: 'link', language: 'zh-Hant', createdAt: '2026-11-23T01:00:00.000Z' }], ctx);
    expect(toCsv(texts)).toContain(",'=1+1 太慢,");
  });
});
