/**
 * Reading people: a profile resolved over its merged profiles (traits by rule, consents by time,
 * counters summed), search by email, phone, id or name in any script, and the keys that find a
 * person's survey answers. Decrypts identifiers for readers with customers.read only.
 */
import type { CustomerIdentifier, CustomerProfile, CustomerSummary, TraitRule } from '@touchpoint/shared';
import type { Deps } from '../../deps.js';
import type { Db, Trx } from '../../schema.js';
import { notFound } from '../../platform/http/errors.js';
import { responsesOfPerson, type PersonKeys } from '../responses/index.js';
import type { CustomersTable } from './customers.tables.js';
import { hashInput, queryTokens } from './identity.js';
import { resolveTraits, type StoredTraits } from './traits.js';
import { traitDefinitionMap } from './intake.service.js';
import * as repo from './customers.repo.js';

export async function rootOrThrow(db: Db | Trx, workspaceId: string, id: string): Promise<string> {
  const root = await repo.rootOf(db, workspaceId, id);
  if (!root) throw notFound('customer');
  return root;
}

type IdentifierRow = Awaited<ReturnType<typeof repo.identifiersOf>>[number];
function decryptIdentifiers(deps: Deps, rows: IdentifierRow[]): CustomerIdentifier[] {
  return rows.map((r) => ({ id: r.id, kind: r.kind, source: r.kind === 'external' ? r.source : null, value: deps.cipher.decrypt(r.value_enc), verified: r.verified === 1, profileId: r.customer_id, createdAt: r.created_at }));
}

/** A person's profile ids (root first) and decrypted identifiers: what the timeline and erasure need, without resolving the profile. */
export async function personOf(deps: Deps, workspaceId: string, id: string): Promise<{ root: string; members: string[]; identifiers: CustomerIdentifier[] }> {
  const root = await rootOrThrow(deps.db, workspaceId, id);
  const members = await repo.clusterMembers(deps.db, workspaceId, root);
  return { root, members, identifiers: decryptIdentifiers(deps, await repo.identifiersOf(deps.db, members)) };
}

/** Keys of a person's survey answers: their external ids and email hashes. */
export function personKeys(deps: Deps, identifiers: CustomerIdentifier[]): PersonKeys {
  return {
    externalIds: [...new Set(identifiers.filter((i) => i.kind === 'external').map((i) => i.value))],
    emailHashes: [...new Set(identifiers.filter((i) => i.kind === 'email').map((i) => deps.cipher.lookupHash(hashInput('email', i.value))))],
  };
}

const sumRevenue = (rows: CustomersTable[]) => {
  const out: Record<string, number> = {};
  for (const r of rows) for (const [cur, v] of Object.entries(JSON.parse(r.revenue) as Record<string, number>)) out[cur] = Math.round(((out[cur] ?? 0) + v) * 1e6) / 1e6;
  return out;
};
const minOf = (xs: (string | null)[]) => xs.filter((x): x is string => !!x).sort()[0] ?? null;
const maxOf = (xs: (string | null)[]) => xs.filter((x): x is string => !!x).sort().at(-1) ?? null;

/** A person's display name: the root's, else the newest profile's that has one. */
function nameOf(deps: Deps, root: string, rows: CustomersTable[]): string | null {
  const named = rows.filter((r) => r.name_enc).sort((a, b) => (a.id === root ? -1 : b.id === root ? 1 : a.updated_at < b.updated_at ? 1 : -1))[0];
  return named ? deps.cipher.decrypt(named.name_enc!) : null;
}

async function summarise(deps: Deps, workspaceId: string, root: string, rows: CustomersTable[], identifiers: CustomerIdentifier[]) {
  const revenue = sumRevenue(rows);
  const [main] = Object.entries(revenue).sort((a, b) => b[1] - a[1]);
  const [latest] = await responsesOfPerson(deps.db, workspaceId, personKeys(deps, identifiers), null, 1, true);
  const first = (kind: string) => identifiers.find((i) => i.kind === kind && i.verified)?.value ?? identifiers.find((i) => i.kind === kind)?.value ?? null;
  const summary: CustomerSummary = {
    id: root, name: nameOf(deps, root, rows), email: first('email'), phone: first('phone'),
    lastSeenAt: maxOf(rows.map((r) => r.last_seen_at)), orderCount: rows.reduce((n, r) => n + r.order_count, 0),
    clv: main ? main[1] : 0, currency: main?.[0] ?? null, latestNps: latest?.nps ?? null,
  };
  return { summary, revenue, latest };
}

