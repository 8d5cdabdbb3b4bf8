/**
 * Identity resolution and profile updates for one unit of write work (one batch of events), inside
 * its transaction. Deterministic rules: a verified email, phone, external id (per source) or
 * anonymous id belongs to one profile; an event joins the profile of its strongest known identifier,
 * and profiles its other identifiers name are merged into that one, unless that would give one person
 * two external ids of the same source, or a user undid that merge before. Unverified identifiers are
 * recorded but never merge.
 *
 * The batch reads what it needs up front (identifier owners, roots, profile rows) and writes at the
 * end: new profiles and identifiers as multi-row inserts, changed profiles once each. Anything that
 * must read them in SQL first (a merge, a person's other identifiers) writes what is pending before
 * it reads; people created in this batch answer from memory. A fresh writer per attempt: group
 * commit may roll a unit back and run it again.
 */
import type { IdentifierKind, TraitValue } from '@touchpoint/shared';
import type { Deps } from '../../deps.js';
import type { Trx } from '../../schema.js';
import { newId } from '../../platform/crypto/tokens.js';
import { applyTraits, type StoredTraits } from './traits.js';
import { hashInput, nameTokens, STRENGTH } from './identity.js';
import { normaliseEmail } from '../responses/index.js';
import * as repo from './customers.repo.js';
import type { CustomerIdentifiersTable } from './customers.tables.js';

export interface Ident { kind: IdentifierKind; source: string; value: string; verified: boolean; hash: string }

interface ProfileState {
  id: string; dirty: boolean;
  nameEnc: string | null; traits: StoredTraits; consents: Record<string, { granted: boolean; at: string }>;
  revenue: Record<string, number>; orderCount: number; firstSeen: string | null; lastSeen: string | null;
}

const identKey = (i: { kind: string; source: string; hash: string }) => `${i.kind}|${i.source}|${i.hash}`;

export class ProfileWriter {
  private readonly owners = new Map<string, string>();
  private readonly roots = new Map<string, string>();
  private readonly profiles = new Map<string, ProfileState>();
  /** Profiles created in this batch and not yet inserted, and identifiers likewise. */
  private readonly pendingProfiles = new Set<string>();
  private pendingIdentifiers: CustomerIdentifiersTable[] = [];
  /** External-id sources of people created in this batch and never merged: their whole cluster is in memory. */
  private readonly freshSources = new Map<string, Set<string>>();
  readonly merges: { id: string; survivorId: string; absorbedId: string }[] = [];

  constructor(private readonly deps: Deps, private readonly trx: Trx, private readonly workspaceId: string, private readonly actor: string, private readonly now: string) {}

  ident(kind: IdentifierKind, value: string, source = '', verified = true): Ident {
    return { kind, source: kind === 'external' ? source : '', value, verified, hash: this.deps.cipher.lookupHash(hashInput(kind, value)) };
  }

  /** Reads the owners of every verified identifier the batch names, their roots and profile rows. */
  async prefetch(idents: Ident[]): Promise<void> {
    const wanted = idents.filter((i) => i.verified && !this.owners.has(identKey(i)));
    const found = await repo.verifiedOwners(this.trx, this.workspaceId, [...new Set(wanted.map((i) => i.hash))]);
    for (const f of found) this.owners.set(identKey(f), f.customer_id);
    await this.loadProfiles([...new Set(found.map((f) => f.customer_id))]);
  }

