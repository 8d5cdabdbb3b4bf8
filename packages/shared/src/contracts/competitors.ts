/**
 * Competitor research records ("Template 1": research methods, prices, promotions, product
 * descriptions, surprises, suggestions, each with sources and dates), their evidence (links, files,
 * pasted reviews) and the review themes compared with our own answers. Server and web validate with
 * these same schemas, so the form shows the API's field paths.
 */
import { z } from 'zod';

export const RESEARCH_METHODS = [
  'marketplace_listings', 'website', 'social_media', 'reviews_ratings',
  'seo_search', 'industry_reports', 'mystery_shopping', 'web_analytics',
] as const;
export const ResearchMethod = z.enum(RESEARCH_METHODS);
export type ResearchMethod = z.infer<typeof ResearchMethod>;

/** A calendar date, YYYY-MM-DD (a real one: 2026-02-30 is refused). */
export const CompetitorDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD').refine((s) => {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}, 'not a calendar date');

/** Links open in browsers: only http and https (no javascript:, data:, file:). */
export const EvidenceUrl = z.string().trim().max(2000).url('a web address').refine((s) => /^https?:\/\//i.test(s), 'only http:// or https:// addresses');

const Text = (max: number) => z.string().max(max);
const Currency = z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as TWD, HKD, CNY');

export const CompetitorPrice = z.object({
  item: z.string().trim().min(1).max(300),
  amount: z.number().finite().min(0).max(1e12),
  currency: Currency,
  observedOn: CompetitorDay,
  /** Where it was seen: an address or a label ("Shopee listing"). */
  source: Text(2000).default(''),
}).strict();
export type CompetitorPrice = z.infer<typeof CompetitorPrice>;

export const CompetitorPromotion = z.object({
  description: z.string().trim().min(1).max(1000),
  from: CompetitorDay.nullable().default(null),
  to: CompetitorDay.nullable().default(null),
  observedOn: CompetitorDay,
  source: Text(2000).default(''),
}).strict().refine((p) => !p.from || !p.to || p.from <= p.to, { message: 'ends before it starts', path: ['to'] });
export type CompetitorPromotion = z.infer<typeof CompetitorPromotion>;

export const CompetitorSource = z.object({
  label: z.string().trim().min(1).max(300),
  url: EvidenceUrl.nullable().default(null),
  accessedOn: CompetitorDay.nullable().default(null),
}).strict();
export type CompetitorSource = z.infer<typeof CompetitorSource>;

const uniqueMethods = z.array(ResearchMethod).max(RESEARCH_METHODS.length)
  .refine((m) => new Set(m).size === m.length, 'each method once');

/** Every field of a record except its name (all optional on create, defaults below). */
const Fields = {
  website: EvidenceUrl.nullable(),
  market: Text(2000),
  notes: Text(5000),
  methods: uniqueMethods,
  prices: z.array(CompetitorPrice).max(200),
  promotions: z.array(CompetitorPromotion).max(100),
  productDescriptions: Text(10000),
  surprises: Text(10000),
  suggestions: Text(10000),
  sources: z.array(CompetitorSource).max(100),
  researchedAt: CompetitorDay.nullable(),
};
const Name = z.string().trim().min(1).max(200);

export const CompetitorInput = z.object({
  name: Name,
  website: Fields.website.default(null),
  market: Fields.market.default(''),
  notes: Fields.notes.default(''),
  methods: Fields.methods.default([]),
  prices: Fields.prices.default([]),
  promotions: Fields.promotions.default([]),
  productDescriptions: Fields.productDescriptions.default(''),
  surprises: Fields.surprises.default(''),
  suggestions: Fields.suggestions.default(''),
  sources: Fields.sources.default([]),
  researchedAt: Fields.researchedAt.default(null),
}).strict();
export type CompetitorInput = z.input<typeof CompetitorInput>;
export type CompetitorValues = z.output<typeof CompetitorInput>;

/** A change: the fields given, and the version read (409 when someone saved in between). */
export const CompetitorPatch = z.object({ name: Name, ...Fields }).partial().extend({ version: z.number().int().min(1) }).strict();
export type CompetitorPatch = z.infer<typeof CompetitorPatch>;

/** Sentiment of a set of texts: n, mean score (−1…1; null without texts), shares positive / negative. */
export interface ReviewSentiment { n: number; mean: number | null; positiveShare: number | null; negativeShare: number | null }

export interface Competitor extends CompetitorValues {
  id: string;
  version: number;
  reviewCount: number;
  sentiment: ReviewSentiment;
  createdAt: string;
  updatedAt: string;
}
export type CompetitorListItem = Pick<Competitor, 'id' | 'name' | 'website' | 'methods' | 'researchedAt' | 'reviewCount' | 'sentiment' | 'updatedAt'>;

export const EvidenceLinkInput = z.object({
  url: EvidenceUrl,
  title: z.string().trim().min(1).max(300),
  note: Text(2000).default(''),
}).strict();
export type EvidenceLinkInput = z.input<typeof EvidenceLinkInput>;

export const EvidenceFileQuery = z.object({ name: z.string().trim().min(1).max(255) }).strict();
/** Largest evidence file, in bytes (413 beyond). */
export const MAX_EVIDENCE_FILE_BYTES = 5 * 1024 * 1024;

export interface CompetitorEvidence {
  id: string;
  kind: 'link' | 'file';
  title: string;
  note: string;
  url: string | null;
  fileName: string | null;
  contentType: string | null;
  size: number | null;
  createdBy: string;
  createdAt: string;
}

/** Reviews in one paste at most, and the pasted text's length. */
export const MAX_REVIEWS_PER_PASTE = 2000;
export const MAX_PASTE_CHARS = 1_000_000;
export const MAX_REVIEW_CHARS = 10_000;

export const CompetitorReviewItem = z.object({
  text: z.string().trim().min(1).max(MAX_REVIEW_CHARS),
  rating: z.number().finite().min(0).max(10).nullable().default(null),
  date: CompetitorDay.nullable().default(null),
}).strict();

/**
 * Pasted reviews: one text split by lines (default) or by blank lines, or a list of reviews with
 * optional ratings and dates. `source` says where they were copied from.
 */
export const CompetitorReviewsPaste = z.object({
  text: z.string().max(MAX_PASTE_CHARS).optional(),
  format: z.enum(['lines', 'paragraphs']).default('lines'),
  reviews: z.array(CompetitorReviewItem).max(MAX_REVIEWS_PER_PASTE).optional(),
  source: Text(300).default(''),
}).strict().superRefine((b, ctx) => {
  if ((b.text === undefined) === (b.reviews === undefined)) ctx.addIssue({ code: 'custom', path: ['text'], message: 'give either text or reviews' });
});
export type CompetitorReviewsPaste = z.input<typeof CompetitorReviewsPaste>;

export interface CompetitorReviewTheme { id: string; name: string; confidence: number }

export interface CompetitorReview {
  id: string;
  batchId: string;
  text: string;
  source: string;
  rating: number | null;
  date: string | null;
  language: string;
  sentimentScore: number;
  sentimentLabel: string;
  themes: CompetitorReviewTheme[];
  keyPhrases: string[];
  modelVersion: string;
  createdAt: string;
}

export interface CompetitorReviewsPasteResult { batchId: string; count: number; reviews: CompetitorReview[] }

export const CompetitorReviewQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
}).strict();

/** One theme's figures over a set of analysed texts. */
export interface ThemeFigures {
  id: string;
  name: string;
  /** Texts carrying the theme, and their share of all texts. */
  n: number;
  share: number;
  meanSentiment: number;
  negativeShare: number;
  /** Most frequent key phrases of those texts (competitor reviews only). */
  topPhrases: { phrase: string; count: number }[];
}

export interface CompetitorThemes { competitorId: string; overall: ReviewSentiment; themes: ThemeFigures[] }

export const CompetitorCompareQuery = z.object({ from: CompetitorDay.optional(), to: CompetitorDay.optional() }).strict()
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'ends before it starts', path: ['to'] });

/**
 * Per theme, our survey answers' figures (analysed in the date range, UTC days) beside each
 * competitor's reviews (all pasted reviews): "they are praised for delivery, we are criticised".
 */
export interface ThemeComparison {
  from: string;
  to: string;
  ours: { overall: ReviewSentiment; themes: ThemeFigures[] };
  competitors: { id: string; name: string; overall: ReviewSentiment; themes: ThemeFigures[] }[];
  /** Every theme present on either side, with its name in the caller's language. */
  themes: { id: string; name: string }[];
}
