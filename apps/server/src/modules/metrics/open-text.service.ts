/** The "latest open-text answers" tile: the newest free-text answers under the dashboard's filters. */
import type { Deps } from '../../deps.js';
import { listSurveys } from '../surveys/index.js';
import { addDays, startOfLocalDay } from '../../platform/time/local-day.js';
import { findSettings } from './metrics.repo.js';
import type { MetricsQuery } from './metrics.service.js';

const PAGE = 200, MAX_PAGES = 10;

export async function latestOpenText(deps: Deps, workspaceId: string, q: Pick<MetricsQuery, 'from' | 'to' | 'timeZone' | 'surveyIds' | 'channels' | 'meta' | 'segmentId'> & { limit: number }) {
  const timeZone = q.timeZone ?? (await findSettings(deps.db, workspaceId)).timeZone;
  const textQuestions = new Map<string, { name: string; ids: Set<string> }>();
  for (const s of await listSurveys(deps, workspaceId))
    textQuestions.set(s.id, { name: s.name, ids: new Set(s.definition.questions.filter((x) => x.type === 'open_text').map((x) => x.id)) });
  const start = startOfLocalDay(q.from, timeZone), end = startOfLocalDay(addDays(q.to, 1), timeZone);
  const out: { responseId: string; surveyId: string; surveyName: string; questionId: string; text: string; nps: number | null; channel: string; language: string | null; createdAt: string }[] = [];
  let after: { created_at: string; id: string } | null = null;
  // Newest first, a page at a time, until enough answers with text are found (or we have looked far enough).
  for (let page = 0; page < MAX_PAGES && out.length < q.limit; page++) {
    let query = deps.db.selectFrom('responses').select(['id', 'survey_id', 'answers', 'metadata', 'nps', 'channel', 'language', 'created_at', 'customer_external_id', 'respondent_id'])
      .where('workspace_id', '=', workspaceId).where('created_at', '>=', start).where('created_at', '<', end);
    // Row-value comparison: a range on the index on both stores (an OR form rescans from the newest row).
    if (after) { const a = after; query = query.where((eb) => eb(eb.refTuple('created_at', 'id'), '<', eb.tuple(a.created_at, a.id))); }
    if (q.surveyIds?.length) query = query.where('survey_id', 'in', q.surveyIds);
    if (q.channels?.length) query = query.where('channel', 'in', q.channels);
    const rows = await query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(PAGE).execute();
    const inSegment = q.segmentId && deps.segmentResponses ? await deps.segmentResponses(workspaceId, q.segmentId, rows) : null;
    for (const r of rows) {
      if (inSegment && !inSegment.has(r.id)) continue;
      if (q.meta && (JSON.parse(r.metadata || '{}') as Record<string, unknown>)[q.meta.key] !== q.meta.value) continue;
      const survey = textQuestions.get(r.survey_id);
      if (!survey?.ids.size) continue;
      for (const [questionId, value] of Object.entries(JSON.parse(r.answers) as Record<string, unknown>)) {
        if (!survey.ids.has(questionId) || typeof value !== 'string' || !value.trim()) continue;
        out.push({ responseId: r.id, surveyId: r.survey_id, surveyName: survey.name, questionId, text: value, nps: r.nps, channel: r.channel, language: r.language, createdAt: r.created_at });
      }
      if (out.length >= q.limit) break;
    }
    if (rows.length < PAGE) break;
    after = { created_at: rows[rows.length - 1].created_at, id: rows[rows.length - 1].id };
  }
  return out.slice(0, q.limit);
}
