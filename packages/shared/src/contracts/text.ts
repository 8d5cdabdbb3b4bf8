/**
 * Text analytics over open-text answers: the workspace taxonomy (themes), analysed texts as the
 * explorer shows them, and the background jobs' progress. Shared by the server and the web app.
 */
import { z } from 'zod';
import { Day } from './metrics.js';

/** Lower-case slug: stable in URLs and in stored analyses even when a theme is renamed. */
export const ThemeId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'lower-case letters, digits and - (1–64)');

/** A keyword or example may be English, 繁體 or 简体; matching folds the scripts (see @touchpoint/text). */
const Keyword = z.string().trim().min(1).max(80);
const Example = z.string().trim().min(1).max(500);

/** A theme's name per UI language (each optional; `name` is shown where one is missing). */
export const ThemeNames = z.object({
  en: z.string().trim().min(1).max(80).optional(),
  'zh-Hant': z.string().trim().min(1).max(80).optional(),
  'zh-Hans': z.string().trim().min(1).max(80).optional(),
}).strict();
export type ThemeNames = z.infer<typeof ThemeNames>;

export const ThemeInput = z.object({
  /** Optional on create: derived from the name when omitted. */
  id: ThemeId.optional(),
  name: z.string().trim().min(1).max(80),
  names: ThemeNames.default({}),
  keywords: z.array(Keyword).max(200).default([]),
  examples: z.array(Example).max(50).default([]),
}).strict().refine((t) => t.keywords.length + t.examples.length > 0, { message: 'a theme needs at least one keyword or example', path: ['keywords'] });
export type ThemeInput = z.infer<typeof ThemeInput>;

/** PATCH: any of the fields; the id never changes. */
export const ThemePatch = z.object({
  name: z.string().trim().min(1).max(80).optional(),
  names: ThemeNames.optional(),
  keywords: z.array(Keyword).max(200).optional(),
  examples: z.array(Example).max(50).optional(),
}).strict();
export type ThemePatch = z.infer<typeof ThemePatch>;

