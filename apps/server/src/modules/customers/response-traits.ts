/**
 * A customer trait for survey responses: which person answered (by the customer id a response
 * carries, else its respondent's email) and that person's value of the trait, resolved over their
 * merged profiles by the trait's rule. The metrics module breaks numbers down by it ("NPS by plan").
 * Values are text: numbers and booleans as written, lists joined; a response whose person is
 * unknown, or has no value, has none (it is left out of the breakdown, like a missing metadata key).
 */
import type { TraitRule, TraitValue } from '@touchpoint/shared';
import type { Deps } from '../../deps.js';
import { respondentEmailHashes } from '../responses/index.js';
import { hashInput } from './identity.js';
import { resolveTraits, type StoredTraits } from './traits.js';
import { traitDefinitionMap } from './intake.service.js';
import * as repo from './customers.repo.js';
import { membersAmong } from './segments.repo.js';

export interface ResponseOfPerson { id: string; customer_external_id: string | null; respondent_id: string | null }
/** Per query: a person's value once found (null: none), so pages of responses share the work. */
export type TraitCache = Map<string, string | null>;

const asText = (v: TraitValue): string | null => (v === null ? null : Array.isArray(v) ? (v.length ? [...v].sort().join(', ') : null) : String(v));

/** The profile behind each response (response id → profile id; unknown people are left out), and each profile's root. */
export async function ownersOfResponses(deps: Deps, workspaceId: string, rows: ResponseOfPerson[]): Promise<{ owner: Map<string, string>; rootOf: Map<string, string> }> {
  const externalHash = new Map<string, string>();
  for (const r of rows) if (r.customer_external_id && !externalHash.has(r.customer_external_id)) externalHash.set(r.customer_external_id, deps.cipher.lookupHash(hashInput('external', r.customer_external_id)));
  const emailHash = await respondentEmailHashes(deps.db, workspaceId, [...new Set(rows.map((r) => r.respondent_id).filter((x): x is string => !!x))]);
  const owners = await repo.verifiedOwners(deps.db, workspaceId, [...new Set([...externalHash.values(), ...emailHash.values()])]);
  const ownerOf = new Map<string, string>();
  for (const o of owners) if ((o.kind === 'external' || o.kind === 'email') && !ownerOf.has(o.hash)) ownerOf.set(o.hash, o.customer_id);
  const profiles = await repo.profileRows(deps.db, [...new Set(ownerOf.values())]);
  const rootOf = new Map(profiles.map((p) => [p.id, p.merged_into ?? p.id]));
  const owner = new Map<string, string>();
  for (const r of rows) {
    const hash = (r.customer_external_id && ownerOf.has(externalHash.get(r.customer_external_id)!) ? externalHash.get(r.customer_external_id) : undefined)
      ?? (r.respondent_id ? emailHash.get(r.respondent_id) : undefined);
    const found = hash ? ownerOf.get(hash) : undefined;
    if (found) owner.set(r.id, found);
  }
  return { owner, rootOf };
}

export async function traitOfResponses(deps: Deps, workspaceId: string, key: string, rows: ResponseOfPerson[], cache: TraitCache): Promise<Map<string, string | undefined>> {
  const { owner, rootOf } = await ownersOfResponses(deps, workspaceId, rows);
  const missing = [...new Set(rootOf.values())].filter((root) => !cache.has(root));
  if (missing.length) {
    const rules = new Map<string, TraitRule>([...(await traitDefinitionMap(deps, workspaceId))].map(([k, d]) => [k, d.rule]));
    const members = await repo.clustersOf(deps.db, workspaceId, missing);
    for (const root of missing) {
      const mine = members.filter((m) => (m.merged_into ?? m.id) === root).sort((a, b) => (a.id === root ? -1 : b.id === root ? 1 : 0));
      const value = resolveTraits(mine.map((m) => JSON.parse(m.traits) as StoredTraits), rules)[key];
      cache.set(root, value === undefined ? null : asText(value));
    }
  }
  const out = new Map<string, string | undefined>();
  for (const r of rows) {
    const who = owner.get(r.id);
    const value = who ? cache.get(rootOf.get(who)!) : null;
    out.set(r.id, value ?? undefined);
  }
  return out;
}

/** The responses given by members of a segment (for a dashboard filtered to it). */
export async function responsesInSegment(deps: Deps, workspaceId: string, segmentId: string, rows: ResponseOfPerson[]): Promise<Set<string>> {
  const { owner, rootOf } = await ownersOfResponses(deps, workspaceId, rows);
  const members = await membersAmong(deps.db, segmentId, [...new Set(rootOf.values())]);
  const out = new Set<string>();
  for (const [responseId, profileId] of owner) if (members.has(rootOf.get(profileId)!)) out.add(responseId);
  return out;
}