export async function getProfile(deps: Deps, workspaceId: string, id: string): Promise<CustomerProfile> {
  const root = await rootOrThrow(deps.db, workspaceId, id);
  const rows = await repo.clustersOf(deps.db, workspaceId, [root]);
  const identifiers = decryptIdentifiers(deps, await repo.identifiersOf(deps.db, rows.map((r) => r.id)));
  const defs = await traitDefinitionMap(deps, workspaceId);
  const rules = new Map<string, TraitRule>([...defs].map(([k, d]) => [k, d.rule]));
  // The root first: ties in time resolve towards the surviving profile.
  const ordered = [...rows].sort((a, b) => (a.id === root ? -1 : b.id === root ? 1 : 0));
  const consents: Record<string, { granted: boolean; at: string }> = {};
  for (const r of ordered) for (const [purpose, c] of Object.entries(JSON.parse(r.consents) as typeof consents)) {
    if (!consents[purpose] || consents[purpose].at < c.at) consents[purpose] = c;
  }
  const { summary, revenue, latest } = await summarise(deps, workspaceId, root, rows, identifiers);
  return {
    ...summary,
    traits: resolveTraits(ordered.map((r) => JSON.parse(r.traits) as StoredTraits), rules),
    consents, identifiers,
    mergedProfileIds: rows.filter((r) => r.id !== root).map((r) => r.id),
    firstSeenAt: minOf(rows.map((r) => r.first_seen_at)),
    revenueByCurrency: revenue,
    latestNpsAt: latest?.created_at ?? null,
    churnRisk: rows.find((r) => r.id === root)?.churn_risk ?? null,
    createdAt: minOf(rows.map((r) => r.created_at))!,
  };
}

/**
 * Search by email, phone, any external or anonymous id (exact, through the keyed hash) and by name
 * (every word or Chinese character of the query, Traditional or Simplified). No query: the people
 * seen most recently.
 */
export async function searchCustomers(deps: Deps, workspaceId: string, q: string | undefined, limit: number): Promise<{ items: CustomerSummary[] }> {
  let roots: string[];
  if (!q) roots = await repo.recentRoots(deps.db, workspaceId, limit);
  else {
    const hashes = new Set<string>([hashInput('external', q), hashInput('anonymous', q)].map((v) => deps.cipher.lookupHash(v)));
    if (q.includes('@')) hashes.add(deps.cipher.lookupHash(hashInput('email', q)));
    if (/\d{5,}/.test(q.replace(/\D/g, ''))) hashes.add(deps.cipher.lookupHash(hashInput('phone', q)));
    const byId = await repo.rootsByIdentifierHash(deps.db, workspaceId, [...hashes]);
    const tokens = queryTokens(q).map((t) => deps.cipher.lookupHash(`name:${t}`));
    const byName = await repo.rootsByNameTokens(deps.db, workspaceId, tokens, limit);
    roots = [...new Set([...byId, ...byName])].slice(0, limit);
  }
  return { items: await summariesOf(deps, workspaceId, roots) };
}

/** The list view of these people (roots), in the given order. */
export async function summariesOf(deps: Deps, workspaceId: string, roots: string[]): Promise<CustomerSummary[]> {
  const rows = await repo.clustersOf(deps.db, workspaceId, roots);
  const identifiers = decryptIdentifiers(deps, await repo.identifiersOf(deps.db, rows.map((r) => r.id)));
  const items: CustomerSummary[] = [];
  for (const root of roots) {
    const mine = rows.filter((r) => (r.merged_into ?? r.id) === root);
    if (!mine.length) continue;
    const ids = new Set(mine.map((r) => r.id));
    items.push((await summarise(deps, workspaceId, root, mine, identifiers.filter((i) => ids.has(i.profileId)))).summary);
  }
  return items;
}
