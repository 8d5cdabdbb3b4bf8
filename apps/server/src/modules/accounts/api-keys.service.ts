import type { ApiKeyScope } from '@touchpoint/shared';
import type { Deps } from '../../deps.js';
import type { Actor } from '../../platform/http/access.js';
import { notFound } from '../../platform/http/errors.js';
import { hashToken, newId, randomToken } from '../../platform/crypto/tokens.js';
import { writeAudit } from '../../platform/audit.js';
import * as repo from './accounts.repo.js';

interface Ctx { workspaceId: string; actor: Actor }

/** The key is returned once; only its SHA-256 and an 12-character prefix (to recognise it) are kept. */
export async function createApiKey(deps: Deps, ctx: Ctx, input: { name: string; scopes: ApiKeyScope[] }) {
  const key = randomToken('tpk_', 32);
  const id = newId();
  const createdAt = new Date().toISOString();
  const scopes = [...new Set(input.scopes)];
  await deps.db.transaction().execute(async (trx) => {
    await repo.insertApiKey(trx, { id, workspace_id: ctx.workspaceId, name: input.name, prefix: key.slice(0, 12), key_hash: hashToken(key), scopes: JSON.stringify(scopes), created_by: ctx.actor.id, created_at: createdAt });
    await writeAudit(trx, { workspaceId: ctx.workspaceId, actor: ctx.actor, action: 'api_key.created', targetType: 'api_key', targetId: id, details: { name: input.name, scopes } });
  });
  return { id, name: input.name, scopes, prefix: key.slice(0, 12), createdAt, key };
}

export async function listApiKeys(deps: Deps, workspaceId: string) {
  const rows = await repo.listApiKeys(deps.db, workspaceId);
  return rows.map((r) => ({ id: r.id, name: r.name, prefix: r.prefix, scopes: JSON.parse(r.scopes) as ApiKeyScope[], createdAt: r.created_at, lastUsedAt: r.last_used_at, revokedAt: r.revoked_at }));
}

export async function revokeApiKey(deps: Deps, ctx: Ctx, id: string) {
  await deps.db.transaction().execute(async (trx) => {
    const r = await repo.revokeApiKey(trx, ctx.workspaceId, id, new Date().toISOString());
    if (!Number(r.numUpdatedRows)) throw notFound('api_key');
    await writeAudit(trx, { workspaceId: ctx.workspaceId, actor: ctx.actor, action: 'api_key.revoked', targetType: 'api_key', targetId: id });
  });
}
