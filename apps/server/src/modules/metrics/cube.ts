/**
 * The metric cube: what each response adds to the pre-aggregated counts behind every CX number.
 * Pure functions, shared by the main thread and the SQLite writer thread (which keeps the cube
 * in the same transaction as the rows it inserts), so the cube is always exact and current.
 *
 * A cell is keyed by (seg, bdim, bval, local day, survey, channel):
 * - seg: '' (everyone) or 'key=value' of one analysed metadata key: a metadata *filter*;
 * - bdim/bval: '' (no breakdown), 'touchpoint', 'language' or 'meta:key', with the value ('' = none):
 *   a *breakdown* besides the always-present survey and channel.
 * A response adds to 1 + 2 + 2·m cells (m = analysed metadata keys it carries) per grain: the base
 * cell, its touchpoint and language cells, and per analysed key a filter cell and a breakdown
 * cell; once for its local day and once for its local month (a 24-month query then reads 24
 * month cells per group instead of ~730 day cells). Crossing
 * a filter segment with a breakdown is not kept (it would multiply the writes); such queries are
 * answered from the rows. Measures are histograms (NPS 0–10, CSAT 1–5, CES 1–7), so NPS, CSAT and
 * CES with their intervals all follow, and a removed response is subtracted exactly. Sentiment
 * adds five integer sums over the response's analysed open-text answers (n, Σ score·10⁴,
 * Σ (score·10⁴)², positives, negatives: formulas/sentiment.ts); they reach the cube when the
 * analysis is stored (sentiment-cube.ts), after the response itself.
 */
import type { SentimentSums } from '@touchpoint/shared';
import { localDay } from '../../platform/time/local-day.js';

export const NPS_BINS = 11, CSAT_BINS = 5, CES_BINS = 7;
export const MEASURES = ['n', 'complete',
  ...Array.from({ length: NPS_BINS }, (_, i) => `nps_${i}`),
  ...Array.from({ length: CSAT_BINS }, (_, i) => `csat_${i + 1}`),
  ...Array.from({ length: CES_BINS }, (_, i) => `ces_${i + 1}`),
  'sent_n', 'sent_sum', 'sent_sq', 'sent_pos', 'sent_neg'] as const;
export type Measure = (typeof MEASURES)[number];
export const KEY_COLUMNS = ['workspace_id', 'seg', 'bdim', 'grain', 'day', 'bval', 'survey_id', 'channel'] as const;

/** A position in (created_at, id) order; '' / '' is before every response. */
export interface RecountCursor { createdAt: string; id: string }

/**
 * How a workspace's cube counts. `recountCursor` is set while a recount runs (recount.service.ts):
 * the cube then holds only the responses at or before it, and a change to a response after it
 * must not touch the cube (a later recount chunk counts that response as it is then).
 */
export interface CubeSettings { timeZone: string; dimensions: readonly string[]; recountCursor?: RecountCursor | null }

/** The fields of a stored response the cube reads (a responses row, or the writer's parameters). */
export interface CubeSource {
  id: string; workspace_id: string; survey_id: string; status: string; channel: string;
  touchpoint: string | null; language: string | null; metadata: string;
  nps: number | null; csat: number | null; ces: number | null; created_at: string;
  /** The sums of its analysed answers, where the caller read them (absent: none). */
  sentiment?: SentimentSums;
}

/** grain 'd': `day` is a local day (YYYY-MM-DD); grain 'm': `day` is its local month (YYYY-MM). */
export interface CubeKey { workspace_id: string; seg: string; bdim: string; grain: 'd' | 'm'; day: string; bval: string; survey_id: string; channel: string }
/** Measures as one array in MEASURES order (index 0 = n, 1 = complete, then the bins). */
export type Counts = number[];

/** Where each histogram starts in a Counts vector. */
export const NPS_AT = 2, CSAT_AT = NPS_AT + NPS_BINS, CES_AT = CSAT_AT + CSAT_BINS, SENT_AT = CES_AT + CES_BINS;

