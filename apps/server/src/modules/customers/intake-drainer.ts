/**
 * Applies the customer event batches that the HTTP door queued (intake-queue.ts), oldest first:
 * a group of one workspace's batches (same sender, up to `maxEvents` events) goes through
 * storeEvents, the same intake as every other transport, and its queue rows are deleted in that
 * transaction. A crash therefore leaves a batch either applied and gone or still queued; and if two
 * nodes pick the same batch, the events' idempotency keys make the second a no-op.
 *
 * A group that fails is retried batch by batch; a batch that fails keeps its error (shown by
 * GET …/events/queue) and waits, backing off up to an hour, while the batches behind it go on.
 * Runs on worker nodes; it also polls, for batches queued by other nodes or before a restart.
 */
import type { CustomerEvent } from '@touchpoint/shared';
import type { Deps } from '../../deps.js';
import type { Actor } from '../../platform/http/access.js';
import { storeEvents, type Transport } from './intake.service.js';
import { MAX_RETRY_DELAY_MS, type BacklogGauge } from './intake-queue.js';

export interface IntakeDrainerOptions {
  /** Events per transaction at most (batches are never split). */
  maxEvents: number;
  /**
   * The same while the door is taking batches. Applying holds this thread and the SQLite write
   * lock; smaller transactions let the door answer between them, so a burst is acknowledged at
   * the door's pace and applied at full size once it passes.
   */
  busyMaxEvents: number;
  /**
   * While the door is busy, the share of this thread applying may take: after a transaction of
   * t ms it rests t × (1 / busyShare − 1) ms. The door then keeps its pace through a burst.
   */
  busyShare: number;
  /** How often to look for batches queued elsewhere (ms). */
  pollMs: number;
  /** First wait after a failed attempt (ms); it doubles with each failure. */
  retryMs: number;
  log: (err: unknown, msg: string) => void;
}

type Head = { id: string; workspace_id: string; actor: string; transport: string; event_count: number; attempts: number; received_at: string };

export class IntakeDrainer implements BacklogGauge {
  private backlog = 0;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = true;
  private timer: NodeJS.Timeout | null = null;
  private readonly opts: IntakeDrainerOptions;
  /** Events and batches this node applied since it started (two nodes may both count a batch's events). */
  readonly stats = { applied: 0, batches: 0 };

  constructor(private readonly deps: Deps, opts: Partial<IntakeDrainerOptions> = {}) {
    this.opts = { maxEvents: 5000, busyMaxEvents: 250, busyShare: 1 / 3, pollMs: 1000, retryMs: 1000, log: (e, m) => console.error(m, e), ...opts };
  }

  private lastQueuedAt = 0;
  backlogEvents(): number { return this.backlog; }
  noteQueued(events: number): void { this.backlog += events; this.lastQueuedAt = Date.now(); }
  private doorBusy(): boolean { return Date.now() - this.lastQueuedAt < 250; }

  /**
   * `apply`: drain the queue (worker nodes). Web-only nodes only keep the backlog gauge current,
   * so their door refuses (429) and accepts again as the workers fall behind and catch up.
   */
  async start(apply = true): Promise<void> {
    this.stopped = !apply;
    await this.refreshBacklog();
    this.timer = setInterval(() => (apply ? this.kick() : void this.refreshBacklog().catch((err) => this.opts.log(err, 'customer intake backlog check failed'))), this.opts.pollMs);
    this.timer.unref();
    this.kick();
  }

  kick(): void {
    if (this.stopped) return;
    if (this.running) { this.again = true; return; }
    this.running = this.drain().catch((err) => this.opts.log(err, 'customer intake drain failed')).finally(() => {
      this.running = null;
      if (this.again) { this.again = false; this.kick(); }
    });
  }

