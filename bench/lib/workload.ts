/**
 * What the load generator sends: realistic responses from the demo generator, serialised once
 * into a few dozen body templates. Each request gets a fresh sequence number spliced into its
 * idempotency keys, so every request is a distinct batch that the server really stores (no
 * idempotent no-ops), without holding hundreds of MB of prebuilt bodies.
 */
import type { BatchResponse } from '@touchpoint/shared';
import { DEMO_SURVEYS } from '../../apps/server/src/modules/demo/demo-surveys.js';
import { generateDemoResponses } from '../../apps/server/src/modules/demo/demo-generator.js';

/** The demo "Post-purchase NPS" survey: NPS first, follow-ups with logic, choices, text. */
export const BENCH_SURVEY = DEMO_SURVEYS[0];
export const DISCARD_SUFFIX = '/responses/batch-bench-discard';
const SEQ = '~~SEQ~~'; // printable, so JSON.stringify keeps it verbatim
const NOW = new Date('2026-11-01T00:00:00Z');

/**
 * BENCH_BACKFILL=1 keeps the demo's submittedAt, spread over a year (a history import: every
 * row lands at a random place in the time indexes). By default the workload is live ingestion:
 * no submittedAt, so the server stamps the receive time, as a backend forwarding fresh answers does.
 */
export const BACKFILL = process.env.BENCH_BACKFILL === '1';

/** Demo responses without `respondent`: e-mail upserts are a different workload (lookup + encryption per item). */
export function demoItems(count: number, seed = 7): BatchResponse[] {
  const out: BatchResponse[] = [];
  for (const { surveyId: _s, respondent: _r, idempotencyKey: _k, submittedAt, ...item } of generateDemoResponses({ surveys: [{ id: 'bench', definition: BENCH_SURVEY.definition }], count, seed, now: NOW }))
    out.push(BACKFILL ? { ...item, submittedAt } : item);
  return out;
}

/** Open-text questions of the bench survey: a response answers the one its NPS band shows. */
const TEXT_QUESTIONS = BENCH_SURVEY.definition.questions.filter((q) => q.type === 'open_text').map((q) => q.id);

/** Demo items that each carry at least one open-text answer (the demo's EN/繁/简 comments). */
export function itemsWithText(count: number, seed = 13): BatchResponse[] {
  const out: BatchResponse[] = [];
  for (let round = 0; out.length < count; round++)
    for (const it of demoItems(count * 3, seed + round))
      if (out.length < count && TEXT_QUESTIONS.some((q) => typeof it.answers[q] === 'string' && (it.answers[q] as string).trim())) out.push(it);
  return out;
}

/** Batch bodies of items that all carry text (`itemsWithText`), keys `<prefix><n>-<i>`. */
export function textBatchBodies(prefix: string, batchSize = 100, templates = 40): RotatingBodies {
  const items = itemsWithText(batchSize * templates);
  const parts = Array.from({ length: templates }, (_, t) =>
    JSON.stringify({ responses: items.slice(t * batchSize, (t + 1) * batchSize).map((it, i) => ({ idempotencyKey: `${SEQ}-${i}`, ...it })) }).split(SEQ));
  return new RotatingBodies(parts, (n) => `${prefix}${n}`);
}

/** Cycles through templates; `next()` returns the body of request n with its unique keys. */
export class RotatingBodies {
  private n = 0;
  constructor(private readonly parts: string[][], private readonly keyOf: (n: number) => string) {}
  next(): string {
    const n = this.n++;
    return this.parts[n % this.parts.length].join(this.keyOf(n));
  }
  get issued() { return this.n; }
}

/** Batch bodies `{ responses: [...] }`; keys are `<prefix><n>-<i>`, unique per request and item. */
export function batchBodies(prefix: string, batchSize = 100, templates = 40): RotatingBodies {
  const items = demoItems(batchSize * templates);
  const parts: string[][] = [];
  for (let t = 0; t < templates; t++) {
    const batch = items.slice(t * batchSize, (t + 1) * batchSize).map((it, i) => ({ idempotencyKey: `${SEQ}-${i}`, ...it }));
    parts.push(JSON.stringify({ responses: batch }).split(SEQ));
  }
  return new RotatingBodies(parts, (n) => `${prefix}${n}`);
}

/** Public submissions (one response each, as the respondent page sends them). */
export function publicBodies(prefix: string, templates = 500): RotatingBodies {
  const parts = demoItems(templates, 11).map(({ submittedAt: _at, ...it }) =>
    JSON.stringify({ idempotencyKey: SEQ, ...it }).split(SEQ));
  return new RotatingBodies(parts, (n) => `${prefix}${String(n).padStart(8, '0')}`);
}
