/**
 * Money, ratios and periods of the portfolio and its business cases, in the UI language. Money is
 * formatted in the case's (or budget's) currency; large sums are shortened ("US$2.7M", "270萬")
 * where a table or a chart label would otherwise overflow.
 */
import type { PeriodUnit, UiLanguage } from '@touchpoint/shared';
import { formatMoney as formatCurrency, formatNumber, formatPercent } from '../../lib/format';

type TFn = (key: string, options?: Record<string, unknown>) => string;

/** Business-case money: whole units, or `compact` where a table or a chart label would overflow. */
export const formatMoney = (lang: UiLanguage, value: number | null | undefined, currency: string, compact = false): string =>
  formatCurrency(lang, value, currency, compact ? { compact: true } : { wholeUnits: true });

/** A fraction as a percentage with thousands separators: 16.96 → "1,696%". */
export function formatRatio(lang: UiLanguage, fraction: number | null | undefined, digits = 0): string {
  if (fraction === null || fraction === undefined || !Number.isFinite(fraction)) return '–';
  return formatPercent(lang, fraction, digits);
}

/**
 * An annual rate (IRR, MIRR, XIRR). Above 1,000 % a year it reads "> 1,000%": a case that pays back
 * within weeks has an annualised IRR in the hundreds of thousands of percent, exact but meaningless
 * to a reader (the exact figure stays in the title). Payback and ROI say more there.
 */
export function formatRate(lang: UiLanguage, fraction: number | null | undefined): string {
  if (fraction !== null && fraction !== undefined && Number.isFinite(fraction) && fraction > RATE_CAP) return `> ${formatRatio(lang, RATE_CAP)}`;
  return formatRatio(lang, fraction, 1);
}
const RATE_CAP = 10;

/** "0.16 months", "2.5 years"; null: not within the horizon. */
export function formatPeriods(t: TFn, lang: UiLanguage, periods: number | null | undefined, unit: PeriodUnit): string {
  if (periods === null || periods === undefined || !Number.isFinite(periods)) return t('initiatives.kpi.never');
  return t(`initiatives.units.${unit}`, { count: periods, value: formatNumber(lang, periods, periods < 10 ? 2 : 1) });
}

export const PRIORITY_TONE = { must_have: 'danger', good_to_have: 'info' } as const;
export const STATUS_TONE = { idea: 'neutral', planned: 'info', in_progress: 'warning', launched: 'success', dropped: 'neutral' } as const;
export const PRIORITY_COLOR = { must_have: '#e5484d', good_to_have: '#4f5bd5' } as const;

/** The 2×2 quadrant of an initiative (scores 1–10, split at 5.5). */
export function quadrantOf(valueScore: number, costScore: number): 'quickWins' | 'bigBets' | 'fillIns' | 'moneyPits' {
  const high = valueScore > 5.5, cheap = costScore <= 5.5;
  return high ? (cheap ? 'quickWins' : 'bigBets') : (cheap ? 'fillIns' : 'moneyPits');
}
