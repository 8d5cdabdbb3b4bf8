/**
 * Merge history, merges by hand and unmerges. A merge only re-points roots, so an unmerge restores
 * the people exactly as they were: the undone merge is marked, and every profile of the cluster takes
 * the root its remaining active merges give it. An undone merge also stops the rules from joining
 * those profiles again.
 */
import type { CustomerMerge, MergeReason, TraitDefinition, TraitDefinitionInput } from '@touchpoint/shared';
import type { Deps } from '../../deps.js';
import type { Actor } from '../../platform/http/access.js';
import { conflict, notFound } from '../../platform/http/errors.js';
import { writeAudit } from '../../platform/audit.js';
import { appendEvent } from '../../platform/events/outbox.js';
import { lockKey } from '../../platform/db/dialect.js';
import { ProfileWriter } from './profile-writer.js';
import { rootOrThrow } from './profiles.service.js';
import * as repo from './customers.repo.js';
import { queuePeople } from './segments.repo.js';

interface Ctx { workspaceId: string; actor: Actor }

const toMerge = (r: Awaited<ReturnType<typeof repo.mergesOf>>[number]): CustomerMerge => ({
  id: r.id, survivorId: r.survivor_id, absorbedId: r.absorbed_id, reason: r.reason as MergeReason,
  mergedAt: r.merged_at, actor: r.actor, unmergedAt: r.unmerged_at,
});

export async function listMerges(deps: Deps, workspaceId: string, id: string): Promise<{ items: CustomerMerge[] }> {
  const root = await rootOrThrow(deps.db, workspaceId, id);
  const members = await repo.clusterMembers(deps.db, workspaceId, root);
  return { items: (await repo.mergesOf(deps.db, workspaceId, members)).map(toMerge) };
}

/** A user merges another person into this one; refused (409) when they hold different ids of one source. */
export async function mergeByHand(deps: Deps, ctx: Ctx, id: string, absorbedId: string): Promise<CustomerMerge | null> {
  const now = new Date().toISOString();
  const merge = await deps.writes.run(async (trx) => {
    await lockKey(trx, `customers:${ctx.workspaceId}`);
    const survivor = await repo.rootOf(trx, ctx.workspaceId, id);
    const absorbed = await repo.rootOf(trx, ctx.workspaceId, absorbedId);
    if (!survivor || !absorbed) throw notFound('customer');
    // Already one person: nothing to do, so a retried merge answers like the first.
    if (survivor === absorbed) return null;
    if (await repo.sourcesConflict(trx, ctx.workspaceId, survivor, absorbed)) throw conflict('identifier_conflict', 'the two people have different external ids from the same source');
    const w = new ProfileWriter(deps, trx, ctx.workspaceId, ctx.actor.label, now);
    const mergeId = await w.merge(survivor, absorbed, 'manual', ctx.actor.label);
    await writeAudit(trx, { workspaceId: ctx.workspaceId, actor: ctx.actor, action: 'customers.merged', targetType: 'customer', targetId: survivor, details: { absorbedId: absorbed, mergeId } });
    await appendEvent(trx, ctx.workspaceId, 'customers.profile.merged', { survivorId: survivor, absorbedId: absorbed });
    // Segment members are people (roots): the merged pair is re-evaluated.
    await queuePeople(trx, ctx.workspaceId, [survivor, absorbed], now);
    return { id: mergeId, survivorId: survivor, absorbedId: absorbed, reason: 'manual' as const, mergedAt: now, actor: ctx.actor.label, unmergedAt: null };
  });
  deps.outbox.wake();
  return merge;
}

export async function unmerge(deps: Deps, ctx: Ctx, mergeId: string): Promise<CustomerMerge> {
  const now = new Date().toISOString();
  const result = await deps.writes.run(async (trx) => {
    await lockKey(trx, `customers:${ctx.workspaceId}`);
    const row = await trx.selectFrom('customer_merges').selectAll().where('workspace_id', '=', ctx.workspaceId).where('id', '=', mergeId).executeTakeFirst();
    if (!row) throw notFound('merge');
    if (row.unmerged_at) return row;
    const root = (await repo.rootOf(trx, ctx.workspaceId, row.survivor_id))!;
    const members = await repo.clusterMembers(trx, ctx.workspaceId, root);
    await trx.updateTable('customer_merges').set({ unmerged_at: now, unmerged_by: ctx.actor.label }).where('id', '=', mergeId).execute();
    // Each profile's root: follow its active merge (as the absorbed side) until a profile has none.
    const active = await trx.selectFrom('customer_merges').select(['survivor_id', 'absorbed_id']).where('workspace_id', '=', ctx.workspaceId)
      .where('unmerged_at', 'is', null).where('absorbed_id', 'in', members).execute();
    const up = new Map(active.map((m) => [m.absorbed_id, m.survivor_id]));
    const rootFor = (id: string) => { let r = id; for (let hops = 0; up.has(r) && hops <= members.length; hops++) r = up.get(r)!; return r; };
    for (const id of members) {
      const r = rootFor(id);
      await trx.updateTable('customers').set({ merged_into: r === id ? null : r }).where('id', '=', id).execute();
    }
    await writeAudit(trx, { workspaceId: ctx.workspaceId, actor: ctx.actor, action: 'customers.unmerged', targetType: 'customer', targetId: row.survivor_id, details: { absorbedId: row.absorbed_id, mergeId } });
    await appendEvent(trx, ctx.workspaceId, 'customers.profile.unmerged', { survivorId: row.survivor_id, absorbedId: row.absorbed_id });
    await queuePeople(trx, ctx.workspaceId, [row.survivor_id, row.absorbed_id], new Date().toISOString());
    return { ...row, unmerged_at: now };
  });
  deps.outbox.wake();
  return toMerge(result);
}

export async function listTraitDefinitions(deps: Deps, workspaceId: string): Promise<{ items: TraitDefinition[] }> {
  const rows = await repo.traitDefinitions(deps.db, workspaceId);
  return { items: rows.map((r) => ({ key: r.key, type: r.type as TraitDefinition['type'], rule: r.rule as TraitDefinition['rule'], updatedAt: r.updated_at })) };
}

/** Declares a trait's type and merge rule; values already stored keep their form, new ones are checked. */
export async function putTraitDefinition(deps: Deps, ctx: Ctx, key: string, input: TraitDefinitionInput): Promise<TraitDefinition> {
  const now = new Date().toISOString();
  await deps.writes.run(async (trx) => {
    const row = { workspace_id: ctx.workspaceId, key, type: input.type, rule: input.rule, updated_at: now };
    await trx.insertInto('customer_trait_definitions').values(row)
      .onConflict((oc) => oc.columns(['workspace_id', 'key']).doUpdateSet({ type: input.type, rule: input.rule, updated_at: now })).execute();
    await writeAudit(trx, { workspaceId: ctx.workspaceId, actor: ctx.actor, action: 'customers.trait_defined', targetType: 'trait', targetId: key, details: { ...input } });
  });
  return { key, type: input.type, rule: input.rule, updatedAt: now };
}
