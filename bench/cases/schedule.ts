/**
 * When each answer of the cases bench arrives, from whom and with what score: seeded, so every run
 * sends the same sequence. Arrivals are independent and uniform over the window (an even rate on
 * average, bunched at random as real traffic is), except the repeats that exercise the race:
 *  - `pair`: the customer's second answer is sent in the same millisecond as the first;
 *  - `near`: 1–50 ms after the first (both usually in the same drain of the outbox);
 *  - `later`: at least 1 s after the first (the case is open by then: the answer is linked).
 * Every customer sends at least one detractor answer, so each should end with exactly one case.
 * Promoters (NPS 9–10) come from the same customers, at random times, and must open nothing.
 */
import { mulberry32 } from '../../apps/server/src/modules/demo/demo-random.js';

export type SendKind = 'first' | 'pair' | 'near' | 'later' | 'promoter';
export interface Send { at: number; customer: string; nps: number; key: string; kind: SendKind }

export interface ScheduleOptions {
  /** Detractor answers in the window (first answers + repeats). */
  detractors: number;
  customers: number;
  promoters: number;
  seconds: number;
  /** Idempotency key prefix and customer id prefix: each run has its own. */
  prefix: string;
  seed?: number;
}

/** Shares of the repeats: pairs sent together, near repeats, later ones (the rest). */
const PAIR_SHARE = 0.375;
const NEAR_SHARE = 0.25;

export function buildSchedule(o: ScheduleOptions): Send[] {
  if (o.customers > o.detractors) throw new Error('every customer sends at least one detractor answer: customers ≤ detractors');
  const rnd = mulberry32(o.seed ?? 5);
  const window = o.seconds * 1000;
  const int = (n: number) => Math.floor(rnd() * n);
  const detractorScore = () => int(7); // 0–6
  const sends: Send[] = [];
  let n = 0;
  const add = (at: number, c: number, nps: number, kind: SendKind) =>
    sends.push({ at: Math.min(window - 1, Math.round(at)), customer: `${o.prefix}-cust-${c}`, nps, key: `${o.prefix}-${String(n++).padStart(7, '0')}`, kind });

  const firstAt: number[] = [];
  for (let c = 0; c < o.customers; c++) {
    firstAt.push(rnd() * window);
    add(firstAt[c], c, detractorScore(), 'first');
  }
  const repeats = o.detractors - o.customers;
  const pairs = Math.round(repeats * PAIR_SHARE);
  const near = Math.min(o.customers - pairs, Math.round(repeats * NEAR_SHARE));
  // Pairs and near repeats go to distinct customers (a shuffled prefix of them).
  const order = Array.from({ length: o.customers }, (_, i) => i);
  for (let i = order.length - 1; i > 0; i--) { const j = int(i + 1); [order[i], order[j]] = [order[j], order[i]]; }
  for (let i = 0; i < Math.min(pairs, order.length); i++) add(firstAt[order[i]], order[i], detractorScore(), 'pair');
  for (let i = pairs; i < pairs + near; i++) add(firstAt[order[i]] + 1 + int(50), order[i], detractorScore(), 'near');
  // Later repeats: any customer whose first answer leaves at least a second of the window.
  const early = order.filter((c) => firstAt[c] < window - 1000);
  for (let i = pairs + near; i < repeats; i++) {
    const c = early[int(early.length)];
    add(firstAt[c] + 1000 + rnd() * (window - 1000 - firstAt[c]), c, detractorScore(), 'later');
  }
  for (let i = 0; i < o.promoters; i++) add(rnd() * window, int(o.customers), 9 + int(2), 'promoter');
  return sends.sort((a, b) => a.at - b.at);
}
