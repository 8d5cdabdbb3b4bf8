/**
 * SQL of the customer KPIs. Everything that grows with the data is counted here, so the service
 * receives at most one row per (cohort, month) or per segment, never one per person or event.
 *
 * A person is coalesce(merged_into, id) of a profile: merged profiles count once. Months are
 * local months in the workspace's zone; their UTC starts are computed in JS and an event falls in
 * a month by plain ISO text comparison (the same on both stores). A segment filter is a
 * correlated EXISTS on the members' primary key (segment_id, customer_id), not a join: a join
 * would let SQLite start from the members and then scan customers for each one.
 */
import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../schema.js';
import { jsonNumber, toNumber } from '../../platform/db/dialect.js';

/** Month i is [bounds[i], bounds[i + 1]); the last bound is the range's end. */
export type Bounds = readonly string[];

/**
 * The index of the month `col` falls in, as a binary tree of CASEs: log2(months) comparisons per
 * event rather than one per month (ranges may hold ten years). Values before bounds[0] get 0.
 */
function monthOf(col: RawBuilder<unknown>, bounds: Bounds, lo = 0, hi = bounds.length - 1): RawBuilder<number> {
  if (hi - lo <= 1) return sql<number>`${sql.lit(lo)}`;
  const mid = (lo + hi) >> 1;
  return sql<number>`(case when ${col} < ${bounds[mid]} then ${monthOf(col, bounds, lo, mid)} else ${monthOf(col, bounds, mid, hi)} end)`;
}

const person = sql`coalesce(c.merged_into, c.id)`;
const inSegment = (segment: string | undefined, who: RawBuilder<unknown> = person) => (segment
  ? sql`and exists (select 1 from customer_segment_members f where f.segment_id = ${segment} and f.customer_id = ${who})`
  : sql``);

export async function findSegment(db: Db, workspaceId: string, id: string) {
  return db.selectFrom('customer_segments').select(['id', 'name']).where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
}

/** Every currency ordered in, with its revenue (all time), most first. */
export async function currencies(db: Db, workspaceId: string): Promise<{ currency: string; revenue: number }[]> {
  const rows = await db.selectFrom('customer_events').select(['currency', (eb) => eb.fn.sum<number>('revenue').as('revenue')])
    .where('workspace_id', '=', workspaceId).where('type', '=', 'order').where('currency', 'is not', null).groupBy('currency').execute();
  return rows.map((r) => ({ currency: r.currency!, revenue: toNumber(r.revenue) })).sort((a, b) => b.revenue - a.revenue || (a.currency < b.currency ? -1 : 1));
}

export interface MonthRow { m: number; active: number; kept: number; buyers: number; keptBuyers: number; repeatBuyers: number; revenue: number }

/**
 * Per month: people active, of them active again the next month (for churn), buyers (an order),
 * buyers who bought again the next month, buyers with two orders or more, and revenue in `currency`.
 */
export async function monthActivity(db: Db, workspaceId: string, bounds: Bounds, currency: string, segment?: string): Promise<MonthRow[]> {
  const at = sql`e.occurred_at`;
  const { rows } = await sql<Record<string, unknown>>`
    with pm as (
      select person, m, sum(o) as orders, sum(r) as revenue from (
        select ${person} as person, ${monthOf(at, bounds)} as m,
          case when e.type = 'order' then 1 else 0 end as o,
          case when e.type = 'order' and e.currency = ${currency} then e.revenue else 0 end as r
        from customer_events e join customers c on c.id = e.customer_id
        where e.workspace_id = ${workspaceId} and e.occurred_at >= ${bounds[0]} and e.occurred_at < ${bounds[bounds.length - 1]} ${inSegment(segment)}
      ) x group by person, m
    )
    select a.m as m, count(*) as active,
      sum(case when b.person is null then 0 else 1 end) as kept,
      sum(case when a.orders > 0 then 1 else 0 end) as buyers,
      sum(case when a.orders > 0 and b.orders > 0 then 1 else 0 end) as kept_buyers,
      sum(case when a.orders > 1 then 1 else 0 end) as repeat_buyers,
      sum(a.revenue) as revenue
    from pm a left join pm b on b.person = a.person and b.m = a.m + 1
    group by a.m`.execute(db);
  return rows.map((r) => ({
    m: toNumber(r.m), active: toNumber(r.active), kept: toNumber(r.kept), buyers: toNumber(r.buyers),
    keptBuyers: toNumber(r.kept_buyers), repeatBuyers: toNumber(r.repeat_buyers), revenue: toNumber(r.revenue),
  }));
}

/**
 * People per (cohort, month): the cohort is the month of a person's first event (profiles keep
 * their first_seen_at: the earliest event they took) or first order, over all time; only cohorts
 * that start at or after bounds[1] are counted (bounds[0] opens the month before the range).
 */
