/**
 * How a person's traits read, pure so they can be tested: values by their declared (or apparent)
 * type, churn risk, and event properties as short "key: value" pairs. Money: `formatMoney` in lib/format.ts.
 */
import type { TraitType, TraitValue, UiLanguage } from '@touchpoint/shared';
import { INTL_LOCALE } from '../../lib/format';

const NONE = '–';

/** Revenue per currency, largest first (the first is the one CLV shows). */
export function revenueLines(revenue: Record<string, number>): [currency: string, amount: number][] {
  return Object.entries(revenue).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
}

/** Churn risk is a probability (0–1) once a model fills it; null means not computed yet. */
export function formatChurnRisk(lang: UiLanguage, risk: number | null | undefined): string | null {
  if (risk === null || risk === undefined || Number.isNaN(risk)) return null;
  if (risk >= 0 && risk <= 1) return new Intl.NumberFormat(INTL_LOCALE[lang], { style: 'percent', maximumFractionDigits: 0 }).format(risk);
  return new Intl.NumberFormat(INTL_LOCALE[lang], { maximumFractionDigits: 2 }).format(risk);
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})?)?$/;

/** A trait value as the page shows it: which form, and the parts it needs. */
export type TraitDisplay =
  | { kind: 'empty' }
  | { kind: 'list'; items: string[] }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'date'; iso: string; withTime: boolean }
  | { kind: 'number'; value: number }
  | { kind: 'text'; text: string };

/**
 * Picks the form by the declared type when there is one, else by the value (an ISO-8601 date
 * string reads as a date, as the server infers it). A value that does not fit its declared type
 * (stored before the declaration) is shown as it is rather than hidden.
 */
export function traitDisplay(value: TraitValue | undefined, type?: TraitType): TraitDisplay {
  if (value === null || value === undefined) return { kind: 'empty' };
  if (Array.isArray(value)) return value.length ? { kind: 'list', items: value.map(String) } : { kind: 'empty' };
  if (typeof value === 'boolean') return { kind: 'boolean', value };
  if (typeof value === 'number') return { kind: 'number', value };
  const looksLikeDate = ISO_DATE.test(value) && !Number.isNaN(Date.parse(value));
  if (looksLikeDate && (type === 'date' || type === undefined)) return { kind: 'date', iso: value, withTime: value.includes('T') };
  return { kind: 'text', text: value };
}

/** A trait value on one line (lists joined), for titles and plain text. */
export function traitText(value: TraitValue | undefined, opts: { lang: UiLanguage; type?: TraitType; yes: string; no: string }): string {
  const d = traitDisplay(value, opts.type);
  const locale = INTL_LOCALE[opts.lang];
  switch (d.kind) {
    case 'empty': return NONE;
    case 'list': return d.items.join(', ');
    case 'boolean': return d.value ? opts.yes : opts.no;
    case 'number': return new Intl.NumberFormat(locale, { maximumFractionDigits: 6 }).format(d.value);
    case 'text': return d.text;
    case 'date': {
      // A bare date is a calendar day: format it in UTC so no time zone moves it a day.
      const options: Intl.DateTimeFormatOptions = d.withTime ? { dateStyle: 'medium', timeStyle: 'short' } : { dateStyle: 'medium', timeZone: 'UTC' };
      return new Intl.DateTimeFormat(locale, options).format(new Date(d.iso));
    }
  }
}

/** Event properties as "key: value" pairs for a timeline line: scalars as they are, the rest as JSON, each cut short. */
export function propertyPairs(properties: Record<string, unknown>, limit = 6, maxLength = 80): [string, string][] {
  const out: [string, string][] = [];
  for (const [k, v] of Object.entries(properties)) {
    if (v === null || v === undefined) continue;
    if (out.length >= limit) break;
    const text = typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : JSON.stringify(v);
    out.push([k, text.length > maxLength ? `${text.slice(0, maxLength - 1)}…` : text]);
  }
  return out;
}
