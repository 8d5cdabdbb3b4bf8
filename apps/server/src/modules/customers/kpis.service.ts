/**
 * Customer KPIs for dashboards: cohort retention, churn, CLV, repeat-purchase rate and revenue by
 * segment, for a range of local days in the workspace's time zone, optionally within a segment.
 * The repo counts (kpis.repo.ts); the shared formulas turn counts into shares and values.
 */
import {
  DAYS_PER_MONTH, churnSeries, historicalClv, perMember, pooledChurn, predictiveClv, repeatPurchaseRate, retentionTriangle,
  type CustomerKpisQuery, type CustomerKpisView,
} from '@touchpoint/shared';
import type { Deps } from '../../deps.js';
import { notFound } from '../../platform/http/errors.js';
import { addDays, getMetricSettings, startOfLocalDay } from '../metrics/index.js';
import * as repo from './kpis.repo.js';

/** 'YYYY-MM' plus n months. */
function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number);
  const d = new Date(Date.UTC(y, m - 1 + n, 1));
  return d.toISOString().slice(0, 7);
}

/**
 * The months the range touches, with the month before them (churn of the first month needs it):
 * their local starts as UTC instants, and the range's end (the start of the day after `to`).
 */
export function monthBounds(from: string, to: string, timeZone: string) {
  const months: string[] = [];
  for (let m = addMonths(from.slice(0, 7), -1); m <= to.slice(0, 7); m = addMonths(m, 1)) months.push(m);
  const end = startOfLocalDay(addDays(to, 1), timeZone);
  const bounds = [...months.map((m) => startOfLocalDay(`${m}-01`, timeZone)), end];
  const afterLast = startOfLocalDay(`${addMonths(months[months.length - 1], 1)}-01`, timeZone);
  return { months, bounds, start: startOfLocalDay(from, timeZone), end, lastPartial: end < afterLast };
}

export async function customerKpis(deps: Deps, workspaceId: string, q: CustomerKpisQuery): Promise<CustomerKpisView> {
  const segment = q.segment ? await repo.findSegment(deps.db, workspaceId, q.segment) : undefined;
  if (q.segment && !segment) throw notFound('segment');
  const timeZone = q.tz ?? (await getMetricSettings(deps, workspaceId)).timeZone;
  const { months, bounds, start, end, lastPartial } = monthBounds(q.from, q.to, timeZone);
  const seg = segment?.id;

  const currencies = await repo.currencies(deps.db, workspaceId);
  const currency = q.currency ?? currencies[0]?.currency ?? null;
  // No currency means no orders: '' matches no row, and every revenue is 0.
  const cur = currency ?? '';
  const [activity, cells, period, life, people, segments, bySegment] = await Promise.all([
    repo.monthActivity(deps.db, workspaceId, bounds, cur, seg),
    repo.cohortCells(deps.db, workspaceId, bounds, q.basis, seg),
    repo.periodOrders(deps.db, workspaceId, start, end, cur, seg),
    repo.lifetime(deps.db, workspaceId, cur, seg),
    repo.countPeople(deps.db, workspaceId, seg),
    repo.segmentMembers(deps.db, workspaceId, q.segments, seg),
    repo.segmentRevenue(deps.db, workspaceId, start, end, cur, seg),
  ]);

  // Index 0 is the month before the range: it only feeds the first month's churn.
  const n = months.length;
  const row = (m: number) => activity.find((r) => r.m === m) ?? { m, active: 0, kept: 0, buyers: 0, keptBuyers: 0, repeatBuyers: 0, revenue: 0 };
  const rows = Array.from({ length: n }, (_, m) => row(m));
  const byOrder = q.basis === 'order';
  const active = rows.map((r) => (byOrder ? r.buyers : r.active));
  const kept = rows.map((r) => (byOrder ? r.keptBuyers : r.kept));
  const churn = churnSeries(active, kept);
  const partial = (m: number) => m === n - 1 && lastPartial;

  // Buyer churn over the steps into complete months: a month still running would count its
  // buyers who have not bought yet as lost.
  const steps = rows.slice(1).map((_, i) => ({ m: i + 1, active: rows[i].buyers, kept: rows[i].keptBuyers })).filter((s) => !partial(s.m));
  const rangeMonths = (Date.parse(end) - Date.parse(start)) / 86_400_000 / DAYS_PER_MONTH;

  const triangle = retentionTriangle(n - 1, cells.map((c) => ({ cohort: c.cohort - 1, month: c.month - 1, people: c.people })));
  return {
    from: q.from, to: q.to, timeZone, basis: q.basis, currency, currencies,
    segment: segment ? { id: segment.id, name: segment.name } : null,
    months: rows.slice(1).map((r, i) => ({
      month: months[i + 1], partial: partial(i + 1), active: active[i + 1],
      retained: active[i] ? kept[i] : null, churn: churn[i + 1].churn, retention: churn[i + 1].retention,
      buyers: r.buyers, repeatBuyers: r.repeatBuyers, repeatRate: repeatPurchaseRate(r.buyers, r.repeatBuyers), revenue: r.revenue,
    })),
    cohorts: triangle.map((c) => ({ month: months[c.cohort + 1], size: c.size, people: c.people, retention: c.retention })),
    clv: {
      historical: historicalClv(life.revenue, life.people, life.buyers),
      predictive: predictiveClv({ revenue: period.revenue, orders: period.ordersInCurrency, buyers: period.buyersInCurrency, months: rangeMonths, monthlyChurn: pooledChurn(steps) }),
    },
    repeat: {
      period: { buyers: period.buyers, repeaters: period.repeaters, rate: repeatPurchaseRate(period.buyers, period.repeaters) },
      ever: { buyers: life.buyers, repeaters: life.repeaters, rate: repeatPurchaseRate(life.buyers, life.repeaters) },
    },
    revenueBySegment: [
      { id: null, name: segment?.name ?? null, members: people, buyers: period.buyersInCurrency, revenue: period.revenue, perMember: perMember(period.revenue, people) },
      ...segments.map((s) => {
        const r = bySegment.get(s.id) ?? { buyers: 0, revenue: 0 };
        return { id: s.id, name: s.name, members: s.members, buyers: r.buyers, revenue: r.revenue, perMember: perMember(r.revenue, s.members) };
      }),
    ],
  };
}