/** Adds one response's measures, times `sign`, into `c` (MEASURES order). */
function addCounts(c: Counts, r: CubeSource, sign: number): void {
  c[0] += sign;
  if (r.status === 'complete') c[1] += sign;
  if (r.nps !== null && r.nps >= 0 && r.nps <= 10) c[NPS_AT + r.nps] += sign;
  if (r.csat !== null && r.csat >= 1 && r.csat <= 5) c[CSAT_AT + r.csat - 1] += sign;
  if (r.ces !== null && r.ces >= 1 && r.ces <= 7) c[CES_AT + r.ces - 1] += sign;
  if (r.sentiment) addSentiment(c, r.sentiment, sign);
}

function addSentiment(c: Counts, t: SentimentSums, sign: number): void {
  c[SENT_AT] += sign * t.n; c[SENT_AT + 1] += sign * t.sum; c[SENT_AT + 2] += sign * t.sumSquares;
  c[SENT_AT + 3] += sign * t.positive; c[SENT_AT + 4] += sign * t.negative;
}

/** The sentiment sums of a counts vector. */
export const sentimentOfCounts = (c: Counts): SentimentSums =>
  ({ n: c[SENT_AT], sum: c[SENT_AT + 1], sumSquares: c[SENT_AT + 2], positive: c[SENT_AT + 3], negative: c[SENT_AT + 4] });

/** The measure vector of one response, times `sign` (+1 added, −1 removed). */
export function countsOf(r: CubeSource, sign: 1 | -1): Counts {
  const c = new Array<number>(MEASURES.length).fill(0);
  addCounts(c, r, sign);
  return c;
}

/** What decides a response's cells: everything but its measures. */
interface Signature { workspace_id: string; day: string; survey_id: string; channel: string; touchpoint: string; language: string; meta: (string | null)[] }

/** The cells of a signature (see the header), at both grains. */
function cellsOfSignature(g: Signature, dimensions: readonly string[]): CubeKey[] {
  const daily = dayCells(g, dimensions);
  return [...daily, ...daily.map((c) => ({ ...c, grain: 'm' as const, day: c.day.slice(0, 7) }))];
}

function dayCells(g: Signature, dimensions: readonly string[]): CubeKey[] {
  const base = { workspace_id: g.workspace_id, grain: 'd' as const, day: g.day, survey_id: g.survey_id, channel: g.channel };
  const cells: CubeKey[] = [
    { ...base, seg: '', bdim: '', bval: '' },
    { ...base, seg: '', bdim: 'touchpoint', bval: g.touchpoint },
    { ...base, seg: '', bdim: 'language', bval: g.language },
  ];
  dimensions.forEach((key, i) => {
    const value = g.meta[i];
    if (value === null) return;
    cells.push({ ...base, seg: `${key}=${value}`, bdim: '', bval: '' });
    cells.push({ ...base, seg: '', bdim: `meta:${key}`, bval: value });
  });
  return cells;
}

/** The cells a response adds to. */
export function cellsOf(r: CubeSource, s: CubeSettings): CubeKey[] {
  return cellsOfSignature(signatureOf(r, s), s.dimensions);
}

function signatureOf(r: CubeSource, s: CubeSettings): Signature {
  const meta = s.dimensions.length ? metaValues(r.metadata, s.dimensions) : [];
  return { workspace_id: r.workspace_id, day: localDay(r.created_at, s.timeZone), survey_id: r.survey_id, channel: r.channel, touchpoint: r.touchpoint ?? '', language: r.language ?? '', meta };
}

function metaValues(text: string, keys: readonly string[]): (string | null)[] {
  let m: Record<string, unknown> = {};
  try { const v = JSON.parse(text || '{}'); if (v && typeof v === 'object') m = v; } catch { /* not JSON: no values */ }
  return keys.map((k) => (typeof m[k] === 'string' ? (m[k] as string) : null));
}

