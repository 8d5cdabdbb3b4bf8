/** Words and numbers of the strategy pages: criterion names, values with units, gaps, statuses. */
import type { TFunction } from 'i18next';
import { LIVE_METRIC_INFO, type GapComputed, type GapRow, type GoalStatus, type LiveMetric, type UiLanguage } from '@touchpoint/shared';
import { formatNumber } from '../../lib/format';
import { ApiError } from '../../lib/api';
import { errorText } from '../../lib/errors';
import type { Tone } from '../../ui/Badge';

export const criterionLabel = (t: TFunction, r: Pick<GapRow, 'criterion' | 'customLabel'>) =>
  r.criterion === 'custom' ? (r.customLabel || t('strategy.criterion.custom')) : t(`strategy.criterion.${r.criterion}`);

const digitsOf = (n: number) => (Number.isInteger(n) ? 0 : Math.abs(n) < 10 ? 2 : 1);

/** A number with its unit as people write it: "70 %", "50 NPS", "8 h a day". */
export function valueText(lang: UiLanguage, value: number | null | undefined, unit = ''): string {
  if (value === null || value === undefined) return '—';
  const n = formatNumber(lang, value, digitsOf(value));
  if (!unit) return n;
  return unit === '%' ? `${n} %` : `${n} ${unit}`;
}

/** The unit a live metric's value is shown with. */
export function metricUnit(metric: LiveMetric | null, fallback = ''): string {
  if (!metric) return fallback;
  const u = LIVE_METRIC_INFO[metric].unit;
  return u === 'percent' ? '%' : u === 'minutes' ? 'min' : metric === 'nps' ? 'NPS' : fallback;
}

/** "Behind by 20 NPS (28.6 % of the benchmark)" / "Ahead by 5 %" / "Level". */
export function gapText(t: TFunction, lang: UiLanguage, gap: GapComputed, unit: string): { text: string; share: string | null; tone: Tone } {
  const amount = valueText(lang, Math.abs(gap.shortfall), unit);
  const share = gap.percentOfBenchmark === null ? null : t('strategy.gap.ofBenchmark', { value: formatNumber(lang, Math.abs(gap.percentOfBenchmark), 1) });
  if (gap.standing === 'level') return { text: t('strategy.gap.level'), share: null, tone: 'neutral' };
  return gap.standing === 'behind'
    ? { text: t('strategy.gap.behind', { value: amount }), share, tone: 'danger' }
    : { text: t('strategy.gap.ahead', { value: amount }), share, tone: 'success' };
}

export const STATUS_TONE: Record<GoalStatus, Tone> = {
  not_started: 'neutral', no_data: 'neutral', on_track: 'success', at_risk: 'warning', off_track: 'danger', achieved: 'success', missed: 'danger',
};

/** Stale edits (409) get a sentence in the UI language; other errors the app's usual text. */
export function saveErrorText(t: TFunction, err: unknown): string {
  if (err instanceof ApiError && err.status === 409) return t('strategy.errors.changed');
  return errorText(t, err);
}

export const todayIso = () => {
  const d = new Date();
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
};
export const shiftIso = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
