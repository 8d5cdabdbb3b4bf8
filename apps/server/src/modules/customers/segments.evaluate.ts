/**
 * Keeping segment members true: re-evaluating given people against live segments (after their
 * events, merges or answers), and a full evaluation of one segment page by page behind a cursor.
 * Facts are read outside the write transaction (a page of people costs several queries); the
 * transaction then writes only the difference from the stored members, moves the maintained
 * count and today's trend point, and any cursor with them. A person whose facts changed after the
 * read is re-evaluated by that change's own pass, so members converge on the truth.
 */
import { SegmentDefinition, type SegmentGroup, type TraitRule } from '@touchpoint/shared';
import type { Deps } from '../../deps.js';
import type { Trx } from '../../schema.js';
import { lockKey } from '../../platform/db/dialect.js';
import type { CustomerSegmentsTable, CustomersTable } from './customers.tables.js';
import { matches, needsOf, eventCountKey, scoreKey, type Needs } from './segment-conditions.js';
import { loadFacts } from './segment-facts.js';
import { traitDefinitionMap } from './intake.service.js';
import * as repo from './customers.repo.js';
import * as segRepo from './segments.repo.js';

export interface CompiledSegment { id: string; updatedAt: string; def: SegmentGroup; needs: Needs }

export function compileSegment(row: Pick<CustomerSegmentsTable, 'id' | 'definition' | 'updated_at'>): CompiledSegment {
  const def = SegmentDefinition.parse(JSON.parse(row.definition));
  return { id: row.id, updatedAt: row.updated_at, def, needs: needsOf(def) };
}

/** One set of facts serves every segment: the union of what they read. */
export function unionNeeds(list: Needs[]): Needs {
  const events = new Map(list.flatMap((n) => n.events.map((c) => [eventCountKey(c), c] as const)));
  const metrics = new Map(list.flatMap((n) => n.metrics.map((c) => [scoreKey(c), c] as const)));
  return { events: [...events.values()], metrics: [...metrics.values()], timeRelative: list.some((n) => n.timeRelative) };
}

export async function traitRules(deps: Deps, workspaceId: string): Promise<Map<string, TraitRule>> {
  return new Map([...(await traitDefinitionMap(deps, workspaceId))].map(([k, d]) => [k, d.rule]));
}

/** Which of these people meet each segment now (`clusters`: their profile rows, when already read). */
export async function matching(deps: Deps, workspaceId: string, segments: CompiledSegment[], roots: string[], now: number, clusters?: CustomersTable[]): Promise<Map<string, Set<string>>> {
  const facts = await loadFacts(deps, workspaceId, roots, unionNeeds(segments.map((s) => s.needs)), await traitRules(deps, workspaceId), now, clusters);
  const out = new Map<string, Set<string>>();
  for (const s of segments) out.set(s.id, new Set(facts.filter((f) => matches(s.def, f, now)).map((f) => f.id)));
  return out;
}

/** Writes `want` as the members among `scope` (people looked at), in the caller's transaction. Returns the change in count. */
async function writeDiff(trx: Trx, workspaceId: string, segmentId: string, scope: string[], want: Set<string>, at: string): Promise<number> {
  const have = await segRepo.membersAmong(trx, segmentId, scope);
  const add = [...want].filter((id) => !have.has(id));
  const remove = [...have].filter((id) => !want.has(id));
  await segRepo.addMembers(trx, workspaceId, segmentId, add, at);
  await segRepo.removeMembers(trx, segmentId, remove);
  return add.length - remove.length;
}

/**
 * Re-evaluates the people behind these profile ids (any profile of theirs, merged away or erased
 * too) against the live segments; `within` runs in the same transaction (a watermark moves there).
 */
export async function reevaluatePeople(deps: Deps, workspaceId: string, profileIds: string[], segments: CompiledSegment[], within?: (trx: Trx) => Promise<void>): Promise<number> {
  const now = Date.now();
  const rows = await repo.profileRows(deps.db, profileIds);
  const roots = [...new Set(rows.filter((r) => r.workspace_id === workspaceId).map((r) => r.merged_into ?? r.id))];
  // Profiles that are no longer roots (merged away, by these events too) or no longer exist are members of nothing.
  const rootSet = new Set(roots);
  // Read once: the members' ids here, the same rows for the facts below.
  const clusters = await repo.clustersOf(deps.db, workspaceId, roots);
  const gone = [...new Set([...profileIds, ...clusters.map((r) => r.id)])].filter((id) => !rootSet.has(id));
  const want = segments.length ? await matching(deps, workspaceId, segments, roots, now, clusters) : new Map<string, Set<string>>();
  const at = new Date(now).toISOString();
  let changed = 0;
  await deps.writes.run(async (trx) => {
    await lockKey(trx, `segments:${workspaceId}`);
    const current = new Map((await segRepo.liveSegments(trx, workspaceId)).map((s) => [s.id, s]));
    for (const s of segments) {
      if (current.get(s.id)?.updated_at !== s.updatedAt) continue; // edited or deleted meanwhile: its rebuild decides
      const delta = await writeDiff(trx, workspaceId, s.id, [...roots, ...gone], want.get(s.id)!, at);
      if (delta) { changed += Math.abs(delta); await segRepo.moveCount(trx, s.id, delta, at); }
    }
    await within?.(trx);
  });
  return changed;
}

export const BUILD_CHUNK = 1000;

/**
 * One page of a segment's full evaluation: the next people after its cursor. Members in that id
 * range that are no longer people (merged away, erased) leave; the last page recounts exactly and
 * marks the segment ready. Returns whether the build is finished (or was superseded by an edit).
 */
export async function buildPage(deps: Deps, row: CustomerSegmentsTable, chunk = BUILD_CHUNK): Promise<boolean> {
  const seg = compileSegment(row);
  const after = row.build_cursor ?? '';
  const roots = await segRepo.rootsAfter(deps.db, row.workspace_id, after, chunk);
  const last = roots.length === chunk ? roots[roots.length - 1] : null; // null: this page reaches the end
  const now = Date.now();
  const want = (await matching(deps, row.workspace_id, [seg], roots, now)).get(seg.id)!;
  const at = new Date(now).toISOString();
  let finished = false;
  await deps.writes.run(async (trx) => {
    await lockKey(trx, `segments:${row.workspace_id}`);
    const current = await segRepo.segmentById(trx, row.workspace_id, row.id);
    if (!current || current.updated_at !== row.updated_at || current.build_cursor !== row.build_cursor || current.status !== 'building') { finished = true; return; }
    const stale = (await segRepo.membersBetween(trx, row.id, after, last)).filter((id) => !roots.includes(id));
    let delta = await writeDiff(trx, row.workspace_id, row.id, roots, want, at);
    await segRepo.removeMembers(trx, row.id, stale);
    delta -= stale.length;
    if (last) {
      await segRepo.updateSegment(trx, row.id, { build_cursor: last, build_done: row.build_done + roots.length, member_count: current.member_count + delta });
      await segRepo.moveCount(trx, row.id, 0, at);
    } else {
      const exact = await segRepo.countMembers(trx, row.id);
      await segRepo.updateSegment(trx, row.id, { build_cursor: null, status: 'ready', built_at: at, build_done: row.build_done + roots.length, member_count: exact });
      await segRepo.moveCount(trx, row.id, 0, at);
      finished = true;
    }
  });
  return finished;
}
