/**
 * Background analysis of open-text answers. A watermark (the 'analyze' job of workspace '*')
 * walks every workspace's responses in id order (ids are time-ordered at insertion, so imports of
 * old answers are found too); each chunk analyses the open_text answers of complete responses and
 * stores them with the watermark in ONE transaction: a crash repeats at most the chunk under way
 * and a restart resumes after the last stored one. Ids younger than `settleMs` are left for the
 * next pass, so a transaction still open when the watermark passes cannot be skipped. A partial
 * response completed later keeps its id; its event brings it here by id (analyzeResponses).
 */
import crypto from 'node:crypto';
import { modelVersion } from '@touchpoint/text';
import type { Deps } from '../../deps.js';
import type { Trx } from '../../schema.js';
import { AppError } from '../../platform/http/errors.js';
import { SYSTEM_ACTOR, writeAudit } from '../../platform/audit.js';
import { appendEvent } from '../../platform/events/outbox.js';
import { idBefore, newTimeOrderedId } from '../../platform/crypto/tokens.js';
import { responsesForTextAfter, responsesForTextByIds, type TextSourceRow } from '../responses/index.js';
import { getSurvey } from '../surveys/index.js';
import { recordAnalysisChanges } from '../metrics/index.js';
import type { TextAnalysesTable, TextAnalysisThemesTable } from './text.tables.js';
import { analysesOfResponses, deleteAnalyses, insertAnalyses } from './analyses.repo.js';
import { getJob, saveJob, taxonomyVersion } from './taxonomy.repo.js';
import { loadTaxonomy, taxonomyIn, type LoadedTaxonomy } from './taxonomy.service.js';
import { themeTags, type TextFields, type ThemeTag } from './analysis-fields.js';
import type { AnalysisThread, TaxonomyRef } from './analysis-thread.js';

export const MODEL_VERSION = modelVersion();
/** Responses per chunk: one transaction each; the analysis itself runs before it, on the analysis thread. */
export const DEFAULT_ANALYZE_CHUNK = 500;

export const hashText = (text: string) => crypto.createHash('sha256').update(text).digest('hex').slice(0, 32);

/** What the analysis thread needs to know of a loaded taxonomy. */
export const taxonomyRef = (workspaceId: string, tax: LoadedTaxonomy): TaxonomyRef => ({ key: workspaceId, version: tax.version, themes: tax.themes });

interface Analysed { row: TextAnalysesTable; themes: ThemeTag[] }

function toRow(r: TextSourceRow, questionId: string, text: string, f: TextFields, taxonomyVersion: number, now: string): Analysed {
  return {
    themes: f.themes,
    row: {
      id: newTimeOrderedId(), workspace_id: r.workspace_id, response_id: r.id, survey_id: r.survey_id, question_id: questionId,
      text, text_hash: hashText(text), language: f.language, sentiment_score: f.score, sentiment_label: f.label,
      key_phrases: JSON.stringify(f.keyPhrases), aspects: JSON.stringify(f.aspects), themes: JSON.stringify(f.themes), cues: JSON.stringify(f.cues),
      nps: r.nps, model_version: f.modelVersion, taxonomy_version: taxonomyVersion, analyzed_at: now, created_at: r.created_at,
    },
  };
}

/** Analyses the open_text answers of complete responses on the analysis thread (no store access meanwhile). */
async function analyseResponses(deps: Deps, thread: AnalysisThread, rows: TextSourceRow[]): Promise<Analysed[]> {
  const questions = new Map<string, string[]>();
  const taxonomies = new Map<string, LoadedTaxonomy>();
  const work: { r: TextSourceRow; q: string; text: string }[] = [];
  for (const r of rows) {
    if (r.status !== 'complete') continue;
    const key = `${r.workspace_id}|${r.survey_id}`;
    if (!questions.has(key)) questions.set(key, await openTextQuestions(deps, r.workspace_id, r.survey_id));
    const answers = JSON.parse(r.answers) as Record<string, unknown>;
    for (const q of questions.get(key)!) {
      const text = answers[q];
      if (typeof text === 'string' && text.trim()) work.push({ r, q, text });
    }
    if (work.length && !taxonomies.has(r.workspace_id)) taxonomies.set(r.workspace_id, await loadTaxonomy(deps, r.workspace_id));
  }
  const refs = new Map([...taxonomies].map(([wid, tax]) => [wid, taxonomyRef(wid, tax)]));
  const fields = await thread.analyse(work.map((w) => ({ text: w.text, taxonomy: refs.get(w.r.workspace_id)! })));
  const now = new Date().toISOString();
  return work.map((w, i) => toRow(w.r, w.q, w.text, fields[i], taxonomies.get(w.r.workspace_id)!.version, now));
}

async function openTextQuestions(deps: Deps, workspaceId: string, surveyId: string): Promise<string[]> {
  try {
    const s = await getSurvey(deps, workspaceId, surveyId);
    return s.definition.questions.filter((q) => q.type === 'open_text').map((q) => q.id);
  } catch (err) {
    if (err instanceof AppError && err.statusCode === 404) return []; // deleted meanwhile: its responses go too
    throw err;
  }
}

/**
 * Stores a chunk's analyses. An answer already analysed with the same text and model is kept
 * (nothing is analysed twice); a changed text replaces it. Themes were tagged with the taxonomy
 * read before the transaction: if an edit committed since, they are tagged again here with the
 * version that stands now (the edit's re-tag may already have passed these texts).
 */
