/**
 * The cube's recount, online. A settings change (settings.service.ts) empties the workspace's
 * cube and sets its cursor before every response; then chunks, each one short transaction, count
 * the next responses in (created_at, id) order and move the cursor past them; the last one clears
 * it. Writers never wait longer than one chunk, and meanwhile:
 * - writers change the cube only for responses at or before the cursor (cube-maintenance.ts);
 * - queries answer from the rows (metrics.service.ts: the cube does not hold them yet).
 * The cursor is stored, so a recount cut short by a restart or a crash resumes where it stopped
 * (recount.runner.ts), and several loops on one workspace (a server and the CLI) share the work.
 */
import type { Deps } from '../../deps.js';
import { writeLockPauseMs } from '../../platform/db/dialect.js';
import { CubeDelta, type CubeSettings } from './cube.js';
import { applyDelta, clearCubePart, lockSettings, moveRecountCursor, responsesAfter } from './metrics.repo.js';
import { sentimentOf } from './sentiment.repo.js';

/**
 * Rows per chunk. A chunk holds the write lock (SQLite: also this thread's one connection) for its
 * whole length. Measured over 1M synthetic rows on SQLite (2 busy cores): 5k rows take ~0.25 s
 * (p95 0.6 s) at ~13k rows/s; 20k rows took ~1.7 s (p95 5.5 s) and were no faster overall, as
 * each chunk's cube cells and pages outgrow the page cache.
 */
export const DEFAULT_CHUNK_ROWS = 5_000;

/** Cells a clearing chunk deletes per row a counting chunk counts (see recountChunk). */
const CLEAR_CELLS_PER_ROW = 10;

export interface ChunkResult { counted: number; cellWrites: number; done: number; total: number; finished: boolean }

/** Counts the next chunk of a workspace's running recount; `finished` when none runs (any more). */
export async function recountChunk(deps: Deps, workspaceId: string, rows = DEFAULT_CHUNK_ROWS): Promise<ChunkResult> {
  return deps.db.transaction().execute(async (trx) => {
    // The row lock first, then the responses: see cube-maintenance.ts for why this order is exact.
    const s = await lockSettings(trx, workspaceId, 'update', false);
    if (!s?.recountCursor || !s.recount) return { counted: 0, cellWrites: 0, done: s?.recount?.done ?? 0, total: s?.recount?.total ?? 0, finished: true };
    // Before the first response is counted, the old cells go, a part per chunk (writers add
    // nothing meanwhile: no response is at or before this cursor). Deleting a range of cells is
    // cheap: 50k take ~0.13 s, about what counting 5k responses takes.
    const atStart = s.recountCursor.createdAt === '' && s.recountCursor.id === '';
    if (atStart && await clearCubePart(trx, workspaceId, rows * CLEAR_CELLS_PER_ROW)) return { counted: 0, cellWrites: 0, done: 0, total: s.recount.total, finished: false };
    const page = await responsesAfter(trx, workspaceId, s.recountCursor, rows);
    // With the sentiment of their analysed answers as committed now; an analysis storing
    // meanwhile waits for this chunk's lock, then sees the cursor past them (sentiment-cube.ts).
    const sums = await sentimentOf(trx, page.map((r) => r.id));
    // These rows come after the cursor: count them all (no cursor in these settings).
    const counting: CubeSettings = { timeZone: s.timeZone, dimensions: s.dimensions };
    const delta = new CubeDelta();
    for (const r of page) delta.add(sums.has(r.id) ? { ...r, sentiment: sums.get(r.id) } : r, counting);
    const cellWrites = await applyDelta(trx, delta);
    const done = s.recount.done + page.length;
    const last = page[page.length - 1];
    const finished = page.length < rows;
    await moveRecountCursor(trx, workspaceId, finished ? null : { createdAt: last.created_at, id: last.id }, done);
    return { counted: page.length, cellWrites, done, total: s.recount.total, finished };
  });
}

export interface RecountRun { done: number; total: number; cellWrites: number; finished: boolean }

/**
 * Runs chunks until the recount is finished (or `stopped()` says so): the background runner and,
 * in the foreground, the CLI and the benchmark. `onProgress(done, total)` after every chunk.
 */
export async function runRecount(deps: Deps, workspaceId: string, opts: { chunkRows?: number; onProgress?: (done: number, total: number) => void; stopped?: () => boolean } = {}): Promise<RecountRun> {
  const run: RecountRun = { done: 0, total: 0, cellWrites: 0, finished: false };
  for (;;) {
    if (opts.stopped?.()) return run;
    const c = await recountChunk(deps, workspaceId, opts.chunkRows);
    Object.assign(run, { done: c.done, total: c.total, cellWrites: run.cellWrites + c.cellWrites, finished: c.finished });
    opts.onProgress?.(c.done, c.total);
    if (c.finished) return run;
    await giveWay(deps);
  }
}

/**
 * Between chunks, let the writes that waited for one run before the next chunk: requests and
 * their transactions on this thread's connection (they queue for it), the SQLite writer thread's
 * batches (it polls for the lock: wait until they committed), and other processes' writers.
 */
async function giveWay(deps: Deps): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve));
  await deps.bulkWriter?.settled();
  const pause = writeLockPauseMs(deps.db);
  if (pause) await new Promise((resolve) => setTimeout(resolve, pause));
}
