/**
 * Numbers and dates in the reader's UI language. zh-Hant reads as Taiwan (zh-TW) and zh-Hans as
 * mainland China (zh-CN), which is what Intl knows how to format.
 */
import type { UiLanguage } from '@touchpoint/shared';

export const INTL_LOCALE: Record<UiLanguage, string> = { en: 'en', 'zh-Hant': 'zh-TW', 'zh-Hans': 'zh-CN' };

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => T): T {
  let f = cache.get(key) as T | undefined;
  if (!f) { f = make(); cache.set(key, f); }
  return f;
}

export function formatNumber(lang: UiLanguage, n: number | null | undefined, digits = 0): string {
  if (n === null || n === undefined || Number.isNaN(n)) return '–';
  return cached(`n${lang}${digits}`, () => new Intl.NumberFormat(INTL_LOCALE[lang], { minimumFractionDigits: digits, maximumFractionDigits: digits })).format(n);
}

/**
 * An amount in its currency, as the reader's locale writes it (NT$1,280, $19.90); a plain number
 * without one, and "1,280 XYZ" for a code Intl does not know. Whole amounts drop the ".00" (CLV
 * cards read better as NT$1,280); `wholeUnits` rounds to them (business cases), `compact` shortens
 * large sums for tables and chart labels ("US$2.7M", "270萬").
 */
export function formatMoney(lang: UiLanguage, amount: number | null | undefined, currency: string | null | undefined, opts: { wholeUnits?: boolean; compact?: boolean } = {}): string {
  if (amount === null || amount === undefined || !Number.isFinite(amount)) return '–';
  const locale = INTL_LOCALE[lang];
  if (currency && /^[A-Z]{3}$/.test(currency)) {
    const digits = opts.compact ? { maximumFractionDigits: 1, notation: 'compact' as const }
      : opts.wholeUnits ? { maximumFractionDigits: 0 } : Number.isInteger(amount) ? { minimumFractionDigits: 0 } : {};
    try {
      return cached(`m${lang}${currency}${JSON.stringify(digits)}`, () => new Intl.NumberFormat(locale, { style: 'currency', currency, ...digits })).format(amount);
    } catch { /* a code Intl does not know: fall through */ }
    return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(amount)} ${currency}`;
  }
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(amount);
}

/** A share 0–1 as a percentage. */
export function formatPercent(lang: UiLanguage, share: number | null | undefined, digits = 0): string {
  if (share === null || share === undefined || Number.isNaN(share)) return '–';
  return cached(`p${lang}${digits}`, () => new Intl.NumberFormat(INTL_LOCALE[lang], { style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits })).format(share);
}

/** NPS is shown with an explicit sign: +32, −5. */
export function formatSigned(lang: UiLanguage, n: number | null | undefined, digits = 0): string {
  if (n === null || n === undefined || Number.isNaN(n)) return '–';
  return cached(`s${lang}${digits}`, () => new Intl.NumberFormat(INTL_LOCALE[lang], { signDisplay: 'exceptZero', minimumFractionDigits: digits, maximumFractionDigits: digits })).format(n);
}

export function formatDateTime(lang: UiLanguage, iso: string | null | undefined): string {
  if (!iso) return '–';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return cached(`dt${lang}`, () => new Intl.DateTimeFormat(INTL_LOCALE[lang], { dateStyle: 'medium', timeStyle: 'short' })).format(d);
}

export function formatDate(lang: UiLanguage, iso: string | null | undefined): string {
  if (!iso) return '–';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return cached(`d${lang}`, () => new Intl.DateTimeFormat(INTL_LOCALE[lang], { dateStyle: 'medium' })).format(d);
}

/** "3 minutes ago" style, for the "last used" and live views. */
export function formatRelative(lang: UiLanguage, iso: string | null | undefined, now = Date.now()): string {
  if (!iso) return '–';
  const diff = (new Date(iso).getTime() - now) / 1000;
  if (Number.isNaN(diff)) return iso;
  const rtf = new Intl.RelativeTimeFormat(INTL_LOCALE[lang], { numeric: 'auto' });
  const abs = Math.abs(diff);
  if (abs < 60) return rtf.format(Math.round(diff), 'second');
  if (abs < 3600) return rtf.format(Math.round(diff / 60), 'minute');
  if (abs < 86400) return rtf.format(Math.round(diff / 3600), 'hour');
  if (abs < 86400 * 30) return rtf.format(Math.round(diff / 86400), 'day');
  return formatDate(lang, iso);
}