/**
 * Is this response in the part of the cube already counted? Always, unless a recount runs and the
 * response comes after its cursor. JavaScript compares UTF-16 units; the stores compare bytes
 * (SQLite BINARY; PostgreSQL in the database's collation): the same order for the ASCII,
 * fixed-width ISO times and UUIDs compared here, so this agrees with the recount's ORDER BY.
 */
export function isCounted(r: { created_at: string; id: string }, s: CubeSettings): boolean {
  const c = s.recountCursor;
  return !c || r.created_at < c.createdAt || (r.created_at === c.createdAt && r.id <= c.id);
}

const SEP = '\u0001', NONE = '\u0002';
const cellId = (k: CubeKey) => k.workspace_id + SEP + k.seg + SEP + k.bdim + SEP + k.grain + SEP + k.day + SEP + k.bval + SEP + k.survey_id + SEP + k.channel;

/**
 * Sums the changes of many responses per cell, so a batch writes each touched cell once.
 * Responses are first summed per signature (one string key and one Map look-up each), and only
 * the few distinct signatures are spread over their 3 + 2·m cells: a 2,000-row group costs
 * about a microsecond a row instead of building every cell of every row.
 */
export class CubeDelta {
  /** Per settings object (callers reuse one per workspace), then per signature. */
  private readonly groups = new Map<CubeSettings, Map<string, { sig: Signature; counts: Counts }>>();

  add(r: CubeSource, s: CubeSettings, sign: 1 | -1 = 1): void {
    if (!isCounted(r, s)) return; // a recount has not reached it yet: it will count it
    addCounts(this.group(r, s).counts, r, sign);
  }

  /** A counted response's analysed answers changed: only its sentiment sums move (n etc. stay). */
  addSentiment(r: CubeSource, s: CubeSettings, sums: SentimentSums, sign: 1 | -1): void {
    if (!isCounted(r, s)) return;
    addSentiment(this.group(r, s).counts, sums, sign);
  }

  private group(r: CubeSource, s: CubeSettings): { sig: Signature; counts: Counts } {
    let bySignature = this.groups.get(s);
    if (!bySignature) { bySignature = new Map(); this.groups.set(s, bySignature); }
    const day = localDay(r.created_at, s.timeZone);
    const meta = s.dimensions.length ? metaValues(r.metadata, s.dimensions) : null;
    const id = r.workspace_id + SEP + day + SEP + r.survey_id + SEP + r.channel + SEP + (r.touchpoint ?? '') + SEP + (r.language ?? '') +
      (meta ? SEP + meta.map((v) => v ?? NONE).join(SEP) : '');
    let g = bySignature.get(id);
    if (!g) {
      g = { sig: { workspace_id: r.workspace_id, day, survey_id: r.survey_id, channel: r.channel, touchpoint: r.touchpoint ?? '', language: r.language ?? '', meta: meta ?? [] }, counts: new Array<number>(MEASURES.length).fill(0) };
      bySignature.set(id, g);
    }
    return g;
  }

  /** Cells whose counts changed (a response moved within one cell cancels out). */
  entries(): { key: CubeKey; counts: Counts }[] {
    // Signatures are summed per (grain, day, survey, channel) bucket first, and within it per
    // touchpoint, language and metadata value, with short keys: a recount chunk has nearly one
    // signature per response, and building all 3 + 2·m cells of each (a long string key and an
    // object per cell) cost ~20 times more than this.
    const out: { key: CubeKey; counts: Counts }[] = [];
    for (const [settings, bySignature] of this.groups) {
      const buckets = new Map<string, Bucket>();
      for (const { sig, counts } of bySignature.values()) {
        addToBucket(buckets, sig, 'd', sig.day, counts);
        addToBucket(buckets, sig, 'm', sig.day.slice(0, 7), counts);
      }
      for (const b of buckets.values()) bucketCells(b, settings.dimensions, out);
    }
    // Two settings objects for one workspace (never in practice) could share cells: sum them.
    const cells = this.groups.size > 1 ? mergeCells(out) : out;
    return cells.filter((c) => c.counts.some((v) => v !== 0));
  }
}

