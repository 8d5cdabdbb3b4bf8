/**
 * CX numbers over time and by segment. The answer comes from the metric cube when the cube holds
 * the query (the workspace's time zone; at most one analysed metadata filter, and no breakdown
 * crossed with it) and from the response rows otherwise: the same counts either way (a property
 * test holds them equal), only the speed differs. While a recount runs after a settings change,
 * the cube holds only part of the responses, so every query is answered from the rows. Every
 * number comes with its count and interval.
 */
import { compareCes, compareCsat, compareNps, compareSentiment, cesFromSums, csatFromCounts, cxIndex, npsFromCounts, sentimentFromSums, type CxIndexWeights } from '@touchpoint/shared';
import { sql } from 'kysely';
import type { Deps } from '../../deps.js';
import { toNumber } from '../../platform/db/dialect.js';
import { CES_AT, CSAT_AT, MEASURES, NPS_AT, type CubeSettings, type Counts, countsOf, sentimentOfCounts } from './cube.js';
import { addDays, localDay, startOfLocalDay } from '../../platform/time/local-day.js';
import { findSettings } from './metrics.repo.js';
import { currentWeights } from './config.service.js';
import { periodOf, previousRange, type Interval } from './periods.js';
import { sentimentOf } from './sentiment.repo.js';

export type Breakdown = 'channel' | 'survey' | 'touchpoint' | 'language' | `meta:${string}` | `trait:${string}`;
export interface MetricsQuery {
  /** Local days in `timeZone`, both inclusive ('YYYY-MM-DD'). */
  from: string; to: string;
  timeZone?: string;
  interval: Interval;
  by?: Breakdown;
  surveyIds?: string[]; channels?: string[];
  meta?: { key: string; value: string };
  compare?: 'previous';
  /** With `by`: compare segment `versus[1]` against segment `versus[0]` over the whole range (significance included). */
  versus?: [string, string];
  /** Only answers from members of this customer segment (people, not responses: read from the rows). */
  segmentId?: string;
  /** Tests and benchmarks: answer from the rows even when the cube holds the query. */
  forceRows?: boolean;
}

type Cell = { day: string; group: string | null; counts: Counts };

export async function queryMetrics(deps: Deps, workspaceId: string, q: MetricsQuery) {
  const settings = await findSettings(deps.db, workspaceId);
  const timeZone = q.timeZone ?? settings.timeZone;
  if (q.forceRows || !cubeHolds(settings, timeZone, q)) return answer(deps, workspaceId, q, timeZone, 'rows');
  const cubeAnswer = await answer(deps, workspaceId, q, timeZone, 'cube');
  // A settings change that committed while we read emptied the cube under us (a recount then
  // refills it): what we summed may be part of it. Its generation tells; ask again.
  if ((await findSettings(deps.db, workspaceId)).generation === settings.generation) return cubeAnswer;
  return queryMetrics(deps, workspaceId, q);
}

async function answer(deps: Deps, workspaceId: string, q: MetricsQuery, timeZone: string, source: 'cube' | 'rows') {
  const load = (from: string, to: string) => (source === 'cube' ? fromCube(deps, workspaceId, { ...q, from, to }) : fromRows(deps, workspaceId, { ...q, from, to }, timeZone));
  const { version, weights } = await currentWeights(deps.db, workspaceId);
  const cells = await load(q.from, q.to);
  const series = toSeries(cells, q.interval, weights);
  const total = summarise(sumCounts(cells.map((c) => c.counts)), weights);
  let comparison = null;
  if (q.compare === 'previous') {
    const prev = previousRange(q.from, q.to);
    const before = sumCounts((await load(prev.from, prev.to)).map((c) => c.counts));
    comparison = { from: prev.from, to: prev.to, total: summarise(before, weights), change: change(before, sumCounts(cells.map((c) => c.counts)), weights) };
  }
  const versus = q.by && q.versus ? segmentChange(cells, q.versus, weights) : null;
  return { source, timeZone, interval: q.interval, by: q.by ?? null, from: q.from, to: q.to, cxIndexVersion: version, total, series, previous: comparison, versus };
}

