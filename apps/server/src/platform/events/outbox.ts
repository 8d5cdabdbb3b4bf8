/**
 * Events through an outbox: a service appends an event in the same transaction as its change;
 * after commit the worker reads pending rows and hands them to subscribers, then marks them
 * done. A crash between commit and delivery only delays delivery (at-least-once), so handlers
 * must be safe to repeat.
 */
import type { Kysely } from 'kysely';
import type { PlatformTables } from '../db/platform.tables.js';
import { newTimeOrderedId } from '../crypto/tokens.js';
import { insertRow } from '../db/row-insert.js';
import { claimingRead, isPostgres } from '../db/dialect.js';

export interface DomainEvent<T = unknown> {
  id: string;
  workspaceId: string;
  type: string;
  payload: T;
  createdAt: string;
}

export type EventHandler = (event: DomainEvent) => Promise<void> | void;
/** Takes every event of its type a drain found at once (one read of shared state for many events). */
export type BatchHandler = (events: DomainEvent[]) => Promise<void> | void;

export async function appendEvent(trx: Kysely<any>, workspaceId: string, type: string, payload: unknown): Promise<void> {
  await insertRow(trx, 'outbox', outboxRow(workspaceId, type, JSON.stringify(payload)));
}

/** The outbox row for an event whose payload is already JSON text (bulk writer templates). */
export function outboxRow(workspaceId: string, type: string, payloadJson: string) {
  return { id: newTimeOrderedId(), workspace_id: workspaceId, type, payload: payloadJson, created_at: new Date().toISOString(), processed_at: null, attempts: 0 };
}

export class OutboxWorker {
  private readonly handlers = new Map<string, EventHandler[]>();
  private readonly batchHandlers = new Map<string, BatchHandler[]>();
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private wakeRequested = false;
  private wakeTimer: NodeJS.Timeout | null = null;
  private stopped = false;

  /**
   * `write`, when given, runs the worker's own UPDATEs elsewhere: on SQLite, the writer thread.
   * A write on the main connection would wait (synchronously) for the writer thread's lock.
   */
  constructor(
    private readonly db: Kysely<any>,
    private readonly log: { error: (o: unknown, m: string) => void },
    private readonly intervalMs = 250,
    private readonly write?: (sql: string, params: readonly unknown[]) => Promise<unknown>,
  ) {}

  private async exec(query: { compile(): { sql: string; parameters: readonly unknown[] }; execute(): Promise<unknown> }) {
    if (!this.write) return query.execute();
    const { sql, parameters } = query.compile();
    return this.write(sql, parameters);
  }

  on(type: string, handler: EventHandler): void {
    this.handlers.set(type, [...(this.handlers.get(type) ?? []), handler]);
  }

  /** A handler for all the events of a type one drain finds, in order; a throw retries them all. */
  onBatch(type: string, handler: BatchHandler): void {
    this.batchHandlers.set(type, [...(this.batchHandlers.get(type) ?? []), handler]);
  }

  start(): void {
    if (this.timer) return;
    this.stopped = false;
    this.timer = setInterval(() => void this.drain(), this.intervalMs);
    this.timer.unref();
  }

  /**
   * Ask for a drain soon (after a commit) instead of waiting for the next tick. Wakes within
   * 20 ms share one drain: under load that is one read and one update for many events, and live
   * views still hear of a response well within a second.
   */
  wake(): void {
    if (!this.timer || this.wakeTimer) return;
    this.wakeTimer = setTimeout(() => {
      this.wakeTimer = null;
      if (this.running) this.wakeRequested = true;
      else void this.drain();
    }, 20);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.wakeTimer) clearTimeout(this.wakeTimer);
    this.wakeTimer = null;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  /**
   * Processes pending events once; returns how many were handled. On PostgreSQL the drain claims
   * its rows (FOR UPDATE SKIP LOCKED, in a transaction held while the handlers run): several
   * worker processes then share the events instead of each handling every one. A crash releases
   * the claim, and the events are delivered again (at-least-once, as before).
   */
  async drain(): Promise<number> {
    if (this.running || this.stopped) return 0;
    let handled = 0;
    this.running = (async () => {
      const db = this.db as Kysely<PlatformTables>;
      const pending = (q: Kysely<PlatformTables>) => q.selectFrom('outbox').selectAll().where('processed_at', 'is', null).orderBy('created_at').orderBy('id').limit(500);
      if (isPostgres(db)) {
        await db.transaction().execute(async (trx) => {
          const rows = await claimingRead(pending(trx), trx).execute();
          handled = await this.deliver(rows, (q) => q.execute() as Promise<unknown>, trx);
        });
      } else {
        handled = await this.deliver(await pending(db).execute(), (q) => this.exec(q), db);
      }
    })().catch((err) => this.log.error({ err }, 'outbox drain failed'));
    await this.running;
    this.running = null;
    if (this.wakeRequested) { this.wakeRequested = false; setImmediate(() => void this.drain()); }
    return handled;
  }

  private async deliver(rows: PlatformTables['outbox'][], run: (q: { compile(): { sql: string; parameters: readonly unknown[] }; execute(): Promise<unknown> }) => Promise<unknown>, db: Kysely<PlatformTables>): Promise<number> {
    const failed = new Set<string>();
    const events = rows.map((row) => ({ row, event: { id: row.id, workspaceId: row.workspace_id, type: row.type, payload: JSON.parse(row.payload), createdAt: row.created_at } as DomainEvent }));
    for (const { row, event } of events) {
      try {
        for (const h of this.handlers.get(row.type) ?? []) await h(event);
      } catch (err) {
        this.log.error({ err, event: row.type }, 'event handler failed; will retry');
        failed.add(row.id);
      }
    }
    for (const [type, handlers] of this.batchHandlers) {
      const mine = events.filter((e) => e.row.type === type && !failed.has(e.row.id));
      if (!mine.length) continue;
      try {
        for (const h of handlers) await h(mine.map((e) => e.event));
      } catch (err) {
        this.log.error({ err, event: type }, 'event handler failed; will retry');
        for (const e of mine) failed.add(e.row.id);
      }
    }
    for (const row of rows) if (failed.has(row.id)) await run(db.updateTable('outbox').set({ attempts: row.attempts + 1 }).where('id', '=', row.id));
    const done = rows.filter((r) => !failed.has(r.id)).map((r) => r.id);
    // One UPDATE (one commit, one fsync) per drain instead of one per event: under load a drain
    // covers many events, so a public submit no longer costs two commits. A crash before this
    // line only redelivers, which at-least-once delivery already allows.
    if (done.length) await run(db.updateTable('outbox').set({ processed_at: new Date().toISOString() }).where('id', 'in', done));
    return done.length;
  }
}
