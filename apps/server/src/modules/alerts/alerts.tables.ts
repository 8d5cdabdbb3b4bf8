/** Table types of the alerts module (see migrations/2026-11-23-0004-alerts.ts). */
export interface AlertRulesTable {
  id: string; workspace_id: string; name: string;
  metric: string; kind: string;
  /** JSON: AlertFilters. */
  filters: string;
  /** JSON: ThresholdConfig or AnomalyConfig, by kind. */
  config: string;
  min_responses: number; cooldown_minutes: number;
  /** JSON array of addresses. */
  email_to: string;
  webhook_url: string | null;
  /** Encrypted with the field cipher, like respondent PII: a leaked database does not leak it. */
  webhook_secret_enc: string | null;
  enabled: number;
  /** Set when the rule fires; the cool-down is counted from here (and claimed atomically). */
  last_fired_at: string | null;
  /** When the last evaluation started, and what it measured (JSON AlertMeasurement). */
  last_evaluated_at: string | null;
  last_result: string | null;
  created_at: string; updated_at: string;
}

export interface AlertEventsTable {
  id: string; workspace_id: string; rule_id: string; fired_at: string;
  test: number;
  value: number | null; n: number;
  /** JSON AlertExpected (threshold or the normal range). */
  expected: string | null;
  /** JSON: the rule as it was and the window measured. */
  details: string;
  email_status: string; email_attempts: number;
  webhook_status: string; webhook_attempts: number;
  /** When a pending delivery is due (null: nothing left to deliver). */
  next_attempt_at: string | null;
  last_error: string | null;
  acknowledged_at: string | null; acknowledged_by: string | null;
}

export interface AlertsTables {
  alert_rules: AlertRulesTable;
  alert_events: AlertEventsTable;
}
