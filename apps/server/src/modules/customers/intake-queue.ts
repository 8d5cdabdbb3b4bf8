/**
 * The fast door of customer events over HTTP. A batch is validated whole (field paths in the 400),
 * each event's idempotency key is fixed (its own, an order's id, or the batch key and position),
 * and the batch is stored as ONE row of customer_intake_queue; the 202 follows that commit, so an
 * acknowledged event is durable. Identity resolution, profiles and event rows follow in the
 * background (intake-drainer.ts), in arrival order, with the same code as every other transport.
 *
 * Why a queue: storing 500 events means resolving identities and writing 500 rows under five
 * indexes; storing a batch is one row. A burst is acknowledged at the speed of the door and
 * applied at the speed of the store; the backlog is bounded (429 past it) and visible.
 */
import type { CustomerEvent, EventBatchQueued, EventQueueStatus } from '@touchpoint/shared';
import type { Deps } from '../../deps.js';
import type { Trx } from '../../schema.js';
import { AppError, validationError } from '../../platform/http/errors.js';
import { newTimeOrderedId } from '../../platform/crypto/tokens.js';
import { eventKey, parseEvents, traitDefinitionMap, type IntakeCtx } from './intake.service.js';

/** After a failed attempt a batch waits retryMs × 2^attempts, at most this long, before the next. */
export const MAX_RETRY_DELAY_MS = 3600_000;

const INSERT_SQL = 'INSERT INTO customer_intake_queue (id, workspace_id, actor, transport, event_count, events, attempts, error, next_attempt_at, received_at) VALUES (?, ?, ?, ?, ?, ?, 0, NULL, NULL, ?)';

/**
 * Erasing a person while some of the workspace's events wait here could be undone when they are
 * applied (they may carry the person's identifiers): the erasure waits for them a moment, then
 * asks to be retried instead.
 * Batches that failed to apply do not count, so a stuck batch never blocks an erasure.
 */
export async function eventsPendingFor(trx: Trx | Deps['db'], workspaceId: string): Promise<number> {
  const row = await trx.selectFrom('customer_intake_queue').select((eb) => eb.fn.sum<number>('event_count').as('n'))
    .where('workspace_id', '=', workspaceId).where('attempts', '=', 0).executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Waits (polling) until the workspace has no events waiting to be applied, or `ms` passed. */
export async function queueSettled(deps: Deps, workspaceId: string, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while ((await eventsPendingFor(deps.db, workspaceId)) > 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
}

/** What the door knows of the backlog without a query per request (the drainer refreshes it). */
export interface BacklogGauge { backlogEvents(): number; noteQueued(events: number): void; kick(): void }

export async function queueEvents(deps: Deps, ctx: IntakeCtx, raw: readonly unknown[], gauge: BacklogGauge, batchKey?: string): Promise<EventBatchQueued> {
  const { events, issues } = parseEvents(raw, await traitDefinitionMap(deps, ctx.workspaceId));
  if (issues.length) throw validationError(issues, `${new Set(issues.map((i) => i.path.split('].')[0])).size} events are not valid; nothing was stored`);
  if (gauge.backlogEvents() + events.length > deps.config.customerIntakeMaxBacklog) {
    throw new AppError(429, 'intake_backlog_full', `${gauge.backlogEvents()} events are waiting to be applied (limit ${deps.config.customerIntakeMaxBacklog}); retry in a few seconds`, undefined, { 'retry-after': '5' });
  }
  const receivedAt = new Date().toISOString();
  // An event without its own time happened when it arrived here, not when it is applied.
  const keyed: CustomerEvent[] = events.map((e, i) => ({ ...e, idempotencyKey: eventKey(e, i, batchKey), timestamp: e.timestamp ?? receivedAt }));
  const id = newTimeOrderedId();
  // Encrypted whole: the events carry emails, phones and names, which are never stored in clear.
  const params = [id, ctx.workspaceId, JSON.stringify(ctx.actor), 'http', keyed.length, deps.cipher.encrypt(JSON.stringify(keyed)), receivedAt];
  if (deps.bulkWriter) await deps.bulkWriter.run({ rows: { sql: INSERT_SQL, params: [params] }, after: [] });
  else await deps.writes.run((trx) => trx.insertInto('customer_intake_queue').values({
    id, workspace_id: ctx.workspaceId, actor: params[2] as string, transport: 'http', event_count: keyed.length,
    events: params[5] as string, attempts: 0, error: null, next_attempt_at: null, received_at: params[6] as string,
  }).execute());
  gauge.noteQueued(keyed.length);
  gauge.kick();
  return { batchId: id, queued: keyed.length };
}

export async function queueStatus(deps: Deps, workspaceId: string): Promise<EventQueueStatus> {
  const waiting = await deps.db.selectFrom('customer_intake_queue')
    .select((eb) => [eb.fn.countAll<number>().as('batches'), eb.fn.sum<number>('event_count').as('events'), eb.fn.min<string>('received_at').as('oldest')])
    .where('workspace_id', '=', workspaceId).executeTakeFirstOrThrow();
  const failing = await deps.db.selectFrom('customer_intake_queue').select(['id', 'event_count', 'attempts', 'error', 'next_attempt_at', 'received_at'])
    .where('workspace_id', '=', workspaceId).where('attempts', '>', 0).orderBy('id').limit(50).execute();
  return {
    queuedBatches: Number(waiting.batches), queuedEvents: Number(waiting.events ?? 0), oldestReceivedAt: waiting.oldest ?? null,
    failing: failing.map((r) => ({ batchId: r.id, events: r.event_count, attempts: r.attempts, error: r.error, nextAttemptAt: r.next_attempt_at, receivedAt: r.received_at })),
  };
}
