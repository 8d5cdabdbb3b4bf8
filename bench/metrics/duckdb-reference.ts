/**
 * DuckDB reference for the CX-metrics benchmark: what a competent analyst gets from an embedded
 * columnar engine on the same synthetic rows, as the bar the product's rollups are compared to.
 *
 * Load: an in-memory DuckDB, rows streamed from syntheticChunks through the appender API into a
 * staging table with the server's column set (timestamps appended as their ISO text; DuckDB casts
 * them to TIMESTAMPTZ), then one CREATE TABLE AS that adds the three known metadata keys as
 * columns (meta_plan, meta_region, meta_utm_source) with json_extract_string.
 * Why columns: at 1M rows, in three back-to-back pairs of runs, filtering on the parsed column
 * had the lower p50 every time than json_extract_string(metadata, '$.plan') at query time
 * (90 vs 159, 164 vs 243, 186 vs 200 ms; the shared machine is noisy, see README.md).
 * metaMode 'json' keeps that variant measurable; a key other than the three always uses JSON.
 * Why per-value appends: on this build, filling DuckDBDataChunk objects loaded ~1.7× slower (the
 * JS side converts every value and still makes one native call per string). Why extract in SQL:
 * JSON.parse runs on the single JS thread, already the load's bottleneck (+0.9 s per 1M rows),
 * while json_extract_string runs on all of DuckDB's threads.
 */
import { DuckDBInstance, type DuckDBAppender, type DuckDBConnection } from '@duckdb/node-api';
import { syntheticChunks, syntheticWindow, type SyntheticOptions } from './synthetic.js';
import type { ResponsesTable } from '../../apps/server/src/modules/responses/responses.tables.js';

export interface Row {
  month: string; channel: string; n: number;
  nps_n: number; promoters: number; passives: number; detractors: number;
  csat_n: number; csat_satisfied: number;
  ces_n: number; ces_sum: number; ces_sum_squares: number; ces_easy: number;
}
export const ROW_NUMBERS = ['n', 'nps_n', 'promoters', 'passives', 'detractors', 'csat_n', 'csat_satisfied',
  'ces_n', 'ces_sum', 'ces_sum_squares', 'ces_easy'] as const satisfies readonly (keyof Row)[];

export interface ReferenceOptions extends SyntheticOptions {
  timeZone: string; metaKey: string; metaValue: string; runs: number;
  /** 'columns' (default): filter on the parsed column when metaKey is a known key; 'json': json_extract_string. */
  metaMode?: 'columns' | 'json';
}
export interface ReferenceResult {
  loadSeconds: number; rows: number; p50: number; p95: number; result: Row[];
  /** Of loadSeconds: inside the generator, and the CREATE TABLE AS that extracts the metadata keys. */
  generateSeconds: number; extractSeconds: number;
  /** Every timed run's wall milliseconds, in run order (a busy neighbour shows up as outliers). */
  runsMs: number[];
  /** 'icu': timezone() with the ICU extension; 'fixed-offset': no ICU, a DST-free zone's constant offset. */
  tzMode: 'icu' | 'fixed-offset'; metaMode: 'columns' | 'json'; duckdb: string; threads: number;
}

const KNOWN_META = new Set(['plan', 'region', 'utm_source']);
const TEXT_COLUMNS = ['id', 'workspace_id', 'survey_id', 'respondent_id', 'idempotency_key', 'status', 'answers', 'channel',
  'touchpoint', 'language', 'customer_external_id', 'order_id', 'metadata'] as const satisfies readonly (keyof ResponsesTable)[];

