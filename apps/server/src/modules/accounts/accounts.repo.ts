/** The only place with SQL for workspaces, users, memberships, sessions, invitations and API keys. */
import type { Db, Trx } from '../../schema.js';
import type { Role } from '@touchpoint/shared';

type Q = Db | Trx;

export const findUserByEmail = (db: Q, email: string) =>
  db.selectFrom('users').selectAll().where('email', '=', email.toLowerCase()).executeTakeFirst();

export const findUserById = (db: Q, id: string) =>
  db.selectFrom('users').select(['id', 'email', 'name', 'locale', 'created_at']).where('id', '=', id).executeTakeFirst();

export const insertUser = (db: Q, u: { id: string; email: string; name: string; password_hash: string; locale: string; created_at: string }) =>
  db.insertInto('users').values({ ...u, email: u.email.toLowerCase() }).execute();

export const insertWorkspace = (db: Q, w: { id: string; name: string; created_at: string }) =>
  db.insertInto('workspaces').values({ ...w, settings: '{}' }).execute();

export const findWorkspace = (db: Q, id: string) => db.selectFrom('workspaces').selectAll().where('id', '=', id).executeTakeFirst();

export const updateWorkspace = (db: Q, id: string, patch: { name?: string; settings?: string }) =>
  db.updateTable('workspaces').set(patch).where('id', '=', id).execute();

export const workspacesOfUser = (db: Q, userId: string) =>
  db.selectFrom('memberships').innerJoin('workspaces', 'workspaces.id', 'memberships.workspace_id')
    .select(['workspaces.id', 'workspaces.name', 'memberships.role'])
    .where('memberships.user_id', '=', userId).orderBy('workspaces.name').execute();

export const roleOf = async (db: Q, userId: string, workspaceId: string) =>
  (await db.selectFrom('memberships').select('role').where('user_id', '=', userId).where('workspace_id', '=', workspaceId).executeTakeFirst())?.role ?? null;

export const insertMembership = (db: Q, m: { workspace_id: string; user_id: string; role: Role; created_at: string }) =>
  db.insertInto('memberships').values(m).execute();

export const listMembers = (db: Q, workspaceId: string) =>
  db.selectFrom('memberships').innerJoin('users', 'users.id', 'memberships.user_id')
    .select(['users.id', 'users.email', 'users.name', 'memberships.role', 'memberships.created_at'])
    .where('memberships.workspace_id', '=', workspaceId).orderBy('users.email').execute();

export const setRole = (db: Q, workspaceId: string, userId: string, role: Role) =>
  db.updateTable('memberships').set({ role }).where('workspace_id', '=', workspaceId).where('user_id', '=', userId).executeTakeFirst();

export const deleteMembership = (db: Q, workspaceId: string, userId: string) =>
  db.deleteFrom('memberships').where('workspace_id', '=', workspaceId).where('user_id', '=', userId).executeTakeFirst();

export const countOwners = async (db: Q, workspaceId: string) =>
  Number((await db.selectFrom('memberships').select((eb) => eb.fn.countAll().as('n')).where('workspace_id', '=', workspaceId).where('role', '=', 'owner').executeTakeFirstOrThrow()).n);

export const insertSession = (db: Q, s: { token_hash: string; user_id: string; csrf_token: string; created_at: string; expires_at: string }) =>
  db.insertInto('sessions').values(s).execute();

export const findSession = (db: Q, tokenHash: string, now: string) =>
  db.selectFrom('sessions').innerJoin('users', 'users.id', 'sessions.user_id')
    .select(['sessions.user_id', 'sessions.csrf_token', 'users.email'])
    .where('sessions.token_hash', '=', tokenHash).where('sessions.expires_at', '>', now).executeTakeFirst();

export const deleteSession = (db: Q, tokenHash: string) => db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();

export const insertInvitation = (db: Q, i: { id: string; workspace_id: string; email: string; role: Role; token_hash: string; invited_by: string; created_at: string; expires_at: string }) =>
  db.insertInto('invitations').values({ ...i, accepted_at: null, revoked_at: null }).execute();

export const listInvitations = (db: Q, workspaceId: string) =>
  db.selectFrom('invitations').select(['id', 'email', 'role', 'created_at', 'expires_at', 'accepted_at', 'revoked_at'])
    .where('workspace_id', '=', workspaceId).orderBy('created_at', 'desc').execute();

export const findInvitationByToken = (db: Q, tokenHash: string) =>
  db.selectFrom('invitations').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();

export const markInvitation = (db: Q, workspaceId: string, id: string, patch: { accepted_at?: string; revoked_at?: string }) =>
  db.updateTable('invitations').set(patch).where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();

export const insertApiKey = (db: Q, k: { id: string; workspace_id: string; name: string; prefix: string; key_hash: string; scopes: string; created_by: string; created_at: string }) =>
  db.insertInto('api_keys').values({ ...k, last_used_at: null, revoked_at: null }).execute();

export const listApiKeys = (db: Q, workspaceId: string) =>
  db.selectFrom('api_keys').select(['id', 'name', 'prefix', 'scopes', 'created_at', 'last_used_at', 'revoked_at'])
    .where('workspace_id', '=', workspaceId).orderBy('created_at', 'desc').execute();

export const findApiKeyByHash = (db: Q, keyHash: string) =>
  db.selectFrom('api_keys').select(['id', 'workspace_id', 'name', 'scopes', 'last_used_at']).where('key_hash', '=', keyHash).where('revoked_at', 'is', null).executeTakeFirst();

export const revokeApiKey = (db: Q, workspaceId: string, id: string, at: string) =>
  db.updateTable('api_keys').set({ revoked_at: at }).where('workspace_id', '=', workspaceId).where('id', '=', id).where('revoked_at', 'is', null).executeTakeFirst();

export const touchApiKey = (db: Q, id: string, at: string) => db.updateTable('api_keys').set({ last_used_at: at }).where('id', '=', id).execute();
