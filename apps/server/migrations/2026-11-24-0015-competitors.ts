/**
 * Frozen once merged: never import application code here, never edit; add a new file instead.
 * Competitor research: one record per competitor (Template 1 fields, JSON text for the row lists),
 * its evidence (links and files; a file's bytes as base64 text in their own table, the same on
 * both stores and out of the way of list queries) and pasted reviews with their analysis.
 */
import { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createTable('competitors')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('website', 'text')
    .addColumn('market', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('methods', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('prices', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('promotions', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('product_descriptions', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('surprises', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('suggestions', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('sources', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('researched_at', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('competitors_workspace').on('competitors').columns(['workspace_id', 'name']).execute();

  await db.schema.createTable('competitor_evidence')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('competitor_id', 'text', (c) => c.notNull().references('competitors.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('url', 'text')
    .addColumn('file_name', 'text')
    .addColumn('content_type', 'text')
    .addColumn('size', 'integer')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('competitor_evidence_competitor').on('competitor_evidence').columns(['workspace_id', 'competitor_id', 'created_at']).execute();

  await db.schema.createTable('competitor_files')
    .addColumn('evidence_id', 'text', (c) => c.primaryKey().references('competitor_evidence.id').onDelete('cascade'))
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('content_base64', 'text', (c) => c.notNull())
    .execute();

  await db.schema.createTable('competitor_reviews')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('competitor_id', 'text', (c) => c.notNull().references('competitors.id').onDelete('cascade'))
    .addColumn('batch_id', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('rating', 'double precision')
    .addColumn('reviewed_on', 'text')
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('sentiment_score', 'double precision', (c) => c.notNull())
    .addColumn('sentiment_label', 'text', (c) => c.notNull())
    .addColumn('themes', 'text', (c) => c.notNull())
    .addColumn('key_phrases', 'text', (c) => c.notNull())
    .addColumn('model_version', 'text', (c) => c.notNull())
    .addColumn('taxonomy_version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('competitor_reviews_competitor').on('competitor_reviews').columns(['workspace_id', 'competitor_id', 'created_at']).execute();
  await db.schema.createIndex('competitor_reviews_batch').on('competitor_reviews').columns(['workspace_id', 'batch_id']).execute();
}
