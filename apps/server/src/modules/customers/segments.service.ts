/**
 * Segments: create, edit, delete, a live count preview while the definition is being built, the
 * members, the count's trend, and static snapshots of a live segment. Creating or editing a
 * definition starts a full evaluation that the segment worker runs in the background (progress on
 * the segment); a live segment is then kept current by the worker as events arrive.
 */
import { methodsOf, type Segment, type SegmentDefinition, type SegmentInput, type SegmentPreview, type SegmentTrendPoint, type CustomerSummary } from '@touchpoint/shared';
import type { Deps } from '../../deps.js';
import type { Actor } from '../../platform/http/access.js';
import { notFound, validationError } from '../../platform/http/errors.js';
import { writeAudit } from '../../platform/audit.js';
import { appendEvent } from '../../platform/events/outbox.js';
import { lockKey } from '../../platform/db/dialect.js';
import { newId } from '../../platform/crypto/tokens.js';
import type { CustomerSegmentsTable } from './customers.tables.js';
import { matches, needsOf } from './segment-conditions.js';
import { loadFacts } from './segment-facts.js';
import { traitRules } from './segments.evaluate.js';
import { rootOrThrow, summariesOf } from './profiles.service.js';
import * as segRepo from './segments.repo.js';

interface Ctx { workspaceId: string; actor: Actor }

export function toSegment(r: CustomerSegmentsTable): Segment {
  const definition = JSON.parse(r.definition) as SegmentDefinition;
  return {
    id: r.id, name: r.name, description: r.description, kind: r.kind, definition, methods: methodsOf(definition),
    memberCount: r.member_count, status: r.status,
    progress: r.status === 'building' ? { done: r.build_done, total: Math.max(r.build_total, r.build_done) } : null,
    builtAt: r.built_at, snapshotOf: r.snapshot_of, createdAt: r.created_at, updatedAt: r.updated_at,
  };
}

async function segmentOrThrow(deps: Deps, workspaceId: string, id: string): Promise<CustomerSegmentsTable> {
  const row = await segRepo.segmentById(deps.db, workspaceId, id);
  if (!row) throw notFound('segment');
  return row;
}

export async function listSegments(deps: Deps, workspaceId: string): Promise<{ items: Segment[] }> {
  return { items: (await segRepo.segmentsOf(deps.db, workspaceId)).map(toSegment) };
}
export async function getSegment(deps: Deps, workspaceId: string, id: string): Promise<Segment> {
  return toSegment(await segmentOrThrow(deps, workspaceId, id));
}

/** A full evaluation from the first person on (the worker runs it): the fields that start one. */
async function buildFields(deps: Deps, workspaceId: string) {
  return { status: 'building' as const, build_cursor: '', build_done: 0, build_total: await segRepo.countRoots(deps.db, workspaceId) };
}

export async function createSegment(deps: Deps, ctx: Ctx, input: SegmentInput & { definition: SegmentDefinition }): Promise<Segment> {
  const now = new Date().toISOString();
  const row: CustomerSegmentsTable = {
    id: newId(), workspace_id: ctx.workspaceId, name: input.name, description: input.description ?? '', kind: input.kind ?? 'live',
    definition: JSON.stringify(input.definition), member_count: 0, built_at: null, snapshot_of: null,
    ...(await buildFields(deps, ctx.workspaceId)), created_by: ctx.actor.id, created_at: now, updated_at: now,
  };
  await deps.writes.run(async (trx) => {
    await segRepo.insertSegment(trx, row);
    await writeAudit(trx, { workspaceId: ctx.workspaceId, actor: ctx.actor, action: 'customers.segment_created', targetType: 'segment', targetId: row.id, details: { name: row.name, kind: row.kind } });
    await appendEvent(trx, ctx.workspaceId, 'customers.segment.changed', { segmentId: row.id });
  });
  deps.outbox.wake();
  return toSegment(row);
}

