/**
 * Main-thread side of the SQLite bulk writer (see sqlite-writer.worker.mjs). Units queued in one
 * turn of the event loop travel as one message and commit as one transaction; every caller waits
 * for that commit before it answers, so acknowledged data is durable as before.
 */
import { Worker } from 'node:worker_threads';

export interface WriteStep { sql: string; params: readonly unknown[]; onlyIfAccepted?: boolean }
/** Ready SQL, or input for a compiler module that builds the rows on the writer thread. */
export type WriteUnit =
  | { rows: { sql: string; params: unknown[][] }; after: WriteStep[] }
  | { compiler: string; input: unknown; after: WriteStep[] };
/** A compiler module's `compile(input)` (runs on the writer thread): rows to insert and a key per row. */
export type UnitCompiler<I> = (input: I) => { rows: { sql: string; params: unknown[][] }; keys: string[] };
/**
 * A compiler module's optional `afterGroup(list)`: once per transaction, with every unit of this
 * compiler in it (its input, row parameters and the indexes of the rows that were new) and a
 * `read` of one row inside the same transaction; returns more statements for that transaction
 * (derived data such as aggregates).
 */
export type GroupFinisher<I> = (list: { input: I; params: unknown[][]; inserted: number[] }[], read: (sql: string, params: unknown[]) => unknown) => WriteStep[];
/** Indexes of the rows that were new; for compiled units also their keys. */
export interface UnitResult { inserted: number[]; keys?: string[] }
type Pending = { unit: WriteUnit; resolve: (r: UnitResult) => void; reject: (e: Error) => void };

export class SqliteWriter {
  private readonly worker: Worker;
  private queue: Pending[] = [];
  private scheduled = false;
  private nextId = 0;
  private readonly inFlight = new Map<number, Pending[]>();
  private readonly unsettled = new Set<Promise<unknown>>();

  /** `compilers`: name → URL of a module exporting `compile: UnitCompiler` (and optionally `afterGroup: GroupFinisher`). */
  constructor(file: string, synchronous: 'FULL' | 'NORMAL', compilers: Record<string, string> = {}) {
    this.worker = new Worker(new URL('./sqlite-writer.worker.mjs', import.meta.url), { workerData: { file, synchronous, compilers } });
    this.worker.unref();
    this.worker.on('message', ({ id, results }: { id: number; results: (UnitResult | { error: string })[] }) => {
      const group = this.inFlight.get(id)!;
      this.inFlight.delete(id);
      results.forEach((r, i) => ('error' in r ? group[i].reject(new Error(r.error)) : group[i].resolve(r)));
      if (!this.inFlight.size) this.worker.unref();
    });
    this.worker.on('error', (err) => this.failAll(err));
  }

  /** When the last unit was handed over (ms since the epoch): background jobs pace themselves by it. */
  lastRunAt = 0;

  /** Resolves with the rows that were new, once their transaction committed. */
  run(unit: WriteUnit): Promise<UnitResult> {
    this.lastRunAt = Date.now();
    const done = new Promise<UnitResult>((resolve, reject) => {
      this.queue.push({ unit, resolve, reject });
      if (this.scheduled) return;
      this.scheduled = true;
      setImmediate(() => this.flush());
    });
    this.unsettled.add(done);
    const forget = () => { this.unsettled.delete(done); };
    done.then(forget, forget);
    return done;
  }

  /**
   * Resolves once every unit handed over so far has committed or failed. A long job on the main
   * connection (a metric recount) waits for it between its transactions: this thread waits for
   * the write lock in SQLite's busy handler, which polls with back-off (up to 100 ms apart), so a
   * job that takes the lock again at once would keep it from ever getting it.
   */
  async settled(): Promise<void> {
    await Promise.allSettled([...this.unsettled]);
  }

  /** One statement, committed on the writer thread (for writes that must not wait on its lock). */
  async exec(sql: string, params: readonly unknown[]): Promise<void> {
    await this.run({ rows: { sql: '', params: [] }, after: [{ sql, params }] });
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