const store = (trx: Trx, results: Analysed[]): Promise<number> =>
  // The metric cube's sentiment follows, in this transaction (only metrics code writes the cube).
  recordAnalysisChanges(trx, results.map((x) => x.row.response_id), () => storeAnalyses(trx, results));

async function storeAnalyses(trx: Trx, results: Analysed[]): Promise<number> {
  const existing = new Map((await analysesOfResponses(trx, [...new Set(results.map((x) => x.row.response_id))])).map((e) => [`${e.response_id}|${e.question_id}`, e]));
  const fresh = results.filter((x) => { const e = existing.get(`${x.row.response_id}|${x.row.question_id}`); return !e || e.text_hash !== x.row.text_hash || e.model_version !== x.row.model_version || e.nps !== x.row.nps; });
  await deleteAnalyses(trx, fresh.map((x) => existing.get(`${x.row.response_id}|${x.row.question_id}`)?.id).filter((id): id is string => !!id));
  const byWorkspace = new Map<string, Analysed[]>();
  for (const x of fresh) byWorkspace.set(x.row.workspace_id, [...(byWorkspace.get(x.row.workspace_id) ?? []), x]);
  for (const [workspaceId, items] of byWorkspace) {
    const v = (await taxonomyVersion(trx, workspaceId, 'share'))?.version;
    const stale = items.filter((x) => x.row.taxonomy_version !== v);
    if (stale.length && v !== undefined) {
      const tax = await taxonomyIn(trx, workspaceId);
      for (const x of stale) { x.themes = themeTags(x.row.text, tax.compiled); x.row.themes = JSON.stringify(x.themes); x.row.taxonomy_version = v; }
    }
    const tags: TextAnalysisThemesTable[] = items.flatMap((x) => x.themes.map((t) => ({ analysis_id: x.row.id, workspace_id: workspaceId, theme_id: t.id, created_at: x.row.created_at })));
    await insertAnalyses(trx, items.map((x) => x.row), tags);
    await writeAudit(trx, { workspaceId, actor: SYSTEM_ACTOR, action: 'text.analyzed', targetType: 'text_analysis', targetId: items[0].row.id, details: { texts: items.length, modelVersion: MODEL_VERSION } });
    // Sentiment moved: alert rules on it are evaluated for these surveys (modules/alerts listens);
    // closed-loop rules judge these answers now that their text is known (modules/cases listens).
    await appendEvent(trx, workspaceId, 'text.analyzed', { texts: items.length, surveyIds: [...new Set(items.map((x) => x.row.survey_id))], responseIds: [...new Set(items.map((x) => x.row.response_id))] });
  }
  return fresh.length;
}



/** `settling`: responses after the watermark were left for later (younger than settleMs): look again once they settle. */
/** `workspaces`: those whose analyses this chunk stored (their dashboards have new numbers). */
export interface AnalyzeChunkResult { scanned: number; analyzed: number; watermark: string; more: boolean; settling: boolean; workspaces: string[] }

/** Whether any response is stored after `id` (ids are hex digits and dashes: '~' sorts after all of them). */
const anyAfter = async (deps: Deps, id: string) => (await responsesForTextAfter(deps.db, id, '~', 1)).length > 0;

export async function analyzeChunk(deps: Deps, thread: AnalysisThread, opts: { chunk?: number; settleMs?: number } = {}): Promise<AnalyzeChunkResult> {
  const chunk = opts.chunk ?? DEFAULT_ANALYZE_CHUNK;
  const after = (await getJob(deps.db, '*', 'analyze'))?.cursor_id ?? '';
  const page = await responsesForTextAfter(deps.db, after, idBefore(Date.now() - (opts.settleMs ?? 1000)), chunk);
  if (!page.length) return { scanned: 0, analyzed: 0, watermark: after, more: false, settling: await anyAfter(deps, after), workspaces: [] };
  const results = await analyseResponses(deps, thread, page);
  const last = page[page.length - 1].id;
  const analyzed = await deps.db.transaction().execute(async (trx) => {
    // Locked: two loops (two processes) cannot both store the same page.
    const job = await getJob(trx, '*', 'analyze', 'update');
    if ((job?.cursor_id ?? '') !== after) return -1;
    const n = await store(trx, results);
    const now = new Date().toISOString();
    await saveJob(trx, { workspace_id: '*', kind: 'analyze', cursor_at: now, cursor_id: last, done: (job?.done ?? 0) + page.length, total: 0, target_version: 0, started_at: job?.started_at ?? now });
    return n;
  });
  if (analyzed < 0) return { scanned: 0, analyzed: 0, watermark: after, more: true, settling: false, workspaces: [] };
  const more = page.length === chunk;
  const workspaces = analyzed ? [...new Set(results.map((x) => x.row.workspace_id))] : [];
  return { scanned: page.length, analyzed, watermark: last, more, settling: !more && await anyAfter(deps, last), workspaces };
}

/** Analyses given responses now (a partial response completed behind the watermark). */
export async function analyzeResponses(deps: Deps, thread: AnalysisThread, workspaceId: string, ids: string[]): Promise<number> {
  const results = await analyseResponses(deps, thread, await responsesForTextByIds(deps.db, workspaceId, ids));
  if (!results.length) return 0;
  return deps.db.transaction().execute((trx) => store(trx, results));
}

export async function analysisWatermark(deps: Deps): Promise<string> {
  return (await getJob(deps.db, '*', 'analyze'))?.cursor_id ?? '';
}
