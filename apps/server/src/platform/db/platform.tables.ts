export interface AuditLogTable {
  id: string;
  workspace_id: string;
  actor_type: 'user' | 'api_key' | 'system' | 'public';
  actor_id: string;
  actor_label: string;
  action: string;
  target_type: string;
  target_id: string;
  details: string;
  created_at: string;
}

export interface OutboxTable {
  id: string;
  workspace_id: string;
  type: string;
  payload: string;
  created_at: string;
  processed_at: string | null;
  attempts: number;
}

export interface PlatformTables {
  audit_log: AuditLogTable;
  outbox: OutboxTable;
}