export async function cohortCells(db: Db, workspaceId: string, bounds: Bounds, basis: 'activity' | 'order', segment?: string) {
  const start = bounds[1], end = bounds[bounds.length - 1];
  const orders = basis === 'order' ? sql`and e.type = 'order'` : sql``;
  const firsts = basis === 'activity'
    ? sql`select person, min(first_seen_at) as first_at from (
        select ${person} as person, c.first_seen_at from customers c where c.workspace_id = ${workspaceId} and c.first_seen_at is not null
      ) y group by person`
    : sql`select person, min(occurred_at) as first_at from (
        select ${person} as person, e.occurred_at from customer_events e join customers c on c.id = e.customer_id
        where e.workspace_id = ${workspaceId} and e.type = 'order' and e.occurred_at < ${end}
      ) y group by person`;
  const { rows } = await sql<Record<string, unknown>>`
    with pm as (
      select person, m from (
        select ${person} as person, ${monthOf(sql`e.occurred_at`, bounds)} as m
        from customer_events e join customers c on c.id = e.customer_id
        where e.workspace_id = ${workspaceId} and e.occurred_at >= ${start} and e.occurred_at < ${end} ${orders} ${inSegment(segment)}
      ) x group by person, m
    ), f as (
      select person, ${monthOf(sql`first_at`, bounds)} as cohort from (${firsts}) z where first_at >= ${start} and first_at < ${end}
    )
    select f.cohort as cohort, pm.m as m, count(*) as people from pm join f on f.person = pm.person group by f.cohort, pm.m`.execute(db);
  return rows.map((r) => ({ cohort: toNumber(r.cohort), month: toNumber(r.m), people: toNumber(r.people) }));
}

/** Orders in [start, end): buyers, those with two orders or more, and the orders and revenue in `currency`. */
export async function periodOrders(db: Db, workspaceId: string, start: string, end: string, currency: string, segment?: string) {
  const { rows } = await sql<Record<string, unknown>>`
    select count(*) as buyers, sum(case when orders > 1 then 1 else 0 end) as repeaters,
      sum(case when cur > 0 then 1 else 0 end) as buyers_cur, sum(cur) as orders_cur, sum(revenue) as revenue
    from (
      select person, count(*) as orders, sum(cur) as cur, sum(r) as revenue from (
        select ${person} as person,
          case when e.currency = ${currency} then 1 else 0 end as cur,
          case when e.currency = ${currency} then e.revenue else 0 end as r
        from customer_events e join customers c on c.id = e.customer_id
        where e.workspace_id = ${workspaceId} and e.type = 'order' and e.occurred_at >= ${start} and e.occurred_at < ${end} ${inSegment(segment)}
      ) x group by person
    ) p`.execute(db);
  const r = rows[0] ?? {};
  return { buyers: toNumber(r.buyers), repeaters: toNumber(r.repeaters), buyersInCurrency: toNumber(r.buyers_cur), ordersInCurrency: toNumber(r.orders_cur), revenue: toNumber(r.revenue) };
}

/** All time, from the profiles' own counters: people, buyers, repeat buyers and revenue in `currency`. */
export async function lifetime(db: Db, workspaceId: string, currency: string, segment?: string) {
  const { rows } = await sql<Record<string, unknown>>`
    select count(*) as people, sum(case when orders > 0 then 1 else 0 end) as buyers,
      sum(case when orders > 1 then 1 else 0 end) as repeaters, sum(revenue) as revenue
    from (
      select person, sum(order_count) as orders, sum(rev) as revenue from (
        select ${person} as person, c.order_count, ${jsonNumber(db, 'c.revenue', currency)} as rev
        from customers c where c.workspace_id = ${workspaceId} ${inSegment(segment)}
      ) x group by person
    ) p`.execute(db);
  const r = rows[0] ?? {};
  return { people: toNumber(r.people), buyers: toNumber(r.buyers), repeaters: toNumber(r.repeaters), revenue: toNumber(r.revenue) };
}

/** People (root profiles) of the workspace, within the filter segment if one is given. */
export async function countPeople(db: Db, workspaceId: string, segment?: string): Promise<number> {
  const { rows } = await sql<{ n: unknown }>`
    select count(*) as n from customers c where c.workspace_id = ${workspaceId} and c.merged_into is null ${inSegment(segment, sql`c.id`)}`.execute(db);
  return toNumber(rows[0]?.n);
}

/** The workspace's segments (or the `only` ones) with their members (within the filter segment). */
export async function segmentMembers(db: Db, workspaceId: string, only: readonly string[] | undefined, filter?: string) {
  const pick = only?.length ? sql`and s.id in (${sql.join(only)})` : sql``;
  const { rows } = await sql<Record<string, unknown>>`
    select s.id as id, s.name as name, count(m.customer_id) as members
    from customer_segments s left join customer_segment_members m on m.segment_id = s.id ${inSegment(filter, sql`m.customer_id`)}
    where s.workspace_id = ${workspaceId} ${pick}
    group by s.id, s.name, s.created_at order by s.created_at, s.id`.execute(db);
  return rows.map((r) => ({ id: String(r.id), name: String(r.name), members: toNumber(r.members) }));
}

/**
 * Revenue in `currency` and buyers in [start, end) per segment: each person's revenue summed
 * first, then spread over the segments they belong to (by the members' person index).
 */
export async function segmentRevenue(db: Db, workspaceId: string, start: string, end: string, currency: string, filter?: string) {
  const { rows } = await sql<Record<string, unknown>>`
    select m.segment_id as id, count(*) as buyers, sum(p.revenue) as revenue
    from (
      select person, sum(r) as revenue from (
        select ${person} as person, e.revenue as r
        from customer_events e join customers c on c.id = e.customer_id
        where e.workspace_id = ${workspaceId} and e.type = 'order' and e.currency = ${currency} and e.occurred_at >= ${start} and e.occurred_at < ${end} ${inSegment(filter)}
      ) x group by person
    ) p join customer_segment_members m on m.customer_id = p.person
    where m.workspace_id = ${workspaceId}
    group by m.segment_id`.execute(db);
  return new Map(rows.map((r) => [String(r.id), { buyers: toNumber(r.buyers), revenue: toNumber(r.revenue) }]));
}