/** Name and description change in place; a new definition (live only) re-evaluates everyone. */
export async function updateSegment(deps: Deps, ctx: Ctx, id: string, input: { name?: string; description?: string; definition?: SegmentDefinition }): Promise<Segment> {
  const row = await segmentOrThrow(deps, ctx.workspaceId, id);
  const redefine = input.definition !== undefined && JSON.stringify(input.definition) !== row.definition;
  if (redefine && row.kind === 'static') throw validationError([{ path: 'body.definition', message: 'a static segment is a snapshot: its definition cannot change' }]);
  const patch: Partial<CustomerSegmentsTable> = {
    ...(input.name !== undefined ? { name: input.name } : {}),
    ...(input.description !== undefined ? { description: input.description } : {}),
    ...(redefine ? { definition: JSON.stringify(input.definition), ...(await buildFields(deps, ctx.workspaceId)) } : {}),
    updated_at: new Date().toISOString(),
  };
  await deps.writes.run(async (trx) => {
    await lockKey(trx, `segments:${ctx.workspaceId}`);
    await segRepo.updateSegment(trx, id, patch);
    await writeAudit(trx, { workspaceId: ctx.workspaceId, actor: ctx.actor, action: 'customers.segment_updated', targetType: 'segment', targetId: id, details: { redefined: redefine } });
    await appendEvent(trx, ctx.workspaceId, 'customers.segment.changed', { segmentId: id });
  });
  deps.outbox.wake();
  return toSegment({ ...row, ...patch });
}

/** Re-evaluates everyone now (a live segment's time windows also slide on the worker's clock). */
export async function rebuildSegment(deps: Deps, ctx: Ctx, id: string): Promise<Segment> {
  const row = await segmentOrThrow(deps, ctx.workspaceId, id);
  if (row.kind === 'static') throw validationError([{ path: 'params.id', message: 'a static segment is a snapshot: it is not re-evaluated' }]);
  return updateSegmentFields(deps, ctx, row, { ...(await buildFields(deps, ctx.workspaceId)), updated_at: new Date().toISOString() }, 'customers.segment_rebuilt');
}

async function updateSegmentFields(deps: Deps, ctx: Ctx, row: CustomerSegmentsTable, patch: Partial<CustomerSegmentsTable>, action: string): Promise<Segment> {
  await deps.writes.run(async (trx) => {
    await lockKey(trx, `segments:${ctx.workspaceId}`);
    await segRepo.updateSegment(trx, row.id, patch);
    await writeAudit(trx, { workspaceId: ctx.workspaceId, actor: ctx.actor, action, targetType: 'segment', targetId: row.id, details: {} });
    await appendEvent(trx, ctx.workspaceId, 'customers.segment.changed', { segmentId: row.id });
  });
  deps.outbox.wake();
  return toSegment({ ...row, ...patch });
}

export async function deleteSegment(deps: Deps, ctx: Ctx, id: string): Promise<void> {
  const row = await segmentOrThrow(deps, ctx.workspaceId, id);
  await deps.writes.run(async (trx) => {
    await lockKey(trx, `segments:${ctx.workspaceId}`);
    await segRepo.deleteSegment(trx, id);
    await writeAudit(trx, { workspaceId: ctx.workspaceId, actor: ctx.actor, action: 'customers.segment_deleted', targetType: 'segment', targetId: id, details: { name: row.name } });
    await appendEvent(trx, ctx.workspaceId, 'customers.segment.changed', { segmentId: id, deleted: true });
  });
  deps.outbox.wake();
}

/** A static copy of a segment's members as they are now. */
export async function snapshotSegment(deps: Deps, ctx: Ctx, id: string, name?: string): Promise<Segment> {
  const source = await segmentOrThrow(deps, ctx.workspaceId, id);
  const now = new Date().toISOString();
  const row: CustomerSegmentsTable = {
    id: newId(), workspace_id: ctx.workspaceId, name: name ?? `${source.name} · ${now.slice(0, 10)}`, description: source.description,
    kind: 'static', definition: source.definition, member_count: 0, status: 'ready', build_cursor: null, build_done: 0, build_total: 0,
    built_at: now, snapshot_of: source.id, created_by: ctx.actor.id, created_at: now, updated_at: now,
  };
  await deps.writes.run(async (trx) => {
    await lockKey(trx, `segments:${ctx.workspaceId}`);
    await segRepo.insertSegment(trx, row);
    row.member_count = await segRepo.copyMembers(trx, source.id, row.id, now);
    await segRepo.updateSegment(trx, row.id, { member_count: row.member_count });
    await segRepo.moveCount(trx, row.id, 0, now);
    await writeAudit(trx, { workspaceId: ctx.workspaceId, actor: ctx.actor, action: 'customers.segment_snapshot', targetType: 'segment', targetId: row.id, details: { of: source.id, members: row.member_count } });
  });
  return toSegment(row);
}

