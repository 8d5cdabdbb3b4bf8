/**
 * Seeded, deterministic synthetic survey responses for the "CX metrics over 10 million
 * responses" benchmark. Rows have the exact shape the server stores (ResponsesTable), so the
 * product side can insert them through its own writer and compare its rollups with the DuckDB
 * reference (duckdb-reference.ts) on the very same data.
 *
 * Determinism: every value comes from one PRNG stream seeded by `seed` and consumed in row
 * order. So row i depends only on the options other than count, and on i:
 * the rows for count N are a prefix of those for count M > N, and chunkSize changes nothing.
 * Rows are NOT sorted by time (each row's time is drawn independently).
 *
 * Speed: no JSON.stringify, no Date objects and no string concatenation in the hot loop: JSON
 * texts come from lookup tables, ids and timestamps are written as bytes (see `scratch`).
 */
import type { ResponsesTable } from '../../apps/server/src/modules/responses/responses.tables.js';

export interface SyntheticOptions {
  count: number; seed: number; workspaceId: string; surveyIds: string[];
  end: string /* ISO, exclusive */; months: number /* 24 */;
}

const DAY = 86_400_000;

/** sfc32 (Small Fast Counter): 128-bit state, 32-bit output, only int ops — fast in V8. */
class Rng {
  private a: number; private b: number; private c: number; private d = 1;
  constructor(seed: number) {
    this.a = 0x9e3779b9 ^ seed; this.b = 0x243f6a88 ^ Math.imul(seed, 0x85ebca6b); this.c = 0xb7e15162;
    for (let i = 0; i < 15; i++) this.next(); // mix the seed through the state
  }
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }
  /** Uniform in [0, 1). */
  u(): number { return this.next() / 4294967296; }
}

/** Picks an index from cumulative weights (ascending, last = 1). Linear: tables are tiny. */
function pick(cum: Float64Array, u: number): number {
  let i = 0;
  while (i < cum.length - 1 && u >= cum[i]) i++;
  return i;
}
function cumulative(weights: number[]): Float64Array {
  const total = weights.reduce((s, w) => s + w, 0);
  let run = 0;
  return Float64Array.from(weights, (w) => (run += w) / total);
}

// ---- Categorical distributions (documented in README.md; the product side may rely on them) ----
export const CHANNELS = ['link', 'widget', 'email', 'app', 'api', 'sms', 'kiosk', 'import'] as const;
const CHANNEL_CUM = cumulative([34, 22, 17, 10, 7, 5, 3, 2]);
/** Channel effect on sentiment, in NPS points (CSAT/CES get a scaled share): trends differ by channel. */
const CHANNEL_SHIFT = [0, 0.3, -0.2, 0.5, 0.1, -0.7, -0.4, -0.5];
export const TOUCHPOINTS = ['checkout', 'delivery', 'support_ticket', 'onboarding', 'returns',
  'billing', 'store_visit', 'call_center', 'renewal', 'cancellation'] as const;
const TOUCHPOINT_CUM = cumulative([30, 18, 14, 10, 8, 6, 5, 4, 3, 2]); // 30 % of rows have none (see the row)
const LANGS = ['en', 'zh-Hant', 'zh-Hans', null] as const;
const LANG_CUM = cumulative([50, 30, 17, 3]);
export const PLANS = ['free', 'pro', 'enterprise'] as const;
const PLAN_CUM = cumulative([55, 32, 13]);
const PLAN_SHIFT = [-0.2, 0.1, 0.4];
export const REGIONS = ['tw', 'hk', 'jp', 'sg', 'us', 'eu'] as const;
const REGION_CUM = cumulative([35, 15, 13, 12, 15, 10]);
export const UTM_SOURCES = ['google', 'direct', 'newsletter', 'facebook', 'line', 'instagram', 'linkedin',
  'bing', 'youtube', 'twitter', 'tiktok', 'email', 'sms', 'referral', 'partner', 'app_store', 'qr',
  'print', 'podcast', 'affiliate'] as const;
const UTM_CUM = cumulative(UTM_SOURCES.map((_, k) => 1 / (k + 1))); // Zipf-like
/** Probability that each metadata key is present (independently). */
export const META_PRESENT = { plan: 0.97, region: 0.95, utm_source: 0.85 } as const;
export const COMPLETE_RATE = 0.92;

