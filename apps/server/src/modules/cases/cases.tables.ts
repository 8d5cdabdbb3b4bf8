/** Tables of the cases module (migration 0014). JSON columns hold text; flags are 0/1. */
export interface CaseSettingsTable {
  workspace_id: string; next_number: number;
  /** JSON: CustomStatus[] */ statuses: string;
  /** JSON: string[] */ resolution_codes: string;
  /** JSON: ReplyTemplate[] */ templates: string;
  resurvey_default: number; resurvey_survey_id: string | null;
  inbound_token_enc: string; inbound_token_hash: string; updated_at: string;
}

export interface CaseTeamsTable {
  id: string; workspace_id: string; name: string; time_zone: string;
  /** JSON: { from, to }[][] (Sunday first) */ hours: string;
  /** JSON: string[] */ holidays: string;
  assignment: 'round_robin' | 'least_loaded' | 'skill'; lead_user_id: string | null; last_assigned_user_id: string | null;
  created_at: string; updated_at: string;
}

export interface CaseAgentsTable {
  workspace_id: string; user_id: string; team_id: string | null;
  /** JSON: string[] */ languages: string;
  /** JSON: string[] */ skills: string;
  capacity: number; availability: 'online' | 'away'; last_assigned_at: string | null; updated_at: string;
}

export interface CaseSlaPoliciesTable {
  workspace_id: string; priority: string; first_response_minutes: number; resolution_minutes: number; warn_percent: number;
  /** JSON: { raisePriority, reassign, notifyLead } */ escalation: string; updated_at: string;
}

export interface CaseRulesTable {
  id: string; workspace_id: string; name: string; enabled: number; position: number;
  /** JSON: CaseTrigger */ trigger: string;
  /** JSON: CaseActions without the secret */ actions: string;
  webhook_secret_enc: string | null; matches: number; last_matched_at: string | null; created_at: string; updated_at: string;
}

export type SlaColumnState = 'pending' | 'warning' | 'met' | 'breached';

export interface CasesTable {
  id: string; workspace_id: string; number: number; token: string; title: string;
  status: string; category: string; priority: string; team_id: string | null; owner_id: string | null;
  customer_key: string; customer_profile_id: string | null;
  customer_email_enc: string | null; customer_email_hash: string | null; customer_name_enc: string | null;
  language: string | null; theme: string; open_key: string | null;
  /** JSON: string[] */ tags: string;
  rule_id: string | null; source_response_id: string | null;
  /** JSON: { nps?, csat?, ces? } */ trigger_scores: string;
  recovered: number | null; root_cause: string | null; resolution_code: string | null;
  first_response_due_at: string | null; resolution_due_at: string | null; first_responded_at: string | null;
  sla_first_state: SlaColumnState; sla_resolution_state: SlaColumnState;
  sla_paused_ms: number; waiting_since: string | null; sla_next_at: string | null;
  resolved_at: string | null; closed_at: string | null; created_at: string; updated_at: string; version: number;
}

export interface CaseResponsesTable { case_id: string; response_id: string; workspace_id: string; kind: 'trigger' | 'linked' | 'resurvey'; created_at: string }
export interface CaseJudgedResponsesTable { workspace_id: string; response_id: string; judged_at: string; cases: number }

export interface CaseEventsTable {
  id: string; workspace_id: string; case_id: string; at: string; kind: string;
  actor_type: 'user' | 'system' | 'customer'; actor_id: string | null; actor_label: string | null;
  /** JSON */ data: string;
}

export interface CaseMailIdsTable { message_id: string; workspace_id: string; case_id: string; created_at: string }
export interface CaseViewsTable { id: string; workspace_id: string; user_id: string; name: string; filters: string; shared: number; created_at: string }
export interface CaseResurveysTable {
  id: string; workspace_id: string; case_id: string; survey_id: string; respondent_id: string; sent_at: string;
  response_id: string | null; answered_at: string | null;
}

export interface CasesTables {
  case_settings: CaseSettingsTable;
  case_teams: CaseTeamsTable;
  case_agents: CaseAgentsTable;
  case_sla_policies: CaseSlaPoliciesTable;
  case_rules: CaseRulesTable;
  cases: CasesTable;
  case_responses: CaseResponsesTable;
  case_judged_responses: CaseJudgedResponsesTable;
  case_events: CaseEventsTable;
  case_mail_ids: CaseMailIdsTable;
  case_views: CaseViewsTable;
  case_resurveys: CaseResurveysTable;
}