/** Can the cube answer this query exactly? */
export function cubeHolds(s: CubeSettings, timeZone: string, q: Pick<MetricsQuery, 'by' | 'meta' | 'segmentId'>): boolean {
  if (s.recountCursor) return false; // being recounted: it holds only part of the responses
  if (q.segmentId) return false; // segment membership belongs to people, not to the cube's cells
  if (q.by?.startsWith('trait:')) return false; // a customer's trait is theirs, not the response's: read from the rows
  if (timeZone !== s.timeZone) return false;
  if (q.meta && !s.dimensions.includes(q.meta.key)) return false;
  const byMeta = q.by?.startsWith('meta:') ? q.by.slice(5) : null;
  if (byMeta !== null && !s.dimensions.includes(byMeta)) return false;
  // Filter segments are kept without breakdowns other than survey and channel.
  if (q.meta && q.by && q.by !== 'channel' && q.by !== 'survey') return false;
  return true;
}

async function fromCube(deps: Deps, workspaceId: string, q: MetricsQuery): Promise<Cell[]> {
  // Whole months inside the range are read from month cells; the days around them from day
  // cells. Months only help when days are summed anyway (monthly and total views).
  const plan = q.interval === 'month' || q.interval === 'total' ? splitByMonths(q.from, q.to) : { months: null, days: [{ from: q.from, to: q.to }] };
  const parts = await Promise.all([
    ...(plan.months ? [cubeCells(deps, workspaceId, q, 'm', plan.months.from, plan.months.to)] : []),
    ...plan.days.map((d) => cubeCells(deps, workspaceId, q, 'd', d.from, d.to)),
  ]);
  return parts.flat();
}

/** [from, to] as whole local months (YYYY-MM, inclusive; null if none) and the day ranges left over. */
export function splitByMonths(from: string, to: string): { months: { from: string; to: string } | null; days: { from: string; to: string }[] } {
  const firstWhole = from.endsWith('-01') ? from.slice(0, 7) : addMonths(from.slice(0, 7), 1);
  const lastWhole = addDays(to, 1).endsWith('-01') ? to.slice(0, 7) : addMonths(to.slice(0, 7), -1);
  if (firstWhole > lastWhole) return { months: null, days: [{ from, to }] };
  const days: { from: string; to: string }[] = [];
  if (from < `${firstWhole}-01`) days.push({ from, to: addDays(`${firstWhole}-01`, -1) });
  const afterLast = `${addMonths(lastWhole, 1)}-01`;
  if (afterLast <= to) days.push({ from: afterLast, to });
  return { months: { from: firstWhole, to: lastWhole }, days };
}

function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number);
  const d = new Date(Date.UTC(y, m - 1 + n, 1));
  return d.toISOString().slice(0, 7);
}

async function cubeCells(deps: Deps, workspaceId: string, q: MetricsQuery, grain: 'd' | 'm', from: string, to: string): Promise<Cell[]> {
  const bdim = q.by === 'touchpoint' || q.by === 'language' || q.by?.startsWith('meta:') ? q.by : '';
  const groupCol = q.by === 'channel' ? 'channel' : q.by === 'survey' ? 'survey_id' : bdim ? 'bval' : null;
  let query = deps.db.selectFrom('metric_cube')
    .where('workspace_id', '=', workspaceId)
    .where('seg', '=', q.meta ? `${q.meta.key}=${q.meta.value}` : '')
    .where('bdim', '=', bdim)
    .where('grain', '=', grain)
    .where('day', '>=', from).where('day', '<=', to);
  if (q.surveyIds?.length) query = query.where('survey_id', 'in', q.surveyIds);
  if (q.channels?.length) query = query.where('channel', 'in', q.channels);
  // Months and totals are bucketed in SQL (fewer rows back); days and weeks come back per day.
  const bucket = q.interval === 'month' ? sql<string>`substr(day, 1, 7)` : q.interval === 'total' ? sql<string>`'total'` : sql<string>`day`;
  // All 25 sums in one text column: turning thousands of 27-column rows into driver objects cost
  // far more than the aggregation itself (SQLite: ~120 ms against ~13 ms for 19k cells).
  const packed = sql<string>`${sql.join(MEASURES.map((m) => sql`sum(${sql.ref(m)})`), sql` || ',' || `)}`.as('counts');
  // PostgreSQL refuses GROUP BY on a constant: a total groups by the breakdown alone.
  const keys = [...(q.interval === 'total' ? [] : [bucket]), ...(groupCol ? [sql.ref(groupCol)] : [])];
  const selected = query.select([bucket.as('bucket'), ...(groupCol ? [sql<string>`${sql.ref(groupCol)}`.as('grp')] : []), packed]);
  const rows = await (keys.length ? selected.groupBy(keys) : selected).execute();
  // A cell whose responses were all deleted (or moved) stays behind with zero counts: no point.
  // An ungrouped total over no cells is one row of NULL sums: no point either.
  return rows.filter((r) => r.counts !== null)
    .map((r) => ({ day: r.bucket, group: groupCol ? String((r as { grp?: string }).grp) : null, counts: r.counts.split(',').map(Number) }))
    .filter((c) => c.counts[0] !== 0);
}