export const Theme = z.object({
  id: ThemeId,
  name: z.string(),
  names: ThemeNames,
  keywords: z.array(z.string()),
  examples: z.array(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Theme = z.infer<typeof Theme>;

/** A background job's progress: texts done of the total when it started; null when none runs. */
export const TextJobProgress = z.object({
  done: z.number().int().min(0),
  total: z.number().int().min(0),
  startedAt: z.string(),
}).nullable();
export type TextJobProgress = z.infer<typeof TextJobProgress>;

/** GET …/text/themes: the taxonomy, its version (bumped by every change) and the re-tag under way. */
export const TaxonomyView = z.object({
  version: z.number().int().min(1),
  themes: z.array(Theme),
  retag: TextJobProgress,
});
export type TaxonomyView = z.infer<typeof TaxonomyView>;

export const SENTIMENT_LABELS = ['negative', 'neutral', 'positive'] as const;
export const SentimentLabel = z.enum(SENTIMENT_LABELS);
export const TEXT_LANGUAGES = ['en', 'zh-Hant', 'zh-Hans', 'other'] as const;
export const TextLanguage = z.enum(TEXT_LANGUAGES);
/** NPS bands: promoter 9–10, passive 7–8, detractor 0–6. */
export const SCORE_BANDS = ['promoter', 'passive', 'detractor'] as const;
export const ScoreBand = z.enum(SCORE_BANDS);

export const TextAspect = z.object({
  term: z.string(),
  /** UTF-16 offsets into `text` (text.slice(start, end) === term): for highlighting. */
  start: z.number().int(),
  end: z.number().int(),
  score: z.number(),
  label: SentimentLabel,
});
export type TextAspect = z.infer<typeof TextAspect>;

export const TextThemeHit = z.object({ id: z.string(), name: z.string(), confidence: z.number() });
export type TextThemeHit = z.infer<typeof TextThemeHit>;

export const TextCues = z.object({ anger: z.boolean(), frustration: z.boolean(), urgency: z.boolean() });
export type TextCues = z.infer<typeof TextCues>;

/** One analysed open-text answer (a response × an open_text question). */
export const TextAnalysisItem = z.object({
  id: z.string(),
  responseId: z.string(),
  surveyId: z.string(),
  questionId: z.string(),
  text: z.string(),
  language: TextLanguage,
  sentiment: z.object({ score: z.number(), label: SentimentLabel }),
  keyPhrases: z.array(z.string()),
  aspects: z.array(TextAspect),
  themes: z.array(TextThemeHit),
  cues: TextCues,
  /** The response's NPS answer, when the survey asks one. */
  nps: z.number().int().nullable(),
  /** When the response was given (the explorer's order and date range). */
  createdAt: z.string(),
  analyzedAt: z.string(),
  /** @touchpoint/text's combined model version: a result is reproducible from it and the text. */
  modelVersion: z.string(),
  /** The workspace taxonomy version its themes were tagged with. */
  taxonomyVersion: z.number().int(),
});
export type TextAnalysisItem = z.infer<typeof TextAnalysisItem>;

/** GET …/text/analyses: filters combine with AND; newest first, keyset-paged by `cursor`; days in the workspace's time zone. */
export const TextExplorerQuery = z.object({
  from: Day.optional(),
  to: Day.optional(),
  /** Substring of the text (case-insensitive for ASCII). */
  q: z.string().trim().min(1).max(200).optional(),
  theme: ThemeId.optional(),
  sentiment: SentimentLabel.optional(),
  language: TextLanguage.optional(),
  scoreBand: ScoreBand.optional(),
  surveyId: z.string().min(1).max(64).optional(),
  questionId: z.string().min(1).max(64).optional(),
  /** `nextCursor` of the previous page. */
  cursor: z.string().min(1).max(300).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  /** Facet counts and total over the whole filtered set (first page only by default). */
  facets: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
}).strict().refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'from must not be after to', path: ['to'] });
export type TextExplorerQuery = z.infer<typeof TextExplorerQuery>;

export const TextFacets = z.object({
  themes: z.array(z.object({ id: z.string(), name: z.string(), count: z.number().int() })),
  sentiment: z.object({ negative: z.number().int(), neutral: z.number().int(), positive: z.number().int() }),
  language: z.record(z.string(), z.number().int()),
});
export type TextFacets = z.infer<typeof TextFacets>;

export const TextExplorerPage = z.object({
  items: z.array(TextAnalysisItem),
  nextCursor: z.string().nullable(),
  /** With facets: texts matching the filters (all pages). */
  total: z.number().int().optional(),
  /** With facets: counts per theme / sentiment / language within the filters, for facet chips. */
  facets: TextFacets.optional(),
});
export type TextExplorerPage = z.infer<typeof TextExplorerPage>;

/** GET …/text/themes/suggestions: key phrases of the range's texts not covered by the taxonomy. */
export const ThemeSuggestionsQuery = z.object({
  from: Day.optional(),
  to: Day.optional(),
  limit: z.coerce.number().int().min(1).max(50).default(10),
}).strict();
export type ThemeSuggestionsQuery = z.infer<typeof ThemeSuggestionsQuery>;

export const ThemeSuggestion = z.object({
  /** The cluster's most frequent phrase: a name to start from. */
  label: z.string(),
  /** Its phrases, most frequent first: candidate keywords. */
  phrases: z.array(z.string()),
  /** Texts mentioning any of them. */
  documents: z.number().int(),
});
export type ThemeSuggestion = z.infer<typeof ThemeSuggestion>;

export const ThemeSuggestions = z.object({ items: z.array(ThemeSuggestion), texts: z.number().int() });
export type ThemeSuggestions = z.infer<typeof ThemeSuggestions>;

/** POST …/text/themes/suggestions/adopt: a suggestion (possibly edited) becomes a theme. */
export const AdoptSuggestionInput = z.object({
  label: z.string().trim().min(1).max(80),
  phrases: z.array(Keyword).min(1).max(200),
  name: z.string().trim().min(1).max(80).optional(),
  id: ThemeId.optional(),
}).strict();
export type AdoptSuggestionInput = z.infer<typeof AdoptSuggestionInput>;

/** GET …/text/status: what the background analysis has left, the re-tag and the re-analysis under way. */
export const TextStatus = z.object({
  modelVersion: z.string(),
  taxonomyVersion: z.number().int(),
  /** Analysed texts stored for this workspace. */
  analyzed: z.number().int(),
  /** Of them, analysed by another model version (re-runs are explicit). */
  otherModelVersions: z.number().int(),
  /** Responses stored but not yet reached by the background analysis. */
  backlog: z.number().int(),
  retag: TextJobProgress,
  /** A re-analysis under way: texts passed of those analysed by another model when it started. */
  reanalysis: TextJobProgress,
  /** false: this server does not run the analysis (TEXT_ANALYSIS=off); another process must. */
  analysing: z.boolean(),
  /** The workspace's time zone (its metric settings): the explorer's days are its days. */
  timeZone: z.string(),
});
export type TextStatus = z.infer<typeof TextStatus>;

/** A metric with its count and 95 % interval (null value: no answers). */
const MetricSummaryView = z.object({ n: z.number().int(), value: z.number().nullable(), ci: z.object({ low: z.number(), high: z.number() }).nullable() });

/** One theme's pull on the metric; definitions in formulas/drivers.ts. */
export const ThemeDriverView = z.object({
  id: ThemeId,
  name: z.string(),
  /** Scored responses mentioning the theme, and their share of all scored responses (0–1). */
  n: z.number().int(),
  share: z.number(),
  mentions: MetricSummaryView,
  rest: MetricSummaryView,
  /** The overall metric had the theme's unhappy answers been neutral, and that minus the overall (≥ 0). */
  ifNeutral: z.number().nullable(),
  impact: z.number().nullable(),
  /** Overall − the metric among the rest: positive pulls the metric up, negative pulls it down. */
  lift: z.number().nullable(),
  /** Mentions − rest, with its 95 % interval and two-sided p-value. */
  difference: z.object({
    delta: z.number().nullable(), ci: z.object({ low: z.number(), high: z.number() }).nullable(),
    statistic: z.number().nullable(), pValue: z.number().nullable(), significant: z.boolean(),
  }),
});
export type ThemeDriverView = z.infer<typeof ThemeDriverView>;

/** GET …/text/drivers: themes by their pull on NPS, CSAT or CES under the dashboard filters. */
export const DriversView = z.object({
  metric: z.enum(['nps', 'csat', 'ces']),
  from: z.string(), to: z.string(), timeZone: z.string(),
  /** Responses with a score for the metric (the overall number's n), and of them those carrying a theme. */
  n: z.number().int(),
  tagged: z.number().int(),
  overall: MetricSummaryView,
  themes: z.array(ThemeDriverView),
});
export type DriversView = z.infer<typeof DriversView>;
