/**
 * The one intake for customer events, whatever carried them (HTTP batch, file import, MQTT, NATS).
 * A batch is validated whole before anything is stored (field paths in the 400), then stored in one
 * transaction: identity resolution, profile updates, the events, one audit row and one outbox event.
 * Each event has an idempotency key (its own, an order's id, or the batch key and its position), so a
 * retried batch or a replayed message stores nothing twice; the answer comes after the commit.
 */
import { CustomerEvent, type CustomerEventType, type TraitDefinition } from '@touchpoint/shared';
import type { Deps } from '../../deps.js';
import type { Trx } from '../../schema.js';
import type { Actor } from '../../platform/http/access.js';
import { formatPath, validationError, type FieldIssue } from '../../platform/http/errors.js';
import { newTimeOrderedId, randomToken } from '../../platform/crypto/tokens.js';
import { writeAudit } from '../../platform/audit.js';
import { appendEvent } from '../../platform/events/outbox.js';
import { lockKey } from '../../platform/db/dialect.js';
import type { CustomerEventsTable } from './customers.tables.js';
import { ProfileWriter, type Ident } from './profile-writer.js';
import { typeError } from './traits.js';
import * as repo from './customers.repo.js';

export type Transport = 'http' | 'import' | 'mqtt' | 'nats';
export interface IntakeCtx { workspaceId: string; actor: Actor }
/** `profileIds`: per event in order, the profile it joined (null for a duplicate); `merges`: the merges it caused. */
export interface IntakeResult { accepted: number; duplicates: number; profileIds: (string | null)[]; merges: string[] }

export async function traitDefinitionMap(deps: Deps, workspaceId: string): Promise<Map<string, TraitDefinition>> {
  const rows = await repo.traitDefinitions(deps.db, workspaceId);
  return new Map(rows.map((r) => [r.key, { key: r.key, type: r.type as TraitDefinition['type'], rule: r.rule as TraitDefinition['rule'], updatedAt: r.updated_at }]));
}

/** Parses raw events; every problem is reported with its path (e.g. `events[3].traits.age`). */
export function parseEvents(raw: readonly unknown[], defs: ReadonlyMap<string, TraitDefinition>, prefix = 'events'): { events: CustomerEvent[]; issues: FieldIssue[] } {
  const events: CustomerEvent[] = [];
  const issues: FieldIssue[] = [];
  raw.forEach((item, i) => {
    const parsed = CustomerEvent.safeParse(item);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) issues.push({ path: formatPath(issue.path, `${prefix}[${i}]`), message: issue.message });
      return;
    }
    const e = parsed.data;
    if (e.type === 'identify') for (const [key, value] of Object.entries(e.traits ?? {})) {
      const def = defs.get(key);
      const problem = def && typeError(value, def.type);
      if (problem) issues.push({ path: `${prefix}[${i}].traits.${key}`, message: problem });
    }
    events.push(e);
  });
  return { events, issues };
}

export async function ingestEvents(deps: Deps, ctx: IntakeCtx, raw: readonly unknown[], opts: StoreOptions): Promise<IntakeResult> {
  const { events, issues } = parseEvents(raw, await traitDefinitionMap(deps, ctx.workspaceId));
  if (issues.length) throw validationError(issues, `${new Set(issues.map((i) => i.path.split('].')[0])).size} events are not valid; nothing was stored`);
  return storeEvents(deps, ctx, events, opts);
}

export function eventKey(e: CustomerEvent, index: number, batchKey?: string): string {
  if (e.idempotencyKey) return e.idempotencyKey;
  if (e.type === 'order') return `order:${e.source}:${e.orderId}`;
  return batchKey ? `${batchKey}:${index}` : randomToken('e_', 12);
}

function identsOf(w: ProfileWriter, e: CustomerEvent): Ident[] {
  const out: Ident[] = [];
  if (e.userId) out.push(w.ident('external', e.userId, e.source));
  if (e.anonymousId) out.push(w.ident('anonymous', e.anonymousId));
  if (e.type === 'identify') {
    if (e.email) out.push(w.ident('email', e.email, '', e.verified));
    if (e.phone) out.push(w.ident('phone', e.phone, '', e.verified));
  }
  return out;
}

