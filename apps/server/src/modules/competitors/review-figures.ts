/**
 * Figures of a set of analysed texts (pure): overall sentiment (n, mean, shares positive and
 * negative) and, per theme, texts carrying it, their share of all texts, mean sentiment, negative
 * share and the most frequent key phrases. Sums arrive from the store for our answers and are
 * made here from review rows for competitors, so both sides go through `figuresFromSums`.
 */
import type { ReviewSentiment, ThemeFigures } from '@touchpoint/shared';

export interface Sums { n: number; sum: number; positives: number; negatives: number }
export interface AnalysedReview { score: number; label: string; themeIds: string[]; keyPhrases: string[] }

const round = (x: number, digits = 4) => Math.round(x * 10 ** digits) / 10 ** digits;

export function summary(s: Sums): ReviewSentiment {
  if (!s.n) return { n: 0, mean: null, positiveShare: null, negativeShare: null };
  return { n: s.n, mean: round(s.sum / s.n), positiveShare: round(s.positives / s.n), negativeShare: round(s.negatives / s.n) };
}

/** Per theme from sums; `name` gives the display name (unknown themes keep their id). */
export function figuresFromSums(total: number, themes: (Sums & { themeId: string; phrases?: Map<string, number> })[], name: (id: string) => string | undefined, topPhrases = 5): ThemeFigures[] {
  return themes.filter((t) => t.n > 0).map((t) => ({
    id: t.themeId,
    name: name(t.themeId) ?? t.themeId,
    n: t.n,
    share: total ? round(t.n / total) : 0,
    meanSentiment: round(t.sum / t.n),
    negativeShare: round(t.negatives / t.n),
    topPhrases: [...(t.phrases ?? new Map<string, number>())].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, topPhrases).map(([phrase, count]) => ({ phrase, count })),
  })).sort((a, b) => b.n - a.n || a.id.localeCompare(b.id));
}

/** Overall and per-theme sums of review rows (a theme counted once per review). */
export function reviewSums(reviews: AnalysedReview[]): { overall: Sums; themes: (Sums & { themeId: string; phrases: Map<string, number> })[] } {
  const overall: Sums = { n: 0, sum: 0, positives: 0, negatives: 0 };
  const themes = new Map<string, Sums & { themeId: string; phrases: Map<string, number> }>();
  for (const r of reviews) {
    add(overall, r);
    for (const id of new Set(r.themeIds)) {
      let t = themes.get(id);
      if (!t) themes.set(id, (t = { themeId: id, n: 0, sum: 0, positives: 0, negatives: 0, phrases: new Map() }));
      add(t, r);
      for (const p of new Set(r.keyPhrases.map((k) => k.toLowerCase()))) t.phrases.set(p, (t.phrases.get(p) ?? 0) + 1);
    }
  }
  return { overall, themes: [...themes.values()] };
}

function add(s: Sums, r: AnalysedReview) {
  s.n += 1;
  s.sum += r.score;
  if (r.label === 'positive') s.positives += 1;
  if (r.label === 'negative') s.negatives += 1;
}
