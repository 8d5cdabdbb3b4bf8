import type { Role } from '@touchpoint/shared';

export interface WorkspacesTable { id: string; name: string; settings: string; created_at: string }
export interface UsersTable { id: string; email: string; name: string; password_hash: string; locale: string; created_at: string }
export interface MembershipsTable { workspace_id: string; user_id: string; role: Role; created_at: string }
export interface SessionsTable { token_hash: string; user_id: string; csrf_token: string; created_at: string; expires_at: string }
export interface InvitationsTable {
  id: string; workspace_id: string; email: string; role: Role; token_hash: string; invited_by: string;
  created_at: string; expires_at: string; accepted_at: string | null; revoked_at: string | null;
}
export interface ApiKeysTable {
  id: string; workspace_id: string; name: string; prefix: string; key_hash: string; scopes: string;
  created_by: string; created_at: string; last_used_at: string | null; revoked_at: string | null;
}

export interface AccountsTables {
  workspaces: WorkspacesTable;
  users: UsersTable;
  memberships: MembershipsTable;
  sessions: SessionsTable;
  invitations: InvitationsTable;
  api_keys: ApiKeysTable;
}
