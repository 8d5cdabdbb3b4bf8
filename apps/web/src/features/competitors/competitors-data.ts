/**
 * Paths, the editable draft of a record and small display rules of the competitors pages (pure).
 * The draft keeps numbers as typed text, so a half-typed price is not lost; `toPatch` turns it
 * back into the contract's shape and the server answers bad values with their field paths.
 */
import type { Competitor, CompetitorPrice, CompetitorPromotion, CompetitorSource, ResearchMethod, ReviewSentiment } from '@touchpoint/shared';
import { ws } from '../../lib/api';
import type { Tone } from '../../ui/Badge';

export const competitorsApi = (wid: string, ...parts: string[]) => ws(wid, 'competitors', ...parts);
export const competitorPath = (wid: string, id: string) => `/w/${wid}/competitors/${id}`;

export interface PriceDraft { item: string; amount: string; currency: string; observedOn: string; source: string }
export interface PromotionDraft { description: string; from: string; to: string; observedOn: string; source: string }
export interface SourceDraft { label: string; url: string; accessedOn: string }

export interface RecordDraft {
  name: string; website: string; market: string; notes: string; methods: ResearchMethod[];
  prices: PriceDraft[]; promotions: PromotionDraft[]; sources: SourceDraft[];
  productDescriptions: string; surprises: string; suggestions: string; researchedAt: string;
}

export const today = () => new Date().toISOString().slice(0, 10);

export const emptyPrice = (currency = 'TWD'): PriceDraft => ({ item: '', amount: '', currency, observedOn: today(), source: '' });
export const emptyPromotion = (): PromotionDraft => ({ description: '', from: '', to: '', observedOn: today(), source: '' });
export const emptySource = (): SourceDraft => ({ label: '', url: '', accessedOn: today() });

export function toDraft(c: Competitor): RecordDraft {
  return {
    name: c.name, website: c.website ?? '', market: c.market, notes: c.notes, methods: [...c.methods],
    prices: c.prices.map((p) => ({ ...p, amount: String(p.amount) })),
    promotions: c.promotions.map((p) => ({ ...p, from: p.from ?? '', to: p.to ?? '' })),
    sources: c.sources.map((s) => ({ label: s.label, url: s.url ?? '', accessedOn: s.accessedOn ?? '' })),
    productDescriptions: c.productDescriptions, surprises: c.surprises, suggestions: c.suggestions, researchedAt: c.researchedAt ?? '',
  };
}

const orNull = (s: string) => (s.trim() ? s.trim() : null);
/** A typed amount as a number; text that is not one goes to the server as NaN → its field error. */
const amountOf = (s: string) => (s.trim() === '' ? Number.NaN : Number(s.replace(/,/g, '')));

export function toPatch(d: RecordDraft, version: number) {
  const prices: CompetitorPrice[] = d.prices.map((p) => ({ item: p.item, amount: amountOf(p.amount), currency: p.currency.trim().toUpperCase(), observedOn: p.observedOn, source: p.source }));
  const promotions: CompetitorPromotion[] = d.promotions.map((p) => ({ description: p.description, from: orNull(p.from), to: orNull(p.to), observedOn: p.observedOn, source: p.source }));
  const sources: CompetitorSource[] = d.sources.map((s) => ({ label: s.label, url: orNull(s.url), accessedOn: orNull(s.accessedOn) }));
  return {
    version, name: d.name, website: orNull(d.website), market: d.market, notes: d.notes, methods: d.methods,
    // NaN is not JSON: null makes the server name the field ("expected number").
    prices: prices.map((p) => ({ ...p, amount: Number.isFinite(p.amount) ? p.amount : (null as unknown as number) })),
    promotions, sources, productDescriptions: d.productDescriptions, surprises: d.surprises, suggestions: d.suggestions, researchedAt: orNull(d.researchedAt),
  };
}

/** Badge tone of a mean sentiment (−1…1): clearly positive, clearly negative, or in between. */
export function sentimentTone(s: ReviewSentiment | { mean: number | null }): Tone {
  if (s.mean === null) return 'neutral';
  return s.mean >= 0.15 ? 'success' : s.mean <= -0.15 ? 'danger' : 'warning';
}
export function sentimentKey(mean: number | null): 'positive' | 'negative' | 'mixed' | 'none' {
  if (mean === null) return 'none';
  return mean >= 0.15 ? 'positive' : mean <= -0.15 ? 'negative' : 'mixed';
}
export const labelTone = (label: string): Tone => (label === 'positive' ? 'success' : label === 'negative' ? 'danger' : 'neutral');
