/**
 * Keeps segments current in the background. Each pass, in this order so a live update never waits
 * behind a long build:
 * 1. events stored after the watermark (customer_events in id order, any workspace; ids younger than
 *    `settleMs` are left for the next pass so a transaction still open is not overtaken): their
 *    people are re-evaluated against the workspace's live segments, then the watermark moves;
 * 2. people queued for other reasons (a merge, an unmerge, a survey answer);
 * 3. one page of every full evaluation under way (new or edited segments, rebuilds);
 * 4. on a clock, live segments whose conditions are relative to now ("in the last 30 days") start a
 *    new full evaluation, since time alone moves people in and out of them.
 * A crash repeats at most one pass; every step is safe to repeat.
 */
import type { Deps } from '../../deps.js';
import { SYSTEM_ACTOR, writeAudit } from '../../platform/audit.js';
import { idBefore } from '../../platform/crypto/tokens.js';
import { responsePeople } from '../responses/index.js';
import { BUILD_CHUNK, buildPage, compileSegment, reevaluatePeople, type CompiledSegment } from './segments.evaluate.js';
import { ownersOfResponses } from './response-traits.js';
import * as segRepo from './segments.repo.js';

const EVENTS_CURSOR = 'segments.events';

export interface SegmentWorkerOptions {
  everyMs?: number; settleMs?: number; refreshEveryMs?: number; eventsPerPass?: number; buildChunk?: number;
  log: (err: unknown, msg: string) => void;
}

export class SegmentWorker {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = true;
  private lastRefresh = Date.now();
  private readonly o: Required<Omit<SegmentWorkerOptions, 'log'>> & Pick<SegmentWorkerOptions, 'log'>;

  constructor(private readonly deps: Deps, opts: SegmentWorkerOptions) {
    this.o = { everyMs: 500, settleMs: 1500, refreshEveryMs: 3_600_000, eventsPerPass: 5000, buildChunk: BUILD_CHUNK, ...opts };
  }

  /** Outbox subscriptions: events and segment edits wake the loop; answers queue their people for metric conditions. */
  listen(): void {
    this.deps.outbox.on('customers.events.stored', () => this.kick());
    this.deps.outbox.on('customers.segment.changed', () => this.kick());
    this.deps.outbox.on('customers.people.changed', () => this.kick());
    this.deps.outbox.on('responses.batch.stored', (e) => this.rebuildMetricSegments(e.workspaceId));
    this.deps.outbox.on('responses.response.submitted', async (e) => {
      const p = e.payload as { responseId: string; nps: number | null; csat: number | null; ces: number | null };
      if (p.nps === null && p.csat === null && p.ces === null) return;
      if (!(await this.usesMetrics(e.workspaceId))) return;
      const rows = await responsePeople(this.deps.db, e.workspaceId, [p.responseId]);
      const { owner } = await ownersOfResponses(this.deps, e.workspaceId, rows);
      if (owner.size) await this.deps.writes.run((trx) => segRepo.queuePeople(trx, e.workspaceId, [...owner.values()], new Date().toISOString()));
      this.kick();
    });
  }

  /** A batch of answers carries no ids in its event: segments with score conditions re-evaluate everyone (once at a time). */
  private async rebuildMetricSegments(workspaceId: string): Promise<void> {
    const stale = (await segRepo.liveSegments(this.deps.db, workspaceId)).filter((s) => s.status === 'ready' && compileSegment(s).needs.metrics.length > 0);
    if (!stale.length) return;
    const total = await segRepo.countRoots(this.deps.db, workspaceId);
    await this.deps.writes.run(async (trx) => {
      for (const row of stale) {
        await segRepo.updateSegment(trx, row.id, { status: 'building', build_cursor: '', build_done: 0, build_total: total });
        await writeAudit(trx, { workspaceId, actor: SYSTEM_ACTOR, action: 'customers.segment_refreshed', targetType: 'segment', targetId: row.id, details: { reason: 'survey answers imported' } });
      }
    });
    this.kick();
  }

  private async usesMetrics(workspaceId: string): Promise<boolean> {
    return (await segRepo.liveSegments(this.deps.db, workspaceId)).some((s) => compileSegment(s).needs.metrics.length > 0);
  }

