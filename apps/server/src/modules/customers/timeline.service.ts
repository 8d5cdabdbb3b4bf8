/**
 * One time-ordered view of a person across every merged profile: their events, their survey
 * answers (found by the ids and email hashes the profiles hold) and the merges that made them one.
 * Keyset paging on (time, id), newest first: each source is read up to the page size past the
 * cursor, the pages are merged, and the next cursor is the last item shown.
 */
import type { TimelineItem, TimelineKind, TimelinePage } from '@touchpoint/shared';
import type { Deps } from '../../deps.js';
import { validationError } from '../../platform/http/errors.js';
import { responsesOfPerson } from '../responses/index.js';
import { personKeys, personOf } from './profiles.service.js';
import * as repo from './customers.repo.js';

const EVENT_KINDS = ['identify', 'track', 'page', 'order'] as const;

function decodeCursor(cursor: string | undefined): { at: string; id: string } | null {
  if (!cursor) return null;
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (!at || !id || Number.isNaN(Date.parse(at))) throw validationError([{ path: 'query.cursor', message: 'not a cursor this API gave' }]);
  return { at, id };
}
const encodeCursor = (item: TimelineItem) => Buffer.from(`${item.at}|${item.id}`, 'utf8').toString('base64url');
const newestFirst = (a: TimelineItem, b: TimelineItem) => (a.at !== b.at ? (a.at < b.at ? 1 : -1) : a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
const before = (c: { at: string; id: string } | null) => (i: TimelineItem) => !c || i.at < c.at || (i.at === c.at && i.id < c.id);

export async function timeline(deps: Deps, workspaceId: string, id: string, q: { kinds?: string; cursor?: string; limit: number }): Promise<TimelinePage> {
  const cursor = decodeCursor(q.cursor);
  const kinds = new Set<TimelineKind>((q.kinds?.split(',') as TimelineKind[] | undefined) ?? ['identify', 'track', 'page', 'order', 'response', 'merge']);
  const { root, members, identifiers } = await personOf(deps, workspaceId, id);
  const items: TimelineItem[] = [];

  const eventTypes = EVENT_KINDS.filter((k) => kinds.has(k));
  if (eventTypes.length) {
    for (const e of await repo.eventsBefore(deps.db, members, eventTypes, cursor, q.limit + 1)) {
      items.push({
        id: e.id, kind: e.type, at: e.occurred_at, profileId: e.customer_id, title: e.name, properties: JSON.parse(e.properties),
        ...(e.type === 'order' ? { revenue: e.revenue ?? 0, currency: e.currency ?? undefined } : {}),
      });
    }
  }
  if (kinds.has('response')) {
    for (const r of await responsesOfPerson(deps.db, workspaceId, personKeys(deps, identifiers), cursor, q.limit + 1)) {
      items.push({ id: r.id, kind: 'response', at: r.created_at, profileId: root, title: r.survey_name, properties: { status: r.status, channel: r.channel }, surveyId: r.survey_id, nps: r.nps, csat: r.csat, ces: r.ces });
    }
  }
  if (kinds.has('merge')) {
    for (const m of await repo.mergesOf(deps.db, workspaceId, members)) {
      const item: TimelineItem = { id: m.id, kind: 'merge', at: m.merged_at, profileId: m.survivor_id, title: m.reason, properties: { absorbedId: m.absorbed_id, actor: m.actor, unmergedAt: m.unmerged_at } };
      if (before(cursor)(item)) items.push(item);
    }
  }
  items.sort(newestFirst);
  const page = items.slice(0, q.limit);
  return { items: page, nextCursor: items.length > q.limit ? encodeCursor(page[page.length - 1]) : null };
}
