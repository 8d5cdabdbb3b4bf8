/** The answers linked to a case (the one that opened it, later ones merged in, re-survey answers), as the case page shows them. */
import type { CaseLinkedResponse } from '@touchpoint/shared';
import type { Deps } from '../../deps.js';
import { AppError } from '../../platform/http/errors.js';
import { analysesForCases } from '../text-analytics/index.js';
import { responsesForCases } from '../responses/index.js';
import { getSurvey } from '../surveys/index.js';
import * as repo from './cases.repo.js';

export async function linkedResponsesOf(deps: Deps, workspaceId: string, caseId: string): Promise<CaseLinkedResponse[]> {
  const links = await repo.linkedResponses(deps.db, caseId);
  const ids = links.map((l) => l.response_id);
  const [rows, texts] = await Promise.all([responsesForCases(deps.db, workspaceId, ids), analysesForCases(deps.db, ids)]);
  const names = new Map<string, string | null>();
  for (const sid of new Set(rows.map((r) => r.survey_id))) {
    try { names.set(sid, (await getSurvey(deps, workspaceId, sid)).name); } catch (err) { if (!(err instanceof AppError)) throw err; names.set(sid, null); }
  }
  const byId = new Map(rows.map((r) => [r.id, r]));
  // An answer erased since (privacy) leaves its link without a row: it is not shown.
  return links.flatMap((l) => {
    const r = byId.get(l.response_id);
    if (!r) return [];
    return [{
      id: r.id, surveyId: r.survey_id, surveyName: names.get(r.survey_id) ?? null, createdAt: r.created_at, nps: r.nps, csat: r.csat, ces: r.ces,
      texts: texts.filter((t) => t.response_id === r.id).map((t) => ({ text: t.text, sentiment: t.sentiment_score, label: t.sentiment_label, themes: (JSON.parse(t.themes) as { id: string }[]).map((x) => x.id) })),
      resurvey: l.kind === 'resurvey',
    }];
  });
}
