/**
 * `npm run bench:cases`: issue #5's target. 10,000 detractor answers arrive within one minute, on
 * PostgreSQL, with one web node (outbox worker off: it only answers the public submits) and two
 * worker nodes (outbox worker on) on one schema. Exactly one case must open per customer per theme,
 * with no duplicates under that concurrency, and the p95 from answer to case must be under 2 s.
 *
 * First the web node's HTTP capacity for public submits (closed loop, for scale). Then runs, each in
 * a workspace of its own, on the same three processes, one after the other:
 *   reference 1×  the same arrivals into a workspace without case rules: the outbox's own delivery
 *                 time of the submitted events (what judging is compared with);
 *   cases 1×      the target: the Detractors rule, four agents;
 *   and, unless BENCH_CASES_DOUBLE=0, both again at twice the rate (the same answers in half the time).
 * Every answer comes from the paced sender (sender.ts) on the schedule of schedule.ts: 6,000
 * customers, 4,000 repeats of whom 1,500 are sent in the same millisecond as the customer's first
 * answer, plus 500 promoters that must open nothing. After the last send the bench waits for every
 * answer to be judged, then checks the invariants in the store (verify.ts) and prints the latencies.
 * Exits 1 when an invariant fails (duplicates included) or a submit is still refused after the
 * sender's retries (first attempts that failed are reported as a warning).
 * Env: DATABASE_URL (required), BENCH_CASES_RESPONSES (10000 detractors), BENCH_CASES_CUSTOMERS
 * (6000), BENCH_CASES_PROMOTERS (500), BENCH_CASES_SECONDS (60), BENCH_CASES_WORKERS (2),
 * BENCH_CASES_DOUBLE (1), BENCH_CASES_CAPACITY_SECONDS (10), BENCH_CASES_MAX_WAIT (600 s to finish judging).
 */
import os from 'node:os';
import { spawnTs, type JsonChild } from '../lib/child.js';
import { runLoad, type LoadResult } from '../lib/load.js';
import { RotatingBodies } from '../lib/workload.js';
import { fmt, printTable, verdict, writeResults, type Row } from '../lib/report.js';
import { childStore, type Probe } from '../customers/procs.js';
import { buildSchedule } from './schedule.js';
import { sendPaced, type Sent } from './sender.js';
import { ownerSession, prepareWorkspace, type BenchWorkspace } from './setup.js';
import { answerTimes, counts, dist, failures, invariants, type Dist, type Invariants } from './verify.js';

const DETRACTORS = Number(process.env.BENCH_CASES_RESPONSES ?? 10_000);
const CUSTOMERS = Number(process.env.BENCH_CASES_CUSTOMERS ?? 6_000);
const PROMOTERS = Number(process.env.BENCH_CASES_PROMOTERS ?? 500);
const SECONDS = Number(process.env.BENCH_CASES_SECONDS ?? 60);
const WORKERS = Number(process.env.BENCH_CASES_WORKERS ?? 2);
const DOUBLE = process.env.BENCH_CASES_DOUBLE !== '0';
const MAX_WAIT_S = Number(process.env.BENCH_CASES_MAX_WAIT ?? 600);
/** The latency figure counts what was judged within this long after the last send; the invariants wait longer. */
const EXTRA_S = 60;
const AGENTS = 4;
const CAPACITY_S = Number(process.env.BENCH_CASES_CAPACITY_SECONDS ?? 10);
const TARGET_P95_MS = 2000;

interface Node { child: JsonChild; url: string; role: string; pid: number }
interface WorkerStats {
  deliveries: number; seen: number;
  inserts: Record<'case_judged_responses' | 'cases' | 'case_responses', { stored: number; refused: number }>;
  drains: { count: number; events: number; ms: number; maxMs: number; maxEvents: number };
  handlers: Record<string, { n: number; ms: number }>;
  statements: Record<string, { n: number; ms: number }>;
}

async function startNode(env: NodeJS.ProcessEnv, role: 'web' | 'worker', label: string): Promise<Node> {
  const child = spawnTs('cases/node-entry.ts', label, { ...env, BENCH_ROLE: role });
  const info = await child.next<{ url: string; role: string; pid: number }>();
  return { child, ...info };
}

