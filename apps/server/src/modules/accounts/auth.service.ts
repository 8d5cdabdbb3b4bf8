import type { Deps } from '../../deps.js';
import type { Authenticator } from '../../platform/http/access.js';
import { AppError, conflict, unauthorized } from '../../platform/http/errors.js';
import { hashToken, newId, randomToken } from '../../platform/crypto/tokens.js';
import { writeAudit } from '../../platform/audit.js';
import { ApiKeyScope } from '@touchpoint/shared';
import * as repo from './accounts.repo.js';
import { dummyHash, hashPassword, verifyPassword } from './passwords.js';

const SESSION_DAYS = 14;

export async function login(deps: Deps, email: string, password: string) {
  const user = await repo.findUserByEmail(deps.db, email);
  if (!user) {
    await verifyPassword(await dummyHash(), password);
    throw unauthorized('wrong email or password');
  }
  if (!(await verifyPassword(user.password_hash, password))) throw unauthorized('wrong email or password');
  return startSession(deps, user.id);
}

export async function startSession(deps: Deps, userId: string) {
  const token = randomToken('', 32);
  const csrfToken = randomToken('', 24);
  const now = new Date();
  await repo.insertSession(deps.db, {
    token_hash: hashToken(token), user_id: userId, csrf_token: csrfToken,
    created_at: now.toISOString(), expires_at: new Date(now.getTime() + SESSION_DAYS * 86400_000).toISOString(),
  });
  return { token, csrfToken, maxAgeSeconds: SESSION_DAYS * 86400 };
}

export const logout = (deps: Deps, token: string) => repo.deleteSession(deps.db, hashToken(token));

export async function me(deps: Deps, userId: string) {
  const user = await repo.findUserById(deps.db, userId);
  if (!user) throw unauthorized();
  const workspaces = await repo.workspacesOfUser(deps.db, userId);
  return { user: { id: user.id, email: user.email, name: user.name, locale: user.locale }, workspaces };
}

/** Accepting an invitation: a new person sets a name and password; an existing one just joins. */
export async function acceptInvitation(deps: Deps, input: { token: string; name?: string; password?: string }) {
  const invite = await repo.findInvitationByToken(deps.db, hashToken(input.token));
  const now = new Date().toISOString();
  if (!invite || invite.revoked_at || invite.expires_at < now) throw new AppError(404, 'invitation_not_found', 'this invitation is unknown, revoked or expired');
  if (invite.accepted_at) throw conflict('invitation_used', 'this invitation was already accepted');
  const existing = await repo.findUserByEmail(deps.db, invite.email);
  if (!existing && (!input.password || !input.name))
    throw new AppError(400, 'validation_failed', 'name and password are needed to create your account', [
      ...(!input.name ? [{ path: 'body.name', message: 'required' }] : []),
      ...(!input.password ? [{ path: 'body.password', message: 'required' }] : []),
    ]);
  // An existing account joins only with its own password: the token alone must not sign anyone in.
  if (existing && !(input.password && (await verifyPassword(existing.password_hash, input.password))))
    throw unauthorized('this email already has an account: enter its password to accept');
  const passwordHash = existing ? null : await hashPassword(input.password!);
  const userId = existing?.id ?? newId();
  await deps.db.transaction().execute(async (trx) => {
    if (!existing) await repo.insertUser(trx, { id: userId, email: invite.email, name: input.name!, password_hash: passwordHash!, locale: 'en', created_at: now });
    if (!(await repo.roleOf(trx, userId, invite.workspace_id)))
      await repo.insertMembership(trx, { workspace_id: invite.workspace_id, user_id: userId, role: invite.role, created_at: now });
    await repo.markInvitation(trx, invite.workspace_id, invite.id, { accepted_at: now });
    await writeAudit(trx, { workspaceId: invite.workspace_id, actor: { type: 'user', id: userId, label: invite.email }, action: 'invitation.accepted', targetType: 'invitation', targetId: invite.id, details: { role: invite.role } });
  });
  return { session: await startSession(deps, userId), workspaceId: invite.workspace_id };
}

/** Resolves cookies and API keys for the access layer. last_used_at is written at most once a minute per key. */
export function createAuthenticator(deps: Deps): Authenticator {
  const lastTouch = new Map<string, number>();
  return {
    async fromSessionToken(token) {
      const s = await repo.findSession(deps.db, hashToken(token), new Date().toISOString());
      return s ? { actor: { type: 'user', id: s.user_id, label: s.email }, csrfToken: s.csrf_token } : null;
    },
    async fromApiKey(key) {
      const row = await repo.findApiKeyByHash(deps.db, hashToken(key));
      if (!row) return null;
      const now = Date.now();
      if ((lastTouch.get(row.id) ?? 0) < now - 60_000) {
        lastTouch.set(row.id, now);
        await repo.touchApiKey(deps.db, row.id, new Date(now).toISOString());
      }
      const scopes = ApiKeyScope.array().parse(JSON.parse(row.scopes));
      return { actor: { type: 'api_key', id: row.id, label: `API key ${row.name}` }, workspaceId: row.workspace_id, scopes };
    },
    roleOf: (userId, workspaceId) => repo.roleOf(deps.db, userId, workspaceId),
  };
}
