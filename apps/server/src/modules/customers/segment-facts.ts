/**
 * What segment conditions read about people, loaded for a page of them at once: their profiles
 * (traits by each trait's rule, consents by time, counters summed), event counts per window over
 * every merged profile, and — only when a definition asks — their latest survey scores.
 */
import type { TraitRule } from '@touchpoint/shared';
import type { Deps } from '../../deps.js';
import { latestScoreOfPerson } from '../responses/index.js';
import type { CustomersTable } from './customers.tables.js';
import { hashInput } from './identity.js';
import { resolveTraits, type StoredTraits } from './traits.js';
import { eventCountKey, scoreKey, type Needs, type PersonFacts } from './segment-conditions.js';
import * as repo from './customers.repo.js';
import * as segRepo from './segments.repo.js';

const DAY_MS = 86_400_000;
const sinceOf = (days: number | undefined, now: number) => (days ? new Date(now - days * DAY_MS).toISOString() : null);

/** `clusters`: the rows of these people's profiles when the caller has read them already. */
export async function loadFacts(deps: Deps, workspaceId: string, roots: string[], needs: Needs, rules: ReadonlyMap<string, TraitRule>, now: number, clusters?: CustomersTable[]): Promise<PersonFacts[]> {
  if (!roots.length) return [];
  const rows = clusters ?? await repo.clustersOf(deps.db, workspaceId, roots);
  const byRoot = new Map<string, CustomersTable[]>(roots.map((r) => [r, []]));
  for (const r of rows) byRoot.get(r.merged_into ?? r.id)?.push(r);
  const profileIds = rows.map((r) => r.id);
  const counts = new Map<string, Map<string, number>>();
  for (const c of needs.events) counts.set(eventCountKey(c), await segRepo.eventCounts(deps.db, profileIds, c.type, c.name, sinceOf(c.days, now)));
  const identifiers = needs.metrics.length ? await repo.identifiersOf(deps.db, profileIds) : [];

  const out: PersonFacts[] = [];
  for (const root of roots) {
    // The root first: ties in time resolve towards the surviving profile (as the profile page does).
    const mine = (byRoot.get(root) ?? []).sort((a, b) => (a.id === root ? -1 : b.id === root ? 1 : 0));
    if (!mine.length || mine[0].id !== root) continue; // erased, or no longer a root
    const consents: PersonFacts['consents'] = {};
    for (const r of mine) for (const [purpose, c] of Object.entries(JSON.parse(r.consents) as PersonFacts['consents'])) {
      if (!consents[purpose] || consents[purpose].at < c.at) consents[purpose] = c;
    }
    const revenue: Record<string, number> = {};
    for (const r of mine) for (const [cur, v] of Object.entries(JSON.parse(r.revenue) as Record<string, number>)) revenue[cur] = (revenue[cur] ?? 0) + v;
    const eventCounts = new Map<string, number>();
    for (const [key, perProfile] of counts) eventCounts.set(key, mine.reduce((n, r) => n + (perProfile.get(r.id) ?? 0), 0));
    const latestScores = new Map<string, number>();
    if (needs.metrics.length) {
      const ids = new Set(mine.map((r) => r.id));
      const own = identifiers.filter((i) => ids.has(i.customer_id));
      const who = {
        externalIds: [...new Set(own.filter((i) => i.kind === 'external').map((i) => deps.cipher.decrypt(i.value_enc)))],
        emailHashes: [...new Set(own.filter((i) => i.kind === 'email').map((i) => deps.cipher.lookupHash(hashInput('email', deps.cipher.decrypt(i.value_enc)))))],
      };
      if (who.externalIds.length || who.emailHashes.length) {
        for (const m of needs.metrics) {
          const score = await latestScoreOfPerson(deps.db, workspaceId, who, m.metric, sinceOf(m.days, now));
          if (score !== undefined) latestScores.set(scoreKey(m), score);
        }
      }
    }
    const seen = (pick: (r: CustomersTable) => string | null) => mine.map(pick).filter((x): x is string => !!x).sort();
    out.push({
      id: root,
      traits: resolveTraits(mine.map((r) => JSON.parse(r.traits) as StoredTraits), rules),
      consents, revenue, eventCounts, latestScores,
      orderCount: mine.reduce((n, r) => n + r.order_count, 0),
      firstSeenAt: seen((r) => r.first_seen_at)[0] ?? null,
      lastSeenAt: seen((r) => r.last_seen_at).at(-1) ?? null,
      churnRisk: mine[0].churn_risk,
    });
  }
  return out;
}
