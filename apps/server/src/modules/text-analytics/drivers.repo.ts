/**
 * SQL of driver analysis under the dashboard filters: per-score counts summed by the store (the
 * usual path), or pages of scored responses and their themes for a metadata filter, which is
 * matched in code as the metrics' row path does (JSON text: no portable SQL for it).
 */
import { sql } from 'kysely';
import type { Db } from '../../schema.js';

export interface DriverFilter {
  workspaceId: string;
  /** UTC instants: the first local day's start, the day after the last one's start. */
  startAt: string; endAt: string;
  surveyIds?: string[]; channels?: string[];
  metric: 'nps' | 'csat' | 'ces';
}

/**
 * A page of responses with a score for the metric, in (created_at, id) order after a cursor: a
 * range on the (workspace_id, created_at) index, as the metrics' row path reads them.
 */
export function scoredResponses(db: Db, f: DriverFilter, after: { created_at: string; id: string } | null, limit: number) {
  let q = db.selectFrom('responses').select(['id', 'created_at', 'metadata', 'customer_external_id', 'respondent_id', `${f.metric} as score`])
    .where('workspace_id', '=', f.workspaceId).where('created_at', '>=', f.startAt).where('created_at', '<', f.endAt)
    .where(f.metric, 'is not', null);
  if (f.surveyIds?.length) q = q.where('survey_id', 'in', f.surveyIds);
  if (f.channels?.length) q = q.where('channel', 'in', f.channels);
  if (after) { const a = after; q = q.where((eb) => eb(eb.refTuple('created_at', 'id'), '>', eb.tuple(a.created_at, a.id))); }
  return q.orderBy('created_at').orderBy('id').limit(limit).execute();
}

/** (response, theme) pairs of the given responses' analysed answers, this workspace only. */
export function themesOfResponses(db: Db, workspaceId: string, responseIds: string[]) {
  if (!responseIds.length) return Promise.resolve([]);
  return db.selectFrom('text_analyses as a').innerJoin('text_analysis_themes as t', 't.analysis_id', 'a.id')
    .select(['a.response_id', 't.theme_id'])
    .where('a.workspace_id', '=', workspaceId).where('t.workspace_id', '=', workspaceId)
    .where('a.response_id', 'in', responseIds).execute();
}

/** The filtered responses joined to the themes their analyses carry (a response once per theme and analysis). */
function tagged(db: Db, f: DriverFilter, themeIds: string[]) {
  let q = db.selectFrom('responses as r')
    .innerJoin('text_analyses as a', 'a.response_id', 'r.id')
    .innerJoin('text_analysis_themes as t', 't.analysis_id', 'a.id')
    .where('r.workspace_id', '=', f.workspaceId).where('a.workspace_id', '=', f.workspaceId).where('t.workspace_id', '=', f.workspaceId)
    .where('r.created_at', '>=', f.startAt).where('r.created_at', '<', f.endAt)
    .where(`r.${f.metric}`, 'is not', null).where('t.theme_id', 'in', themeIds);
  if (f.surveyIds?.length) q = q.where('r.survey_id', 'in', f.surveyIds);
  if (f.channels?.length) q = q.where('r.channel', 'in', f.channels);
  return q;
}

/** Per score: all filtered responses, each theme's (distinct) responses, and the responses with any of `themeIds`. */
export async function scoreCounts(db: Db, f: DriverFilter, themeIds: string[]) {
  let all = db.selectFrom('responses').select([`${f.metric} as score`, (eb) => eb.fn.countAll<number | string>().as('n')])
    .where('workspace_id', '=', f.workspaceId).where('created_at', '>=', f.startAt).where('created_at', '<', f.endAt)
    .where(f.metric, 'is not', null);
  if (f.surveyIds?.length) all = all.where('survey_id', 'in', f.surveyIds);
  if (f.channels?.length) all = all.where('channel', 'in', f.channels);
  const distinct = sql<number | string>`count(distinct r.id)`;
  const [overall, byTheme, anyTheme] = await Promise.all([
    all.groupBy(f.metric).execute(),
    themeIds.length ? tagged(db, f, themeIds).select(['t.theme_id', `r.${f.metric} as score`, distinct.as('n')]).groupBy(['t.theme_id', `r.${f.metric}`]).execute() : [],
    themeIds.length ? tagged(db, f, themeIds).select(distinct.as('n')).executeTakeFirst() : undefined,
  ]);
  return { overall, byTheme, tagged: Number(anyTheme?.n ?? 0) };
}