export async function duckdbReference(o: ReferenceOptions): Promise<ReferenceResult> {
  // autoinstall off: nothing may be downloaded. ICU and JSON are linked into the npm binary.
  const instance = await DuckDBInstance.create(':memory:', { autoinstall_known_extensions: 'false' });
  const conn = await instance.connect();
  try {
    const tzMode = await timeZoneMode(conn, o.timeZone);
    const t0 = process.hrtime.bigint();
    const { rows, generateSeconds, extractSeconds } = await load(conn, o);
    const loadSeconds = Number(process.hrtime.bigint() - t0) / 1e9;

    const metaMode = o.metaMode ?? 'columns';
    const win = syntheticWindow(o);
    const offsetMinutes = tzMode === 'fixed-offset' ? fixedOffsetMinutes(o.timeZone, win.start, win.end) : 0;
    const sql = referenceSql(o.metaKey, metaMode, tzMode, offsetMinutes);
    const stmt = await conn.prepare(sql);
    const params: Record<string, string> = { tz: o.timeZone, v: o.metaValue, path: jsonPath(o.metaKey), start: win.start, end: win.end };
    const used = new Set([...sql.matchAll(/\$(\w+)/g)].map((m) => m[1])); // DuckDB rejects unused names
    stmt.bind(Object.fromEntries(Object.entries(params).filter(([k]) => used.has(k))));
    const runOnce = async (): Promise<Row[]> => (await stmt.runAndReadAll()).getRowObjectsJS().map(toRow);

    for (let k = 0; k < 3; k++) await runOnce(); // warm-ups: caches, allocator, JIT of toRow
    const ms: number[] = [];
    let result: Row[] = [];
    for (let k = 0; k < o.runs; k++) {
      const s = process.hrtime.bigint();
      result = await runOnce();
      ms.push(Number(process.hrtime.bigint() - s) / 1e6);
    }
    const version = (await conn.runAndReadAll('SELECT version() AS v, current_setting(\'threads\')::INT AS t')).getRowObjectsJS()[0];
    return { loadSeconds, rows, p50: percentile(ms, 0.5), p95: percentile(ms, 0.95), result, generateSeconds, extractSeconds, runsMs: ms,
      tzMode, metaMode, duckdb: String(version.v), threads: Number(version.t) };
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}

/**
 * The reference query. Month = calendar month of created_at in the IANA zone (timezone() turns a
 * TIMESTAMPTZ into that zone's wall-clock TIMESTAMP). The window is the generator's
 * [start, end) as instants, so with a non-UTC zone the first and last local months are partial
 * and there can be `months + 1` of them. Counts are cast to DOUBLE so they arrive as JS numbers.
 */
export function referenceSql(metaKey: string, metaMode: 'columns' | 'json', tzMode: 'icu' | 'fixed-offset', offsetMinutes = 0): string {
  const metaExpr = metaMode === 'columns' && KNOWN_META.has(metaKey) ? `meta_${metaKey}` : 'json_extract_string(metadata, $path)';
  const local = tzMode === 'icu' ? 'timezone($tz, created_at)'
    : `(created_at::TIMESTAMP + to_minutes(${Math.trunc(offsetMinutes)}))`; // without ICU the cast gives UTC
  return `
    SELECT strftime(month, '%Y-%m') AS month, channel, n, nps_n, promoters, passives, detractors,
           csat_n, csat_satisfied, ces_n, ces_sum, ces_sum_squares, ces_easy
    FROM (
      SELECT date_trunc('month', ${local}) AS month, channel,
        count(*)::DOUBLE AS n,
        count(nps)::DOUBLE AS nps_n,
        count(*) FILTER (WHERE nps >= 9)::DOUBLE AS promoters,
        count(*) FILTER (WHERE nps BETWEEN 7 AND 8)::DOUBLE AS passives,
        count(*) FILTER (WHERE nps <= 6)::DOUBLE AS detractors,
        count(csat)::DOUBLE AS csat_n,
        count(*) FILTER (WHERE csat >= 4)::DOUBLE AS csat_satisfied,
        count(ces)::DOUBLE AS ces_n,
        coalesce(sum(ces), 0)::DOUBLE AS ces_sum,
        coalesce(sum(ces::INTEGER * ces), 0)::DOUBLE AS ces_sum_squares,
        count(*) FILTER (WHERE ces >= 5)::DOUBLE AS ces_easy
      FROM responses
      WHERE ${metaExpr} = $v AND created_at >= $start::TIMESTAMPTZ AND created_at < $end::TIMESTAMPTZ
      GROUP BY ALL
    )
    ORDER BY month, channel`;
}

async function load(conn: DuckDBConnection, o: SyntheticOptions): Promise<{ rows: number; generateSeconds: number; extractSeconds: number }> {
  await conn.run(`CREATE TABLE raw (${TEXT_COLUMNS.map((c) => `${c} VARCHAR`).join(', ')},
    nps TINYINT, csat TINYINT, ces TINYINT, created_at TIMESTAMPTZ, updated_at TIMESTAMPTZ, completed_at TIMESTAMPTZ)`);
  const app = await conn.createAppender('raw');
  const text = (a: DuckDBAppender, v: string | null) => (v === null ? a.appendNull() : a.appendVarchar(v));
  const tiny = (a: DuckDBAppender, v: number | null) => (v === null ? a.appendNull() : a.appendTinyInt(v));
  let rows = 0, genNs = 0n;
  const it = syntheticChunks(o, 2048); // one appender chunk's worth: the rows die young
  for (;;) {
    const g = process.hrtime.bigint();
    const next = it.next();
    genNs += process.hrtime.bigint() - g;
    if (next.done) break;
    for (const r of next.value) {
      text(app, r.id); text(app, r.workspace_id); text(app, r.survey_id); text(app, r.respondent_id);
      text(app, r.idempotency_key); text(app, r.status); text(app, r.answers); text(app, r.channel);
      text(app, r.touchpoint); text(app, r.language); text(app, r.customer_external_id); text(app, r.order_id);
      text(app, r.metadata); tiny(app, r.nps); tiny(app, r.csat); tiny(app, r.ces);
      text(app, r.created_at); text(app, r.updated_at); text(app, r.completed_at); // cast by DuckDB
      app.endRow();
    }
    rows += next.value.length;
  }
  app.closeSync();
  const x0 = process.hrtime.bigint();
  // A fresh table rather than ALTER + UPDATE: DuckDB keeps updated values as row versions until a
  // checkpoint, which an in-memory database may never run; a one-off copy avoids that layout.
  // (At 1M rows both queried within noise of each other; UPDATE loaded ~0.5 s faster.)
  await conn.run(`CREATE TABLE responses AS SELECT *,
      json_extract_string(metadata, '$.plan') AS meta_plan,
      json_extract_string(metadata, '$.region') AS meta_region,
      json_extract_string(metadata, '$.utm_source') AS meta_utm_source
    FROM raw`);
  await conn.run('DROP TABLE raw');
  return { rows, generateSeconds: Number(genNs) / 1e9, extractSeconds: Number(process.hrtime.bigint() - x0) / 1e9 };
}

/** ICU when it is loaded (it is statically linked in the npm binaries); else LOAD it; else fixed offset. */
async function timeZoneMode(conn: DuckDBConnection, timeZone: string): Promise<'icu' | 'fixed-offset'> {
  const loaded = async () => Boolean((await conn.runAndReadAll(
    `SELECT count(*) > 0 AS ok FROM duckdb_extensions() WHERE extension_name = 'icu' AND loaded`)).getRowObjectsJS()[0].ok);
  if (!(await loaded())) {
    try { await conn.run('LOAD icu'); } catch { /* not installed, and nothing may be downloaded */ }
  }
  if (!(await loaded())) return 'fixed-offset';
  // An unknown zone name makes timezone() fail here, before a long load, instead of later.
  await conn.runAndReadAll(`SELECT timezone($tz, TIMESTAMPTZ '2024-01-01 00:00:00+00')`, { tz: timeZone });
  return 'icu';
}

/** Without ICU only zones whose offset never changes in the window can be done exactly. */
function fixedOffsetMinutes(timeZone: string, start: string, end: string): number {
  const offsetAt = (ms: number) => {
    const p = Object.fromEntries(new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric',
      month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric' }).formatToParts(ms).map((x) => [x.type, Number(x.value)]));
    return Math.round((Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute) - Math.floor(ms / 60_000) * 60_000) / 60_000);
  };
  const first = offsetAt(Date.parse(start));
  for (let ms = Date.parse(start); ms < Date.parse(end); ms += 86_400_000) {
    if (offsetAt(ms) !== first) throw new Error(`no ICU in DuckDB and ${timeZone} changes offset (DST): cannot fall back`);
  }
  return first;
}

/** JSON path for any key, quoted so dots or spaces in a key do not become path steps. */
const jsonPath = (key: string) => `$.${JSON.stringify(key)}`;

function toRow(r: Record<string, unknown>): Row {
  const row = { month: String(r.month), channel: String(r.channel) } as Row;
  for (const k of ROW_NUMBERS) row[k] = Number(r[k]);
  return row;
}

/** Nearest-rank percentile. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)];
}
