/**
 * Frozen once merged: never import application code here, never edit; add a new file instead.
 * Text analytics: one analysis per response × open_text question, the themes each text carries
 * (a row per theme, so a theme filter is an index range), the workspace taxonomy with its
 * version, and the background jobs' cursors (the analysis watermark, re-tags after an edit).
 */
import { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createTable('text_analyses')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    // An erased response takes its analysed text with it, in the erasing transaction.
    .addColumn('response_id', 'text', (c) => c.notNull().references('responses.id').onDelete('cascade'))
    .addColumn('survey_id', 'text', (c) => c.notNull())
    .addColumn('question_id', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('text_hash', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('sentiment_score', 'double precision', (c) => c.notNull())
    .addColumn('sentiment_label', 'text', (c) => c.notNull())
    .addColumn('key_phrases', 'text', (c) => c.notNull())
    .addColumn('aspects', 'text', (c) => c.notNull())
    .addColumn('themes', 'text', (c) => c.notNull())
    .addColumn('cues', 'text', (c) => c.notNull())
    .addColumn('nps', 'integer')
    .addColumn('model_version', 'text', (c) => c.notNull())
    .addColumn('taxonomy_version', 'integer', (c) => c.notNull())
    .addColumn('analyzed_at', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('text_analyses_response').on('text_analyses').columns(['response_id', 'question_id']).unique().execute();
  // The explorer's order (newest first) and every re-tag's walk.
  await db.schema.createIndex('text_analyses_time').on('text_analyses').columns(['workspace_id', 'created_at', 'id']).execute();
  await db.schema.createIndex('text_analyses_survey_time').on('text_analyses').columns(['survey_id', 'created_at', 'id']).execute();

  await db.schema.createTable('text_analysis_themes')
    .addColumn('analysis_id', 'text', (c) => c.notNull().references('text_analyses.id').onDelete('cascade'))
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('theme_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('text_analysis_themes_pk', ['analysis_id', 'theme_id'])
    .execute();
  await db.schema.createIndex('text_analysis_themes_filter').on('text_analysis_themes').columns(['workspace_id', 'theme_id', 'created_at', 'analysis_id']).execute();

  await db.schema.createTable('text_taxonomies')
    .addColumn('workspace_id', 'text', (c) => c.primaryKey().references('workspaces.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createTable('text_themes')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('keywords', 'text', (c) => c.notNull())
    .addColumn('examples', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('text_themes_pk', ['workspace_id', 'id'])
    .execute();

  // workspace_id '*' holds the analysis watermark over every workspace's responses (id order).
  await db.schema.createTable('text_jobs')
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('cursor_at', 'text', (c) => c.notNull())
    .addColumn('cursor_id', 'text', (c) => c.notNull())
    .addColumn('done', 'integer', (c) => c.notNull())
    .addColumn('total', 'integer', (c) => c.notNull())
    .addColumn('target_version', 'integer', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('text_jobs_pk', ['workspace_id', 'kind'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['text_jobs', 'text_themes', 'text_taxonomies', 'text_analysis_themes', 'text_analyses']) await db.schema.dropTable(t).execute();
}