  async start(): Promise<void> {
    this.stopped = false;
    if (!(await segRepo.jobCursor(this.deps.db, EVENTS_CURSOR))) {
      // Events before the first start are covered by the full evaluation every segment begins with.
      await this.deps.writes.run((trx) => segRepo.setJobCursor(trx, EVENTS_CURSOR, idBefore(Date.now() - this.o.settleMs), new Date().toISOString()));
    }
    this.timer = setInterval(() => this.kick(), this.o.everyMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  kick(): void {
    if (this.stopped) return;
    if (this.running) { this.again = true; return; }
    this.running = (async () => {
      try {
        do { this.again = false; this.again = (await this.pass()) || this.again; } while (this.again && !this.stopped);
      } catch (err) { this.o.log(err, 'segment worker pass failed'); } finally { this.running = null; }
    })();
  }

  /** One pass; true when work is left (another pass follows at once). Public for tests. */
  async pass(): Promise<boolean> {
    const touched = new Set<string>();
    let more = await this.eventsPass(touched);
    more = (await this.queuePass(touched)) || more;
    more = (await this.buildPass(touched)) || more;
    if (Date.now() - this.lastRefresh >= this.o.refreshEveryMs) { this.lastRefresh = Date.now(); more = (await this.refreshPass()) || more; }
    for (const ws of touched) this.deps.hub.publishCoalesced(`workspace:${ws}`, 'segments', { at: new Date().toISOString() });
    return more;
  }

  private async compiled(workspaceId: string, cache: Map<string, CompiledSegment[]>): Promise<CompiledSegment[]> {
    if (!cache.has(workspaceId)) cache.set(workspaceId, (await segRepo.liveSegments(this.deps.db, workspaceId)).map(compileSegment));
    return cache.get(workspaceId)!;
  }

  private async eventsPass(touched: Set<string>): Promise<boolean> {
    const after = (await segRepo.jobCursor(this.deps.db, EVENTS_CURSOR)) ?? '';
    const page = await segRepo.eventsAfter(this.deps.db, after, idBefore(Date.now() - this.o.settleMs), this.o.eventsPerPass);
    if (!page.length) return false;
    const byWorkspace = new Map<string, Set<string>>();
    for (const e of page) (byWorkspace.get(e.workspace_id) ?? byWorkspace.set(e.workspace_id, new Set()).get(e.workspace_id)!).add(e.customer_id);
    const cache = new Map<string, CompiledSegment[]>();
    for (const [ws, ids] of byWorkspace) {
      const segments = await this.compiled(ws, cache);
      if (!segments.length) continue;
      if (await reevaluatePeople(this.deps, ws, [...ids], segments)) touched.add(ws);
    }
    await this.deps.writes.run((trx) => segRepo.setJobCursor(trx, EVENTS_CURSOR, page[page.length - 1].id, new Date().toISOString()));
    return page.length === this.o.eventsPerPass;
  }

  private async queuePass(touched: Set<string>): Promise<boolean> {
    const rows = await segRepo.queued(this.deps.db, 2000);
    if (!rows.length) return false;
    const byWorkspace = new Map<string, string[]>();
    for (const r of rows) (byWorkspace.get(r.workspace_id) ?? byWorkspace.set(r.workspace_id, []).get(r.workspace_id)!).push(r.customer_id);
    const cache = new Map<string, CompiledSegment[]>();
    for (const [ws, ids] of byWorkspace) {
      const segments = await this.compiled(ws, cache);
      const changed = await reevaluatePeople(this.deps, ws, ids, segments, (trx) => segRepo.unqueue(trx, ws, ids));
      if (changed) touched.add(ws);
    }
    return rows.length === 2000;
  }

  private async buildPass(touched: Set<string>): Promise<boolean> {
    const building = await segRepo.buildingSegments(this.deps.db);
    let more = false;
    for (const row of building) {
      const done = await buildPage(this.deps, row, this.o.buildChunk);
      touched.add(row.workspace_id);
      if (!done) more = true;
    }
    return more;
  }

  private async refreshPass(): Promise<boolean> {
    const now = new Date().toISOString();
    let started = false;
    for (const ws of await segRepo.workspacesWithLiveSegments(this.deps.db)) {
      for (const row of await segRepo.liveSegments(this.deps.db, ws)) {
        if (row.status !== 'ready' || !compileSegment(row).needs.timeRelative) continue;
        if (row.built_at && Date.now() - Date.parse(row.built_at) < this.o.refreshEveryMs) continue;
        const total = await segRepo.countRoots(this.deps.db, ws);
        await this.deps.writes.run(async (trx) => {
          // updated_at stays: an incremental pass in flight still writes its (current) verdicts.
          await segRepo.updateSegment(trx, row.id, { status: 'building', build_cursor: '', build_done: 0, build_total: total });
          await writeAudit(trx, { workspaceId: ws, actor: SYSTEM_ACTOR, action: 'customers.segment_refreshed', targetType: 'segment', targetId: row.id, details: { reason: 'time window' } });
        });
        started = true;
      }
    }
    return started;
  }
}
