/**
 * The alerts module's background work: reacts to stored responses (outbox events) by evaluating
 * the workspace's rules, runs a clock for the rules that fire on responses *not* arriving, and
 * runs the delivery queue.
 *
 * Evaluation is debounced per workspace: the first arrival opens a short window, arrivals inside
 * it only widen what it touched, and one evaluation runs when it closes. A single response is
 * evaluated about a second after it is stored; a burst of 1,000 submits costs about one
 * evaluation per window instead of 1,000. Evaluations of one workspace never overlap, so two of
 * them cannot race to fire the same rule (the cool-down claim would stop that anyway).
 *
 * The clock (every few minutes) finds, in one query, the workspaces with an enabled response-count
 * rule and notes a "clock" arrival for each: it joins the same per-workspace window, so it never
 * runs beside an arrivals' evaluation of that workspace, and re-reads only the low-count rules.
 *
 * Evaluation reads the current numbers, not the events: an event lost in a crash only delays
 * evaluation until the next response arrives (or the next tick).
 */
import type { Deps } from '../../deps.js';
import type { DomainEvent } from '../../platform/events/outbox.js';
import { workspacesWithCountRules } from './alerts.repo.js';
import { deliverDue } from './delivery.service.js';
import { evaluateWorkspace } from './evaluate.service.js';
import type { Touched } from './evaluation.js';

export interface AlertsWorkerOptions {
  debounceMs?: number;
  deliveryEveryMs?: number;
  /** How often the clock evaluates low-count rules (default 5 minutes). */
  clockEveryMs?: number;
  log?: (err: unknown, msg: string) => void;
}

export class AlertsWorker {
  private readonly pending = new Map<string, Touched>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly running = new Map<string, Promise<void>>();
  private deliveryTimer: NodeJS.Timeout | null = null;
  private delivering: Promise<unknown> | null = null;
  private clockTimer: NodeJS.Timeout | null = null;
  private ticking: Promise<void> | null = null;
  private stopped = false;
  /** Evaluations started so far (diagnostics; the tests count them). */
  evaluations = 0;
  private readonly debounceMs: number;
  private readonly deliveryEveryMs: number;
  private readonly clockEveryMs: number;
  private readonly log: (err: unknown, msg: string) => void;

  constructor(private readonly deps: Deps, opts: AlertsWorkerOptions = {}) {
    this.debounceMs = opts.debounceMs ?? 1000;
    this.deliveryEveryMs = opts.deliveryEveryMs ?? 2000;
    this.clockEveryMs = opts.clockEveryMs ?? 5 * 60_000;
    this.log = opts.log ?? ((err, msg) => console.error(msg, err));
  }

  /** Subscribes to the events that change numbers. */
  listen(): void {
    this.deps.outbox.on('responses.response.submitted', (e: DomainEvent) => {
      const p = e.payload as { surveyId: string; channel?: string };
      this.note(e.workspaceId, p.surveyId, p.channel ?? null);
    });
    this.deps.outbox.on('responses.batch.stored', (e: DomainEvent) => {
      this.note(e.workspaceId, (e.payload as { surveyId: string }).surveyId, null);
    });
    // Texts analysed after their responses arrived: their sentiment can cross a rule's line now.
    this.deps.outbox.on('text.analyzed', (e: DomainEvent) => {
      for (const surveyId of (e.payload as { surveyIds?: string[] }).surveyIds ?? []) this.note(e.workspaceId, surveyId, null);
    });
  }

  /** Starts the delivery queue (retries, and alerts left pending by a restart) and the clock. */
  start(): void {
    this.stopped = false;
    if (this.deliveryTimer) return;
    this.deliveryTimer = setInterval(() => this.kickDelivery(), this.deliveryEveryMs);
    this.deliveryTimer.unref();
    this.kickDelivery();
    this.clockTimer = setInterval(() => void this.tick(), this.clockEveryMs);
    this.clockTimer.unref();
    // At once too: a restart should not leave a quiet day unjudged for a whole interval.
    void this.tick();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.deliveryTimer) clearInterval(this.deliveryTimer);
    if (this.clockTimer) clearInterval(this.clockTimer);
    this.deliveryTimer = this.clockTimer = null;
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    this.pending.clear();
    await Promise.allSettled([...this.running.values(), this.delivering, this.ticking]);
  }

  /**
   * One tick of the clock: every workspace with a rule that can fire while nothing arrives gets
   * an evaluation of those rules (through the debounce window, like an arrival). A tick still
   * finding its workspaces when the next is due is not doubled.
   */
  tick(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    this.ticking ??= workspacesWithCountRules(this.deps.db)
      .then((ids) => { for (const id of ids) this.noteClock(id); })
      .catch((err) => this.log(err, 'alert clock failed'))
      .finally(() => { this.ticking = null; });
    return this.ticking;
  }

  /** A response (channel known) or a batch (channel: null = any) arrived for a survey. */
  note(workspaceId: string, surveyId: string, channel: string | null): void {
    const t = this.window(workspaceId);
    if (!t) return;
    t.surveys.add(surveyId);
    if (channel) t.channels.add(channel);
    else t.anyChannel = true;
  }

  /** The clock asks for the workspace's low-count rules. */
  noteClock(workspaceId: string): void {
    const t = this.window(workspaceId);
    if (t) t.clock = true;
  }

  /** The workspace's open debounce window, opened by the first note (none once stopped). */
  private window(workspaceId: string): Touched | null {
    if (this.stopped) return null;
    let t = this.pending.get(workspaceId);
    if (!t) {
      t = { surveys: new Set(), channels: new Set(), anyChannel: false };
      this.pending.set(workspaceId, t);
      const timer = setTimeout(() => void this.flush(workspaceId), this.debounceMs);
      timer.unref();
      this.timers.set(workspaceId, timer);
    }
    return t;
  }

  private async flush(workspaceId: string): Promise<void> {
    this.timers.delete(workspaceId);
    // Arrivals while the previous evaluation runs keep collecting in `pending` and are read after it.
    const previous = this.running.get(workspaceId);
    if (previous) await previous;
    const touched = this.pending.get(workspaceId);
    this.pending.delete(workspaceId);
    if (!touched || this.stopped) return;
    this.evaluations++;
    const run = evaluateWorkspace(this.deps, workspaceId, touched, () => this.kickDelivery(), this.log)
      .catch((err) => this.log(err, 'alert evaluation failed'))
      .finally(() => { if (this.running.get(workspaceId) === run) this.running.delete(workspaceId); });
    this.running.set(workspaceId, run);
    await run;
  }

  /** Runs the delivery queue now (one pass at a time). */
  kickDelivery(): void {
    if (this.delivering || this.stopped) return;
    this.delivering = (async () => {
      // Keep going while a full page came back: a backlog drains without waiting for the timer.
      while (!this.stopped && (await deliverDue(this.deps)) >= 20);
    })().catch((err) => this.log(err, 'alert delivery failed')).finally(() => { this.delivering = null; });
  }
}