async function ask<T>(node: Node, cmd: string): Promise<T> {
  node.child.send(cmd);
  return node.child.next<T>();
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function outboxEmpty(probe: Probe, workspaceId: string, maxMs: number): Promise<boolean> {
  const until = Date.now() + maxMs;
  while (Date.now() < until) {
    if ((await counts(probe, workspaceId)).pendingOutbox === 0) return true;
    await sleep(250);
  }
  return false;
}

interface RunSpec { name: string; rule: boolean; seconds: number; prefix: string }

interface RunResult {
  spec: RunSpec; workspace: BenchWorkspace;
  sends: number; ok: number; refused: number; firstError?: string; sendSeconds: number; maxLagMs: number;
  /** Submits whose first attempt failed (5xx) and a retry with the same key stored, by schedule kind. */
  retried: Record<string, number>; firstFailure?: string;
  http: Dist;
  /** Seconds after the last send until every answer was judged (rules) or delivered (reference); null: not within MAX_WAIT. */
  settledAfterS: number | null;
  /** Measured answers in a case (or delivered) within EXTRA_S of the last send. */
  withinExtra: number;
  /** Rules: stored → part of a case; reference: stored → delivered (handlers done on the first node). */
  latency: Dist; clientLatency: Dist;
  /** stored → a worker's drain picked it up; picked up → part of a case (rules) or handlers done. */
  pollWait: Dist; afterPickup: Dist;
  workers: WorkerStats[];
  invariants?: Invariants; failures: string[];
}

async function runOnce(spec: RunSpec, ws: BenchWorkspace, web: Node, workers: Node[], probe: Probe): Promise<RunResult> {
  if (!(await outboxEmpty(probe, ws.id, MAX_WAIT_S * 1000))) throw new Error('the outbox did not empty before the run');
  for (const w of workers) await ask(w, 'reset');
  const schedule = buildSchedule({ detractors: DETRACTORS, customers: CUSTOMERS, promoters: PROMOTERS, seconds: spec.seconds, prefix: spec.prefix });
  console.log(`  ${spec.name}: ${fmt(schedule.length)} answers over ${spec.seconds} s (${fmt(schedule.length / spec.seconds)}/s) …`);
  const { sent, seconds: sendSeconds } = await sendPaced(web.url, ws.publicId, schedule);
  const ok = sent.filter((s) => s.responseId);
  const lastSent = Math.max(...sent.map((s) => s.sentAt));

  // Wait: rules → every stored answer judged; reference → no undelivered event left.
  let settledAt: number | null = null;
  for (;;) {
    const c = await counts(probe, ws.id);
    if (c.pendingOutbox === 0 && (!spec.rule || c.judged >= c.responses)) { settledAt = Date.now(); break; }
    if (Date.now() > lastSent + MAX_WAIT_S * 1000) break;
    await sleep(200);
  }
  // An event is marked processed by the first node to finish its drain; the other may still be
  // handling it. Wait until no worker's deliveries and drains move (not its statement counts:
  // other background work keeps issuing statements).
  for (let before = ''; ;) {
    await sleep(500);
    const now = JSON.stringify((await Promise.all(workers.map((w) => ask<WorkerStats>(w, 'stats')))).map((w) => [w.deliveries, w.drains]));
    if (now === before) break;
    before = now;
  }

  const stats: WorkerStats[] = [];
  const firstPick = new Map<string, number>();
  const firstDone = new Map<string, number>();
  for (const w of workers) {
    stats.push(await ask<WorkerStats>(w, 'stats'));
    for (const [id, picked, handled] of (await ask<{ seen: [string, number, number][] }>(w, 'dump')).seen) {
      firstPick.set(id, Math.min(firstPick.get(id) ?? Infinity, picked));
      firstDone.set(id, Math.min(firstDone.get(id) ?? Infinity, handled));
    }
  }
  const sentAt = new Map(ok.map((s) => [s.responseId!, s.sentAt] as const));
  const times = await answerTimes(probe, ws.id);
  // Rules: detractors, from their case link; reference: every answer, from its first delivery.
  const measured = spec.rule ? times.filter((t) => t.nps <= 6 && t.linkedAt !== null).map((t) => ({ ...t, at: t.linkedAt! }))
    : times.filter((t) => firstDone.has(t.id)).map((t) => ({ ...t, at: firstDone.get(t.id)! }));
  const withinExtra = measured.filter((t) => t.at <= lastSent + EXTRA_S * 1000).length;
  const picked = measured.filter((t) => firstPick.has(t.id));
  const inv = spec.rule ? await invariants(probe, ws.id) : undefined;
  const fails = inv ? failures(inv, { responses: ok.length }) : [];
  if (!spec.rule && measured.length !== ok.length) fails.push(`${ok.length - measured.length} acknowledged answers were never delivered`);
  if (settledAt === null) fails.push(`not settled ${MAX_WAIT_S} s after the last send`);
  const refused = sent.filter((s) => !s.responseId);
  const retried: Record<string, number> = {};
  for (const s of sent) if (s.responseId && s.attempts > 1) retried[s.send.kind] = (retried[s.send.kind] ?? 0) + 1;
  if (refused.length) fails.push(`${refused.length} submits refused (${refused[0].status} ${refused[0].error ?? ''})`);
  return {
    spec, workspace: ws, sends: sent.length, ok: ok.length, refused: refused.length, firstError: refused[0]?.error, sendSeconds,
    retried, firstFailure: sent.find((s) => s.attempts > 1)?.error,
    maxLagMs: Math.max(...sent.map((s: Sent) => s.lagMs)), http: dist(sent.map((s) => s.ms)),
    settledAfterS: settledAt === null ? null : Math.max(0, settledAt - lastSent) / 1000, withinExtra,
    latency: dist(measured.map((t) => t.at - t.createdAt)),
    clientLatency: dist(measured.filter((t) => sentAt.has(t.id)).map((t) => t.at - sentAt.get(t.id)!)),
    pollWait: dist(picked.map((t) => firstPick.get(t.id)! - t.createdAt)),
    afterPickup: dist(picked.map((t) => t.at - firstPick.get(t.id)!)),
    workers: stats, invariants: inv, failures: fails,
  };
}

/**
 * The web node's ceiling for public submits on this store and machine: closed loop, 32 connections,
 * after a 2 s warm-up, each answer from a customer of its own (no respondent race), in a workspace
 * without rules; the worker nodes deliver its events meanwhile, as they would. Says whether an
 * arrival rate is within what HTTP can take at all.
 */
async function httpCapacity(web: Node, ws: BenchWorkspace): Promise<LoadResult> {
  const template = JSON.stringify({ idempotencyKey: '~', answers: { nps: 8 }, customerExternalId: '~', language: 'en', complete: true }).split('~');
  const bodies = new RotatingBodies([template], (n) => `cap-${String(n).padStart(8, '0')}`);
  const o = { url: web.url, path: `/api/public/surveys/${ws.publicId}/responses`, bodies, connections: 32 };
  await runLoad({ ...o, seconds: 2 }); // warm-up (JIT, pool, caches); the same key sequence goes on
  return runLoad({ ...o, seconds: CAPACITY_S });
}

const ms = (d: Dist) => `p50 ${fmt(d.p50)} ms, p95 ${fmt(d.p95)} ms, p99 ${fmt(d.p99)} ms, max ${fmt(d.max)} ms (n ${fmt(d.n)})`;

function rowsOf(r: RunResult, reference?: RunResult): Row[] {
  const rows: Row[] = [];
  const name = r.spec.name;
  const rate = r.sends / r.spec.seconds;
  rows.push({ name: `${name}: sent`, value: `${fmt(r.ok)} / ${fmt(r.sends)} ok`, detail: `${fmt(rate)}/s over ${fmt(r.sendSeconds, 1)} s; sender at most ${fmt(r.maxLagMs)} ms late; HTTP ${ms(r.http)}` });
  const what = r.spec.rule ? 'answer stored → part of a case' : 'answer stored → event delivered';
  rows.push({ name: `${name}: ${what}`, value: `p95 ${fmt(r.latency.p95)} ms`, detail: ms(r.latency) });
  rows.push({ name: `${name}: … from the client's send`, value: `p95 ${fmt(r.clientLatency.p95)} ms`, detail: ms(r.clientLatency) });
  rows.push({ name: `${name}: … stored → picked up by a drain`, value: `p95 ${fmt(r.pollWait.p95)} ms`, detail: ms(r.pollWait) });
  rows.push({ name: `${name}: … picked up → ${r.spec.rule ? 'in a case' : 'handled'}`, value: `p95 ${fmt(r.afterPickup.p95)} ms`, detail: ms(r.afterPickup) });
  if (reference) rows.push({ name: `${name}: ratio p95 case / p95 delivery (${reference.spec.name})`, value: fmt(r.latency.p95 / reference.latency.p95, 2) });
  rows.push({ name: `${name}: settled`, value: r.settledAfterS === null ? 'no' : `${fmt(r.settledAfterS, 1)} s after the last send`, detail: `${fmt(r.withinExtra)} of ${fmt(r.latency.n)} ${r.spec.rule ? 'detractor answers in a case' : 'answers delivered'} within ${EXTRA_S} s of it` });
  const nRetried = Object.values(r.retried).reduce((a, b) => a + b, 0);
  if (nRetried) rows.push({ name: `${name}: WARN first attempt failed, retry stored`, value: fmt(nRetried), detail: `${Object.entries(r.retried).map(([k, v]) => `${k} ${v}`).join(', ')}; first error: ${r.firstFailure}` });
  r.workers.forEach((w, i) => {
    const j = w.inserts.case_judged_responses, c = w.inserts.cases, l = w.inserts.case_responses;
    const per = (x: { ms: number }) => fmt(x.ms / Math.max(1, w.deliveries), 1);
    const handlers = Object.entries(w.handlers).filter(([, v]) => v.ms >= 1).map(([k, v]) => `${k} ${per(v)}`).join(', ');
    rows.push({
      name: `${name}: worker ${i + 1}`, value: `${fmt(w.deliveries)} deliveries`,
      detail: `${fmt(w.drains.ms / Math.max(1, w.deliveries), 1)} ms of drain per delivery, of which handlers: ${handlers}; ${fmt(w.drains.count)} drains of ${fmt(w.drains.events)} events (all types), largest ${fmt(w.drains.maxEvents)} events / ${fmt(w.drains.maxMs)} ms` +
        (r.spec.rule ? `; judged marks stored ${fmt(j.stored)}, refused ${fmt(j.refused)}; cases inserted ${fmt(c.stored)}, refused by the open-key index ${fmt(c.refused)}; links stored ${fmt(l.stored)}, refused ${fmt(l.refused)}` : ''),
    });
  });
  // Where judging spends its time: statement kinds summed over both workers, per delivery.
  const sums = new Map<string, { n: number; ms: number }>();
  for (const w of r.workers) for (const [k, v] of Object.entries(w.statements)) { const e = sums.get(k) ?? { n: 0, ms: 0 }; e.n += v.n; e.ms += v.ms; sums.set(k, e); }
  const allDeliveries = Math.max(1, r.workers.reduce((a, w) => a + w.deliveries, 0));
  const top = [...sums.entries()].sort((a, b) => b[1].ms - a[1].ms).slice(0, 10);
  if (top.length) rows.push({ name: `${name}: statements (ms per delivery, count per delivery, mean ms)`, value: fmt([...sums.values()].reduce((a, e) => a + e.ms, 0) / allDeliveries, 1) + ' ms', detail: top.map(([k, e]) => `${k} ${fmt(e.ms / allDeliveries, 2)} (${fmt(e.n / allDeliveries, 1)}× ${fmt(e.ms / Math.max(1, e.n), 2)})`).join('; ') });
  const deliveries = r.workers.reduce((a, w) => a + w.deliveries, 0);
  rows.push({ name: `${name}: deliveries per answer`, value: fmt(deliveries / Math.max(1, r.ok), 2), detail: 'deliveries of the submitted event ÷ stored answers: 1.00 when the worker nodes share the events (each drain claims its rows), up to the number of worker nodes when each sees every row' });
  if (r.invariants) {
    const v = r.invariants;
    rows.push({ name: `${name}: open cases / customers with a detractor answer`, value: `${fmt(v.openCases)} / ${fmt(v.detractorCustomers)}`, detail: `${fmt(v.allCases)} cases in all, ${fmt(v.unassigned)} unassigned (${AGENTS} agents × capacity 500 + the owner's 20)` });
    rows.push({ name: `${name}: duplicates (customer, theme)`, value: fmt(v.duplicateOpen + v.duplicateAny), detail: `open ${v.duplicateOpen}, any ${v.duplicateAny}; detractor answers not in exactly one case ${v.detractorsNotOnce}; promoters in a case ${v.promotersLinked}; wrong customer ${v.wrongCustomer}` });
    rows.push({ name: `${name}: judged marks / answers`, value: `${fmt(v.judgedMarks)} / ${fmt(v.responses)}`, detail: `${fmt(v.detractors)} detractors, ${fmt(v.promoters)} promoters, ${fmt(v.linkedRows)} case links` });
  }
  for (const f of r.failures) rows.push({ name: `${name}: FAIL`, value: f });
  return rows;
}

async function main() {
  if (!process.env.DATABASE_URL) {
    console.log('bench:cases runs on PostgreSQL: set DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/test). Skipped.');
    return;
  }
  const loadBefore = os.loadavg()[0];
  if (loadBefore > 0.7 * os.cpus().length) console.log(`warning: load average is ${loadBefore.toFixed(1)} before the bench; figures will be low and noisy`);
  const store = childStore();
  const nodes: Node[] = [];
  let probe: Probe | undefined;
  let exitCode = 0;
  let cleaned: Promise<void> | undefined;
  const cleanUp = () => (cleaned ??= (async () => {
    await probe?.close().catch(() => undefined);
    for (const n of nodes.reverse()) await n.child.stop();
    await store.destroy();
  })());
  // Interrupted: still stop the nodes and drop the schema.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void cleanUp().finally(() => process.exit(130)));
  try {
    // The web node first: it runs the migrations on the fresh schema (every node would; one at a time).
    const web = await startNode(store.env, 'web', 'web');
    nodes.push(web);
    const workers: Node[] = [];
    for (let i = 0; i < WORKERS; i++) { const w = await startNode(store.env, 'worker', `worker${i + 1}`); workers.push(w); nodes.push(w); }
    probe = await store.probe();
    console.log(`cases bench: schema ${store.schema}, web ${web.url} (worker off), ${WORKERS} worker nodes; ${fmt(DETRACTORS)} detractor answers from ${fmt(CUSTOMERS)} customers + ${fmt(PROMOTERS)} promoters per run`);
    const { api, firstWorkspaceId } = await ownerSession(web.url, store.env);
    const specs: RunSpec[] = [
      { name: 'reference 1×', rule: false, seconds: SECONDS, prefix: 'ref1' },
      { name: 'cases 1×', rule: true, seconds: SECONDS, prefix: 'case1' },
      ...(DOUBLE ? [{ name: 'reference 2×', rule: false, seconds: SECONDS / 2, prefix: 'ref2' }, { name: 'cases 2×', rule: true, seconds: SECONDS / 2, prefix: 'case2' }] : []),
    ];
    const capacityWs = await prepareWorkspace(api, store.dataDir, 'Cases bench HTTP capacity', { id: firstWorkspaceId, rule: false, agents: 0 });
    console.log(`  HTTP capacity: public submits, 32 connections, ${CAPACITY_S} s …`);
    const capacity = await httpCapacity(web, capacityWs);
    const results: RunResult[] = [];
    for (const spec of specs) {
      const ws = await prepareWorkspace(api, store.dataDir, `Cases bench ${spec.name}`, { rule: spec.rule, agents: AGENTS });
      results.push(await runOnce(spec, ws, web, workers, probe));
    }
    const rows: Row[] = [{
      name: 'HTTP capacity of the web node: public submits, closed loop, 32 connections', value: `${fmt(capacity.okPerSec)} answers/s`,
      detail: `${fmt(capacity.requests)} requests in ${fmt(capacity.seconds, 1)} s, p50 ${capacity.latencyMs.p50} ms, p99 ${capacity.latencyMs.p99} ms${capacity.non2xx ? `, ${capacity.non2xx} non-2xx (${capacity.firstError})` : ''}; the arrival rates below are ${fmt(results[0] ? results[0].sends / results[0].spec.seconds : 0)}/s and twice that`,
    }];
    for (const r of results) rows.push(...rowsOf(r, r.spec.rule ? results.find((x) => !x.spec.rule && x.spec.seconds === r.spec.seconds) : undefined));
    printTable(`Closed-loop cases on PostgreSQL: 1 web node + ${WORKERS} worker nodes`, rows);
    const main1 = results.find((r) => r.spec.name === 'cases 1×')!;
    const v = verdict({ name: `p95 answer → case at ${fmt(DETRACTORS)} detractors in ${SECONDS} s`, actual: main1.latency.p95, target: TARGET_P95_MS, unit: 'ms', higherIsBetter: false });
    console.log(v.line);
    const correct = results.every((r) => r.failures.length === 0);
    console.log(`${correct ? 'OK  ' : 'FAIL'}  one open case per customer per theme, every detractor answer in exactly one case, every answer judged once, every submit stored`);
    const file = writeResults({
      loadBefore, loadAfter: os.loadavg()[0], schema: store.schema, workers: WORKERS,
      workload: { detractors: DETRACTORS, customers: CUSTOMERS, promoters: PROMOTERS, seconds: SECONDS },
      capacity, runs: results, pass: v.pass, correct,
    }, 'cases-latest.json');
    console.log(`results: ${file}`);
    if (!correct) exitCode = 1;
  } finally {
    await cleanUp();
  }
  process.exitCode = exitCode;
}
await main();
