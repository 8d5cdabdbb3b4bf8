/**
 * Customer KPIs from counts: cohort retention, churn, CLV and repeat-purchase rate. The counting
 * (people per cohort and month, buyers, revenue) happens in SQL; these functions only turn the
 * counts into shares and values, so both stores and the tests share one definition.
 */

/** People of cohort `cohort` (month index of their first activity) active in month `month`. */
export interface CohortCell { cohort: number; month: number; people: number }

export interface CohortRow {
  /** Index of the cohort's month. */
  cohort: number;
  /** People whose first activity (or first order) fell in that month: the month-0 actives. */
  size: number;
  /** Active people in month cohort + k, for every k the range still holds. */
  people: number[];
  /** people[k] / size, in 0…1; null for an empty cohort. */
  retention: (number | null)[];
}

/**
 * The retention triangle over `months` months (indexes 0…months-1): cohort c has months − c
 * entries. The cohort's size is its month-0 count, so retention[0] is 1 for every non-empty cohort.
 */
export function retentionTriangle(months: number, cells: readonly CohortCell[]): CohortRow[] {
  const rows: CohortRow[] = Array.from({ length: months }, (_, c) => ({ cohort: c, size: 0, people: new Array<number>(months - c).fill(0), retention: [] }));
  for (const cell of cells) {
    const k = cell.month - cell.cohort;
    if (cell.cohort < 0 || cell.cohort >= months || k < 0 || cell.month >= months) continue;
    rows[cell.cohort].people[k] += cell.people;
  }
  for (const row of rows) {
    row.size = row.people[0] ?? 0;
    row.retention = row.people.map((p) => (row.size ? Math.min(1, p / row.size) : null));
  }
  return rows;
}

/**
 * Churn of a month: of the people active in the month before, the share not active in it.
 * `active[m]` counts month m's actives, `kept[m]` those of them also active in month m + 1.
 * Entry m (m ≥ 1) is the churn of month m; entry 0 has no month before it and is null.
 */
export function churnSeries(active: readonly number[], kept: readonly number[]): { churn: number | null; retention: number | null }[] {
  return active.map((_, m) => {
    if (m === 0 || !active[m - 1]) return { churn: null, retention: null };
    const retention = Math.min(1, kept[m - 1] / active[m - 1]);
    return { churn: 1 - retention, retention };
  });
}

/** Churn over several month-to-month steps at once: lost over at risk, each step weighted by its people. */
export function pooledChurn(steps: readonly { active: number; kept: number }[]): number | null {
  const atRisk = steps.reduce((a, s) => a + s.active, 0);
  if (!atRisk) return null;
  return 1 - Math.min(1, steps.reduce((a, s) => a + s.kept, 0) / atRisk);
}

/** People with two orders or more over people with one or more (0…1; null without buyers). */
export function repeatPurchaseRate(buyers: number, repeaters: number): number | null {
  return buyers > 0 ? Math.min(1, repeaters / buyers) : null;
}

/** Repeat rate straight from each person's order count (the reference the counting SQL must match). */
export function repeatRateOf(orderCounts: readonly number[]): number | null {
  return repeatPurchaseRate(orderCounts.filter((n) => n >= 1).length, orderCounts.filter((n) => n >= 2).length);
}

export interface HistoricalClv { revenue: number; people: number; buyers: number; perPerson: number | null; perBuyer: number | null }

/** Historical CLV: revenue to date per person, over everybody and over the people who bought. */
export function historicalClv(revenue: number, people: number, buyers: number): HistoricalClv {
  return { revenue, people, buyers, perPerson: people ? revenue / people : null, perBuyer: buyers ? revenue / buyers : null };
}

export interface PredictiveClv {
  /** Average order value × purchases per buyer per month × expected lifetime in months; null when an input is missing. */
  value: number | null;
  averageOrderValue: number | null;
  purchasesPerMonth: number | null;
  monthlyChurn: number | null;
  expectedLifetimeMonths: number | null;
  revenue: number; orders: number; buyers: number; months: number;
}

/** Days in an average Gregorian month: converts a range's length into months. */
export const DAYS_PER_MONTH = 365.2425 / 12;

/**
 * A simple predictive CLV: AOV × purchase frequency per month × expected lifetime, where the
 * lifetime is 1 / monthly churn of buyers (a geometric lifetime). No churn observed (0) means no
 * finite lifetime: the value is then null rather than infinite.
 */
export function predictiveClv(input: { revenue: number; orders: number; buyers: number; months: number; monthlyChurn: number | null }): PredictiveClv {
  const { revenue, orders, buyers, months, monthlyChurn } = input;
  const averageOrderValue = orders > 0 ? revenue / orders : null;
  const purchasesPerMonth = buyers > 0 && months > 0 ? orders / buyers / months : null;
  const expectedLifetimeMonths = monthlyChurn != null && monthlyChurn > 0 ? 1 / monthlyChurn : null;
  const value = averageOrderValue != null && purchasesPerMonth != null && expectedLifetimeMonths != null
    ? averageOrderValue * purchasesPerMonth * expectedLifetimeMonths : null;
  return { value, averageOrderValue, purchasesPerMonth, monthlyChurn, expectedLifetimeMonths, revenue, orders, buyers, months };
}

/** Revenue per member of a group (a segment, or everybody); null for an empty group. */
export const perMember = (revenue: number, members: number): number | null => (members > 0 ? revenue / members : null);
