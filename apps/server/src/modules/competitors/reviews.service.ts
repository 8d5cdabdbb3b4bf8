/**
 * Pasted competitor reviews: split, analysed synchronously by the text library with the
 * workspace's taxonomy (the same themes as our own answers, so the two sides compare), stored
 * with one audit row per paste; their theme figures, and the comparison with our answers.
 */
import { analyzeText } from '@touchpoint/text';
import {
  MAX_REVIEW_CHARS, MAX_REVIEWS_PER_PASTE,
  type CompetitorReview, type CompetitorReviewsPasteResult, type CompetitorThemes, type ThemeComparison, type UiLanguage,
} from '@touchpoint/shared';
import type { Deps } from '../../deps.js';
import { notFound, validationError } from '../../platform/http/errors.js';
import { writeAudit } from '../../platform/audit.js';
import { newId, newTimeOrderedId } from '../../platform/crypto/tokens.js';
import { loadTaxonomy, themeName, themeSentimentSums, type LoadedTaxonomy } from '../text-analytics/index.js';
import type { CompetitorReviewsTable } from './competitors.tables.js';
import * as repo from './competitors.repo.js';
import { assertCompetitor, type Ctx } from './competitors.service.js';
import { splitReviews } from './review-split.js';
import { figuresFromSums, reviewSums, summary, type AnalysedReview } from './review-figures.js';

export interface PasteBody {
  text?: string; format: 'lines' | 'paragraphs'; source: string;
  reviews?: { text: string; rating: number | null; date: string | null }[];
}

const nameOf = (tax: LoadedTaxonomy, lang: UiLanguage | null) => (id: string) => themeName(tax, id, lang);

function presentReview(r: CompetitorReviewsTable, name: (id: string) => string | undefined): CompetitorReview {
  const themes = JSON.parse(r.themes) as { id: string; confidence: number }[];
  return {
    id: r.id, batchId: r.batch_id, text: r.text, source: r.source, rating: r.rating === null ? null : Number(r.rating), date: r.reviewed_on,
    language: r.language, sentimentScore: Number(r.sentiment_score), sentimentLabel: r.sentiment_label,
    themes: themes.flatMap((t) => { const n = name(t.id); return n === undefined ? [] : [{ id: t.id, name: n, confidence: t.confidence }]; }),
    keyPhrases: JSON.parse(r.key_phrases), modelVersion: r.model_version, createdAt: r.created_at,
  };
}

/** The paste as single reviews, or a 400 naming the field. */
function reviewsOf(body: PasteBody): { text: string; rating: number | null; date: string | null }[] {
  const items = body.reviews ?? splitReviews(body.text ?? '', body.format).map((text) => ({ text, rating: null, date: null }));
  const path = body.reviews ? 'body.reviews' : 'body.text';
  if (!items.length) throw validationError([{ path, message: 'no reviews found in the pasted text' }]);
  if (items.length > MAX_REVIEWS_PER_PASTE) throw validationError([{ path, message: `at most ${MAX_REVIEWS_PER_PASTE} reviews per paste (found ${items.length})` }]);
  const long = items.findIndex((i) => i.text.length > MAX_REVIEW_CHARS);
  if (long >= 0) throw validationError([{ path, message: `review ${long + 1} is longer than ${MAX_REVIEW_CHARS} characters` }]);
  return items;
}

const breathe = () => new Promise<void>((r) => setImmediate(r));

export async function pasteReviews(deps: Deps, ctx: Ctx, competitorId: string, body: PasteBody, lang: UiLanguage | null): Promise<CompetitorReviewsPasteResult> {
  await assertCompetitor(deps, ctx.workspaceId, competitorId);
  const items = reviewsOf(body);
  const tax = await loadTaxonomy(deps, ctx.workspaceId);
  const batchId = newId(), now = new Date().toISOString();
  const rows: CompetitorReviewsTable[] = [];
  let lastBreath = Date.now();
  for (const item of items) {
    const a = analyzeText(item.text, { taxonomy: tax.compiled });
    rows.push({
      id: newTimeOrderedId(), workspace_id: ctx.workspaceId, competitor_id: competitorId, batch_id: batchId,
      text: item.text, source: body.source, rating: item.rating, reviewed_on: item.date,
      language: a.language, sentiment_score: a.sentiment.score, sentiment_label: a.sentiment.label,
      themes: JSON.stringify(a.themes.map((t) => ({ id: t.id, confidence: Math.round(t.confidence * 1000) / 1000 }))),
      key_phrases: JSON.stringify(a.keyPhrases.slice(0, 20)), model_version: a.modelVersion, taxonomy_version: tax.version, created_at: now,
    });
    // A large paste analyses for seconds: let other requests through every few ms.
    if (Date.now() - lastBreath > 20) { await breathe(); lastBreath = Date.now(); }
  }
  await deps.db.transaction().execute(async (trx) => {
    await repo.insertReviews(trx, rows);
    await writeAudit(trx, { workspaceId: ctx.workspaceId, actor: ctx.actor, action: 'competitor_reviews.pasted', targetType: 'competitor', targetId: competitorId, details: { batchId, count: rows.length, source: body.source } });
  });
  return { batchId, count: rows.length, reviews: rows.map((r) => presentReview(r, nameOf(tax, lang))) };
}

