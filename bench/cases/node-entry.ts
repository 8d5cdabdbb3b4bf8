/**
 * One Touchpoint node of the cases bench, in its own process: the real createServer on the store
 * named by DATABASE_URL + DATABASE_SCHEMA + DATA_DIR (shared by every node of the run, so they share
 * the field-encryption keys), TEXT_ANALYSIS=off. BENCH_ROLE=web runs with the outbox worker off
 * (it only answers HTTP), BENCH_ROLE=worker with it on. The config's `worker` flag has no
 * environment variable (loadConfig does not read one), so it is set here as an override.
 *
 * On worker nodes it also observes, without changing what the server does:
 *  - every `responses.response.submitted` delivery, with when the drain that carried it started
 *    (the outbox SELECT) and when this node finished its handlers for it (ours runs last, after the
 *    cases handler): the bench splits a case's latency into waiting for a poll and judging;
 *  - each drain's size and duration, the time in each outbox handler, and the time of each kind
 *    of statement (through a Kysely plugin on deps.db): where judging spends it;
 *  - INSERTs into case_judged_responses, cases and case_responses, stored or refused by their
 *    unique index (ON CONFLICT DO NOTHING): how much of the judging was repeated by the other node.
 * It prints one JSON line (url, role, pid), then answers on stdin:
 *   stats → counters and drain totals   dump → the deliveries   reset → zero both   stop → exit
 */
import readline from 'node:readline';
import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, UnknownRow } from 'kysely';
import { loadConfig } from '../../apps/server/src/platform/config.js';
import { createServer } from '../../apps/server/src/server.js';

const role = process.env.BENCH_ROLE === 'web' ? 'web' : 'worker';
const config = loadConfig(
  { ...process.env, LOG_LEVEL: 'silent', PUBLIC_RATE_LIMIT: '1000000000', PORT: '0', HOST: '127.0.0.1', TEXT_ANALYSIS: 'off' },
  { worker: role === 'worker' },
);
const tp = await createServer(config);

const SUBMITTED = 'responses.response.submitted';
const WATCHED = ['case_judged_responses', 'cases', 'case_responses'] as const;
type Watched = (typeof WATCHED)[number];
type Sum = { n: number; ms: number };
const fresh = () => ({
  deliveries: 0,
  inserts: Object.fromEntries(WATCHED.map((t) => [t, { stored: 0, refused: 0 }])) as Record<Watched, { stored: number; refused: number }>,
  drains: { count: 0, events: 0, ms: 0, maxMs: 0, maxEvents: 0 },
  /** Time in each outbox handler: the submitted event's by module (cases, live views, alerts, segments), others by event type. */
  handlers: {} as Record<string, Sum>,
  /** Time per statement kind and table, issue to result: pool wait, lock waits and execution. */
  statements: {} as Record<string, Sum>,
  /** [responseId, drain start (epoch ms), handled (epoch ms)] */
  seen: [] as [string, number, number][],
});
let stats = fresh();
const add = (into: Record<string, Sum>, key: string, ms: number) => { const e = (into[key] ??= { n: 0, ms: 0 }); e.n++; e.ms += ms; };

/** The table a statement is about: INSERT INTO t, UPDATE t, DELETE FROM t, SELECT … FROM t. */
function tableOf(node: RootOperationNode): string {
  const n = node as unknown as { into?: unknown; table?: unknown; from?: { froms?: unknown[] } };
  const target = (n.into ?? n.table ?? n.from?.froms?.[0]) as { table?: { identifier?: { name?: string } }; identifier?: { name?: string } } | undefined;
  return target?.table?.identifier?.name ?? target?.identifier?.name ?? '?';
}

/**
 * Watches the statements of judging: how long each kind takes, and whether INSERTs into the
 * watched tables stored a row or were refused by a unique index (ON CONFLICT DO NOTHING).
 */
class StatementObserver implements KyselyPlugin {
  private readonly started = new WeakMap<object, { at: number; label: string; insertInto?: Watched }>();
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    const node = args.node;
    const table = tableOf(node);
    const insertInto = node.kind === 'InsertQueryNode' && (WATCHED as readonly string[]).includes(table) ? (table as Watched) : undefined;
    this.started.set(args.queryId, { at: performance.now(), label: `${node.kind.replace('QueryNode', '').replace('Node', '').toLowerCase()} ${table}`, insertInto });
    return node;
  }
  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    const s = this.started.get(args.queryId);
    if (s) {
      add(stats.statements, s.label, performance.now() - s.at);
      if (s.insertInto) stats.inserts[s.insertInto][Number(args.result.numAffectedRows ?? 0n) > 0 ? 'stored' : 'refused']++;
    }
    return args.result;
  }
}

/** Names a handler of the submitted event by what its source calls (cases, live views, alerts, segments). */
function handlerName(fn: (...a: never[]) => unknown, i: number): string {
  const src = fn.toString();
  return src.includes('judgeResponses') ? 'cases' : src.includes('hub.publish') ? 'live views' : src.includes('note(') ? 'alerts' : src.includes('usesMetrics') ? 'segments' : `handler ${i}`;
}

if (role === 'worker') {
  // Services read deps.db when they run (and open their transactions from it), so a plugged
  // instance over the same pool sees every judging statement; the outbox keeps its own handle.
  tp.deps.db = tp.deps.db.withPlugin(new StatementObserver());
  const outbox = tp.deps.outbox;
  // Every handler timed (one event's handlers run one after another, in registration order).
  const handlers = (outbox as unknown as { handlers: Map<string, ((e: unknown) => unknown)[]> }).handlers;
  for (const [type, list] of handlers) handlers.set(type, list.map((h, i) => {
    const name = type === SUBMITTED ? handlerName(h, i) : `${type}${list.length > 1 ? ` #${i}` : ''}`;
    return async (e: unknown) => { const t0 = performance.now(); try { await h(e); } finally { add(stats.handlers, name, performance.now() - t0); } };
  }));
  const drain = outbox.drain.bind(outbox);
  let drainStart = 0;
  outbox.drain = async () => {
    // A drain already running returns 0 at once: leave its start alone.
    if ((outbox as unknown as { running: unknown }).running) return drain();
    const t0 = Date.now();
    drainStart = t0;
    const n = await drain();
    if (n) {
      const ms = Date.now() - t0;
      const d = stats.drains;
      d.count++; d.events += n; d.ms += ms; d.maxMs = Math.max(d.maxMs, ms); d.maxEvents = Math.max(d.maxEvents, n);
    }
    return n;
  };
  // Registered last: runs after the cases handler, so "handled" is after this node judged it.
  outbox.on(SUBMITTED, (e) => {
    stats.deliveries++;
    stats.seen.push([(e.payload as { responseId: string }).responseId, drainStart, Date.now()]);
  });
}

const url = await tp.listen(0, '127.0.0.1');
console.log(JSON.stringify({ url, role, pid: process.pid, store: tp.deps.kind }));

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  await tp.close();
  process.exit(0);
}
readline.createInterface({ input: process.stdin }).on('line', (line) => {
  const cmd = line.trim();
  if (cmd === 'stats') { const { seen, ...rest } = stats; console.log(JSON.stringify({ ...rest, seen: seen.length })); }
  else if (cmd === 'dump') console.log(JSON.stringify({ seen: stats.seen }));
  else if (cmd === 'reset') { stats = fresh(); console.log(JSON.stringify({ ok: true })); }
  else if (cmd === 'stop') void stop();
}).on('close', () => void stop());
