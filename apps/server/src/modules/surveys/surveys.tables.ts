import type { SurveyStatus } from '@touchpoint/shared';

export interface SurveysTable {
  id: string; workspace_id: string; public_id: string; name: string; status: SurveyStatus;
  definition: string; created_at: string; updated_at: string;
}

export interface SurveysTables { surveys: SurveysTable }
