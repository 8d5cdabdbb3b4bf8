/** SQL of customer segments: definitions, members (root profile ids) with a maintained count, daily counts, the re-evaluation queue and cursors. */
import type { Kysely } from 'kysely';
import type { DB, Trx } from '../../schema.js';
import type { CustomerSegmentsTable } from './customers.tables.js';
import { chunks } from './customers.repo.js';

type Q = Kysely<DB> | Trx;

export const segmentsOf = (db: Q, workspaceId: string) =>
  db.selectFrom('customer_segments').selectAll().where('workspace_id', '=', workspaceId).orderBy('created_at').orderBy('id').execute();
export const segmentById = (db: Q, workspaceId: string, id: string) =>
  db.selectFrom('customer_segments').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
export const liveSegments = (db: Q, workspaceId: string) =>
  db.selectFrom('customer_segments').selectAll().where('workspace_id', '=', workspaceId).where('kind', '=', 'live').execute();
/** Segments with a full evaluation to do, any workspace. */
export const buildingSegments = (db: Q) => db.selectFrom('customer_segments').selectAll().where('status', '=', 'building').orderBy('updated_at').execute();
export const workspacesWithLiveSegments = async (db: Q): Promise<string[]> =>
  (await db.selectFrom('customer_segments').select('workspace_id').where('kind', '=', 'live').groupBy('workspace_id').execute()).map((r) => r.workspace_id);

export const insertSegment = (db: Q, row: CustomerSegmentsTable) => db.insertInto('customer_segments').values(row).execute();
export const updateSegment = (db: Q, id: string, patch: Partial<CustomerSegmentsTable>) => db.updateTable('customer_segments').set(patch).where('id', '=', id).execute();
export const deleteSegment = (db: Q, id: string) => db.deleteFrom('customer_segments').where('id', '=', id).execute();

/** Root profiles of a workspace after `afterId`, in id order (partial index customers_roots). */
export async function rootsAfter(db: Q, workspaceId: string, afterId: string, limit: number): Promise<string[]> {
  const rows = await db.selectFrom('customers').select('id').where('workspace_id', '=', workspaceId).where('merged_into', 'is', null)
    .where('id', '>', afterId).orderBy('id').limit(limit).execute();
  return rows.map((r) => r.id);
}
export async function countRoots(db: Q, workspaceId: string): Promise<number> {
  const r = await db.selectFrom('customers').select((eb) => eb.fn.countAll<number>().as('n')).where('workspace_id', '=', workspaceId).where('merged_into', 'is', null).executeTakeFirst();
  return Number(r?.n ?? 0);
}

/** Events per profile in a window: one range on customer_events_timeline per chunk of profiles. */
export async function eventCounts(db: Q, profileIds: string[], type: 'any' | 'track' | 'page' | 'order', name: string | undefined, since: string | null): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (const part of chunks(profileIds)) {
    let q = db.selectFrom('customer_events').select(['customer_id', (eb) => eb.fn.countAll<number>().as('n')]).where('customer_id', 'in', part);
    if (since) q = q.where('occurred_at', '>=', since);
    if (type !== 'any') q = q.where('type', '=', type);
    if (type !== 'order' && name !== undefined) q = q.where('name', '=', name);
    for (const r of await q.groupBy('customer_id').execute()) out.set(r.customer_id, Number(r.n));
  }
  return out;
}

/** Which of these people are members now. */
export async function membersAmong(db: Q, segmentId: string, roots: string[]): Promise<Set<string>> {
  const out = new Set<string>();
  for (const part of chunks(roots)) {
    for (const r of await db.selectFrom('customer_segment_members').select('customer_id').where('segment_id', '=', segmentId).where('customer_id', 'in', part).execute()) out.add(r.customer_id);
  }
  return out;
}

/** Segments of these profiles (any of them, merged-away ones too), for clean-up when a cluster changes. */
export async function membershipsOf(db: Q, profileIds: string[]): Promise<{ segment_id: string; customer_id: string }[]> {
  const out: { segment_id: string; customer_id: string }[] = [];
  for (const part of chunks(profileIds)) out.push(...(await db.selectFrom('customer_segment_members').select(['segment_id', 'customer_id']).where('customer_id', 'in', part).execute()));
  return out;
}

