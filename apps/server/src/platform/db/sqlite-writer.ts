/**
 * Main-thread side of the SQLite bulk writer (see sqlite-writer.worker.mjs). Units queued in one
 * turn of the event loop travel as one message and commit as one transaction; every caller waits
 * for that commit before it answers, so acknowledged data is durable as before.
 */
import { Worker } from 'node:worker_threads';

export interface WriteStep { sql: string; params: readonly unknown[]; onlyIfAccepted?: boolean }
export interface WriteUnit { rows: { sql: string; params: unknown[][] }; after: WriteStep[] }
type Pending = { unit: WriteUnit; resolve: (inserted: number[]) => void; reject: (e: Error) => void };

export class SqliteWriter {
  private readonly worker: Worker;
  private queue: Pending[] = [];
  private scheduled = false;
  private nextId = 0;
  private readonly inFlight = new Map<number, Pending[]>();

  constructor(file: string, synchronous: 'FULL' | 'NORMAL') {
    this.worker = new Worker(new URL('./sqlite-writer.worker.mjs', import.meta.url), { workerData: { file, synchronous } });
    this.worker.unref();
    this.worker.on('message', ({ id, results }: { id: number; results: ({ inserted: number[] } | { error: string })[] }) => {
      const group = this.inFlight.get(id)!;
      this.inFlight.delete(id);
      results.forEach((r, i) => ('error' in r ? group[i].reject(new Error(r.error)) : group[i].resolve(r.inserted)));
      if (!this.inFlight.size) this.worker.unref();
    });
    this.worker.on('error', (err) => this.failAll(err));
  }

  /** Resolves with the indexes of the rows that were new, once their transaction committed. */
  run(unit: WriteUnit): Promise<number[]> {
    return new Promise((resolve, reject) => {
      this.queue.push({ unit, resolve, reject });
      if (this.scheduled) return;
      this.scheduled = true;
      setImmediate(() => this.flush());
    });
  }

  /** One statement, committed on the writer thread (for writes that must not wait on its lock). */
  exec(sql: string, params: readonly unknown[]): Promise<number[]> {
    return this.run({ rows: { sql: '', params: [] }, after: [{ sql, params }] });
  }

  private flush() {
    this.scheduled = false;
    const group = this.queue.splice(0, 64);
    if (this.queue.length) { this.scheduled = true; setImmediate(() => this.flush()); }
    if (!group.length) return;
    const id = this.nextId++;
    this.inFlight.set(id, group);
    this.worker.ref(); // keep the process alive until every acknowledged write has committed
    this.worker.postMessage({ id, units: group.map((p) => p.unit) });
  }

  private failAll(err: Error) {
    for (const group of this.inFlight.values()) for (const p of group) p.reject(err);
    this.inFlight.clear();
  }

  async close(): Promise<void> {
    while (this.inFlight.size || this.queue.length) await new Promise((r) => setTimeout(r, 5));
    await this.worker.terminate();
  }
}
