/**
 * The survey results page: counts, completion rate, NPS / CSAT / CES with counts and 95 %
 * intervals, and a distribution per question. Scores are aggregated in SQL from the headline
 * columns; per-question distributions read the answers of this one survey.
 */
import { csatFromCounts, cesFromSums, npsFromCounts, isScored, scaleOf, type Survey } from '@touchpoint/shared';
import { sql } from 'kysely';
import type { Deps } from '../../deps.js';
import { toNumber } from '../../platform/db/dialect.js';
import { getSurvey } from '../surveys/index.js';

export interface ResultsFilter { from?: string; to?: string; channel?: string; language?: string; /** Counts and scores only: no per-question or per-segment breakdowns. */ headline?: boolean }

function filtered(deps: Deps, workspaceId: string, surveyId: string, f: ResultsFilter) {
  let q = deps.db.selectFrom('responses').where('workspace_id', '=', workspaceId).where('survey_id', '=', surveyId);
  if (f.from) q = q.where('created_at', '>=', f.from);
  if (f.to) q = q.where('created_at', '<', f.to);
  if (f.channel) q = q.where('channel', '=', f.channel);
  if (f.language) q = q.where('language', '=', f.language);
  return q;
}

export async function surveyResults(deps: Deps, workspaceId: string, surveyId: string, f: ResultsFilter = {}) {
  const survey = await getSurvey(deps, workspaceId, surveyId);
  const agg = await filtered(deps, workspaceId, surveyId, f)
    .select([
      sql<number>`count(*)`.as('total'),
      sql<number>`sum(case when status = 'complete' then 1 else 0 end)`.as('complete'),
      sql<number>`sum(case when nps >= 9 then 1 else 0 end)`.as('promoters'),
      sql<number>`sum(case when nps between 7 and 8 then 1 else 0 end)`.as('passives'),
      sql<number>`sum(case when nps <= 6 then 1 else 0 end)`.as('detractors'),
      sql<number>`count(csat)`.as('csat_n'),
      sql<number>`sum(case when csat >= 4 then 1 else 0 end)`.as('csat_sat'),
      sql<number>`count(ces)`.as('ces_n'),
      sql<number>`sum(ces)`.as('ces_sum'),
      sql<number>`sum(ces * ces)`.as('ces_sq'),
      sql<number>`sum(case when ces >= 5 then 1 else 0 end)`.as('ces_easy'),
    ])
    .executeTakeFirstOrThrow();
  const n = (k: keyof typeof agg) => toNumber(agg[k]);
  const byChannel = f.headline ? [] : await filtered(deps, workspaceId, surveyId, f).select(['channel', sql<number>`count(*)`.as('n')]).groupBy('channel').execute();
  const byLanguage = f.headline ? [] : await filtered(deps, workspaceId, surveyId, f).select(['language', sql<number>`count(*)`.as('n')]).groupBy('language').execute();
  return {
    surveyId,
    total: n('total'),
    complete: n('complete'),
    partial: n('total') - n('complete'),
    completionRate: n('total') ? n('complete') / n('total') : null,
    nps: npsFromCounts(n('promoters'), n('passives'), n('detractors')),
    csat: csatFromCounts(n('csat_sat'), n('csat_n')),
    ces: cesFromSums(n('ces_n'), n('ces_sum'), n('ces_sq'), n('ces_easy')),
    byChannel: byChannel.map((r) => ({ key: r.channel, n: toNumber(r.n) })),
    byLanguage: byLanguage.map((r) => ({ key: r.language ?? 'unknown', n: toNumber(r.n) })),
    questions: f.headline ? [] : await distributions(deps, survey, workspaceId, f),
  };
}

async function distributions(deps: Deps, survey: Survey, workspaceId: string, f: ResultsFilter) {
  const counts = new Map<string, Map<string, number>>();
  const answered = new Map<string, number>();
  for (const q of survey.definition.questions) { counts.set(q.id, new Map()); answered.set(q.id, 0); }
  const withOptions = new Set(survey.definition.questions.filter((q) => q.options).map((q) => q.id));
  const rows = await filtered(deps, workspaceId, survey.id, f).select('answers').execute();
  for (const row of rows) {
    const answers = JSON.parse(row.answers) as Record<string, unknown>;
    for (const [id, v] of Object.entries(answers)) {
      const bucket = counts.get(id);
      if (!bucket) continue;
      answered.set(id, answered.get(id)! + 1);
      // Scores and choice ids are counted; open text only counts as answered.
      const keys = Array.isArray(v) ? v.map(String) : typeof v === 'number' ? [String(v)] : typeof v === 'string' && withOptions.has(id) ? [v] : [];
      for (const k of keys) bucket.set(k, (bucket.get(k) ?? 0) + 1);
    }
  }
  return survey.definition.questions.map((q) => {
    const bucket = counts.get(q.id)!;
    let values: { key: string; n: number }[];
    if (isScored(q.type)) {
      const { min, max } = scaleOf(q);
      values = Array.from({ length: max - min + 1 }, (_, i) => ({ key: String(min + i), n: bucket.get(String(min + i)) ?? 0 }));
    } else if (q.options) {
      values = q.options.map((o) => ({ key: o.id, n: bucket.get(o.id) ?? 0 }));
    } else values = [];
    return { questionId: q.id, type: q.type, answered: answered.get(q.id)!, values };
  });
}