function describe(e: CustomerEvent): { name: string | null; properties: Record<string, unknown>; revenue: number | null; currency: string | null } {
  switch (e.type) {
    // Identifiers and the name are personal and stored encrypted on the profile, never in an event.
    case 'identify': return { name: null, properties: { ...(e.traits ? { traits: e.traits } : {}), ...(e.consents ? { consents: e.consents } : {}) }, revenue: null, currency: null };
    case 'track': return { name: e.event, properties: e.properties ?? {}, revenue: null, currency: null };
    case 'page': return { name: e.name ?? e.url ?? null, properties: { ...(e.properties ?? {}), ...(e.url ? { url: e.url } : {}) }, revenue: null, currency: null };
    case 'order': return { name: e.orderId, properties: e.properties ?? {}, revenue: e.revenue, currency: e.currency };
  }
}

/** Stores parsed events (already validated). */
export interface StoreOptions {
  transport: Transport;
  batchKey?: string;
  /** When the events arrived, if earlier than now (a queued batch): the events' received_at. */
  receivedAt?: string;
  /** More work in the same transaction, after the events (an import moves its cursor here). */
  within?: (trx: Trx, result: { accepted: number; duplicates: number }) => Promise<void>;
}

export async function storeEvents(deps: Deps, ctx: IntakeCtx, events: readonly CustomerEvent[], opts: StoreOptions): Promise<IntakeResult> {
  const now = new Date().toISOString();
  const keys = events.map((e, i) => eventKey(e, i, opts.batchKey));
  const result = await deps.writes.run(async (trx) => {
    await lockKey(trx, `customers:${ctx.workspaceId}`);
    const taken = await repo.storedKeys(trx, ctx.workspaceId, [...new Set(keys)]);
    const todo: { e: CustomerEvent; key: string; index: number }[] = [];
    events.forEach((e, i) => {
      if (taken.has(keys[i])) return;
      taken.add(keys[i]);
      todo.push({ e, key: keys[i], index: i });
    });
    const profileIds: (string | null)[] = events.map(() => null);
    const w = new ProfileWriter(deps, trx, ctx.workspaceId, ctx.actor.label, now);
    const idents = todo.map(({ e }) => identsOf(w, e));
    await w.prefetch(idents.flat());
    const rows: CustomerEventsTable[] = [];
    for (let i = 0; i < todo.length; i++) {
      const { e, key, index } = todo[i];
      const profileId = await w.resolve(idents[i]);
      profileIds[index] = profileId;
      const at = e.timestamp ? new Date(e.timestamp).toISOString() : now;
      w.seen(profileId, at);
      if (e.type === 'identify') {
        if (e.traits) w.traits(profileId, e.traits, at);
        if (e.consents) w.consents(profileId, e.consents, at);
        if (e.name) await w.name(profileId, e.name);
      } else if (e.type === 'order') w.order(profileId, e.revenue, e.currency);
      const d = describe(e);
      rows.push({
        id: newTimeOrderedId(), workspace_id: ctx.workspaceId, customer_id: profileId, type: e.type as CustomerEventType,
        name: d.name, properties: JSON.stringify(d.properties), revenue: d.revenue, currency: d.currency,
        idempotency_key: key, transport: opts.transport, occurred_at: at, received_at: opts.receivedAt ?? now,
      });
    }
    await w.flush();
    await repo.insertEvents(deps.db, trx, rows);
    await writeAudit(trx, { workspaceId: ctx.workspaceId, actor: ctx.actor, action: 'customers.events_stored', targetType: 'workspace', targetId: ctx.workspaceId, details: { accepted: rows.length, duplicates: events.length - rows.length, merges: w.merges.length, transport: opts.transport } });
    await opts.within?.(trx, { accepted: rows.length, duplicates: events.length - rows.length });
    if (rows.length) await appendEvent(trx, ctx.workspaceId, 'customers.events.stored', { count: rows.length, merges: w.merges.length, profiles: [...new Set(rows.map((r) => r.customer_id))].slice(0, 100) });
    return { accepted: rows.length, duplicates: events.length - rows.length, profileIds, merges: w.merges.map((m) => m.id) };
  });
  deps.outbox.wake();
  return result;
}
