import { z } from 'zod';
import type { Deps } from '../../deps.js';
import type { Actor } from '../../platform/http/access.js';
import { conflict, notFound } from '../../platform/http/errors.js';
import { newId } from '../../platform/crypto/tokens.js';
import { writeAudit, SYSTEM_ACTOR } from '../../platform/audit.js';
import * as repo from './accounts.repo.js';
import { hashPassword } from './passwords.js';

export const WorkspaceSettings = z.object({
  /** Days before the same respondent may be invited or prompted again. */
  recontactCooldownDays: z.number().int().min(0).max(365).default(30),
  defaultLanguage: z.enum(['en', 'zh-Hant', 'zh-Hans']).default('en'),
  timeZone: z.string().max(64).default('UTC'),
});
export type WorkspaceSettings = z.infer<typeof WorkspaceSettings>;

export function parseSettings(text: string): WorkspaceSettings {
  return WorkspaceSettings.parse(JSON.parse(text || '{}'));
}

/** Creates a workspace whose owner is an existing person. */
export async function createWorkspace(deps: Deps, actor: Actor & { type: 'user' }, name: string) {
  const id = newId();
  const now = new Date().toISOString();
  await deps.db.transaction().execute(async (trx) => {
    await repo.insertWorkspace(trx, { id, name, created_at: now });
    await repo.insertMembership(trx, { workspace_id: id, user_id: actor.id, role: 'owner', created_at: now });
    await writeAudit(trx, { workspaceId: id, actor, action: 'workspace.created', targetType: 'workspace', targetId: id, details: { name } });
  });
  return { id, name };
}

/** Creates a workspace and its owner account in one go (CLI, demo, first run). */
export async function createWorkspaceWithOwner(deps: Deps, input: { name: string; ownerEmail: string; ownerName?: string; password: string }) {
  const existing = await repo.findUserByEmail(deps.db, input.ownerEmail);
  const passwordHash = existing ? null : await hashPassword(input.password);
  const workspaceId = newId();
  const userId = existing?.id ?? newId();
  const now = new Date().toISOString();
  await deps.db.transaction().execute(async (trx) => {
    if (!existing) await repo.insertUser(trx, { id: userId, email: input.ownerEmail, name: input.ownerName ?? input.ownerEmail.split('@')[0], password_hash: passwordHash!, locale: 'en', created_at: now });
    await repo.insertWorkspace(trx, { id: workspaceId, name: input.name, created_at: now });
    await repo.insertMembership(trx, { workspace_id: workspaceId, user_id: userId, role: 'owner', created_at: now });
    await writeAudit(trx, { workspaceId, actor: SYSTEM_ACTOR, action: 'workspace.created', targetType: 'workspace', targetId: workspaceId, details: { name: input.name, owner: input.ownerEmail } });
  });
  return { workspaceId, userId, createdUser: !existing };
}

export async function getWorkspace(deps: Deps, workspaceId: string) {
  const w = await repo.findWorkspace(deps.db, workspaceId);
  if (!w) throw notFound('workspace');
  return { id: w.id, name: w.name, settings: parseSettings(w.settings), createdAt: w.created_at };
}

export async function updateWorkspace(deps: Deps, ctx: { workspaceId: string; actor: Actor }, patch: { name?: string; settings?: Partial<WorkspaceSettings> }) {
  const current = await getWorkspace(deps, ctx.workspaceId);
  const settings = WorkspaceSettings.parse({ ...current.settings, ...patch.settings });
  await deps.db.transaction().execute(async (trx) => {
    await repo.updateWorkspace(trx, ctx.workspaceId, { name: patch.name ?? current.name, settings: JSON.stringify(settings) });
    await writeAudit(trx, { workspaceId: ctx.workspaceId, actor: ctx.actor, action: 'workspace.updated', targetType: 'workspace', targetId: ctx.workspaceId, details: patch });
  });
  return getWorkspace(deps, ctx.workspaceId);
}

export async function ensureEmailFree(deps: Deps, email: string) {
  if (await repo.findUserByEmail(deps.db, email)) throw conflict('email_taken', 'an account with this email exists');
}
