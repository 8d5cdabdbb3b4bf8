/**
 * The text module's background work on the server: the analysis loop (one for all workspaces,
 * behind the watermark of analyze.service.ts), one re-tag loop per workspace whose taxonomy
 * changed (retag.service.ts) and one re-analysis loop per workspace that asked for one
 * (reanalyze.service.ts). Woken by response events after commit, by taxonomy edits, by a request
 * to re-analyse, and at start (a restart resumes every job from its stored cursor). Between chunks
 * each loop gives way to waiting writes and, while responses arrive, paces itself, so ingestion
 * keeps its pace; the analysis itself runs on a low-priority thread (analysis-thread.ts), so it
 * takes only the CPU that requests and the SQLite writer leave over.
 */
import type { Deps } from '../../deps.js';
import { writeLockPauseMs } from '../../platform/db/dialect.js';
import { analysisWatermark, analyzeChunk, analyzeResponses } from './analyze.service.js';
import { retagChunk } from './retag.service.js';
import { reanalyzeChunk } from './reanalyze.service.js';
import { unfinishedJobs } from './taxonomy.repo.js';
import { AnalysisThread } from './analysis-thread.js';

/** While responses arrive: at most one chunk per PACE_MS; arrivals count as stopped after QUIET_MS. */
const PACE_MS = 2_000;
const QUIET_MS = 250;

export interface TextWorkerOptions {
  /** false (TEXT_ANALYSIS=off): this process neither analyses nor re-tags; another one does. */
  enabled?: boolean;
  /** The analysis thread's nice level (TEXT_ANALYSIS_NICE, default 19). */
  nice?: number;
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
  /** The last chunk left responses for later (younger than settleMs when it looked). */
  private settling = false;
  private watermark = '';
  /** Per-workspace jobs under way ('retag:<wid>', 'reanalyze:<wid>') and those asked for again meanwhile. */
  private readonly jobs = new Map<string, Promise<void>>();
  private readonly jobAgain = new Set<string>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly wakers = new Set<() => void>();
  private stopped = false;
  /** The CPU work (analysis, tagging) runs on its own low-priority thread. */
  readonly thread: AnalysisThread;

  constructor(private readonly deps: Deps, private readonly opts: TextWorkerOptions = {}) {
    this.thread = new AnalysisThread(opts.nice ?? 19);
  }

  /** Whether this process runs the analysis (TEXT_ANALYSIS). */
  get enabled() { return this.opts.enabled ?? true; }
  private get settleMs() { return this.opts.settleMs ?? 1000; }
  private log(err: unknown, msg: string) { (this.opts.log ?? ((e, m) => console.error(m, e)))(err, msg); }

  /** Subscribes to the events of stored responses (delivered after commit, at least once). */
  listen(): void {
    if (!this.enabled) return;
    this.deps.outbox.on('responses.batch.stored', () => this.kick());
    this.deps.outbox.on('responses.response.submitted', async (e) => {
      const p = e.payload as { responseId: string; status: string };
      // Behind the watermark only when a partial response was completed: analyse it now.
      if (p.status === 'complete' && this.watermark && p.responseId <= this.watermark) {
        if (await analyzeResponses(this.deps, this.thread, e.workspaceId, [p.responseId])) this.announce(e.workspaceId);
      }
      else this.kick();
    });
  }

  async start(): Promise<void> {
    if (!this.enabled) return;
    this.stopped = false;
    this.watermark = await analysisWatermark(this.deps);
    for (const w of await unfinishedJobs(this.deps.db, 'retag')) this.kickRetag(w);
    for (const w of await unfinishedJobs(this.deps.db, 'reanalyze')) this.kickReanalysis(w);
    this.kick();
  }

