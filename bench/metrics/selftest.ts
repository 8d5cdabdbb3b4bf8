/**
 * --selftest of duckdb-cli.ts: the generator's determinism, uniqueness and value ranges on 200k
 * rows, a few distribution sanity bounds (so a tuning change that flattens the trends is noticed),
 * and the DuckDB reference query checked against a plain-JS aggregation of the same rows (with
 * Intl for the time zone), once in the given zone and once in a DST zone with the JSON path.
 * Prints one line per check and 'N passed, N failed'; returns false on any failure.
 */
import type { ResponsesTable } from '../../apps/server/src/modules/responses/responses.tables.js';
import { duckdbReference, ROW_NUMBERS, type ReferenceOptions, type Row } from './duckdb-reference.js';
import { CHANNELS, PLANS, REGIONS, TOUCHPOINTS, UTM_SOURCES, surveyQuestions, syntheticChunks, syntheticWindow, type SyntheticOptions } from './synthetic.js';

const N = 200_000;
const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

const collect = (o: SyntheticOptions, chunkSize?: number) => [...syntheticChunks(o, chunkSize)].flat();
const isScore = (v: number | null, lo: number, hi: number) => v === null || (Number.isInteger(v) && v >= lo && v <= hi);

export async function runSelftest(base: ReferenceOptions): Promise<boolean> {
  const o: ReferenceOptions = { ...base, count: N, runs: 1 };
  let passed = 0, failed = 0;
  const check = (name: string, ok: boolean, detail = '') => {
    if (ok) passed++; else failed++;
    console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}${ok || !detail ? '' : ` — ${detail}`}`);
  };

  const rows = collect(o);
  const again = collect(o, 777);
  const same = (a: ResponsesTable, b: ResponsesTable) => JSON.stringify(a) === JSON.stringify(b);
  check('200k rows generated', rows.length === N, String(rows.length));
  check('same seed → same first and last rows (other chunk size)', same(rows[0], again[0]) && same(rows[N - 1], again[N - 1]));
  check('a shorter run is a prefix', collect({ ...o, count: 1000 }).every((r, i) => same(r, rows[i])));
  check('another seed → other rows', !same(collect({ ...o, count: 1, seed: o.seed + 1 })[0], rows[0]));
  check('ids unique', new Set(rows.map((r) => r.id)).size === N);
  check('idempotency keys unique', new Set(rows.map((r) => r.idempotency_key)).size === N);

  const win = syntheticWindow(o), startMs = Date.parse(win.start), endMs = Date.parse(win.end);
  const sets = { channel: new Set<string>(CHANNELS), touchpoint: new Set<string>(TOUCHPOINTS), plan: new Set<string>(PLANS),
    region: new Set<string>(REGIONS), utm_source: new Set<string>(UTM_SOURCES), language: new Set(['en', 'zh-Hant', 'zh-Hans']) };
  const asks = new Map(o.surveyIds.map((s) => [s, surveyQuestions(o, s)]));
  const bad = new Map<string, string>();
  const flag = (what: string, r: ResponsesTable) => { if (!bad.has(what)) bad.set(what, JSON.stringify(r)); };
  for (let i = 0; i < N; i++) {
    const r = rows[i], created = Date.parse(r.created_at), updated = Date.parse(r.updated_at);
    if (!ID.test(r.id) || parseInt(r.id.slice(0, 8) + r.id.slice(9, 13), 16) !== created) flag('id shape / time', r);
    if (r.workspace_id !== o.workspaceId || !asks.has(r.survey_id) || r.respondent_id !== null) flag('ids', r);
    if (r.idempotency_key !== `syn-${o.seed}-${i}`) flag('key', r);
    if (!ISO.test(r.created_at) || !ISO.test(r.updated_at) || new Date(created).toISOString() !== r.created_at) flag('iso text', r);
    if (!(created >= startMs && created < endMs) || updated < created) flag('time window', r);
    if (r.status === 'complete' ? r.completed_at !== r.updated_at : r.status !== 'partial' || r.completed_at !== null) flag('status', r);
    if (!sets.channel.has(r.channel) || (r.touchpoint !== null && !sets.touchpoint.has(r.touchpoint))) flag('channel/touchpoint', r);
    if (r.language !== null && !sets.language.has(r.language)) flag('language', r);
    if (!isScore(r.nps, 0, 10) || !isScore(r.csat, 1, 5) || !isScore(r.ces, 1, 7)) flag('score range', r);
    const q = asks.get(r.survey_id)!;
    if ((r.nps !== null && !q.nps) || (r.csat !== null && !q.csat) || (r.ces !== null && !q.ces)) flag('score not asked', r);
    const a = JSON.parse(r.answers) as Record<string, number>;
    if (a.nps !== (r.nps ?? undefined) || a.csat !== (r.csat ?? undefined) || a.ces !== (r.ces ?? undefined) || Object.keys(a).length
      !== [r.nps, r.csat, r.ces].filter((v) => v !== null).length) flag('answers', r);
    const m = JSON.parse(r.metadata) as Record<string, string>;
    for (const [k, v] of Object.entries(m)) if (!(k in sets) || !sets[k as 'plan'].has(v)) flag('metadata', r);
    for (const s of [r.customer_external_id, r.order_id]) if (s !== null && s.length > 16) flag('short strings', r);
  }
  for (const what of ['id shape / time', 'ids', 'key', 'iso text', 'time window', 'status', 'channel/touchpoint', 'language',
    'score range', 'score not asked', 'answers', 'metadata', 'short strings']) check(`values: ${what}`, !bad.has(what), bad.get(what));

  // Distribution bounds: loose (3+ sd at 200k rows) but tight enough to notice a broken table.
  const share = (f: (r: ResponsesTable) => boolean) => rows.filter(f).length / N;
  const near = (name: string, got: number, want: number, tol: number) => check(`${name} ≈ ${want}`, Math.abs(got - want) <= tol, got.toFixed(4));
  near('complete share', share((r) => r.status === 'complete'), 0.92, 0.005);
  near('link share', share((r) => r.channel === 'link'), 0.34, 0.006);
  near('en share', share((r) => r.language === 'en'), 0.5, 0.006);
  near('plan present', share((r) => r.metadata.includes('"plan"')), 0.97, 0.003);
  near('pro share', share((r) => r.metadata.includes('"plan":"pro"')), 0.97 * 0.32, 0.006);
  const byMonth = new Map<string, ResponsesTable[]>();
  for (const r of rows) {
    const k = r.created_at.slice(0, 7);
    const list = byMonth.get(k);
    if (list) list.push(r); else byMonth.set(k, [r]);
  }
  const months = [...byMonth.keys()].sort();
  const volume = (ks: string[]) => ks.reduce((s, k) => s + byMonth.get(k)!.length, 0);
  check(`${o.months} UTC months present`, months.length === o.months, String(months.length));
  check('volume grows (last 3 months > first 3 × 1.3)', volume(months.slice(-3)) > 1.3 * volume(months.slice(0, 3)));
  const weekday = share((r) => [1, 2, 3].includes(new Date(r.created_at).getUTCDay())) / 3;
  const weekend = share((r) => [0, 6].includes(new Date(r.created_at).getUTCDay())) / 2;
  check('weekly seasonality (Mon–Wed day > 1.5 × weekend day)', weekday > 1.5 * weekend, `${weekday} ${weekend}`);
  const npsOf = (rs: ResponsesTable[]) => {
    const s = rs.filter((r) => r.nps !== null);
    return (100 * (s.filter((r) => r.nps! >= 9).length - s.filter((r) => r.nps! <= 6).length)) / s.length;
  };
  const monthly = months.map((k) => npsOf(byMonth.get(k)!));
  check('monthly NPS not flat (range > 8 points)', Math.max(...monthly) - Math.min(...monthly) > 8, monthly.map(Math.round).join(' '));
  const npsBy = (ch: string) => npsOf(rows.filter((r) => r.channel === ch));
  check('NPS differs by channel (app > link > sms)', npsBy('app') > npsBy('link') && npsBy('link') > npsBy('sms'));
  console.log(`     overall NPS ${npsOf(rows).toFixed(1)}, by month ${monthly.map(Math.round).join(' ')}`);

  // The reference query against a JS aggregation of the same rows.
  for (const variant of [{ timeZone: o.timeZone, metaMode: 'columns' as const }, { timeZone: 'America/New_York', metaMode: 'json' as const }]) {
    const ref = await duckdbReference({ ...o, ...variant });
    const want = jsAggregate(rows, variant.timeZone, o.metaKey, o.metaValue);
    const got = JSON.stringify(ref.result), exp = JSON.stringify(want);
    check(`reference = JS aggregation (${variant.timeZone}, ${variant.metaMode}, ${ref.tzMode}, ${want.length} rows)`, got === exp && want.length > 0,
      `first difference at ${[...got].findIndex((c, i) => c !== exp[i])}: ${got.slice(0, 300)} vs ${exp.slice(0, 300)}`);
  }
  console.log(`${passed} passed, ${failed} failed`);
  return failed === 0;
}

/** The reference query's semantics, row by row: month of created_at in the zone, per channel. */
function jsAggregate(rows: ResponsesTable[], timeZone: string, metaKey: string, metaValue: string): Row[] {
  const fmt = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit' });
  const slotMonth = new Map<number, string>(); // offsets change on 15-minute boundaries at the finest
  const monthOf = (ms: number) => {
    const slot = Math.floor(ms / 900_000);
    let m = slotMonth.get(slot);
    if (m === undefined) {
      const p = Object.fromEntries(fmt.formatToParts(ms).map((x) => [x.type, x.value]));
      slotMonth.set(slot, (m = `${p.year}-${p.month}`));
    }
    return m;
  };
  const groups = new Map<string, Row>();
  for (const r of rows) {
    if ((JSON.parse(r.metadata) as Record<string, string>)[metaKey] !== metaValue) continue;
    const month = monthOf(Date.parse(r.created_at)), key = `${month}|${r.channel}`;
    let g = groups.get(key);
    if (!g) {
      g = { month, channel: r.channel } as Row;
      for (const k of ROW_NUMBERS) g[k] = 0;
      groups.set(key, g);
    }
    g.n++;
    if (r.nps !== null) { g.nps_n++; if (r.nps >= 9) g.promoters++; else if (r.nps >= 7) g.passives++; else g.detractors++; }
    if (r.csat !== null) { g.csat_n++; if (r.csat >= 4) g.csat_satisfied++; }
    if (r.ces !== null) { g.ces_n++; g.ces_sum += r.ces; g.ces_sum_squares += r.ces * r.ces; if (r.ces >= 5) g.ces_easy++; }
  }
  return [...groups.values()].sort((a, b) => (a.month < b.month ? -1 : a.month > b.month ? 1 : a.channel < b.channel ? -1 : a.channel > b.channel ? 1 : 0));
}
