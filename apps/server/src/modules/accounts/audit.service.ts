import type { Deps } from '../../deps.js';
import { likeOperator } from '../../platform/db/dialect.js';

export interface AuditFilter { action?: string; actor?: string; targetType?: string; from?: string; to?: string; before?: string; limit: number }

/** Newest first; `before` is the created_at|id cursor of the last row seen. */
export async function listAudit(deps: Deps, workspaceId: string, f: AuditFilter) {
  let q = deps.db.selectFrom('audit_log').selectAll().where('workspace_id', '=', workspaceId);
  if (f.action) q = q.where('action', likeOperator(deps.kind), `${f.action}%`);
  if (f.actor) q = q.where('actor_label', likeOperator(deps.kind), `%${f.actor}%`);
  if (f.targetType) q = q.where('target_type', '=', f.targetType);
  if (f.from) q = q.where('created_at', '>=', f.from);
  if (f.to) q = q.where('created_at', '<', f.to);
  if (f.before) {
    const [t, id] = f.before.split('|');
    // Row-value comparison: a range on (workspace_id, created_at) on both stores, not a rescan from the newest row per page.
    q = q.where((eb) => eb(eb.refTuple('created_at', 'id'), '<', eb.tuple(t, id ?? '')));
  }
  const rows = await q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(f.limit + 1).execute();
  const page = rows.slice(0, f.limit);
  return {
    items: page.map((r) => ({ id: r.id, actorType: r.actor_type, actorId: r.actor_id, actor: r.actor_label, action: r.action, targetType: r.target_type, targetId: r.target_id, details: JSON.parse(r.details), createdAt: r.created_at })),
    nextCursor: rows.length > f.limit ? `${page[page.length - 1].created_at}|${page[page.length - 1].id}` : null,
  };
}