const PREVIEW_BUDGET_MS = 1500;
const PREVIEW_PAGE = 2000;

/**
 * How many people a definition would hold, while it is being edited: every person when that fits
 * in the time budget, else the share of the people evaluated so far scaled to everyone (marked as
 * an estimate). People are taken in id order, which is random for UUIDs, so the share is a fair sample.
 */
export async function previewSegment(deps: Deps, workspaceId: string, definition: SegmentDefinition): Promise<SegmentPreview> {
  const started = Date.now();
  const needs = needsOf(definition);
  const rules = await traitRules(deps, workspaceId);
  const people = await segRepo.countRoots(deps.db, workspaceId);
  let after = '', evaluated = 0, count = 0;
  const sample: string[] = [];
  for (;;) {
    const roots = await segRepo.rootsAfter(deps.db, workspaceId, after, PREVIEW_PAGE);
    const now = Date.now();
    for (const f of await loadFacts(deps, workspaceId, roots, needs, rules, now)) {
      if (!matches(definition, f, now)) continue;
      count++;
      if (sample.length < 10) sample.push(f.id);
    }
    evaluated += roots.length;
    if (roots.length < PREVIEW_PAGE || Date.now() - started > PREVIEW_BUDGET_MS) break;
    after = roots[roots.length - 1];
  }
  const exact = evaluated >= people;
  const names = await summariesOf(deps, workspaceId, sample);
  return {
    count: exact || !evaluated ? count : Math.round((count / evaluated) * people),
    evaluated, people, exact,
    sample: names.map((s) => ({ id: s.id, name: s.name ?? s.email ?? null })),
  };
}

/** The segments a person is in now (by their person: a merged profile's id answers for its root). */
export async function segmentsOfPerson(deps: Deps, workspaceId: string, id: string): Promise<{ items: Segment[] }> {
  const root = await rootOrThrow(deps.db, workspaceId, id);
  const ids = new Set((await segRepo.membershipsOf(deps.db, [root])).map((m) => m.segment_id));
  return { items: (await segRepo.segmentsOf(deps.db, workspaceId)).filter((s) => ids.has(s.id)).map(toSegment) };
}

export async function segmentMembers(deps: Deps, workspaceId: string, id: string, cursor: string | undefined, limit: number): Promise<{ items: CustomerSummary[]; nextCursor: string | null }> {
  await segmentOrThrow(deps, workspaceId, id);
  const roots = await segRepo.memberPage(deps.db, id, cursor ?? '', limit);
  return { items: await summariesOf(deps, workspaceId, roots), nextCursor: roots.length === limit ? roots[roots.length - 1] : null };
}

/** Members per day over the last `days` days, a point for every day (carried forward from the last change). */
export async function segmentTrend(deps: Deps, workspaceId: string, id: string, days: number): Promise<{ points: SegmentTrendPoint[] }> {
  const row = await segmentOrThrow(deps, workspaceId, id);
  const today = new Date().toISOString().slice(0, 10);
  const first = new Date(Date.parse(today) - (days - 1) * 86_400_000).toISOString().slice(0, 10);
  const known = new Map((await segRepo.trendOf(deps.db, id, first)).map((p) => [p.day, p.members]));
  let carry = (await segRepo.trendBefore(deps.db, id, first))?.members ?? null;
  const points: SegmentTrendPoint[] = [];
  for (let t = Date.parse(first); t <= Date.parse(today); t += 86_400_000) {
    const day = new Date(t).toISOString().slice(0, 10);
    if (known.has(day)) carry = known.get(day)!;
    if (day < row.created_at.slice(0, 10) || carry === null) continue;
    points.push({ day, members: carry });
  }
  return { points };
}
