/**
 * The explorer's filters live in the query string, like the dashboards' (a copied link reproduces
 * the view): ?range=30d | ?from=2026-01-01&to=2026-03-31, &q=, &theme=, &sentiment=, &language=,
 * &band=, &survey=, and &tab=themes for the theme manager. Defaults are left out; anything
 * malformed decodes to the default. Days are the workspace's (its metric time zone), as the API reads from/to.
 */
import { SCORE_BANDS, SENTIMENT_LABELS, TEXT_LANGUAGES } from '@touchpoint/shared';
import { addDays, addMonths, daysBetween, isDay } from '../dashboards/periods';

export type SentimentLabel = (typeof SENTIMENT_LABELS)[number];
export type TextLanguage = (typeof TEXT_LANGUAGES)[number];
export type ScoreBand = (typeof SCORE_BANDS)[number];

export const TEXT_RANGES = ['all', '7d', '30d', '90d', '12m'] as const;
export type TextRange = (typeof TEXT_RANGES)[number] | 'custom';
export type TextTab = 'explorer' | 'themes';

export interface TextView {
  tab: TextTab;
  range: TextRange;
  from: string | null;
  to: string | null;
  q: string;
  theme: string | null;
  sentiment: SentimentLabel | null;
  language: TextLanguage | null;
  band: ScoreBand | null;
  survey: string | null;
}

export const DEFAULT_TEXT_VIEW: TextView = { tab: 'explorer', range: 'all', from: null, to: null, q: '', theme: null, sentiment: null, language: null, band: null, survey: null };

const THEME = /^[a-z0-9][a-z0-9-]{0,63}$/;
const ID = /^[A-Za-z0-9_-]{1,64}$/;
export const MAX_Q = 200;
const MAX_RANGE_DAYS = 3700;
const oneOf = <T extends string>(list: readonly T[], v: string | null): T | null => (v !== null && (list as readonly string[]).includes(v) ? v as T : null);

export function decodeTextView(search: string | URLSearchParams): TextView {
  const p = typeof search === 'string' ? new URLSearchParams(search) : search;
  const v: TextView = { ...DEFAULT_TEXT_VIEW };
  if (p.get('tab') === 'themes') v.tab = 'themes';
  const from = p.get('from'), to = p.get('to');
  if (isDay(from) && isDay(to) && from <= to && daysBetween(from, to) < MAX_RANGE_DAYS) Object.assign(v, { range: 'custom', from, to });
  else v.range = oneOf(TEXT_RANGES, p.get('range')) ?? 'all';
  const q = (p.get('q') ?? '').trim();
  if (q.length <= MAX_Q) v.q = q;
  const theme = p.get('theme');
  if (theme && THEME.test(theme)) v.theme = theme;
  v.sentiment = oneOf(SENTIMENT_LABELS, p.get('sentiment'));
  v.language = oneOf(TEXT_LANGUAGES, p.get('language'));
  v.band = oneOf(SCORE_BANDS, p.get('band'));
  const survey = p.get('survey');
  if (survey && ID.test(survey)) v.survey = survey;
  return v;
}

/** The query string without '?'; '' for the default view. */
export function encodeTextView(v: TextView): string {
  const p = new URLSearchParams();
  if (v.tab !== 'explorer') p.set('tab', v.tab);
  if (v.range === 'custom' && v.from && v.to) { p.set('from', v.from); p.set('to', v.to); }
  else if (v.range !== 'custom' && v.range !== 'all') p.set('range', v.range);
  if (v.q.trim()) p.set('q', v.q.trim());
  if (v.theme) p.set('theme', v.theme);
  if (v.sentiment) p.set('sentiment', v.sentiment);
  if (v.language) p.set('language', v.language);
  if (v.band) p.set('band', v.band);
  if (v.survey) p.set('survey', v.survey);
  return p.toString();
}

/** The days a view covers (both inclusive), or nulls for all time. `today` is the workspace's today. */
export function textRange(v: TextView, today: string): { from: string | null; to: string | null } {
  switch (v.range) {
    case 'custom': return { from: v.from, to: v.to };
    case 'all': return { from: null, to: null };
    case '7d': return { from: addDays(today, -6), to: today };
    case '30d': return { from: addDays(today, -29), to: today };
    case '90d': return { from: addDays(today, -89), to: today };
    case '12m': return { from: addMonths(today, -11), to: today };
  }
}

/** GET …/text/analyses parameters for a view (the cursor and facets are added by the caller). */
export function explorerQuery(v: TextView, today: string): Record<string, string | undefined> {
  const r = textRange(v, today);
  return {
    from: r.from ?? undefined, to: r.to ?? undefined, q: v.q.trim() || undefined, theme: v.theme ?? undefined,
    sentiment: v.sentiment ?? undefined, language: v.language ?? undefined, scoreBand: v.band ?? undefined, surveyId: v.survey ?? undefined,
  };
}

/** NPS band of a score, as the server files it. */
export function bandOf(nps: number | null): ScoreBand | null {
  if (nps === null) return null;
  return nps >= 9 ? 'promoter' : nps >= 7 ? 'passive' : 'detractor';
}