/**
 * Metadata JSON for every combination (index = absent): 4 × 7 × 21 strings, built once, in
 * the key order plan, region, utm_source — JSON.stringify would give the same text.
 */
const META_JSON: string[] = [];
for (let p = 0; p <= PLANS.length; p++) for (let r = 0; r <= REGIONS.length; r++) for (let s = 0; s <= UTM_SOURCES.length; s++) {
  const o: Record<string, string> = {};
  if (p < PLANS.length) o.plan = PLANS[p];
  if (r < REGIONS.length) o.region = REGIONS[r];
  if (s < UTM_SOURCES.length) o.utm_source = UTM_SOURCES[s];
  META_JSON.push(JSON.stringify(o));
}

/** Which scores a survey asks, as a bitmask (1 nps, 2 csat, 4 ces), fixed by its position. */
const SUBSETS = [7, 1, 6, 3, 4, 5, 2];
export function surveyQuestions(o: SyntheticOptions, surveyId: string): { nps: boolean; csat: boolean; ces: boolean } {
  const k = o.surveyIds.indexOf(surveyId);
  if (k < 0) throw new Error(`unknown survey ${surveyId}`);
  const m = SUBSETS[k % SUBSETS.length];
  return { nps: (m & 1) !== 0, csat: (m & 2) !== 0, ces: (m & 4) !== 0 };
}

/** The generator's time window [start, end): `months` calendar months (UTC) before `end`. */
export function syntheticWindow(o: SyntheticOptions): { start: string; end: string } {
  const end = new Date(o.end);
  if (Number.isNaN(end.getTime())) throw new Error(`bad end ${o.end}`);
  const start = new Date(end);
  start.setUTCMonth(start.getUTCMonth() - o.months); // end should be a month start; day 29–31 rolls over
  return { start: start.toISOString(), end: end.toISOString() };
}

/**
 * Answers JSON for every (nps, csat, ces) combination, null = not answered: 12 × 6 × 8 strings.
 * Keys are question ids ('nps', 'csat', 'ces'), as headlineScores reads them.
 */
const ANSWERS_JSON: string[] = [];
for (let n = -1; n <= 10; n++) for (let c = 0; c <= 5; c++) for (let e = 0; e <= 7; e++) {
  const a: Record<string, number> = {};
  if (n >= 0) a.nps = n;
  if (c > 0) a.csat = c;
  if (e > 0) a.ces = e;
  ANSWERS_JSON.push(JSON.stringify(a));
}

/**
 * Long strings (ids, timestamps, keys) are written as bytes into one scratch buffer and read
 * back as a single flat string. Building them with `+` makes V8 rope (cons) strings: ~1.5 kB
 * per row, so a 10k-row chunk outgrew the young generation and GC took 70 % of the time.
 */
const scratch = Buffer.alloc(64);
const HEX = Buffer.from('0123456789abcdef', 'latin1');
function putHex(at: number, value: number, digits: number): void {
  for (let k = digits - 1; k >= 0; k--) { scratch[at + k] = HEX[value & 15]; value >>>= 4; }
}
function put2(at: number, n: number): void { scratch[at] = 48 + ((n / 10) | 0); scratch[at + 1] = 48 + (n % 10); }
const take = (len: number) => scratch.toString('latin1', 0, len);

/** Sum of two uniforms rescaled to mean 0, sd 1: a cheap bell-ish (triangular) deviate. */
const tri = (r: Rng) => (r.u() + r.u() - 1) * 2.449489742783178;
const clampRound = (x: number, lo: number, hi: number) => (x <= lo ? lo : x >= hi ? hi : Math.round(x));