  /** The profile an event with these identifiers belongs to (created if nobody matches). */
  async resolve(idents: Ident[]): Promise<string> {
    const byStrength = (a: Ident, b: Ident) => STRENGTH[b.kind] - STRENGTH[a.kind];
    const matched = idents.filter((i) => i.verified && this.owners.has(identKey(i))).sort(byStrength);
    const strongest = idents.filter((i) => i.verified).sort(byStrength)[0];
    let profileId: string;
    let joinOthers = true;
    if (!matched.length) profileId = await this.createProfile();
    else {
      profileId = this.owners.get(identKey(matched[0]))!;
      // A new external id whose source the matched person already has is somebody else (a shared
      // device, a household email): a profile of its own, and nothing is merged.
      if (strongest?.kind === 'external' && !this.owners.has(identKey(strongest)) && (await this.hasSource(profileId, strongest.source))) {
        profileId = await this.createProfile();
        joinOthers = false;
      }
    }
    for (const i of idents) {
      if (i.verified && this.owners.has(identKey(i))) continue;
      if (i.kind === 'external' && i.verified && (await this.hasSource(profileId, i.source))) continue;
      await this.addIdentifier(profileId, i);
    }
    if (joinOthers) for (const m of matched) {
      const root = await this.rootOf(profileId);
      const other = await this.rootOf(this.owners.get(identKey(m))!);
      if (other !== root && (await this.mayMerge(root, other))) await this.merge(root, other, m.kind, this.actor);
    }
    await this.ensureLoaded(profileId);
    return profileId;
  }

  /** Does the person of this profile hold an external id of `source`? */
  private async hasSource(profileId: string, source: string): Promise<boolean> {
    const root = await this.rootOf(profileId);
    const fresh = this.freshSources.get(root);
    if (fresh) return fresh.has(source);
    await this.settle();
    return repo.clusterHasSource(this.trx, this.workspaceId, root, source);
  }

  /** Inserts the pending profiles (with their state so far) and identifiers. */
  private async settle(): Promise<void> {
    if (this.pendingProfiles.size) {
      const rows = [...this.pendingProfiles].map((id) => {
        const p = this.profiles.get(id)!;
        p.dirty = false;
        return { id, workspace_id: this.workspaceId, merged_into: null, created_at: this.now, churn_risk: null, ...this.columns(p) };
      });
      this.pendingProfiles.clear();
      await repo.insertProfiles(this.trx, rows);
    }
    if (this.pendingIdentifiers.length) {
      const rows = this.pendingIdentifiers;
      this.pendingIdentifiers = [];
      await repo.insertIdentifiers(this.trx, rows);
    }
  }

  private columns(p: ProfileState) {
    return {
      name_enc: p.nameEnc, traits: JSON.stringify(p.traits), consents: JSON.stringify(p.consents), revenue: JSON.stringify(p.revenue),
      order_count: p.orderCount, first_seen_at: p.firstSeen, last_seen_at: p.lastSeen, updated_at: this.now,
    };
  }

  /** Merges the cluster rooted at `absorbed` into the one rooted at `survivor`: roots move, nothing else. */
  async merge(survivor: string, absorbed: string, reason: string, actor: string): Promise<string> {
    await this.settle();
    this.freshSources.delete(survivor);
    this.freshSources.delete(absorbed);
    const id = newId();
    await repo.reRoot(this.trx, this.workspaceId, absorbed, survivor);
    await repo.insertMerge(this.trx, { id, workspace_id: this.workspaceId, survivor_id: survivor, absorbed_id: absorbed, reason, actor, merged_at: this.now, unmerged_at: null, unmerged_by: null });
    for (const [k, r] of this.roots) if (r === absorbed) this.roots.set(k, survivor);
    this.merges.push({ id, survivorId: survivor, absorbedId: absorbed });
    return id;
  }

  /** Two people may be merged unless they hold different external ids of one source, or a user split them before. */
  async mayMerge(a: string, b: string): Promise<boolean> {
    await this.settle();
    return !(await repo.sourcesConflict(this.trx, this.workspaceId, a, b)) && !(await repo.wasSplit(this.trx, this.workspaceId, a, b));
  }

  async rootOf(profileId: string): Promise<string> {
    let root = this.roots.get(profileId);
    if (!root) {
      await this.settle();
      root = (await repo.rootOf(this.trx, this.workspaceId, profileId)) ?? profileId;
      this.roots.set(profileId, root);
    }
    return root;
  }

