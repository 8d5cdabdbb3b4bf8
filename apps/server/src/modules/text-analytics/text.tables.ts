/** Tables of the text-analytics module (migration 0006). JSON columns hold text. */
export interface TextAnalysesTable {
  id: string; workspace_id: string; response_id: string; survey_id: string; question_id: string;
  text: string; text_hash: string; language: string;
  sentiment_score: number; sentiment_label: string;
  /** JSON: string[] */
  key_phrases: string;
  /** JSON: { term, start, end, score, label }[] */
  aspects: string;
  /** JSON: { id, confidence }[] (names come from the current taxonomy) */
  themes: string;
  /** JSON: { anger, frustration, urgency } */
  cues: string;
  nps: number | null;
  model_version: string; taxonomy_version: number;
  analyzed_at: string; created_at: string;
}

export interface TextAnalysisThemesTable { analysis_id: string; workspace_id: string; theme_id: string; created_at: string }

export interface TextTaxonomiesTable { workspace_id: string; version: number; updated_at: string }

export interface TextThemesTable {
  workspace_id: string; id: string; name: string;
  /** JSON: { en?, zh-Hant?, zh-Hans? } (migration 0008) */
  names: string;
  /** JSON: string[] */
  keywords: string;
  /** JSON: string[] */
  examples: string;
  created_at: string; updated_at: string;
}

/** A background job's cursor: kind 'analyze' (workspace '*', id order), 'retag' or 'reanalyze' ((created_at, id) order). */
export interface TextJobsTable {
  workspace_id: string; kind: 'analyze' | 'retag' | 'reanalyze';
  cursor_at: string; cursor_id: string; done: number; total: number; target_version: number; started_at: string;
}

export interface TextTables {
  text_analyses: TextAnalysesTable;
  text_analysis_themes: TextAnalysisThemesTable;
  text_taxonomies: TextTaxonomiesTable;
  text_themes: TextThemesTable;
  text_jobs: TextJobsTable;
}