const PAGE = 20_000;

/** The same cells, computed from the response rows (any time zone, any filter). */
async function fromRows(deps: Deps, workspaceId: string, q: MetricsQuery, timeZone: string): Promise<Cell[]> {
  const start = startOfLocalDay(q.from, timeZone), end = startOfLocalDay(addDays(q.to, 1), timeZone);
  const cells = new Map<string, Cell>();
  const trait = q.by?.startsWith('trait:') ? q.by.slice(6) : null;
  const traitCache = new Map<string, string | null>();
  let after: { created_at: string; id: string } | null = null;
  for (;;) {
    let query = deps.db.selectFrom('responses')
      .select(['id', 'workspace_id', 'survey_id', 'status', 'channel', 'touchpoint', 'language', 'metadata', 'nps', 'csat', 'ces', 'created_at', 'customer_external_id', 'respondent_id'])
      .where('workspace_id', '=', workspaceId).where('created_at', '>=', start).where('created_at', '<', end);
    if (q.surveyIds?.length) query = query.where('survey_id', 'in', q.surveyIds);
    if (q.channels?.length) query = query.where('channel', 'in', q.channels);
    // Row values: a range on the (workspace_id, created_at) index (see metrics.repo.ts responsesAfter).
    if (after) { const a = after; query = query.where((eb) => eb(eb.refTuple('created_at', 'id'), '>', eb.tuple(a.created_at, a.id))); }
    const rows = await query.orderBy('created_at').orderBy('id').limit(PAGE).execute();
    const sums = await sentimentOf(deps.db, rows.map((r) => r.id));
    const traits = trait && deps.customerTraits ? await deps.customerTraits(workspaceId, trait, rows, traitCache) : null;
    const inSegment = q.segmentId && deps.segmentResponses ? await deps.segmentResponses(workspaceId, q.segmentId, rows) : null;
    for (const r of rows) {
      if (inSegment && !inSegment.has(r.id)) continue;
      const meta = q.meta || q.by?.startsWith('meta:') ? parseMeta(r.metadata) : {};
      if (q.meta && meta[q.meta.key] !== q.meta.value) continue;
      const group = trait ? traits?.get(r.id) : groupOf(r, q.by, meta);
      if (group === undefined) continue; // broken down by a metadata key this response lacks
      const day = localDay(r.created_at, timeZone);
      const id = `${day}\u0001${group}`;
      const vec = countsOf(sums.has(r.id) ? { ...r, sentiment: sums.get(r.id) } : r, 1);
      const hit = cells.get(id);
      if (!hit) cells.set(id, { day, group, counts: vec });
      else for (let i = 0; i < vec.length; i++) hit.counts[i] += vec[i];
    }
    if (rows.length < PAGE) break;
    after = rows[rows.length - 1];
  }
  return [...cells.values()];
}

function parseMeta(text: string): Record<string, unknown> {
  try { return JSON.parse(text || '{}') ?? {}; } catch { return {}; }
}