  /** Resolves when every batch ready to apply is applied (a failing batch waiting for its next attempt is left). */
  async idle(): Promise<void> {
    for (;;) {
      if (this.running) { await this.running; continue; }
      if (this.stopped || !(await this.nextHeads()).length) return;
      this.kick();
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  private async drain(): Promise<void> {
    while (!this.stopped) {
      const busy = this.doorBusy();
      const group = pickGroup(await this.nextHeads(), busy ? this.opts.busyMaxEvents : this.opts.maxEvents);
      if (!group.length) break;
      // Let the SQLite writer thread (the door's inserts) commit first: this connection would
      // otherwise wait for the lock on the event loop's thread.
      await this.deps.bulkWriter?.settled();
      const started = performance.now();
      if (!(await this.apply(group)) && group.length > 1) for (const one of group) await this.apply([one]);
      // Requests waiting on the event loop go before the next group; during a burst they get most of it.
      const rest = busy ? (performance.now() - started) * (1 / this.opts.busyShare - 1) : 0;
      await new Promise((r) => (rest >= 1 ? setTimeout(r, rest) : setImmediate(r)));
    }
    await this.refreshBacklog();
  }

  private nextHeads(): Promise<Head[]> {
    const now = new Date().toISOString();
    return this.deps.db.selectFrom('customer_intake_queue').select(['id', 'workspace_id', 'actor', 'transport', 'event_count', 'attempts', 'received_at'])
      .where((eb) => eb.or([eb('next_attempt_at', 'is', null), eb('next_attempt_at', '<=', now)])).orderBy('id').limit(64).execute();
  }

  /** Applies the batches in one transaction; false (with the attempt recorded) when it failed. */
  private async apply(group: Head[]): Promise<boolean> {
    const ids = group.map((h) => h.id);
    try {
      const rows = await this.deps.db.selectFrom('customer_intake_queue').select(['id', 'events']).where('id', 'in', ids).execute();
      const byId = new Map(rows.map((r) => [r.id, r.events]));
      const present = ids.filter((id) => byId.has(id)); // another node may have applied some meanwhile
      if (!present.length) return true;
      const events = present.flatMap((id) => JSON.parse(this.deps.cipher.decrypt(byId.get(id)!)) as CustomerEvent[]);
      const head = group[0];
      await storeEvents(this.deps, { workspaceId: head.workspace_id, actor: JSON.parse(head.actor) as Actor }, events, {
        transport: head.transport as Transport, receivedAt: head.received_at,
        within: async (trx) => { await trx.deleteFrom('customer_intake_queue').where('id', 'in', present).execute(); },
      });
      this.backlog = Math.max(0, this.backlog - events.length);
      this.stats.applied += events.length;
      this.stats.batches += present.length;
      return true;
    } catch (err) {
      if (group.length > 1) return false;
      const message = String((err as Error)?.message ?? err).slice(0, 500);
      const { id, attempts } = group[0];
      const next = new Date(Date.now() + Math.min(this.opts.retryMs * 2 ** attempts, MAX_RETRY_DELAY_MS)).toISOString();
      this.opts.log(err, `customer event batch ${id} could not be applied (attempt ${attempts + 1}); next attempt at ${next}`);
      await this.deps.writes.run((trx) => trx.updateTable('customer_intake_queue')
        .set({ attempts: attempts + 1, error: message, next_attempt_at: next }).where('id', '=', id).execute()).catch(() => undefined);
      return false;
    }
  }

  private async refreshBacklog(): Promise<void> {
    const row = await this.deps.db.selectFrom('customer_intake_queue').select((eb) => eb.fn.sum<number>('event_count').as('events')).executeTakeFirst();
    this.backlog = Number(row?.events ?? 0);
  }
}

/**
 * The oldest batch and the next ones of its workspace from the same sender, in order, up to
 * `maxEvents`. It stops at the workspace's first batch from another sender, so a workspace's
 * batches are applied in the order they were acknowledged.
 */
export function pickGroup(heads: readonly Head[], maxEvents: number): Head[] {
  if (!heads.length) return [];
  const first = heads[0];
  const group = [first];
  let events = first.event_count;
  for (const h of heads.slice(1)) {
    if (h.workspace_id !== first.workspace_id) continue;
    if (h.actor !== first.actor || h.transport !== first.transport || events + h.event_count > maxEvents) break;
    group.push(h);
    events += h.event_count;
  }
  return group;
}