export async function listReviews(deps: Deps, workspaceId: string, competitorId: string, q: { limit: number; offset: number }, lang: UiLanguage | null): Promise<{ items: CompetitorReview[]; total: number }> {
  await assertCompetitor(deps, workspaceId, competitorId);
  const [rows, counts, tax] = await Promise.all([
    repo.listReviews(deps.db, workspaceId, competitorId, q.limit, q.offset), repo.reviewCounts(deps.db, workspaceId, competitorId), loadTaxonomy(deps, workspaceId),
  ]);
  return { items: rows.map((r) => presentReview(r, nameOf(tax, lang))), total: Number(counts[0]?.n ?? 0) };
}

/** Which reviews of a competitor to delete: one, one paste, or (explicitly) all of them. */
export type ReviewSelection = { review: string } | { batch: string } | { all: true };

export async function deleteReviews(deps: Deps, ctx: Ctx, competitorId: string, which: ReviewSelection): Promise<{ deleted: number }> {
  await assertCompetitor(deps, ctx.workspaceId, competitorId);
  return deps.db.transaction().execute(async (trx) => {
    const deleted = await repo.deleteReviews(trx, ctx.workspaceId, competitorId, which);
    if (!deleted && !('all' in which)) throw notFound('review' in which ? 'competitor_review' : 'competitor_review_batch');
    await writeAudit(trx, { workspaceId: ctx.workspaceId, actor: ctx.actor, action: 'competitor_reviews.deleted', targetType: 'competitor', targetId: competitorId, details: { ...which, deleted } });
    return { deleted };
  });
}

type Fact = Awaited<ReturnType<typeof repo.reviewFacts>>[number];
const analysed = (f: Fact): AnalysedReview => ({
  score: Number(f.sentiment_score), label: f.sentiment_label,
  themeIds: (JSON.parse(f.themes) as { id: string }[]).map((t) => t.id), keyPhrases: JSON.parse(f.key_phrases) as string[],
});

/** Figures of reviews, leaving out themes deleted from the taxonomy since. */
function figuresOf(facts: Fact[], tax: LoadedTaxonomy, lang: UiLanguage | null) {
  const s = reviewSums(facts.map(analysed));
  return { overall: summary(s.overall), themes: figuresFromSums(s.overall.n, s.themes.filter((t) => tax.names.has(t.themeId)), nameOf(tax, lang)) };
}

export async function competitorThemes(deps: Deps, workspaceId: string, competitorId: string, lang: UiLanguage | null): Promise<CompetitorThemes> {
  await assertCompetitor(deps, workspaceId, competitorId);
  const [facts, tax] = await Promise.all([repo.reviewFacts(deps.db, workspaceId, competitorId), loadTaxonomy(deps, workspaceId)]);
  return { competitorId, ...figuresOf(facts, tax, lang) };
}

const DAY = 86_400_000;
const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Our answers in [from, to] (UTC days; default the last 90 days) beside every competitor's reviews. */
export async function compareThemes(deps: Deps, workspaceId: string, q: { from?: string; to?: string }, lang: UiLanguage | null): Promise<ThemeComparison> {
  const to = q.to ?? dayOf(Date.now());
  const from = q.from ?? dayOf(Date.parse(`${to}T00:00:00Z`) - 89 * DAY);
  const endAt = new Date(Date.parse(`${to}T00:00:00Z`) + DAY).toISOString();
  const [tax, ours, competitors, facts] = await Promise.all([
    loadTaxonomy(deps, workspaceId),
    themeSentimentSums(deps.db, workspaceId, `${from}T00:00:00.000Z`, endAt),
    repo.listCompetitors(deps.db, workspaceId),
    repo.reviewFacts(deps.db, workspaceId),
  ]);
  const byCompetitor = new Map<string, Fact[]>();
  for (const f of facts) {
    const list = byCompetitor.get(f.competitor_id);
    if (list) list.push(f); else byCompetitor.set(f.competitor_id, [f]);
  }
  const ourThemes = figuresFromSums(ours.overall.n, ours.themes.filter((t) => tax.names.has(t.themeId)), nameOf(tax, lang));
  const theirs = competitors.map((c) => ({ id: c.id, name: c.name, ...figuresOf(byCompetitor.get(c.id) ?? [], tax, lang) }));
  const seen = new Map<string, string>();
  for (const t of [...ourThemes, ...theirs.flatMap((c) => c.themes)]) if (!seen.has(t.id)) seen.set(t.id, t.name);
  return {
    from, to,
    ours: { overall: summary(ours.overall), themes: ourThemes },
    competitors: theirs,
    themes: [...seen].map(([id, name]) => ({ id, name })),
  };
}