export function* syntheticChunks(o: SyntheticOptions, chunkSize = 10_000): Generator<ResponsesTable[]> {
  if (!(o.count >= 0) || o.count > 2 ** 32) throw new Error('count must be in [0, 2^32]');
  if (o.surveyIds.length === 0) throw new Error('surveyIds is empty');
  const win = syntheticWindow(o);
  const startMs = Date.parse(win.start), endMs = Date.parse(win.end), span = endMs - startMs;

  // Day bins with weight = growth × weekday × yearly season × bin length (the last bin may be
  // short when `end` is not midnight). Growth: the last month has ~1.6× the first month's volume.
  const nDays = Math.ceil(span / DAY);
  const dayCum = new Float64Array(nDays), drift = new Float64Array(nDays);
  const WEEKDAY = [0.55, 1.1, 1.15, 1.1, 1.05, 0.95, 0.6]; // Sun..Sat (UTC): weekday traffic
  let total = 0;
  for (let k = 0; k < nDays; k++) {
    const b0 = startMs + k * DAY, len = Math.min(DAY, endMs - b0), t = (b0 - startMs) / span;
    total += (1 + 0.6 * t) * WEEKDAY[new Date(b0).getUTCDay()] * (1 + 0.08 * Math.sin(2 * Math.PI * t * o.months / 12)) * (len / DAY);
    dayCum[k] = total;
    // Sentiment drift in NPS points: slow improvement, a yearly wobble, and a 3-week incident dip
    // at 60 % of the window, so monthly trends are neither flat nor monotonic.
    drift[k] = 0.6 * (t - 0.5) + 0.25 * Math.sin(2 * Math.PI * t * o.months / 12) - (t >= 0.6 && t < 0.6 + 21 * DAY / span ? 0.8 : 0);
  }
  for (let k = 0; k < nDays; k++) dayCum[k] /= total;

  const surveyCum = cumulative(o.surveyIds.map((_, k) => 1 / (k + 1))); // Zipf-like survey volume
  const surveyMask = o.surveyIds.map((_, k) => SUBSETS[k % SUBSETS.length]);
  // ISO 'YYYY-MM-DDT' bytes per UTC day, built lazily (durations can cross `end` by minutes).
  const firstDay = Math.floor(startMs / DAY), dayPrefix: Buffer[] = [];
  const iso = (ms: number) => {
    const day = Math.floor(ms / DAY), k = day - firstDay;
    let p = dayPrefix[k];
    if (p === undefined) p = dayPrefix[k] = Buffer.from(new Date(day * DAY).toISOString(), 'latin1');
    for (let b = 0; b < 11; b++) scratch[b] = p[b]; // a loop beats Buffer.copy at this size
    let r = ms - day * DAY;
    const h = Math.floor(r / 3_600_000); r -= h * 3_600_000;
    const m = Math.floor(r / 60_000); r -= m * 60_000;
    const s = Math.floor(r / 1000); r -= s * 1000;
    put2(11, h); scratch[13] = 58; put2(14, m); scratch[16] = 58; put2(17, s); scratch[19] = 46;
    scratch[20] = 48 + ((r / 100) | 0); put2(21, r % 100); scratch[23] = 90; // '.mmmZ'
    return take(24);
  };
  // Idempotency key 'syn-<seed>-<i>': the fixed prefix once, then the digits of i.
  const keyPrefix = Buffer.from(`syn-${o.seed}-`, 'latin1');
  const key = (i: number) => {
    for (let b = 0; b < keyPrefix.length; b++) scratch[b] = keyPrefix[b];
    let digits = 1;
    for (let x = i; x >= 10; x = Math.floor(x / 10)) digits++;
    let at = keyPrefix.length + digits;
    const len = at;
    do { scratch[--at] = 48 + (i % 10); i = Math.floor(i / 10); } while (i > 0);
    return take(len);
  };

  const rng = new Rng(o.seed | 0);
  const idMix = Math.imul(o.seed | 0, 0x27d4eb2f) | 0;
  let chunk: ResponsesTable[] = [];
  for (let i = 0; i < o.count; i++) {
    // Time: day by binary search on the cumulative weights, then uniform within the day.
    const ud = rng.u();
    let lo = 0, hi = nDays - 1;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (dayCum[mid] <= ud) lo = mid + 1; else hi = mid; }
    const b0 = startMs + lo * DAY;
    const created = b0 + Math.floor(rng.u() * Math.min(DAY, endMs - b0));

    const sv = pick(surveyCum, rng.u()), ch = pick(CHANNEL_CUM, rng.u());
    const complete = rng.u() < COMPLETE_RATE;
    const pl = rng.u() < META_PRESENT.plan ? pick(PLAN_CUM, rng.u()) : PLANS.length;
    const rg = rng.u() < META_PRESENT.region ? pick(REGION_CUM, rng.u()) : REGIONS.length;
    const ut = rng.u() < META_PRESENT.utm_source ? pick(UTM_CUM, rng.u()) : UTM_SOURCES.length;

    // Scores: one shared sentiment deviate per row (scores correlate) plus each score's own.
    // Means are tuned for ~45 % promoters / 25 % detractors, ~75 % CSAT ≥ 4, ~65 % CES ≥ 5.
    const shift = CHANNEL_SHIFT[ch] + drift[lo] + (pl < PLANS.length ? PLAN_SHIFT[pl] : 0);
    const mood = tri(rng), mask = surveyMask[sv], answerP = complete ? 0.98 : 0.45;
    const angry = rng.u() < 0.04; // a flat tail of 0–6 NPS, as real NPS data has
    const npsX = angry ? rng.u() * 7 - 0.5 : 8.2 + shift + 2.5 * (0.6 * mood + 0.8 * tri(rng));
    const csatX = 4.1 + 0.5 * shift + 0.95 * (0.6 * mood + 0.8 * tri(rng));
    const cesX = 5.0 + 0.6 * shift + 1.4 * (0.6 * mood + 0.8 * tri(rng));
    const nps = mask & 1 && rng.u() < answerP ? clampRound(npsX, 0, 10) : null;
    const csat = mask & 2 && rng.u() < answerP ? clampRound(csatX, 1, 5) : null;
    const ces = mask & 4 && rng.u() < answerP ? clampRound(cesX, 1, 7) : null;
    const uTp = rng.u(), uLang = rng.u(), uCus = rng.u(), uOrd = rng.u();
    const dur = complete ? 15_000 + Math.min(1_800_000, Math.floor(-Math.log(1 - rng.u()) * 90_000)) : Math.floor(rng.u() * 120_000);
    const updated = created + dur;

    // UUIDv7 shape: 48-bit ms | ver 7 + 12 PRNG bits | variant 10 + 14 PRNG bits | 16 PRNG bits +
    // a bijective 32-bit mix of i (xor, multiply by an odd constant, xorshift), so ids are unique.
    const r1 = rng.next(), r2 = rng.next();
    let m = Math.imul(i ^ idMix, 0x9e3779b1); m ^= m >>> 15; m = Math.imul(m, 0x85ebca77); m ^= m >>> 13;
    const msHi = Math.floor(created / 4294967296), msLo = created >>> 0; // ToUint32 = ms mod 2^32
    putHex(0, (msHi << 16) | (msLo >>> 16), 8); scratch[8] = 45; putHex(9, msLo & 0xffff, 4);
    scratch[13] = 45; scratch[14] = 55; putHex(15, r1 & 0xfff, 3); // '-7xxx'
    scratch[18] = 45; putHex(19, 0x8000 | ((r1 >>> 12) & 0x3fff), 4);
    scratch[23] = 45; putHex(24, r2 & 0xffff, 4); putHex(28, m, 8);
    const id = take(36);
    const updatedIso = iso(updated);

    chunk.push({
      id, workspace_id: o.workspaceId, survey_id: o.surveyIds[sv], respondent_id: null,
      idempotency_key: key(i),
      status: complete ? 'complete' : 'partial',
      answers: ANSWERS_JSON[((nps ?? -1) + 1) * 48 + (csat ?? 0) * 8 + (ces ?? 0)], channel: CHANNELS[ch],
      touchpoint: uTp < 0.3 ? null : TOUCHPOINTS[pick(TOUCHPOINT_CUM, (uTp - 0.3) / 0.7)],
      language: LANGS[pick(LANG_CUM, uLang)],
      customer_external_id: uCus < 0.55 ? 'cus_' + Math.floor((uCus / 0.55) * 2_000_000).toString(36) : null,
      order_id: uOrd < 0.35 ? 'ord_' + (m >>> 4).toString(36) : null,
      metadata: META_JSON[(pl * (REGIONS.length + 1) + rg) * (UTM_SOURCES.length + 1) + ut],
      nps, csat, ces,
      created_at: iso(created), updated_at: updatedIso, completed_at: complete ? updatedIso : null,
    });
    if (chunk.length >= chunkSize) { yield chunk; chunk = []; }
  }
  if (chunk.length > 0) yield chunk;
}
