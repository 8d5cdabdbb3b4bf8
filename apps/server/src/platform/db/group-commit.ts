/**
 * Group commit. Units of write work that arrive together (within one turn of the event loop, or
 * while the store is busy) run in ONE transaction, so N concurrent requests pay one COMMIT, one
 * fsync, instead of N. Every caller still waits for the commit before it answers, so an
 * acknowledged write is as durable as before.
 *
 * Each unit stays all-or-nothing: if the shared transaction fails, it is rolled back whole and
 * the units run again one transaction each, so only the unit at fault sees the error. Units must
 * therefore do nothing but database work that is safe to run again after a rollback.
 */
import type { Kysely, Transaction } from 'kysely';

type Unit<DB> = { work: (trx: Transaction<DB>) => Promise<unknown>; resolve: (v: unknown) => void; reject: (e: unknown) => void };

export class GroupCommitter<DB> {
  private queue: Unit<DB>[] = [];
  private scheduled = false;

  constructor(private readonly db: Kysely<DB>, private readonly maxUnits = 64) {}

  /** When the last unit arrived (ms since the epoch): background jobs pace themselves by it. */
  lastRunAt = 0;

  run<T>(work: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
    this.lastRunAt = Date.now();
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ work, resolve: resolve as (v: unknown) => void, reject });
      this.schedule();
    });
  }

  private schedule() {
    if (this.scheduled || !this.queue.length) return;
    this.scheduled = true;
    // setImmediate runs after the poll phase: every request body that arrived meanwhile is queued.
    setImmediate(() => {
      this.scheduled = false;
      const group = this.queue.splice(0, this.maxUnits);
      this.schedule();
      void this.commit(group);
    });
  }

  private async commit(group: Unit<DB>[]) {
    try {
      const results = await this.db.transaction().execute((trx) => runWithFinishers(trx, async () => {
        const out: unknown[] = [];
        for (const unit of group) out.push(await unit.work(trx));
        return out;
      }));
      group.forEach((unit, i) => unit.resolve(results[i]));
    } catch (err) {
      if (group.length === 1) return group[0].reject(err);
      for (const unit of group) {
        try { unit.resolve(await this.db.transaction().execute((trx) => runWithFinishers(trx, () => unit.work(trx)))); } catch (e) { unit.reject(e); }
      }
    }
  }
}

type Finisher = { state: unknown; finish: (state: never) => Promise<void> };
const finishersOf = new WeakMap<object, Map<object, Finisher>>();

/** Runs `body` in `trx`, then the finishers its units registered, all before the COMMIT. */
async function runWithFinishers<T>(trx: object, body: () => Promise<T>): Promise<T> {
  const finishers = new Map<object, Finisher>();
  finishersOf.set(trx, finishers);
  try {
    const out = await body();
    for (const { state, finish } of finishers.values()) await finish(state as never);
    return out;
  } finally {
    finishersOf.delete(trx);
  }
}

/**
 * For work whose cost is per transaction rather than per unit (an aggregate to update, a lookup
 * to make once): in a grouped transaction, the first unit that asks creates `state` and every
 * unit shares it; `finish(state)` then runs once, after the last unit and before the COMMIT.
 * Returns undefined outside a grouped transaction: the caller then does the work itself.
 */
export function shareUntilCommit<S>(trx: object, key: object, create: () => S, finish: (state: S) => Promise<void>): S | undefined {
  const finishers = finishersOf.get(trx);
  if (!finishers) return undefined;
  let entry = finishers.get(key);
  if (!entry) { entry = { state: create(), finish: finish as Finisher['finish'] }; finishers.set(key, entry); }
  return entry.state as S;
}
