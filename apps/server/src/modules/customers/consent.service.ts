/**
 * Whether a person said no to being contacted for some purposes: surveys (#2) and campaigns ask
 * before they send. The person is found by any identifier of theirs (verified or not: a refusal is
 * honoured whoever recorded it), and each purpose's latest answer over their merged profiles counts.
 * Someone nobody knows has refused nothing.
 */
import type { ConsentPurpose } from '@touchpoint/shared';
import type { Deps } from '../../deps.js';
import { hashInput } from './identity.js';
import * as repo from './customers.repo.js';

export async function refusesContact(deps: Deps, workspaceId: string, who: { email?: string; externalId?: string }, purposes: readonly ConsentPurpose[]): Promise<boolean> {
  const hashes = [
    ...(who.email ? [deps.cipher.lookupHash(hashInput('email', who.email))] : []),
    ...(who.externalId ? [deps.cipher.lookupHash(hashInput('external', who.externalId))] : []),
  ];
  const roots = await repo.rootsByIdentifierHash(deps.db, workspaceId, hashes);
  if (!roots.length) return false;
  for (const root of roots) {
    const latest = new Map<string, { granted: boolean; at: string }>();
    for (const p of await repo.clustersOf(deps.db, workspaceId, [root])) {
      for (const [purpose, c] of Object.entries(JSON.parse(p.consents) as Record<string, { granted: boolean; at: string }>)) {
        const before = latest.get(purpose);
        if (!before || before.at < c.at) latest.set(purpose, c);
      }
    }
    if (purposes.some((p) => latest.get(p)?.granted === false)) return true;
  }
  return false;
}