  seen(profileId: string, at: string) {
    const p = this.profiles.get(profileId)!;
    if (!p.firstSeen || at < p.firstSeen) p.firstSeen = at;
    if (!p.lastSeen || at > p.lastSeen) p.lastSeen = at;
    p.dirty = true;
  }

  order(profileId: string, revenue: number, currency: string) {
    const p = this.profiles.get(profileId)!;
    p.orderCount += 1;
    p.dirty = true;
    p.revenue[currency] = Math.round(((p.revenue[currency] ?? 0) + revenue) * 1e6) / 1e6;
  }

  traits(profileId: string, traits: Record<string, TraitValue>, at: string) {
    const p = this.profiles.get(profileId)!;
    p.traits = applyTraits(p.traits, traits, at);
    p.dirty = true;
  }

  consents(profileId: string, consents: Record<string, boolean | undefined>, at: string) {
    const p = this.profiles.get(profileId)!;
    for (const [purpose, granted] of Object.entries(consents)) {
      if (granted === undefined) continue;
      const before = p.consents[purpose];
      if (!before || before.at <= at) p.consents[purpose] = { granted, at };
    }
    p.dirty = true;
  }

  async name(profileId: string, name: string) {
    const p = this.profiles.get(profileId)!;
    if (p.nameEnc && this.deps.cipher.decrypt(p.nameEnc) === name) return;
    p.nameEnc = this.deps.cipher.encrypt(name);
    p.dirty = true;
    await this.settle();
    await repo.replaceNameTokens(this.trx, this.workspaceId, profileId, nameTokens(name).map((t) => this.deps.cipher.lookupHash(`name:${t}`)));
  }

  /** Writes the new profiles and identifiers, and every changed profile's counters, traits and consents. */
  async flush(): Promise<void> {
    await this.settle();
    const changed = [...this.profiles.values()].filter((p) => p.dirty);
    await repo.updateProfiles(this.trx, changed.map((p) => ({ id: p.id, patch: this.columns(p) })));
    for (const p of changed) p.dirty = false;
  }

  private async createProfile(): Promise<string> {
    const id = newId();
    this.pendingProfiles.add(id);
    this.freshSources.set(id, new Set());
    this.roots.set(id, id);
    this.profiles.set(id, { id, dirty: false, nameEnc: null, traits: {}, consents: {}, revenue: {}, orderCount: 0, firstSeen: null, lastSeen: null });
    return id;
  }

  private async addIdentifier(profileId: string, i: Ident) {
    if (!i.verified) {
      await this.settle();
      if (await repo.profileHasIdentifier(this.trx, profileId, i.kind, i.hash)) return;
    }
    this.pendingIdentifiers.push({
      id: newId(), workspace_id: this.workspaceId, customer_id: profileId, kind: i.kind, source: i.source,
      value_hash: i.hash, value_enc: this.deps.cipher.encrypt(i.kind === 'email' ? normaliseEmail(i.value) : i.value.trim()), verified: i.verified ? 1 : 0, created_at: this.now,
    });
    if (i.verified) this.owners.set(identKey(i), profileId);
    if (i.kind === 'external' && i.verified) this.freshSources.get(await this.rootOf(profileId))?.add(i.source);
  }

  private async loadProfiles(ids: string[]) {
    const missing = ids.filter((id) => !this.profiles.has(id));
    for (const row of await repo.profileRows(this.trx, missing)) {
      this.roots.set(row.id, row.merged_into ?? row.id);
      this.profiles.set(row.id, {
        id: row.id, dirty: false, nameEnc: row.name_enc, traits: JSON.parse(row.traits), consents: JSON.parse(row.consents),
        revenue: JSON.parse(row.revenue), orderCount: row.order_count, firstSeen: row.first_seen_at, lastSeen: row.last_seen_at,
      });
    }
  }

  /** Makes sure a profile's row is in memory (an owner found after the prefetch, e.g. another batch's). */
  async ensureLoaded(profileId: string) {
    if (!this.profiles.has(profileId)) await this.loadProfiles([profileId]);
  }
}
