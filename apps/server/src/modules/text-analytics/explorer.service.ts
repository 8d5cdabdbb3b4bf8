/** Reading analyses: the explorer (filters, keyset pages, facet counts), status, theme suggestions. */
import { discoverThemes } from '@touchpoint/text';
import type { UiLanguage, TextAnalysisItem, TextExplorerPage, TextExplorerQuery, TextStatus, ThemeSuggestions, ThemeSuggestionsQuery } from '@touchpoint/shared';
import type { Deps } from '../../deps.js';
import { likeOperator } from '../../platform/db/dialect.js';
import { validationError } from '../../platform/http/errors.js';
import { countResponsesAfter } from '../responses/index.js';
import { addDays, getMetricSettings, startOfLocalDay } from '../metrics/index.js';
import type { TextAnalysesTable } from './text.tables.js';
import { countAnalyses, explorerFacets, explorerPage, keyPhrasesIn, type ExplorerFilter } from './analyses.repo.js';
import { getJob, jobProgress } from './taxonomy.repo.js';
import { loadTaxonomy, themeName, type LoadedTaxonomy } from './taxonomy.service.js';
import { analysisWatermark, MODEL_VERSION } from './analyze.service.js';

/** Days are the workspace's (its metric time zone, as on the dashboards): the instants they start at. */
const dayStart = (d: string, tz: string) => startOfLocalDay(d, tz);
const nextDay = (d: string, tz: string) => startOfLocalDay(addDays(d, 1), tz);
const workspaceZone = async (deps: Deps, workspaceId: string) => (await getMetricSettings(deps, workspaceId)).timeZone;

/** Themes deleted since a text was tagged are left out until the re-tag rewrites it; names are in `lang` where the theme has one. */
export function presentAnalysis(r: TextAnalysesTable, tax: LoadedTaxonomy, lang: UiLanguage | null = null): TextAnalysisItem {
  const themes = (JSON.parse(r.themes) as { id: string; confidence: number }[]).filter((t) => tax.names.has(t.id)).map((t) => ({ ...t, name: themeName(tax, t.id, lang)! }));
  return {
    id: r.id, responseId: r.response_id, surveyId: r.survey_id, questionId: r.question_id, text: r.text,
    language: r.language as TextAnalysisItem['language'], sentiment: { score: Number(r.sentiment_score), label: r.sentiment_label as TextAnalysisItem['sentiment']['label'] },
    keyPhrases: JSON.parse(r.key_phrases), aspects: JSON.parse(r.aspects), themes, cues: JSON.parse(r.cues), nps: r.nps === null ? null : Number(r.nps),
    createdAt: r.created_at, analyzedAt: r.analyzed_at, modelVersion: r.model_version, taxonomyVersion: Number(r.taxonomy_version),
  };
}

const encodeCursor = (r: { created_at: string; id: string }) => Buffer.from(`${r.created_at}|${r.id}`).toString('base64url');
function decodeCursor(c: string): { at: string; id: string } {
  const [at, id, extra] = Buffer.from(c, 'base64url').toString('utf8').split('|');
  if (!at || !id || extra !== undefined || Number.isNaN(Date.parse(at))) throw validationError([{ path: 'querystring.cursor', message: 'not a cursor from a previous page' }]);
  return { at, id };
}

export async function exploreTexts(deps: Deps, workspaceId: string, q: TextExplorerQuery, lang: UiLanguage | null = null): Promise<TextExplorerPage> {
  const tz = await workspaceZone(deps, workspaceId);
  const f: ExplorerFilter = {
    workspaceId, like: likeOperator(deps.kind), q: q.q, theme: q.theme, sentiment: q.sentiment, language: q.language, scoreBand: q.scoreBand,
    surveyId: q.surveyId, questionId: q.questionId, fromAt: q.from && dayStart(q.from, tz), toAt: q.to && nextDay(q.to, tz),
  };
  const before = q.cursor ? decodeCursor(q.cursor) : null;
  const tax = await loadTaxonomy(deps, workspaceId);
  const rows = await explorerPage(deps.db, f, before, q.limit + 1);
  const page = rows.slice(0, q.limit);
  const out: TextExplorerPage = { items: page.map((r) => presentAnalysis(r, tax, lang)), nextCursor: rows.length > q.limit ? encodeCursor(page[page.length - 1]) : null };
  if (q.facets ?? !q.cursor) {
    const c = await explorerFacets(deps.db, f);
    const sentiment = { negative: 0, neutral: 0, positive: 0 };
    for (const [k, n] of c.sentiment) if (k in sentiment) sentiment[k as keyof typeof sentiment] = n;
    out.total = c.total;
    out.facets = {
      sentiment, language: Object.fromEntries(c.language),
      themes: c.themes.filter(([id]) => tax.names.has(id)).map(([id, count]) => ({ id, name: themeName(tax, id, lang)!, count })).sort((a, b) => b.count - a.count || (a.id < b.id ? -1 : 1)),
    };
  }
  return out;
}

export async function textStatus(deps: Deps, workspaceId: string, analysing: boolean): Promise<TextStatus> {
  const tax = await loadTaxonomy(deps, workspaceId);
  const [analyzed, other, backlog, retag, reanalysis, timeZone] = await Promise.all([
    countAnalyses(deps.db, workspaceId), countAnalyses(deps.db, workspaceId, MODEL_VERSION),
    analysisWatermark(deps).then((w) => countResponsesAfter(deps.db, workspaceId, w)), getJob(deps.db, workspaceId, 'retag'), getJob(deps.db, workspaceId, 'reanalyze'),
    workspaceZone(deps, workspaceId),
  ]);
  return {
    modelVersion: MODEL_VERSION, taxonomyVersion: tax.version, analyzed, otherModelVersions: other, backlog,
    retag: jobProgress(retag), reanalysis: jobProgress(reanalysis),
    analysing, timeZone,
  };
}

/** Texts discovery looks at: the newest of the range (clustering is quadratic in phrases at worst). */
const SUGGESTION_SAMPLE = 5_000;

export async function themeSuggestions(deps: Deps, workspaceId: string, q: ThemeSuggestionsQuery): Promise<ThemeSuggestions> {
  const tax = await loadTaxonomy(deps, workspaceId);
  const tz = await workspaceZone(deps, workspaceId);
  const to = q.to ? nextDay(q.to, tz) : '9999-12-31T00:00:00.000Z';
  const rows = await keyPhrasesIn(deps.db, workspaceId, q.from ? dayStart(q.from, tz) : '', to, SUGGESTION_SAMPLE);
  const docs = rows.map((r) => JSON.parse(r.key_phrases) as string[]);
  return { items: discoverThemes(docs, tax.compiled, { limit: q.limit }), texts: docs.length };
}
