/**
 * Customer KPI tiles (cohort retention, churn trend, CLV, repeat-purchase rate, revenue by
 * segment): which request they read, how their numbers are written, and their CSV rows. All of
 * them read GET …/customers/kpis; tiles asking the same basis and currency share one request.
 */
import { CUSTOMER_TILE_TYPES, type CustomerKpisView, type UiLanguage } from '@touchpoint/shared';
import { withQuery, ws } from '../../lib/api';
import { INTL_LOCALE } from '../../lib/format';
import type { CsvRow } from './csv';
import type { Tile, TileType } from './types';

export type { CustomerKpisView };
export type CustomerTileType = (typeof CUSTOMER_TILE_TYPES)[number];
export const KPI_KEY_PREFIX = 'customers:';

export const isCustomerTile = (type: TileType): type is CustomerTileType => (CUSTOMER_TILE_TYPES as readonly string[]).includes(type);
/** Tiles whose "active" can mean any event or an order. */
export const hasBasis = (type: TileType) => type === 'cohort_retention' || type === 'churn_trend';
export const isKpiKey = (key: string) => key.startsWith(KPI_KEY_PREFIX);

/** One request per basis and currency (only cohorts and churn depend on the basis). */
export function kpiQueryKey(tile: Tile): string {
  return `${KPI_KEY_PREFIX}${hasBasis(tile.type) ? tile.basis ?? 'activity' : 'activity'}:${tile.currency ?? ''}`;
}

/**
 * The request of a KPI tile under the dashboard's filters: its range, zone and, once dashboards
 * carry one, their customer segment (`segment` in the filters). Survey, channel and metadata
 * filters are about answers and do not apply to customers.
 */
export function kpiPath(wid: string, tile: Tile, filters: Record<string, string | undefined>): string {
  const { from, to, tz, segment } = filters;
  return withQuery(ws(wid, 'customers', 'kpis'), {
    from, to, tz, segment,
    basis: hasBasis(tile.type) ? tile.basis ?? 'activity' : undefined,
    currency: tile.currency,
  });
}

const money = new Map<string, Intl.NumberFormat>();
/** An amount in its currency, in the reader's conventions ("US$1,234", "NT$1,234"). */
export function formatMoney(lang: UiLanguage, amount: number | null | undefined, currency: string | null, compact = false): string {
  if (amount === null || amount === undefined || !Number.isFinite(amount)) return '–';
  if (!currency) return new Intl.NumberFormat(INTL_LOCALE[lang], { maximumFractionDigits: 2 }).format(amount);
  const key = `${lang}${currency}${compact}`;
  let f = money.get(key);
  if (!f) {
    f = new Intl.NumberFormat(INTL_LOCALE[lang], { style: 'currency', currency, maximumFractionDigits: compact || Math.abs(amount) >= 1000 ? 0 : 2, ...(compact ? { notation: 'compact' as const } : {}) });
    money.set(key, f);
  }
  return f.format(amount);
}

/** 'YYYY-MM' as a month name. */
export function formatMonth(lang: UiLanguage, month: string): string {
  return new Intl.DateTimeFormat(INTL_LOCALE[lang], { year: 'numeric', month: 'short', timeZone: 'UTC' }).format(new Date(`${month}-01T00:00:00Z`));
}

const r6 = (v: number | null | undefined) => (v === null || v === undefined ? null : Math.round(v * 1e6) / 1e6);

/**
 * CSV rows of a KPI tile (one number a row, as the other tiles): period = 'YYYY-MM' or the range
 * "from/to"; group = the cohort month, the segment id or the CLV input; shares are 0…1.
 */
export function customerCsvRows(base: CsvRow, tile: Tile, k: CustomerKpisView): CsvRow[] {
  const span = `${k.from}/${k.to}`;
  switch (tile.type) {
    case 'cohort_retention':
      return k.cohorts.flatMap((c) => c.retention.map((r, i) => ({ ...base, metric: `retention_${k.basis}`, period: c.month, group: String(i), group_label: `+${i}`, value: r6(r), n: c.size })));
    case 'churn_trend':
      return k.months.flatMap((m) => [
        { ...base, metric: `churn_${k.basis}`, period: m.month, value: r6(m.churn), n: m.retained === null ? 0 : m.active },
        { ...base, metric: `retention_${k.basis}`, period: m.month, value: r6(m.retention) },
      ]);
    case 'clv': {
      const h = k.clv.historical, p = k.clv.predictive;
      const row = (metric: string, value: number | null, n?: number) => ({ ...base, metric, period: span, group: k.currency ?? '', value: r6(value), n: n ?? null });
      return [
        row('clv_per_buyer', h.perBuyer, h.buyers), row('clv_per_person', h.perPerson, h.people), row('clv_predictive', p.value, p.buyers),
        row('average_order_value', p.averageOrderValue, p.orders), row('purchases_per_month', p.purchasesPerMonth), row('monthly_churn', p.monthlyChurn), row('expected_lifetime_months', p.expectedLifetimeMonths),
      ];
    }
    case 'repeat_rate':
      return [
        { ...base, metric: 'repeat_rate', period: span, value: r6(k.repeat.period.rate), n: k.repeat.period.buyers },
        { ...base, metric: 'repeat_rate_ever', period: 'all', value: r6(k.repeat.ever.rate), n: k.repeat.ever.buyers },
        ...k.months.map((m) => ({ ...base, metric: 'repeat_rate', period: m.month, value: r6(m.repeatRate), n: m.buyers })),
      ];
    case 'segment_revenue':
      return k.revenueBySegment.map((s) => ({ ...base, metric: `revenue_${k.currency ?? ''}`, period: span, group: s.id ?? '', group_label: s.name ?? '', value: r6(s.revenue), n: s.members }));
    default:
      return [];
  }
}
