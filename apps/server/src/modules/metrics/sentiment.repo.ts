/**
 * SQL behind the cube's sentiment: the analysed answers of given responses, and the responses
 * themselves locked while their analyses change. text_analyses belongs to text-analytics; the
 * metrics module only reads it, as it reads responses (rule 3: only metrics code writes the cube).
 */
import { addSentimentSums, NO_SENTIMENT, sentimentSumsOf, type SentimentSums } from '@touchpoint/shared';
import { lockingRead } from '../../platform/db/dialect.js';
import type { Db, Trx } from '../../schema.js';
import type { CubeSource } from './cube.js';
import { CUBE_SOURCE_COLUMNS } from './metrics.repo.js';

type Q = Db | Trx;
const IDS_PER_QUERY = 500;

/** Per response id, the sums of its analysed answers (responses without any are absent). */
export async function sentimentOf(db: Q, responseIds: readonly string[]): Promise<Map<string, SentimentSums>> {
  const out = new Map<string, SentimentSums>();
  for (let i = 0; i < responseIds.length; i += IDS_PER_QUERY) {
    const rows = await db.selectFrom('text_analyses').select(['response_id', 'sentiment_score', 'sentiment_label'])
      .where('response_id', 'in', responseIds.slice(i, i + IDS_PER_QUERY)).execute();
    for (const r of rows) out.set(r.response_id, addSentimentSums(out.get(r.response_id) ?? NO_SENTIMENT, sentimentSumsOf(Number(r.sentiment_score), r.sentiment_label)));
  }
  return out;
}

/**
 * The responses, locked until the transaction ends (PostgreSQL FOR UPDATE; SQLite runs one write
 * transaction at a time), in id order so two lockers cannot deadlock. While held, no other
 * transaction can change, delete or re-analyse them: their analyses stay as read.
 */
export async function lockResponses(trx: Trx, ids: readonly string[]): Promise<CubeSource[]> {
  const sorted = [...new Set(ids)].sort();
  const out: CubeSource[] = [];
  for (let i = 0; i < sorted.length; i += IDS_PER_QUERY) {
    const q = trx.selectFrom('responses').select(CUBE_SOURCE_COLUMNS).where('id', 'in', sorted.slice(i, i + IDS_PER_QUERY)).orderBy('id');
    out.push(...await lockingRead(q, trx, 'update').execute());
  }
  return out;
}
