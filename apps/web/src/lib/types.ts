/** Shapes of the JSON the server returns (see the server's route and service files). */
import type { ApiKeyScope, Answers, Role, Survey } from '@touchpoint/shared';

export interface MyWorkspace { id: string; name: string; role: Role }
export interface Me { user: { id: string; email: string; name: string; locale: string }; workspaces: MyWorkspace[]; csrfToken: string }

export interface WorkspaceSettings { recontactCooldownDays: number; defaultLanguage: 'en' | 'zh-Hant' | 'zh-Hans'; timeZone: string }
export interface WorkspaceDetail { id: string; name: string; settings: WorkspaceSettings; createdAt: string; role: Role | null }

/** Members and invitations come straight from the tables, hence snake_case. */
export interface Member { id: string; email: string; name: string; role: Role; created_at: string }
export interface Invitation {
  id: string; email: string; role: Role; created_at: string; expires_at: string;
  accepted_at: string | null; revoked_at: string | null;
}
export interface ApiKey { id: string; name: string; prefix: string; scopes: ApiKeyScope[]; createdAt: string; lastUsedAt: string | null; revokedAt: string | null }
export interface CreatedApiKey extends Omit<ApiKey, 'lastUsedAt' | 'revokedAt'> { key: string }

export interface AuditEntry {
  id: string; actorType: string; actorId: string; actor: string; action: string;
  targetType: string | null; targetId: string | null; details: unknown; createdAt: string;
}

export interface Page<T> { items: T[]; nextCursor: string | null }
export interface Items<T> { items: T[] }

export type { Survey };

export interface Interval { low: number; high: number }
export interface SurveyResults {
  surveyId: string;
  total: number; complete: number; partial: number; completionRate: number | null;
  nps: { n: number; promoters: number; passives: number; detractors: number; nps: number | null; ci: Interval | null };
  csat: { n: number; satisfied: number; csat: number | null; ci: Interval | null };
  ces: { n: number; mean: number | null; easyShare: number | null; ci: Interval | null };
  byChannel: { key: string; n: number }[];
  byLanguage: { key: string; n: number }[];
  questions: { questionId: string; type: string; answered: number; values: { key: string; n: number }[] }[];
}

export interface ResponseItem {
  id: string; surveyId: string; status: 'partial' | 'complete'; answers: Answers; channel: string;
  touchpoint: string | null; language: string | null; customerExternalId: string | null; orderId: string | null;
  metadata: Record<string, string>; nps: number | null; csat: number | null; ces: number | null;
  createdAt: string; completedAt: string | null;
}

export interface ShareInfo { link: string; qrSvg: string; widgetSnippet: string; status: Survey['status'] }

export interface InviteResult { sent: number; throttled: string[]; noConsent: string[]; failed: { email: string; error: string }[] }
export interface ImportResult { rows: number; imported: number; duplicates: number; errors: { row: number; path: string; message: string }[]; errorCount: number }