export async function addMembers(db: Q, workspaceId: string, segmentId: string, roots: string[], at: string) {
  for (const part of chunks(roots, 200)) {
    await db.insertInto('customer_segment_members').values(part.map((customer_id) => ({ segment_id: segmentId, customer_id, workspace_id: workspaceId, added_at: at })))
      .onConflict((oc) => oc.doNothing()).execute();
  }
}
export async function removeMembers(db: Q, segmentId: string, roots: string[]) {
  for (const part of chunks(roots)) await db.deleteFrom('customer_segment_members').where('segment_id', '=', segmentId).where('customer_id', 'in', part).execute();
}
export async function memberPage(db: Q, segmentId: string, afterId: string, limit: number): Promise<string[]> {
  const rows = await db.selectFrom('customer_segment_members').select('customer_id').where('segment_id', '=', segmentId).where('customer_id', '>', afterId).orderBy('customer_id').limit(limit).execute();
  return rows.map((r) => r.customer_id);
}
/** Members with ids in (after, upTo]; upTo null: to the end. */
export async function membersBetween(db: Q, segmentId: string, after: string, upTo: string | null): Promise<string[]> {
  let q = db.selectFrom('customer_segment_members').select('customer_id').where('segment_id', '=', segmentId).where('customer_id', '>', after);
  if (upTo !== null) q = q.where('customer_id', '<=', upTo);
  return (await q.execute()).map((r) => r.customer_id);
}
/** Copies one segment's members into another (a snapshot); returns how many. */
export async function copyMembers(db: Q, fromId: string, toId: string, at: string): Promise<number> {
  await db.insertInto('customer_segment_members')
    .columns(['segment_id', 'customer_id', 'workspace_id', 'added_at'])
    .expression(db.selectFrom('customer_segment_members').select((eb) => [eb.val(toId).as('segment_id'), 'customer_id', 'workspace_id', eb.val(at).as('added_at')]).where('segment_id', '=', fromId))
    .execute();
  return countMembers(db, toId);
}
export async function countMembers(db: Q, segmentId: string): Promise<number> {
  const r = await db.selectFrom('customer_segment_members').select((eb) => eb.fn.countAll<number>().as('n')).where('segment_id', '=', segmentId).executeTakeFirst();
  return Number(r?.n ?? 0);
}

/** Moves the maintained count and today's trend point together. */
export async function moveCount(db: Q, segmentId: string, delta: number, now: string) {
  if (delta) await db.updateTable('customer_segments').set((eb) => ({ member_count: eb('member_count', '+', delta) })).where('id', '=', segmentId).execute();
  const row = await db.selectFrom('customer_segments').select('member_count').where('id', '=', segmentId).executeTakeFirst();
  if (!row) return;
  await db.insertInto('customer_segment_counts').values({ segment_id: segmentId, day: now.slice(0, 10), members: row.member_count })
    .onConflict((oc) => oc.columns(['segment_id', 'day']).doUpdateSet({ members: row.member_count })).execute();
}
export const trendOf = (db: Q, segmentId: string, fromDay: string) =>
  db.selectFrom('customer_segment_counts').select(['day', 'members']).where('segment_id', '=', segmentId).where('day', '>=', fromDay).orderBy('day').execute();
/** The last point before `day`, to carry into a trend window that starts without one. */
export const trendBefore = (db: Q, segmentId: string, day: string) =>
  db.selectFrom('customer_segment_counts').select(['day', 'members']).where('segment_id', '=', segmentId).where('day', '<', day).orderBy('day', 'desc').limit(1).executeTakeFirst();

/** Event rows after the watermark (id order, any workspace): which profiles changed. */
export const eventsAfter = (db: Q, afterId: string, beforeId: string, limit: number) =>
  db.selectFrom('customer_events').select(['id', 'workspace_id', 'customer_id']).where('id', '>', afterId).where('id', '<', beforeId).orderBy('id').limit(limit).execute();

export async function queuePeople(db: Q, workspaceId: string, profileIds: string[], at: string) {
  for (const part of chunks([...new Set(profileIds)], 200)) {
    await db.insertInto('customer_segment_queue').values(part.map((customer_id) => ({ workspace_id: workspaceId, customer_id, queued_at: at })))
      .onConflict((oc) => oc.doNothing()).execute();
  }
}
export const queued = (db: Q, limit: number) => db.selectFrom('customer_segment_queue').selectAll().orderBy('queued_at').limit(limit).execute();
export async function unqueue(db: Q, workspaceId: string, profileIds: string[]) {
  for (const part of chunks(profileIds)) await db.deleteFrom('customer_segment_queue').where('workspace_id', '=', workspaceId).where('customer_id', 'in', part).execute();
}

export async function jobCursor(db: Q, name: string): Promise<string | undefined> {
  return (await db.selectFrom('customer_jobs').select('cursor').where('name', '=', name).executeTakeFirst())?.cursor;
}
export async function setJobCursor(db: Q, name: string, cursor: string, at: string) {
  await db.insertInto('customer_jobs').values({ name, cursor, updated_at: at }).onConflict((oc) => oc.column('name').doUpdateSet({ cursor, updated_at: at })).execute();
}

/** Takes these profiles out of every segment they are in, moving each segment's count. */
export async function leaveSegments(db: Q, profileIds: string[], at: string) {
  const rows = await membershipsOf(db, profileIds);
  const bySegment = new Map<string, string[]>();
  for (const r of rows) (bySegment.get(r.segment_id) ?? bySegment.set(r.segment_id, []).get(r.segment_id)!).push(r.customer_id);
  for (const [segmentId, ids] of bySegment) {
    await removeMembers(db, segmentId, ids);
    await moveCount(db, segmentId, -ids.length, at);
  }
}
