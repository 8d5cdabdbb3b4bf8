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

export interface DomainEvent<T = unknown> {
  id: string;
  workspaceId: string;
  type: string;
  payload: T;
  createdAt: string;
}

export type EventHandler = (event: DomainEvent) => Promise<void> | void;

export async function appendEvent(trx: Kysely<any>, workspaceId: string, type: string, payload: unknown): Promise<void> {
  await insertRow(trx, 'outbox', outboxRow(workspaceId, type, JSON.stringify(payload)));
}

/** The outbox row for an event whose payload is already JSON text (bulk writer templates). */
export function outboxRow(workspaceId: string, type: string, payloadJson: string) {
  return { id: newTimeOrderedId(), workspace_id: workspaceId, type, payload: payloadJson, created_at: new Date().toISOString(), processed_at: null, attempts: 0 };
}

export class OutboxWorker {
  private readonly handlers = new Map<string, EventHandler[]>();
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

  /** Processes pending events once; returns how many were handled. */
  async drain(): Promise<number> {
    if (this.running || this.stopped) return 0;
    let handled = 0;
    this.running = (async () => {
      const db = this.db as Kysely<PlatformTables>;
      const rows = await db.selectFrom('outbox').selectAll().where('processed_at', 'is', null).orderBy('created_at').orderBy('id').limit(500).execute();
      const done: string[] = [];
      for (const row of rows) {
        const event: DomainEvent = { id: row.id, workspaceId: row.workspace_id, type: row.type, payload: JSON.parse(row.payload), createdAt: row.created_at };
        try {
          for (const h of this.handlers.get(row.type) ?? []) await h(event);
          done.push(row.id);
          handled++;
        } catch (err) {
          this.log.error({ err, event: row.type }, 'event handler failed; will retry');
          await this.exec(db.updateTable('outbox').set({ attempts: row.attempts + 1 }).where('id', '=', row.id));
        }
      }
      // One UPDATE (one commit, one fsync) per drain instead of one per event: under load a drain
      // covers many events, so a public submit no longer costs two commits. A crash before this
      // line only redelivers, which at-least-once delivery already allows.
      if (done.length) await this.exec(db.updateTable('outbox').set({ processed_at: new Date().toISOString() }).where('id', 'in', done));
    })().catch((err) => this.log.error({ err }, 'outbox drain failed'));
    await this.running;
    this.running = null;
    if (this.wakeRequested) { this.wakeRequested = false; setImmediate(() => void this.drain()); }
    return handled;
  }
}