/** One (workspace, grain, day, survey, channel): the sums behind its cells. */
interface Bucket { key: Omit<CubeKey, 'seg' | 'bdim' | 'bval'>; all: Counts; touchpoint: Map<string, Counts>; language: Map<string, Counts>; meta: Map<string, Counts>[] }

function addTo(map: Map<string, Counts>, value: string, counts: Counts): void {
  const hit = map.get(value);
  if (!hit) map.set(value, counts.slice());
  else for (let i = 0; i < counts.length; i++) hit[i] += counts[i];
}

function addToBucket(buckets: Map<string, Bucket>, g: Signature, grain: 'd' | 'm', day: string, counts: Counts): void {
  const id = g.workspace_id + SEP + grain + SEP + day + SEP + g.survey_id + SEP + g.channel;
  let b = buckets.get(id);
  if (!b) {
    b = { key: { workspace_id: g.workspace_id, grain, day, survey_id: g.survey_id, channel: g.channel }, all: new Array<number>(MEASURES.length).fill(0), touchpoint: new Map(), language: new Map(), meta: g.meta.map(() => new Map()) };
    buckets.set(id, b);
  }
  for (let i = 0; i < counts.length; i++) b.all[i] += counts[i];
  addTo(b.touchpoint, g.touchpoint, counts);
  addTo(b.language, g.language, counts);
  g.meta.forEach((value, i) => { if (value !== null) addTo(b.meta[i], value, counts); });
}

/** A bucket's cells, as dayCells lays them out: base, touchpoint, language, then per analysed key a filter and a breakdown cell. */
function bucketCells(b: Bucket, dimensions: readonly string[], out: { key: CubeKey; counts: Counts }[]): void {
  out.push({ key: { ...b.key, seg: '', bdim: '', bval: '' }, counts: b.all });
  for (const [bval, counts] of b.touchpoint) out.push({ key: { ...b.key, seg: '', bdim: 'touchpoint', bval }, counts });
  for (const [bval, counts] of b.language) out.push({ key: { ...b.key, seg: '', bdim: 'language', bval }, counts });
  b.meta.forEach((values, i) => {
    for (const [value, counts] of values) {
      out.push({ key: { ...b.key, seg: `${dimensions[i]}=${value}`, bdim: '', bval: '' }, counts });
      out.push({ key: { ...b.key, seg: '', bdim: `meta:${dimensions[i]}`, bval: value }, counts: counts.slice() });
    }
  });
}

function mergeCells(list: { key: CubeKey; counts: Counts }[]): { key: CubeKey; counts: Counts }[] {
  const cells = new Map<string, { key: CubeKey; counts: Counts }>();
  for (const c of list) {
    const hit = cells.get(cellId(c.key));
    if (!hit) cells.set(cellId(c.key), c);
    else for (let i = 0; i < c.counts.length; i++) hit.counts[i] += c.counts[i];
  }
  return [...cells.values()];
}

/** Portable upsert (SQLite ≥ 3.24 and PostgreSQL) adding a cell's counts; `?` placeholders. */
export const UPSERT_CELL_SQL = `INSERT INTO metric_cube (${[...KEY_COLUMNS, ...MEASURES].join(', ')}) VALUES (${[...KEY_COLUMNS, ...MEASURES].map(() => '?').join(', ')}) ` +
  `ON CONFLICT (${KEY_COLUMNS.join(', ')}) DO UPDATE SET ${MEASURES.map((m) => `${m} = metric_cube.${m} + excluded.${m}`).join(', ')}`;

export const cellParams = (c: { key: CubeKey; counts: Counts }): unknown[] => [...KEY_COLUMNS.map((k) => c.key[k]), ...c.counts];
