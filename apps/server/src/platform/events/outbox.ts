/**
 * Events through an outbox: a service appends an event in the same transaction as its change;
 * after commit the worker reads pending rows and hands them to subscribers, then marks them
 * done. A crash between commit and delivery only delays delivery (at-least-once), so handlers
 * must be safe to repeat.
 */
import type { Kysely } from 'kysely';
import type { PlatformTables } from '../db/platform.tables.js';
import { newTimeOrderedId } from '../crypto/tokens.js';

export interface DomainEvent<T = unknown> {
  id: string;
  workspaceId: string;
  type: string;
  payload: T;
  createdAt: string;
}

export type EventHandler = (event: DomainEvent) => Promise<void> | void;

export async function appendEvent(trx: Kysely<any>, workspaceId: string, type: string, payload: unknown): Promise<void> {
  await (trx as Kysely<PlatformTables>)
    .insertInto('outbox')
    .values({ id: newTimeOrderedId(), workspace_id: workspaceId, type, payload: JSON.stringify(payload), created_at: new Date().toISOString(), processed_at: null, attempts: 0 })
    .execute();
}

export class OutboxWorker {
  private readonly handlers = new Map<string, EventHandler[]>();
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private wakeRequested = false;
  private stopped = false;

  constructor(private readonly db: Kysely<any>, private readonly log: { error: (o: unknown, m: string) => void }, private readonly intervalMs = 250) {}

  on(type: string, handler: EventHandler): void {
    this.handlers.set(type, [...(this.handlers.get(type) ?? []), handler]);
  }

  start(): void {
    if (this.timer) return;
    this.stopped = false;
    this.timer = setInterval(() => void this.drain(), this.intervalMs);
    this.timer.unref();
  }

  /** Ask for a drain soon (after a commit) instead of waiting for the next tick. */
  wake(): void {
    if (!this.timer) return;
    if (this.running) { this.wakeRequested = true; return; }
    setImmediate(() => void this.drain());
  }

  async stop(): Promise<void> {
    this.stopped = true;
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
          await db.updateTable('outbox').set({ attempts: row.attempts + 1 }).where('id', '=', row.id).execute();
        }
      }
      // One UPDATE (one commit, one fsync) per drain instead of one per event: under load a drain
      // covers many events, so a public submit no longer costs two commits. A crash before this
      // line only redelivers, which at-least-once delivery already allows.
      if (done.length) await db.updateTable('outbox').set({ processed_at: new Date().toISOString() }).where('id', 'in', done).execute();
    })().catch((err) => this.log.error({ err }, 'outbox drain failed'));
    await this.running;
    this.running = null;
    if (this.wakeRequested) { this.wakeRequested = false; setImmediate(() => void this.drain()); }
    return handled;
  }
}
