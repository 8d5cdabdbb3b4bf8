/**
 * Groups broker messages into one `storeEvents` call per workspace, transport and sender, so a
 * burst of small device messages pays one transaction instead of one each. Grouping while busy: a
 * message that finds no store of its group under way goes at once (no added wait when traffic is
 * light), and those arriving while one runs (the few ms of a commit) share the next; `lingerMs`
 * can make a lone message wait a little for company as well. Every caller's promise settles only after that transaction committed: a
 * consumer acknowledges its message then, never before, so an acknowledged message is stored.
 * Refused messages (invalid, unauthorised) are counted per workspace the same way, with one audit
 * row per flush. If a grouped store fails, each message is tried alone, so one cannot fail others.
 */
import type { BrokerTransport, CustomerEvent, TransportError } from '@touchpoint/shared';
import { MAX_EVENTS_PER_BATCH } from '@touchpoint/shared';
import type { Deps } from '../../../deps.js';
import type { Actor } from '../../../platform/http/access.js';
import type { FieldIssue } from '../../../platform/http/errors.js';
import { SYSTEM_ACTOR, writeAudit } from '../../../platform/audit.js';
import { storeEvents } from '../intake.service.js';
import { addCounts } from './transports.repo.js';

export interface Stored { accepted: number; duplicates: number }
interface Waiter<T> { resolve: (v: T) => void; reject: (e: unknown) => void }
interface StoreGroup { transport: BrokerTransport; workspaceId: string; actor: Actor; items: { events: CustomerEvent[]; w: Waiter<Stored> }[]; size: number; cancel?: () => void }
interface RefuseGroup { transport: BrokerTransport; workspaceId: string; errors: TransportError[]; count: number; waiters: Waiter<void>[]; timer?: NodeJS.Timeout }

export class IntakeBatcher {
  private readonly stores = new Map<string, StoreGroup>();
  private readonly refusals = new Map<string, RefuseGroup>();
  private readonly running = new Set<Promise<unknown>>();
  /** Stores under way per group: what arrives meanwhile waits for them to finish. */
  private readonly busy = new Map<string, number>();

  constructor(private readonly deps: Deps, private readonly lingerMs = 0, private readonly maxEvents = MAX_EVENTS_PER_BATCH) {}

  /** Stores one message's events (with its siblings of the same few ms); settles after the commit. */
  store(transport: BrokerTransport, workspaceId: string, actor: Actor, events: CustomerEvent[]): Promise<Stored> {
    const key = `${transport}|${workspaceId}|${actor.type}:${actor.id}`;
    return new Promise<Stored>((resolve, reject) => {
      let g = this.stores.get(key);
      // A message that would push the group past a batch flushes the group first.
      if (g && g.size + events.length > this.maxEvents) { this.flushStore(key); g = undefined; }
      if (!g) {
        g = { transport, workspaceId, actor, items: [], size: 0 };
        this.stores.set(key, g);
        if (!this.busy.get(key)) this.schedule(key, g);
      }
      g.items.push({ events, w: { resolve, reject } });
      g.size += events.length;
      if (g.size >= this.maxEvents) this.flushStore(key);
    });
  }

  /** Counts a refused message and keeps its problems for the status; settles after the commit. */
  refuse(transport: BrokerTransport, workspaceId: string, issues: FieldIssue[]): Promise<void> {
    const key = `${transport}|${workspaceId}`;
    const at = new Date().toISOString();
    return new Promise<void>((resolve, reject) => {
      let g = this.refusals.get(key);
      if (!g) {
        g = { transport, workspaceId, errors: [], count: 0, waiters: [] };
        this.refusals.set(key, g);
        g.timer = setTimeout(() => this.flushRefusals(key), this.lingerMs);
      }
      g.count++;
      // Only a few problems per message: a message of 1,000 bad events must not flood the status.
      for (const i of issues.slice(0, 5)) g.errors.push({ at, path: i.path, message: i.message.slice(0, 300) });
      g.waiters.push({ resolve, reject });
    });
  }

  /** Flushes everything waiting and resolves when every store under way has settled. */
  async idle(): Promise<void> {
    for (const key of [...this.stores.keys()]) this.flushStore(key);
    for (const key of [...this.refusals.keys()]) this.flushRefusals(key);
    while (this.running.size) await Promise.allSettled([...this.running]);
  }

  private track(p: Promise<unknown>) {
    this.running.add(p);
    void p.finally(() => this.running.delete(p));
  }

  /** setImmediate: what the same turn of the event loop brings (a pulled batch of messages) joins. */
  private schedule(key: string, g: StoreGroup) {
    if (this.lingerMs > 0) {
      const t = setTimeout(() => this.flushStore(key), this.lingerMs);
      g.cancel = () => clearTimeout(t);
    } else {
      const t = setImmediate(() => this.flushStore(key));
      g.cancel = () => clearImmediate(t);
    }
  }

  private flushStore(key: string) {
    const g = this.stores.get(key);
    if (!g) return;
    this.stores.delete(key);
    g.cancel?.();
    this.busy.set(key, (this.busy.get(key) ?? 0) + 1);
    this.track(this.storeGroup(g).finally(() => {
      const left = (this.busy.get(key) ?? 1) - 1;
      if (left) this.busy.set(key, left); else this.busy.delete(key);
      if (!left && this.stores.has(key)) this.flushStore(key);
    }));
  }

  private async storeGroup(g: StoreGroup): Promise<void> {
    try {
      const results = await this.storeItems(g, g.items);
      g.items.forEach((item, i) => item.w.resolve(results[i]));
    } catch (err) {
      if (g.items.length === 1) return g.items[0].w.reject(err);
      for (const item of g.items) {
        try { item.w.resolve((await this.storeItems(g, [item]))[0]); } catch (e) { item.w.reject(e); }
      }
    }
  }

  /** One transaction: the events, their audit row and outbox event (storeEvents), and the counters. */
  private async storeItems(g: StoreGroup, items: StoreGroup['items']): Promise<Stored[]> {
    const events = items.flatMap((i) => i.events);
    const now = new Date().toISOString();
    const result = await storeEvents(this.deps, { workspaceId: g.workspaceId, actor: g.actor }, events, {
      transport: g.transport,
      within: (trx, r) => addCounts(trx, g.workspaceId, g.transport, { messages: items.length, accepted: r.accepted, duplicates: r.duplicates, invalid: 0 }, [], now),
    });
    let at = 0;
    return items.map((item) => {
      const ids = result.profileIds.slice(at, at += item.events.length);
      const accepted = ids.filter((id) => id !== null).length;
      return { accepted, duplicates: item.events.length - accepted };
    });
  }

  private flushRefusals(key: string) {
    const g = this.refusals.get(key);
    if (!g) return;
    this.refusals.delete(key);
    clearTimeout(g.timer);
    const now = new Date().toISOString();
    const actor: Actor = { ...SYSTEM_ACTOR, label: `${g.transport.toUpperCase()} intake` };
    const p = this.deps.writes.run(async (trx) => {
      await addCounts(trx, g.workspaceId, g.transport, { messages: g.count, accepted: 0, duplicates: 0, invalid: g.count }, g.errors, now);
      await writeAudit(trx, { workspaceId: g.workspaceId, actor, action: 'customers.transport_refused', targetType: 'workspace', targetId: g.workspaceId, details: { transport: g.transport, messages: g.count, problems: g.errors.slice(0, 5).map((e) => `${e.path || '(message)'}: ${e.message}`) } });
    }).then(() => g.waiters.forEach((w) => w.resolve()), (err) => g.waiters.forEach((w) => w.reject(err)));
    this.track(p);
  }
}
