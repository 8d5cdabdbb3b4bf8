import type { Role } from '@touchpoint/shared';
import type { Deps } from '../../deps.js';
import type { Actor } from '../../platform/http/access.js';
import { conflict, forbidden, notFound } from '../../platform/http/errors.js';
import { hashToken, newId, randomToken } from '../../platform/crypto/tokens.js';
import { writeAudit } from '../../platform/audit.js';
import * as repo from './accounts.repo.js';

interface Ctx { workspaceId: string; actor: Actor; role?: Role }
const INVITE_DAYS = 7;

export const listMembers = (deps: Deps, workspaceId: string) => repo.listMembers(deps.db, workspaceId);

/** Only an owner may make or unmake an owner, and the last owner always stays. */
function guardOwnerChange(ctx: Ctx, from: Role | null, to: Role | null) {
  if ((from === 'owner' || to === 'owner') && ctx.role !== 'owner') throw forbidden('only an owner may grant or remove the owner role');
}

export async function changeRole(deps: Deps, ctx: Ctx, userId: string, role: Role) {
  await deps.db.transaction().execute(async (trx) => {
    const current = await repo.roleOf(trx, userId, ctx.workspaceId);
    if (!current) throw notFound('member');
    guardOwnerChange(ctx, current, role);
    if (current === 'owner' && role !== 'owner' && (await repo.countOwners(trx, ctx.workspaceId)) <= 1)
      throw conflict('last_owner', 'a workspace needs at least one owner');
    await repo.setRole(trx, ctx.workspaceId, userId, role);
    await writeAudit(trx, { workspaceId: ctx.workspaceId, actor: ctx.actor, action: 'member.role_changed', targetType: 'user', targetId: userId, details: { from: current, to: role } });
  });
}

export async function removeMember(deps: Deps, ctx: Ctx, userId: string) {
  await deps.db.transaction().execute(async (trx) => {
    const current = await repo.roleOf(trx, userId, ctx.workspaceId);
    if (!current) throw notFound('member');
    guardOwnerChange(ctx, current, null);
    if (current === 'owner' && (await repo.countOwners(trx, ctx.workspaceId)) <= 1)
      throw conflict('last_owner', 'a workspace needs at least one owner');
    await repo.deleteMembership(trx, ctx.workspaceId, userId);
    await writeAudit(trx, { workspaceId: ctx.workspaceId, actor: ctx.actor, action: 'member.removed', targetType: 'user', targetId: userId, details: { role: current } });
  });
}

export const listInvitations = (deps: Deps, workspaceId: string) => repo.listInvitations(deps.db, workspaceId);

/** Invites by email; the link carries a single-use token that is stored only as a hash. */
export async function invite(deps: Deps, ctx: Ctx, input: { email: string; role: Role }) {
  guardOwnerChange(ctx, null, input.role);
  const token = randomToken('inv_', 24);
  const id = newId();
  const now = new Date();
  const workspace = await repo.findWorkspace(deps.db, ctx.workspaceId);
  await deps.db.transaction().execute(async (trx) => {
    await repo.insertInvitation(trx, {
      id, workspace_id: ctx.workspaceId, email: input.email.toLowerCase(), role: input.role, token_hash: hashToken(token),
      invited_by: ctx.actor.id, created_at: now.toISOString(), expires_at: new Date(now.getTime() + INVITE_DAYS * 86400_000).toISOString(),
    });
    await writeAudit(trx, { workspaceId: ctx.workspaceId, actor: ctx.actor, action: 'invitation.created', targetType: 'invitation', targetId: id, details: { email: input.email, role: input.role } });
  });
  const link = `${deps.publicUrl()}/invite/${token}`;
  await deps.mailer.send({
    to: input.email,
    subject: `You are invited to ${workspace?.name ?? 'a workspace'} on Touchpoint`,
    text: `${ctx.actor.label} invited you to join "${workspace?.name}" on Touchpoint as ${input.role}.\n\nAccept within ${INVITE_DAYS} days:\n${link}\n\n你已獲邀加入 Touchpoint 工作區「${workspace?.name}」。請於 ${INVITE_DAYS} 天內接受邀請：\n${link}\n`,
  });
  return { id, email: input.email.toLowerCase(), role: input.role, expiresAt: new Date(now.getTime() + INVITE_DAYS * 86400_000).toISOString() };
}

export async function revokeInvitation(deps: Deps, ctx: Ctx, id: string) {
  await deps.db.transaction().execute(async (trx) => {
    const r = await repo.markInvitation(trx, ctx.workspaceId, id, { revoked_at: new Date().toISOString() });
    if (!Number(r.numUpdatedRows)) throw notFound('invitation');
    await writeAudit(trx, { workspaceId: ctx.workspaceId, actor: ctx.actor, action: 'invitation.revoked', targetType: 'invitation', targetId: id });
  });
}