  /** New responses may be there: make sure the analysis loop runs (once more if it is running). */
  kick(): void {
    if (this.stopped || !this.enabled) return;
    if (this.analyzing) { this.again = true; return; }
    this.analyzing = this.analyzeLoop().finally(() => {
      this.analyzing = null;
      if (this.again) { this.again = false; this.kick(); return; }
      // The last chunk saw responses younger than `settleMs` and left them: come back when they
      // have settled (again, as long as some are left: ids may run ahead of the clock).
      if (!this.stopped && this.settling) this.later(() => { if (!this.analyzing) this.kick(); }, this.settleMs + 10);
    });
  }

  kickRetag(workspaceId: string): void {
    this.kickJob('retag', workspaceId);
  }

  kickReanalysis(workspaceId: string): void {
    this.kickJob('reanalyze', workspaceId);
  }

  private kickJob(kind: 'retag' | 'reanalyze', workspaceId: string): void {
    if (this.stopped || !this.enabled) return;
    const key = `${kind}:${workspaceId}`;
    if (this.jobs.has(key)) { this.jobAgain.add(key); return; }
    this.jobs.set(key, this.jobLoop(kind, workspaceId).finally(() => {
      this.jobs.delete(key);
      if (this.jobAgain.delete(key)) this.kickJob(kind, workspaceId);
    }));
  }

  /** Resolves when no loop runs and no settle re-run is pending (tests). */
  async idle(): Promise<void> {
    for (;;) {
      if (this.analyzing) await this.analyzing;
      else if (this.jobs.size) await Promise.all([...this.jobs.values()]);
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
    await this.thread.close();
  }

  private async analyzeLoop(): Promise<void> {
    while (!this.stopped) {
      try {
        const r = await analyzeChunk(this.deps, this.thread, { chunk: this.opts.chunk, settleMs: this.settleMs });
        this.watermark = r.watermark;
        this.settling = r.settling;
        for (const w of r.workspaces) this.announce(w);
        if (!r.more) return;
      } catch (err) {
        this.log(err, 'text analysis chunk failed; retrying');
        await this.pause(this.opts.retryMs ?? 1000);
      }
      await this.giveWay();
    }
  }

  private async jobLoop(kind: 'retag' | 'reanalyze', workspaceId: string): Promise<void> {
    while (!this.stopped) {
      try {
        const r = kind === 'retag'
          ? await retagChunk(this.deps, this.thread, workspaceId, this.opts.retagChunk)
          : await reanalyzeChunk(this.deps, this.thread, workspaceId, this.opts.chunk);
        if (r.done) this.announce(workspaceId);
        if (r.finished) return;
      } catch (err) {
        this.log(err, `text ${kind} of workspace ${workspaceId} failed; retrying`);
        await this.pause(this.opts.retryMs ?? 1000);
      }
      await this.giveWay();
    }
  }

  /**
   * Lets the writes that waited for a chunk run first (as the metric recount does), and while
   * responses keep arriving, runs at most one chunk per PACE_MS: each chunk's transaction takes the
   * store's write lock (on SQLite, the one lock the writer thread's batches need too), and ingestion
   * comes first. When arrivals stop for QUIET_MS the analysis goes at full speed again.
   */
  private async giveWay(): Promise<void> {
    const started = Date.now();
    while (!this.stopped && this.ingesting() && Date.now() - started < PACE_MS) await this.pause(QUIET_MS / 2);
    await new Promise((resolve) => setImmediate(resolve));
    await this.deps.bulkWriter?.settled();
    const pause = writeLockPauseMs(this.deps.db);
    if (pause) await this.pause(pause);
  }

  /**
   * New analyses, themes or sentiment change dashboard numbers (sentiment, drivers, themes):
   * tell the workspace's open dashboards, as stored responses do (coalesced by the hub).
   */
  private announce(workspaceId: string): void {
    this.deps.hub.publishCoalesced(`workspace:${workspaceId}`, 'metrics', { at: new Date().toISOString(), source: 'text' });
  }

  /** Whether responses were handed to the store in the last QUIET_MS (batches, imports, public submits). */
  private ingesting(): boolean {
    const last = Math.max(this.deps.bulkWriter?.lastRunAt ?? 0, this.deps.writes.lastRunAt);
    return Date.now() - last < QUIET_MS;
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
