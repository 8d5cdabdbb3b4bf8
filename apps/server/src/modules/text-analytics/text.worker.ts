/**
 * The text module's background work on the server: the analysis loop (one for all workspaces,
 * behind the watermark of analyze.service.ts) and one re-tag loop per workspace whose taxonomy
 * changed (retag.service.ts). Woken by response events after commit, by taxonomy edits, and at
 * start (a restart resumes both from their stored cursors). Between chunks each loop gives way
 * to waiting writes, so ingestion keeps its pace; within a chunk the analysis yields every few ms.
 */
import type { Deps } from '../../deps.js';
import { writeLockPauseMs } from '../../platform/db/dialect.js';
import { analysisWatermark, analyzeChunk, analyzeResponses } from './analyze.service.js';
import { retagChunk } from './retag.service.js';
import { unfinishedRetags } from './taxonomy.repo.js';

export interface TextWorkerOptions {
  /** Responses per analysis chunk (DEFAULT_ANALYZE_CHUNK); texts per re-tag chunk (DEFAULT_RETAG_CHUNK). */
  chunk?: number;
  retagChunk?: number;
  /** Responses younger than this are left for the next pass (see analyze.service.ts). */
  settleMs?: number;
  retryMs?: number;
  log?: (err: unknown, msg: string) => void;
}

export class TextWorker {
  private analyzing: Promise<void> | null = null;
  private again = false;
  private lastKick = 0;
  private watermark = '';
  private readonly retags = new Map<string, Promise<void>>();
  private readonly retagAgain = new Set<string>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly wakers = new Set<() => void>();
  private stopped = false;

  constructor(private readonly deps: Deps, private readonly opts: TextWorkerOptions = {}) {}

  private get settleMs() { return this.opts.settleMs ?? 1000; }
  private log(err: unknown, msg: string) { (this.opts.log ?? ((e, m) => console.error(m, e)))(err, msg); }

  /** Subscribes to the events of stored responses (delivered after commit, at least once). */
  listen(): void {
    this.deps.outbox.on('responses.batch.stored', () => this.kick());
    this.deps.outbox.on('responses.response.submitted', async (e) => {
      const p = e.payload as { responseId: string; status: string };
      // Behind the watermark only when a partial response was completed: analyse it now.
      if (p.status === 'complete' && this.watermark && p.responseId <= this.watermark) await analyzeResponses(this.deps, e.workspaceId, [p.responseId]);
      else this.kick();
    });
  }

  async start(): Promise<void> {
    this.stopped = false;
    this.watermark = await analysisWatermark(this.deps);
    for (const w of await unfinishedRetags(this.deps.db)) this.kickRetag(w);
    this.kick();
  }

  /** New responses may be there: make sure the analysis loop runs (once more if it is running). */
  kick(): void {
    this.lastKick = Date.now();
    if (this.stopped) return;
    if (this.analyzing) { this.again = true; return; }
    this.analyzing = this.analyzeLoop().finally(() => {
      this.analyzing = null;
      if (this.again) { this.again = false; this.kick(); return; }
      // Responses of the last `settleMs` were left for later: come back when they have settled.
      if (!this.stopped && Date.now() - this.lastKick <= this.settleMs) this.later(() => { if (!this.analyzing) this.kickQuietly(); }, this.settleMs + 10);
    });
  }

  /** A re-run that does not count as news (so the settle re-run happens once). */
  private kickQuietly(): void {
    const last = this.lastKick;
    this.kick();
    this.lastKick = last;
  }

  kickRetag(workspaceId: string): void {
    if (this.stopped) return;
    if (this.retags.has(workspaceId)) { this.retagAgain.add(workspaceId); return; }
    this.retags.set(workspaceId, this.retagLoop(workspaceId).finally(() => {
      this.retags.delete(workspaceId);
      if (this.retagAgain.delete(workspaceId)) this.kickRetag(workspaceId);
    }));
  }

  /** Resolves when no loop runs and no settle re-run is pending (tests). */
  async idle(): Promise<void> {
    for (;;) {
      if (this.analyzing) await this.analyzing;
      else if (this.retags.size) await Promise.all([...this.retags.values()]);
      else if (this.timers.size) await new Promise((r) => setTimeout(r, 20));
      else return;
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    for (const wake of this.wakers) wake();
    await this.idle();
  }

  private async analyzeLoop(): Promise<void> {
    while (!this.stopped) {
      try {
        const r = await analyzeChunk(this.deps, { chunk: this.opts.chunk, settleMs: this.settleMs });
        this.watermark = r.watermark;
        if (!r.more) return;
      } catch (err) {
        this.log(err, 'text analysis chunk failed; retrying');
        await this.pause(this.opts.retryMs ?? 1000);
      }
      await this.giveWay();
    }
  }

  private async retagLoop(workspaceId: string): Promise<void> {
    while (!this.stopped) {
      try {
        if ((await retagChunk(this.deps, workspaceId, this.opts.retagChunk)).finished) return;
      } catch (err) {
        this.log(err, `text re-tag of workspace ${workspaceId} failed; retrying`);
        await this.pause(this.opts.retryMs ?? 1000);
      }
      await this.giveWay();
    }
  }

  /** Lets the writes that waited for a chunk run first (as the metric recount does). */
  private async giveWay(): Promise<void> {
    await new Promise((resolve) => setImmediate(resolve));
    await this.deps.bulkWriter?.settled();
    const pause = writeLockPauseMs(this.deps.db);
    if (pause) await this.pause(pause);
  }

  private later(fn: () => void, ms: number): void {
    const t = setTimeout(() => { this.timers.delete(t); fn(); }, ms);
    t.unref();
    this.timers.add(t);
  }

  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const wake = () => { this.wakers.delete(wake); resolve(); };
      this.wakers.add(wake);
      this.later(wake, ms);
    });
  }
}
