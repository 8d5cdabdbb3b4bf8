/** Table types of the competitors module (see migrations/2026-11-24-0015-competitors.ts). JSON columns hold text. */
export interface CompetitorsTable {
  id: string; workspace_id: string; name: string; website: string | null; market: string; notes: string;
  /** JSON: ResearchMethod[] */ methods: string;
  /** JSON: CompetitorPrice[] */ prices: string;
  /** JSON: CompetitorPromotion[] */ promotions: string;
  product_descriptions: string; surprises: string; suggestions: string;
  /** JSON: CompetitorSource[] */ sources: string;
  researched_at: string | null; version: number; created_by: string; created_at: string; updated_at: string;
}

export interface CompetitorEvidenceTable {
  id: string; workspace_id: string; competitor_id: string; kind: 'link' | 'file';
  title: string; note: string; url: string | null;
  file_name: string | null; content_type: string | null; size: number | null;
  created_by: string; created_at: string;
}

/** A file's bytes, base64 (portable text on both stores). */
export interface CompetitorFilesTable { evidence_id: string; workspace_id: string; content_base64: string }

export interface CompetitorReviewsTable {
  id: string; workspace_id: string; competitor_id: string; batch_id: string;
  text: string; source: string; rating: number | null; reviewed_on: string | null;
  language: string; sentiment_score: number; sentiment_label: string;
  /** JSON: { id, confidence }[] (names come from the current taxonomy) */ themes: string;
  /** JSON: string[] */ key_phrases: string;
  model_version: string; taxonomy_version: number; created_at: string;
}

export interface CompetitorsTables {
  competitors: CompetitorsTable;
  competitor_evidence: CompetitorEvidenceTable;
  competitor_files: CompetitorFilesTable;
  competitor_reviews: CompetitorReviewsTable;
}
