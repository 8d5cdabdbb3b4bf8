/** Words and dates of the dashboards in the reader's language. */
import type { TFunction } from 'i18next';
import type { UiLanguage } from '@touchpoint/shared';
import { INTL_LOCALE } from '../../lib/format';
import { languageLabel } from '../surveys/survey-text';
import type { MetricName, Tile } from './types';

export const metricLabel = (t: TFunction, m: MetricName) => t(`dashboards.metrics.${m}`);

export function tileTitle(t: TFunction, tile: Tile): string {
  if (tile.title?.trim()) return tile.title.trim();
  const metric = metricLabel(t, tile.type === 'volume' ? 'responses' : tile.metric);
  if (tile.type === 'breakdown') return t('dashboards.autoTitle.breakdown', { metric, by: byLabel(t, tile.by ?? 'channel') });
  if (tile.type === 'loop_breakdown') return t(`dashboards.autoTitle.loop_breakdown.${tile.loopBy ?? 'team'}`);
  return t(`dashboards.autoTitle.${tile.type}`, { metric });
}

export function byLabel(t: TFunction, by: string): string {
  if (by.startsWith('meta:')) return t('dashboards.by.meta', { key: by.slice(5) });
  if (by.startsWith('trait:')) return t('dashboards.by.trait', { key: by.slice(6) });
  return t(`dashboards.by.${by}`, { defaultValue: by });
}

/** What a breakdown group is called on screen: channel names translated, survey ids as names. */
export function groupLabel(t: TFunction, by: string, key: string, surveyNames: ReadonlyMap<string, string>): string {
  if (!key) return t('common.unknown');
  if (by === 'channel') return t(`channels.${key}`, { defaultValue: key });
  if (by === 'survey') return surveyNames.get(key) ?? key;
  if (by === 'language') return languageLabel(key);
  return key;
}

const cache = new Map<string, Intl.DateTimeFormat>();
function dtf(lang: UiLanguage, kind: 'day' | 'month' | 'full'): Intl.DateTimeFormat {
  const key = `${lang}${kind}`;
  let f = cache.get(key);
  if (!f) {
    const opts: Intl.DateTimeFormatOptions = kind === 'day' ? { month: 'short', day: 'numeric' } : kind === 'month' ? { year: 'numeric', month: 'short' } : { year: 'numeric', month: 'short', day: 'numeric' };
    f = new Intl.DateTimeFormat(INTL_LOCALE[lang], { ...opts, timeZone: 'UTC' });
    cache.set(key, f);
  }
  return f;
}
const utc = (day: string) => new Date(`${day.length === 7 ? `${day}-01` : day}T00:00:00Z`);

/** An axis label for a period: "Nov 23" / "11月23日" for days and weeks, "Nov 2026" for months. */
export function formatPeriod(lang: UiLanguage, period: string, interval: 'day' | 'week' | 'month', withYear = false): string {
  if (interval === 'month') return dtf(lang, 'month').format(utc(period));
  return dtf(lang, withYear ? 'full' : 'day').format(utc(period));
}

/** "Oct 25 – Nov 23, 2026" in the reader's conventions. */
export function formatDayRange(lang: UiLanguage, from: string, to: string): string {
  const f = dtf(lang, 'full');
  return from === to ? f.format(utc(from)) : f.formatRange(utc(from), utc(to));
}
