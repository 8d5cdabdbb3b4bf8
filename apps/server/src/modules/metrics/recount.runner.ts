/**
 * Runs metric recounts in the background of the server (recount.service.ts): one loop per
 * workspace, chunk after chunk, started by a settings change (kick) and, at start, resumed for
 * every recount a restart or a crash left unfinished. Stopped cleanly on close: the chunk under
 * way commits, the next one is left for the next start. Loops in other processes (another server,
 * the CLI) on the same workspace are harmless: each chunk reads the cursor under its row lock.
 * Each chunk's progress is published as a 'recount' event on the workspace's live stream.
 */
import type { Deps } from '../../deps.js';
import { unfinishedRecounts } from './metrics.repo.js';
import { runRecount } from './recount.service.js';

export interface MetricsRecounterOptions {
  /** Rows per chunk (recount.service.ts DEFAULT_CHUNK_ROWS); tests use tiny chunks. */
  chunkRows?: number;
  /** Pause before retrying after a failed chunk (e.g. the store was busy). */
  retryMs?: number;
  log?: (err: unknown, msg: string) => void;
}

export class MetricsRecounter {
  private readonly loops = new Map<string, Promise<void>>();
  /** Kicked while its loop was ending: run once more (the loop may have missed the new cursor). */
  private readonly again = new Set<string>();
  private readonly wakers = new Set<() => void>();
  private stopped = false;

  constructor(private readonly deps: Deps, private readonly opts: MetricsRecounterOptions = {}) {}

  /** Resumes unfinished recounts. */
  async start(): Promise<void> {
    this.stopped = false;
    for (const workspaceId of await unfinishedRecounts(this.deps.db)) this.kick(workspaceId);
  }

  /** A recount was started for the workspace: make sure a loop runs it. */
  kick(workspaceId: string): void {
    if (this.stopped) return;
    if (this.loops.has(workspaceId)) { this.again.add(workspaceId); return; }
    const loop = this.run(workspaceId).finally(() => {
      this.loops.delete(workspaceId);
      if (this.again.delete(workspaceId)) this.kick(workspaceId);
    });
    this.loops.set(workspaceId, loop);
  }

  /** Resolves once no recount loop runs (tests, and the CLI-like callers that want to wait). */
  async idle(): Promise<void> {
    while (this.loops.size) await Promise.all([...this.loops.values()]);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const wake of this.wakers) wake();
    await this.idle();
  }

  private async run(workspaceId: string): Promise<void> {
    while (!this.stopped) {
      try {
        // Progress goes to the workspace's live stream (settings page, dashboards' banner): at most
        // a few frames a second, and the last one (finished) is never lost.
        const topic = `workspace:${workspaceId}`;
        const run = await runRecount(this.deps, workspaceId, {
          chunkRows: this.opts.chunkRows, stopped: () => this.stopped,
          onProgress: (done, total) => this.deps.hub.publishCoalesced(topic, 'recount', { done, total, finished: false }, 250),
        });
        if (run.finished) this.deps.hub.publishCoalesced(topic, 'recount', { done: run.done, total: Math.max(run.total, run.done), finished: true }, 250);
        return;
      } catch (err) {
        (this.opts.log ?? ((e, m) => console.error(m, e)))(err, `metrics recount of workspace ${workspaceId} failed; retrying`);
        await this.pause(this.opts.retryMs ?? 1000);
      }
    }
  }

  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const wake = () => { clearTimeout(timer); this.wakers.delete(wake); resolve(); };
      const timer = setTimeout(wake, ms);
      timer.unref();
      this.wakers.add(wake);
    });
  }
}
