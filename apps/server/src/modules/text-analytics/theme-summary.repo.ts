/**
 * Sentiment of our analysed open-text answers per theme over a time range, summed by the store:
 * the "ours" side of the competitor comparison. Counts and sums only (no rows leave the store).
 */
import { sql } from 'kysely';
import type { Db } from '../../schema.js';

export interface SentimentSums { n: number; sum: number; positives: number; negatives: number }
export interface ThemeSentimentSums extends SentimentSums { themeId: string }

const num = (v: unknown) => Number(v ?? 0);
const negative = sql<number | string>`sum(case when a.sentiment_label = 'negative' then 1 else 0 end)`;
const positive = sql<number | string>`sum(case when a.sentiment_label = 'positive' then 1 else 0 end)`;

/** Analyses created in [startAt, endAt) (UTC instants; created_at is the answer's time). */
export async function themeSentimentSums(db: Db, workspaceId: string, startAt: string, endAt: string): Promise<{ overall: SentimentSums; themes: ThemeSentimentSums[] }> {
  const [all, perTheme] = await Promise.all([
    db.selectFrom('text_analyses as a')
      .select([(eb) => eb.fn.countAll<number | string>().as('n'), (eb) => eb.fn.sum<number | string>('a.sentiment_score').as('sum'), positive.as('pos'), negative.as('neg')])
      .where('a.workspace_id', '=', workspaceId).where('a.created_at', '>=', startAt).where('a.created_at', '<', endAt)
      .executeTakeFirst(),
    db.selectFrom('text_analysis_themes as t').innerJoin('text_analyses as a', 'a.id', 't.analysis_id')
      .select(['t.theme_id', (eb) => eb.fn.countAll<number | string>().as('n'), (eb) => eb.fn.sum<number | string>('a.sentiment_score').as('sum'), positive.as('pos'), negative.as('neg')])
      .where('t.workspace_id', '=', workspaceId).where('a.workspace_id', '=', workspaceId)
      .where('t.created_at', '>=', startAt).where('t.created_at', '<', endAt)
      .groupBy('t.theme_id')
      .execute(),
  ]);
  return {
    overall: { n: num(all?.n), sum: num(all?.sum), positives: num(all?.pos), negatives: num(all?.neg) },
    themes: perTheme.map((r) => ({ themeId: r.theme_id, n: num(r.n), sum: num(r.sum), positives: num(r.pos), negatives: num(r.neg) })),
  };
}
