export interface RespondentsTable {
  id: string; workspace_id: string;
  /** Encrypted with the field cipher; never plain text in the store. */
  email_enc: string | null;
  /** Keyed hash of the normalised email, for exact look-ups without decrypting. */
  email_hash: string | null;
  name_enc: string | null;
  external_id: string | null;
  last_contacted_at: string | null;
  created_at: string;
}

export interface SurveyInvitesTable {
  id: string; workspace_id: string; survey_id: string; respondent_id: string; token_hash: string;
  language: string; sent_at: string; used_at: string | null;
}

export interface ResponsesTable {
  id: string; workspace_id: string; survey_id: string; respondent_id: string | null; idempotency_key: string;
  status: 'partial' | 'complete'; answers: string; channel: string; touchpoint: string | null; language: string | null;
  customer_external_id: string | null; order_id: string | null; metadata: string;
  nps: number | null; csat: number | null; ces: number | null;
  created_at: string; updated_at: string; completed_at: string | null;
}

export interface ResponsesTables {
  respondents: RespondentsTable;
  survey_invites: SurveyInvitesTable;
  responses: ResponsesTable;
}