function groupOf(r: { channel: string; survey_id: string; touchpoint: string | null; language: string | null }, by: Breakdown | undefined, meta: Record<string, unknown>): string | null | undefined {
  if (!by) return null;
  if (by === 'channel') return r.channel;
  if (by === 'survey') return r.survey_id;
  if (by === 'touchpoint') return r.touchpoint ?? '';
  if (by === 'language') return r.language ?? '';
  const v = meta[by.slice(5)];
  return typeof v === 'string' ? v : undefined;
}

function sumCounts(list: Counts[]): Counts {
  const total = new Array<number>(MEASURES.length).fill(0);
  for (const c of list) for (let i = 0; i < c.length; i++) total[i] += c[i];
  return total;
}

function toSeries(cells: Cell[], interval: Interval, weights: CxIndexWeights) {
  const groups = new Map<string | null, Map<string, Counts[]>>();
  for (const c of cells) {
    const period = periodOf(c.day, interval);
    if (!groups.has(c.group)) groups.set(c.group, new Map());
    const g = groups.get(c.group)!;
    if (!g.has(period)) g.set(period, []);
    g.get(period)!.push(c.counts);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => String(a ?? '').localeCompare(String(b ?? '')))
    .map(([group, periods]) => ({
      group,
      points: [...periods.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([period, list]) => ({ period, ...summarise(sumCounts(list), weights) })),
    }));
}


/** Counts → the numbers people read (with n and 95 % intervals) and the distributions. */
export function summarise(c: Counts, weights: CxIndexWeights) {
  const npsBins = c.slice(NPS_AT, NPS_AT + 11), csatBins = c.slice(CSAT_AT, CSAT_AT + 5), cesBins = c.slice(CES_AT, CES_AT + 7);
  const sum = (a: number[]) => a.reduce((x, y) => x + y, 0);
  const cesN = sum(cesBins), cesSum = cesBins.reduce((a, v, i) => a + v * (i + 1), 0), cesSq = cesBins.reduce((a, v, i) => a + v * (i + 1) ** 2, 0);
  const nps = npsFromCounts(sum(npsBins.slice(9)), sum(npsBins.slice(7, 9)), sum(npsBins.slice(0, 7)));
  const csat = csatFromCounts(csatBins[3] + csatBins[4], sum(csatBins));
  const ces = cesFromSums(cesN, cesSum, cesSq, sum(cesBins.slice(4)));
  const sentiment = sentimentFromSums(sentimentOfCounts(c));
  return {
    responses: c[0], complete: c[1], nps, csat, ces, sentiment,
    cxIndex: cxIndex(weights, { nps: { value: nps.nps, ci: nps.ci }, csat: { value: csat.csat, ci: csat.ci }, ces: { value: ces.mean, ci: ces.ci }, sentiment: { value: sentiment.mean, ci: sentiment.ci } }),
    distribution: { nps: npsBins, csat: csatBins, ces: cesBins },
  };
}

/** Segment b against segment a (two values of the breakdown) over the whole range: b − a, with its significance. */
function segmentChange(cells: Cell[], [a, b]: [string, string], weights: CxIndexWeights) {
  const of = (g: string) => sumCounts(cells.filter((c) => c.group === g).map((c) => c.counts));
  const countsA = of(a), countsB = of(b);
  return { a, b, totalA: summarise(countsA, weights), totalB: summarise(countsB, weights), change: change(countsA, countsB, weights) };
}

function change(before: Counts, after: Counts, weights: CxIndexWeights) {
  const a = summarise(before, weights), b = summarise(after, weights);
  const cesSums = (s: ReturnType<typeof summarise>) => ({ n: s.ces.n, sum: s.distribution.ces.reduce((x, v, i) => x + v * (i + 1), 0), sumSquares: s.distribution.ces.reduce((x, v, i) => x + v * (i + 1) ** 2, 0) });
  return {
    nps: compareNps(a.nps, b.nps),
    csat: compareCsat({ satisfied: a.csat.satisfied, n: a.csat.n }, { satisfied: b.csat.satisfied, n: b.csat.n }),
    ces: compareCes(cesSums(a), cesSums(b)),
    sentiment: compareSentiment(sentimentOfCounts(before), sentimentOfCounts(after)),
  };
}
