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
import { analyzeText, modelVersion, tagThemes } from '@touchpoint/text';
import type { Deps } from '../../deps.js';
import type { Trx } from '../../schema.js';
import { AppError } from '../../platform/http/errors.js';
import { SYSTEM_ACTOR, writeAudit } from '../../platform/audit.js';
import { newTimeOrderedId } from '../../platform/crypto/tokens.js';
import { responsesForTextAfter, responsesForTextByIds, type TextSourceRow } from '../responses/index.js';
import { getSurvey } from '../surveys/index.js';
import type { TextAnalysesTable, TextAnalysisThemesTable } from './text.tables.js';
import { analysesOfResponses, deleteAnalyses, insertAnalyses } from './analyses.repo.js';
import { getJob, saveJob, taxonomyVersion } from './taxonomy.repo.js';
import { loadTaxonomy, taxonomyIn, type LoadedTaxonomy } from './taxonomy.service.js';

export const MODEL_VERSION = modelVersion();
/** Responses per chunk: one transaction each; the analysis itself runs before it, in slices. */
export const DEFAULT_ANALYZE_CHUNK = 500;
/** CPU time between yields to the event loop, so requests on this thread keep flowing. */
const SLICE_MS = 8;

export const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Runs `work` over items, yielding to the event loop every SLICE_MS of work. */
export async function sliced<T>(items: T[], work: (item: T) => void): Promise<void> {
  let start = performance.now();
  for (const item of items) {
    work(item);
    if (performance.now() - start > SLICE_MS) { await yieldToLoop(); start = performance.now(); }
  }
}

const round = (x: number) => Math.round(x * 1e4) / 1e4;
export const hashText = (text: string) => crypto.createHash('sha256').update(text).digest('hex').slice(0, 32);

/** The themes step alone (what analyzeText does for themes): re-tags never re-run sentiment. */
export function themesOf(text: string, tax: LoadedTaxonomy) {
  return tagThemes(text, tax.compiled).map((t) => ({ id: t.id, confidence: round(t.confidence) }));
}

interface Analysed { row: TextAnalysesTable; themes: { id: string; confidence: number }[] }

function analyse(r: TextSourceRow, questionId: string, text: string, tax: LoadedTaxonomy, now: string): Analysed {
  const a = analyzeText(text, { taxonomy: tax.compiled });
  const themes = a.themes.map((t) => ({ id: t.id, confidence: round(t.confidence) }));
  return {
    themes,
    row: {
      id: newTimeOrderedId(), workspace_id: r.workspace_id, response_id: r.id, survey_id: r.survey_id, question_id: questionId,
      text, text_hash: hashText(text), language: a.language, sentiment_score: round(a.sentiment.score), sentiment_label: a.sentiment.label,
      key_phrases: JSON.stringify(a.keyPhrases),
      aspects: JSON.stringify(a.aspects.map((x) => ({ term: x.term, start: x.start, end: x.end, score: round(x.sentiment), label: x.label }))),
      themes: JSON.stringify(themes),
      cues: JSON.stringify({ anger: a.cues.anger, frustration: a.cues.frustration, urgency: a.cues.urgency }),
      nps: r.nps, model_version: a.modelVersion, taxonomy_version: tax.version, analyzed_at: now, created_at: r.created_at,
    },
  };
}

/** Analyses the open_text answers of complete responses (no store access while analysing). */
async function analyseResponses(deps: Deps, rows: TextSourceRow[]): Promise<Analysed[]> {
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
  const now = new Date().toISOString();
  const out: Analysed[] = [];
  await sliced(work, (w) => out.push(analyse(w.r, w.q, w.text, taxonomies.get(w.r.workspace_id)!, now)));
  return out;
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
async function store(trx: Trx, results: Analysed[]): Promise<number> {
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
      for (const x of stale) { x.themes = themesOf(x.row.text, tax); x.row.themes = JSON.stringify(x.themes); x.row.taxonomy_version = v; }
    }
    const tags: TextAnalysisThemesTable[] = items.flatMap((x) => x.themes.map((t) => ({ analysis_id: x.row.id, workspace_id: workspaceId, theme_id: t.id, created_at: x.row.created_at })));
    await insertAnalyses(trx, items.map((x) => x.row), tags);
    await writeAudit(trx, { workspaceId, actor: SYSTEM_ACTOR, action: 'text.analyzed', targetType: 'text_analysis', targetId: items[0].row.id, details: { texts: items.length, modelVersion: MODEL_VERSION } });
  }
  return fresh.length;
}


/** The smallest id a response stored at `ms` can have: ids below it are older. */
export function idBefore(ms: number): string {
  const t = Math.max(0, Math.floor(ms)).toString(16).padStart(12, '0');
  return `${t.slice(0, 8)}-${t.slice(8)}-`;
}

export interface AnalyzeChunkResult { scanned: number; analyzed: number; watermark: string; more: boolean }

export async function analyzeChunk(deps: Deps, opts: { chunk?: number; settleMs?: number } = {}): Promise<AnalyzeChunkResult> {
  const chunk = opts.chunk ?? DEFAULT_ANALYZE_CHUNK;
  const after = (await getJob(deps.db, '*', 'analyze'))?.cursor_id ?? '';
  const page = await responsesForTextAfter(deps.db, after, idBefore(Date.now() - (opts.settleMs ?? 1000)), chunk);
  if (!page.length) return { scanned: 0, analyzed: 0, watermark: after, more: false };
  const results = await analyseResponses(deps, page);
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
  if (analyzed < 0) return { scanned: 0, analyzed: 0, watermark: after, more: true };
  return { scanned: page.length, analyzed, watermark: last, more: page.length === chunk };
}

/** Analyses given responses now (a partial response completed behind the watermark). */
export async function analyzeResponses(deps: Deps, workspaceId: string, ids: string[]): Promise<number> {
  const results = await analyseResponses(deps, await responsesForTextByIds(deps.db, workspaceId, ids));
  if (!results.length) return 0;
  return deps.db.transaction().execute((trx) => store(trx, results));
}

export async function analysisWatermark(deps: Deps): Promise<string> {
  return (await getJob(deps.db, '*', 'analyze'))?.cursor_id ?? '';
}
