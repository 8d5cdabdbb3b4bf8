/** GET /api/workspaces/:wid/customers/kpis: customer KPIs for dashboards (Customer 360). */
import { z } from 'zod';
import { Day } from './metrics.js';

/** What makes a person "active" in a month for cohorts and churn: any event, or an order. */
export const KPI_BASES = ['activity', 'order'] as const;
export const KpiBasis = z.enum(KPI_BASES);
export type KpiBasis = z.infer<typeof KpiBasis>;
export const CurrencyCode = z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as USD or TWD');

function isTimeZone(tz: string): boolean {
  try { new Intl.DateTimeFormat('en', { timeZone: tz }); return true; } catch { return false; }
}

/** The longest range, as for GET …/metrics. */
export const KPI_MAX_DAYS = 3700;

export const CustomerKpisQuery = z.object({
  /** Local days in the time zone, both included (as the dashboards' other queries). */
  from: Day,
  to: Day,
  /** IANA zone the days (and months) are read in; default: the workspace's metric time zone. */
  tz: z.string().min(1).max(64).refine(isTimeZone, 'an IANA time zone such as Asia/Taipei or UTC').optional(),
  /** Only people whose person (root profile) is a member of this segment. */
  segment: z.string().min(1).max(64).optional(),
  /** Revenue is summed in one currency; default: the workspace's currency with the most revenue. */
  currency: CurrencyCode.optional(),
  basis: KpiBasis.default('activity'),
  /** Revenue by segment for these segments only (comma-separated ids); default: every segment. */
  segments: z.string().max(2000).transform((v) => [...new Set(v.split(',').map((x) => x.trim()).filter(Boolean))])
    .pipe(z.array(z.string().min(1).max(64)).max(50)).optional(),
}).strict().superRefine((q, ctx) => {
  const days = Math.round((Date.parse(`${q.to}T00:00:00Z`) - Date.parse(`${q.from}T00:00:00Z`)) / 86_400_000);
  if (days < 0) ctx.addIssue({ code: 'custom', path: ['to'], message: 'must not be before from' });
  else if (days >= KPI_MAX_DAYS) ctx.addIssue({ code: 'custom', path: ['to'], message: `at most ${KPI_MAX_DAYS} days from from` });
});
export type CustomerKpisQuery = z.infer<typeof CustomerKpisQuery>;

const Share = z.number().min(0).max(1).nullable();
const Money = z.number().nullable();

export const KpiMonth = z.object({
  /** 'YYYY-MM' in the time zone. */
  month: z.string(),
  /** The range ends before the month does: its counts are so far. */
  partial: z.boolean(),
  /** People active (basis) in the month. */
  active: z.number().int(),
  /** Of last month's actives, those active again in this month. */
  retained: z.number().int().nullable(),
  churn: Share,
  retention: Share,
  /** People with an order in the month, and with two or more. */
  buyers: z.number().int(),
  repeatBuyers: z.number().int(),
  repeatRate: Share,
  revenue: z.number(),
});

export const KpiCohort = z.object({
  month: z.string(),
  size: z.number().int(),
  /** people[k]: the cohort's actives in its k-th month after the first (k = 0 is the first). */
  people: z.array(z.number().int()),
  retention: z.array(Share),
});

export const SegmentRevenue = z.object({
  /** null: everybody (with a segment filter: the filter segment). */
  id: z.string().nullable(),
  name: z.string().nullable(),
  members: z.number().int(),
  buyers: z.number().int(),
  revenue: z.number(),
  perMember: Money,
});

export const CustomerKpisView = z.object({
  from: z.string(), to: z.string(), timeZone: z.string(), basis: KpiBasis,
  /** The currency revenue is summed in; null when nothing was ever ordered. */
  currency: z.string().nullable(),
  /** Every currency ordered in, most revenue first (all time). */
  currencies: z.array(z.object({ currency: z.string(), revenue: z.number() })),
  segment: z.object({ id: z.string(), name: z.string() }).nullable(),
  /** The whole months the range touches, the last up to the range's end. */
  months: z.array(KpiMonth),
  cohorts: z.array(KpiCohort),
  clv: z.object({
    /** Revenue to date (all time) per person and per buyer. */
    historical: z.object({ revenue: z.number(), people: z.number().int(), buyers: z.number().int(), perPerson: Money, perBuyer: Money }),
    /** AOV × purchases per buyer per month × 1 / monthly buyer churn, from the range. */
    predictive: z.object({
      value: Money, averageOrderValue: Money, purchasesPerMonth: Money, monthlyChurn: Share, expectedLifetimeMonths: Money,
      revenue: z.number(), orders: z.number().int(), buyers: z.number().int(), months: z.number(),
    }),
  }),
  repeat: z.object({
    period: z.object({ buyers: z.number().int(), repeaters: z.number().int(), rate: Share }),
    ever: z.object({ buyers: z.number().int(), repeaters: z.number().int(), rate: Share }),
  }),
  /** Revenue in the range: everybody first, then each segment. */
  revenueBySegment: z.array(SegmentRevenue),
});
export type CustomerKpisView = z.infer<typeof CustomerKpisView>;
