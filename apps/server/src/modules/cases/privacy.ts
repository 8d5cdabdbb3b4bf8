/**
 * A person's cases under their data rights: found by the keys the customer module knows them by
 * (customer ids and keyed email hashes). Erasure deletes the cases with everything hanging off them
 * (timeline with messages, links, mail ids, re-surveys: foreign keys cascade); export returns them.
 */
import type { Db, Trx } from '../../schema.js';

export interface CasePersonKeys { externalIds: string[]; emailHashes: string[] }

function whereTheirs(db: Db | Trx, workspaceId: string, who: CasePersonKeys) {
  const keys = [...who.externalIds.map((x) => `x:${x}`), ...who.emailHashes.map((h) => `e:${h}`)];
  return db.selectFrom('cases').where('workspace_id', '=', workspaceId).where((eb) => eb.or([
    ...(keys.length ? [eb('customer_key', 'in', keys)] : []),
    ...(who.emailHashes.length ? [eb('customer_email_hash', 'in', who.emailHashes)] : []),
  ]));
}

export async function erasePersonCases(trx: Trx, workspaceId: string, who: CasePersonKeys): Promise<number> {
  if (!who.externalIds.length && !who.emailHashes.length) return 0;
  const ids = (await whereTheirs(trx, workspaceId, who).select('id').execute()).map((r) => r.id);
  for (let i = 0; i < ids.length; i += 500) await trx.deleteFrom('cases').where('id', 'in', ids.slice(i, i + 500)).execute();
  return ids.length;
}

export async function personCasesForExport(db: Db, workspaceId: string, who: CasePersonKeys) {
  if (!who.externalIds.length && !who.emailHashes.length) return [];
  const rows = await whereTheirs(db, workspaceId, who).select(['id', 'number', 'title', 'status', 'priority', 'theme', 'root_cause', 'resolution_code', 'created_at', 'resolved_at', 'closed_at']).orderBy('created_at').execute();
  const events = rows.length ? await db.selectFrom('case_events').select(['case_id', 'at', 'kind', 'data']).where('case_id', 'in', rows.map((r) => r.id)).orderBy('id').execute() : [];
  return rows.map((r) => ({
    id: r.id, number: r.number, title: r.title, status: r.status, priority: r.priority, theme: r.theme, rootCause: r.root_cause, resolutionCode: r.resolution_code,
    createdAt: r.created_at, resolvedAt: r.resolved_at, closedAt: r.closed_at,
    // Messages and what happened, without internal notes (the team's own words about the case).
    timeline: events.filter((e) => e.case_id === r.id && e.kind !== 'note').map((e) => ({ at: e.at, kind: e.kind, data: JSON.parse(e.data) })),
  }));
}
