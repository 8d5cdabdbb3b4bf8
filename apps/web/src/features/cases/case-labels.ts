/**
 * Names and colours of what a case shows: statuses (built-in and the workspace's custom ones, each
 * in its category), priorities, themes (the taxonomy's names, plus 'general'), and which SLA clock a
 * row summarises.
 */
import type { TFunction } from 'i18next';
import { CASE_CATEGORIES, GENERAL_THEME, type CaseCategory, type CasePriority, type CaseSettings, type CaseSummary, type CustomStatus, type SlaState, type Theme, type UiLanguage } from '@touchpoint/shared';
import type { Tone } from '../../ui/Badge';

export interface StatusOption { key: string; category: CaseCategory; custom: boolean; names?: CustomStatus['names'] }

/** Built-in statuses first (their key is their category), then custom ones, grouped by category. */
export function statusOptions(settings: Pick<CaseSettings, 'statuses'> | undefined): StatusOption[] {
  const custom = settings?.statuses ?? [];
  return CASE_CATEGORIES.flatMap((cat): StatusOption[] => [
    { key: cat, category: cat, custom: false },
    ...custom.filter((s) => s.category === cat).map((s) => ({ key: s.key, category: s.category, custom: true, names: s.names })),
  ]);
}

export function statusLabel(t: TFunction, lang: UiLanguage, key: string, settings?: Pick<CaseSettings, 'statuses'>): string {
  if ((CASE_CATEGORIES as readonly string[]).includes(key)) return t(`cases.category.${key}`);
  const s = settings?.statuses.find((x) => x.key === key);
  return s ? (s.names[lang] || s.names.en) : key;
}

export function categoryOf(key: string, settings?: Pick<CaseSettings, 'statuses'>): CaseCategory | null {
  if ((CASE_CATEGORIES as readonly string[]).includes(key)) return key as CaseCategory;
  return settings?.statuses.find((x) => x.key === key)?.category ?? null;
}

/** Moving to these asks for a root cause and a resolution code (the close dialog). */
export function needsClosing(key: string, settings?: Pick<CaseSettings, 'statuses'>): boolean {
  const c = categoryOf(key, settings);
  return c === 'resolved' || c === 'closed';
}

export const CATEGORY_TONE: Record<CaseCategory, Tone> = { new: 'accent', open: 'info', waiting: 'warning', resolved: 'success', closed: 'neutral' };
export const PRIORITY_TONE: Record<CasePriority, Tone> = { urgent: 'danger', high: 'warning', normal: 'neutral', low: 'info' };
export const SLA_TONE: Record<SlaState, Tone> = { pending: 'neutral', warning: 'warning', breached: 'danger', met: 'success' };

export function themeLabel(t: TFunction, lang: UiLanguage, id: string | null | undefined, themes: readonly Pick<Theme, 'id' | 'name' | 'names'>[]): string {
  if (!id) return '–';
  if (id === GENERAL_THEME) return t('cases.theme.general');
  const th = themes.find((x) => x.id === id);
  return th ? (th.names?.[lang] ?? th.name) : id;
}

export type SlaClock = 'firstResponse' | 'resolution';
export interface SlaSummary { clock: SlaClock; state: SlaState; dueAt: string | null; paused: boolean }

const SEVERITY: Record<SlaState, number> = { met: 0, pending: 1, warning: 2, breached: 3 };

/**
 * The one SLA line a list row shows: a breached or warning clock first (the worse of the two),
 * else the clock still running (first response until someone answers, then resolution), else
 * the resolution clock's outcome.
 */
export function slaSummary(c: Pick<CaseSummary, 'sla'>): SlaSummary {
  const { sla } = c;
  const first = { clock: 'firstResponse' as const, state: sla.firstResponse, dueAt: sla.firstResponseDueAt, paused: sla.paused };
  const resolution = { clock: 'resolution' as const, state: sla.resolution, dueAt: sla.resolutionDueAt, paused: sla.paused };
  const worse = SEVERITY[first.state] >= SEVERITY[resolution.state] ? first : resolution;
  if (SEVERITY[worse.state] >= SEVERITY.warning) return worse;
  if (first.state === 'pending') return first;
  return resolution;
}
