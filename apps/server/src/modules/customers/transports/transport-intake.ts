/**
 * One broker message in, whatever the broker: find the workspace its topic or subject names, check
 * that the workspace accepts this transport and that the message carries one of its API keys with
 * the `events:write` scope, validate every event (the shared schema and the workspace's trait types,
 * field paths in the problems), then hand the events to the batcher. The answer tells the consumer
 * what to do with the message; every answer is final (ack it), except a thrown error (a store that
 * failed: leave it unacknowledged for the broker to deliver again).
 *
 * Why a workspace switch AND a key: the broker (often on loopback, shared by devices) lets anyone who
 * reaches it publish to any topic, so the topic only says where an event wants to go. The key proves
 * the sender may write there, and is revoked like any API key; the switch lets a workspace refuse a
 * transport outright, and keeps a flood aimed at a workspace that never opted in out of its store.
 */
import type { BrokerTransport, TraitDefinition } from '@touchpoint/shared';
import { scopesAllow } from '@touchpoint/shared';
import type { Deps } from '../../../deps.js';
import type { Authenticator, Actor } from '../../../platform/http/access.js';
import type { FieldIssue } from '../../../platform/http/errors.js';
import { parseEvents, traitDefinitionMap } from '../intake.service.js';
import { isEnabled } from './transports.repo.js';
import { readMessage, withStableKeys, workspaceOfAddress } from './transport-messages.js';
import type { IntakeBatcher } from './intake-batcher.js';

export type Outcome = 'stored' | 'refused' | 'ignored';

/** How long a workspace switch, a key's answer and trait types are remembered (a revoked key stops within KEY_TTL_MS). */
const SWITCH_TTL_MS = 2_000;
const KEY_TTL_MS = 30_000;
const DEFS_TTL_MS = 2_000;
/** Caches are bounded: topics come from outside, so their workspace ids could be anything. */
const MAX_CACHED = 10_000;

class TtlCache<V> {
  private readonly map = new Map<string, { v: V; until: number }>();
  constructor(private readonly ttlMs: number) {}
  async get(key: string, load: () => Promise<V>): Promise<V> {
    const hit = this.map.get(key);
    if (hit && hit.until > Date.now()) return hit.v;
    const v = await load();
    if (this.map.size >= MAX_CACHED) this.map.clear();
    this.map.set(key, { v, until: Date.now() + this.ttlMs });
    return v;
  }
  forget(key: string) { this.map.delete(key); }
}

type KeyAnswer = Awaited<ReturnType<Authenticator['fromApiKey']>>;

export class TransportIntake {
  private readonly switches = new TtlCache<boolean>(SWITCH_TTL_MS);
  private readonly keys = new TtlCache<KeyAnswer>(KEY_TTL_MS);
  private readonly defs = new TtlCache<Map<string, TraitDefinition>>(DEFS_TTL_MS);
  /** Messages dropped without a trace in any workspace (no workspace in the topic, transport off there). */
  readonly ignored: Record<BrokerTransport, number> = { mqtt: 0, nats: 0 };

  constructor(private readonly deps: Deps, private readonly auth: Pick<Authenticator, 'fromApiKey'>, private readonly batcher: IntakeBatcher, private readonly prefixes: Record<BrokerTransport, string>) {}

  /** A workspace's switch changed on this node: no waiting for the cache. */
  forget(workspaceId: string, transport: BrokerTransport) { this.switches.forget(`${transport}|${workspaceId}`); }

  async take(transport: BrokerTransport, address: string, payload: Uint8Array, headerKey: string | undefined): Promise<Outcome> {
    const workspaceId = workspaceOfAddress(transport, this.prefixes[transport], address);
    if (!workspaceId || !(await this.switches.get(`${transport}|${workspaceId}`, () => isEnabled(this.deps.db, workspaceId, transport)))) {
      this.ignored[transport]++;
      return 'ignored';
    }
    const refuse = async (issues: FieldIssue[]) => { await this.batcher.refuse(transport, workspaceId, issues); return 'refused' as const; };
    const read = readMessage(payload, headerKey);
    if (!read.ok) return refuse(read.issues);
    const actor = await this.authorise(workspaceId, read.value.apiKey);
    if ('issue' in actor) return refuse([actor.issue]);
    const defs = await this.defs.get(workspaceId, () => traitDefinitionMap(this.deps, workspaceId));
    const { events, issues } = parseEvents(read.value.raw, defs);
    if (issues.length) return refuse(issues);
    await this.batcher.store(transport, workspaceId, actor, withStableKeys(transport, address, payload, events));
    return 'stored';
  }

  private async authorise(workspaceId: string, key: string | undefined): Promise<Actor | { issue: FieldIssue }> {
    const path = 'apiKey';
    if (!key) return { issue: { path, message: 'an API key with the events:write scope is required (authorization header or user property, or "apiKey" beside "events")' } };
    const found = await this.keys.get(key, () => this.auth.fromApiKey(key));
    // A key of another workspace is "unknown" here, as over HTTP: it learns nothing about this one.
    if (!found || found.workspaceId !== workspaceId) return { issue: { path, message: 'unknown or revoked API key' } };
    if (!scopesAllow(found.scopes, 'customers.write')) return { issue: { path, message: 'the API key lacks the events:write scope' } };
    return found.actor;
  }
}
