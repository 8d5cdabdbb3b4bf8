/**
 * The dashboard as CSV, in one long table (one row per number) so it pivots in any tool:
 *
 *   tile, tile_title, tile_type, metric, period, group, group_label, value, n, ci_low, ci_high, p_value
 *
 * - period: a reporting period (YYYY-MM-DD for days and weeks — the week's Monday —, YYYY-MM for
 *   months) or, for numbers over the whole range, the range as an ISO 8601 interval "from/to".
 * - value tiles: the range's value; with the comparison on, also the previous range's value and a
 *   "<metric>_change" row (delta, its 95 % interval and p-value; the CX index and counts are untested).
 * - trend/volume: every period of the range, empty ones included (value blank, n 0).
 * - metric sentiment: value = mean score on −1…1 (as the API gives it), n = analysed texts.
 * - breakdown: one row per group (group = the raw key, group_label = what the screen shows).
 * - distribution: metric "<metric>_score", group = the score, value = how many gave it, n = all answers.
 * - open_text: metric "open_text", period = when it was answered, group = survey id, value = the text.
 * - drivers: three rows per theme (group = theme id, group_label = its name, n = responses mentioning it):
 *   "<metric>_mentions" (the metric among them, its interval, and the p-value of mentions vs the rest),
 *   "<metric>_lift" (overall − the rest: > 0 pulls up) and "<metric>_impact" (the gain had its unhappy answers been neutral).
 * - customer KPI tiles: one row per number as well (customer-kpis.ts, customerCsvRows).
 * - closed-loop tiles: likewise (loop-tiles.ts, loopCsvRows).
 * Numbers are plain (dot decimals, no grouping). Text that a spreadsheet would run as a formula
 * (= + - @ first) gets a leading apostrophe. Lines end in CRLF (RFC 4180).
 */
import { periodsBetween } from './periods';
import { readMetric, round, type Reading } from './metric-values';
import type { DriversView, MetricsResult, OpenTextItem, Summary, Tile } from './types';
import { customerCsvRows, isCustomerTile, type CustomerKpisView } from './customer-kpis';
import { isLoopTile, loopCsvRows, type LoopMetrics, type LoopNames } from './loop-tiles';

export const CSV_COLUMNS = ['tile', 'tile_title', 'tile_type', 'metric', 'period', 'group', 'group_label', 'value', 'n', 'ci_low', 'ci_high', 'p_value'] as const;
export type CsvRow = Partial<Record<(typeof CSV_COLUMNS)[number], string | number | null>>;

export interface TileCsvContext {
  title: string;
  range: { from: string; to: string };
  groupLabel?: (group: string) => string;
  /** Loop tiles: theme names for root causes and themes, the name of "no team/owner/theme" (default: the ids). */
  loopNames?: LoopNames;
}

const span = (r: { from: string; to: string }) => `${r.from}/${r.to}`;
const DIST_BASE = { nps: 0, csat: 1, ces: 1 } as const;

function reading(base: CsvRow, r: Reading): CsvRow {
  return { ...base, value: round(r.value), n: r.n, ci_low: round(r.ci?.low), ci_high: round(r.ci?.high) };
}

export function tileRows(tile: Tile, data: MetricsResult | OpenTextItem[] | DriversView | CustomerKpisView | LoopMetrics | undefined, ctx: TileCsvContext): CsvRow[] {
  const base: CsvRow = { tile: tile.id, tile_title: ctx.title, tile_type: tile.type, metric: tile.metric };
  if (!data) return [];
  if (Array.isArray(data)) {
    return data.map((x) => ({ ...base, metric: 'open_text', period: x.createdAt, group: x.surveyId, group_label: x.surveyName, value: x.text }));
  }
  if (tile.type === 'drivers') return driverRows(base, data as DriversView);
  if (isCustomerTile(tile.type)) return customerCsvRows(base, tile, data as CustomerKpisView);
  if (isLoopTile(tile.type)) return loopCsvRows(base, tile, data as LoopMetrics, ctx.loopNames ?? { themeName: (id) => id, none: () => '' });
  const r = data as MetricsResult;
  switch (tile.type) {
    case 'value': {
      const rows = [reading({ ...base, period: span(r) }, readMetric(r.total, tile.metric))];
      if (r.previous) {
        rows.push(reading({ ...base, period: span(r.previous) }, readMetric(r.previous.total, tile.metric)));
        const tested = tile.metric === 'nps' || tile.metric === 'csat' || tile.metric === 'ces' || tile.metric === 'sentiment' ? r.previous.change[tile.metric] : null;
        const now = readMetric(r.total, tile.metric).value, before = readMetric(r.previous.total, tile.metric).value;
        rows.push({
          ...base, metric: `${tile.metric}_change`, period: span(r),
          value: round(tested ? tested.delta : now === null || before === null ? null : now - before),
          ci_low: round(tested?.ci?.low), ci_high: round(tested?.ci?.high), p_value: round(tested?.pValue, 6),
        });
      }
      return rows;
    }
    case 'trend':
    case 'volume': {
      const metric = tile.type === 'volume' ? 'responses' : tile.metric;
      const points = new Map<string, Summary>((r.series.find((s) => s.group === null) ?? r.series[0])?.points.map((p) => [p.period, p]) ?? []);
      return periodsBetween(ctx.range.from, ctx.range.to, tile.interval).map((period) => {
        const p = points.get(period);
        return p ? reading({ ...base, metric, period }, readMetric(p, metric)) : { ...base, metric, period, n: 0 };
      });
    }
    case 'breakdown':
      return r.series.map((s) => {
        const group = s.group ?? '';
        const point = s.points[0];
        return reading({ ...base, period: span(r), group, group_label: ctx.groupLabel?.(group) ?? group }, point ? readMetric(point, tile.metric) : { value: null, n: 0, ci: null });
      });
    case 'distribution': {
      const m = tile.metric === 'csat' || tile.metric === 'ces' ? tile.metric : 'nps';
      const bins = r.total.distribution[m];
      const n = bins.reduce((a, b) => a + b, 0);
      return bins.map((count, i) => ({ ...base, metric: `${m}_score`, period: span(r), group: String(i + DIST_BASE[m]), value: count, n }));
    }
    default:
      return [];
  }
}

function driverRows(base: CsvRow, d: DriversView): CsvRow[] {
  const period = span(d), m = d.metric;
  return d.themes.flatMap((x) => {
    const row = { ...base, metric: m, period, group: x.id, group_label: x.name, n: x.n };
    return [
      { ...reading({ ...row, metric: `${m}_mentions` }, x.mentions), n: x.n, p_value: round(x.difference.pValue, 6) },
      { ...row, metric: `${m}_lift`, value: round(x.lift), p_value: round(x.difference.pValue, 6) },
      { ...row, metric: `${m}_impact`, value: round(x.impact) },
    ];
  });
}

/** A text cell a spreadsheet must not evaluate. */
function guard(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

export function csvCell(v: string | number | null | undefined): string {
  if (v === null || v === undefined) return '';
  const s = typeof v === 'number' ? (Number.isFinite(v) ? String(v) : '') : guard(v);
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(rows: readonly CsvRow[]): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const row of rows) lines.push(CSV_COLUMNS.map((c) => csvCell(row[c])).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
