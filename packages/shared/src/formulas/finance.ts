/**
 * Discounted-cash-flow formulas for business cases: NPV (two timing conventions), IRR, MIRR,
 * XNPV, XIRR, payback and ROI. Pure functions; bad input throws a RangeError saying what is wrong.
 *
 * Timing conventions, because spreadsheets and textbooks differ:
 * - `npv` follows Excel's NPV(): the FIRST value is discounted by one period (value i by
 *   (1 + rate)^(i + 1)). An outlay made "now" must be added outside, as Excel's docs show.
 * - `presentValue` follows the app and numpy-financial's npv: flows[0] is at t = 0 and is not
 *   discounted (flows[t] / (1 + rate)^t). presentValue(r, f) = (1 + r) · npv(r, f).
 * - `irr`, `mirr`, `payback` take flows[0] at t = 0 too (IRR is the same either way).
 * - `xnpv`/`xirr` follow Excel: the first date is t = 0, times are days / 365.
 */
import type { IrrResult } from '../contracts/business-case.js';
import { pvRoots, signChanges, type RootSearch } from './irr-roots.js';

export type { IrrResult } from '../contracts/business-case.js';
export { signChanges } from './irr-roots.js';

function checkFlows(values: readonly number[], name = 'values'): void {
  if (!Array.isArray(values) || values.length === 0) throw new RangeError(`${name} must hold at least one cash flow`);
  values.forEach((v, i) => { if (typeof v !== 'number' || !Number.isFinite(v)) throw new RangeError(`${name}[${i}] must be a finite number`); });
}

function checkRate(rate: number, name = 'rate'): void {
  if (typeof rate !== 'number' || !Number.isFinite(rate)) throw new RangeError(`${name} must be a finite number`);
  if (rate <= -1) throw new RangeError(`${name} must be greater than −1 (−100 %)`);
}

/**
 * Excel's NPV(rate, value1, …): Σ values[i] / (1 + rate)^(i + 1), every value discounted, the
 * first by one whole period. Excel docs: NPV(10 %, −10,000, 3,000, 4,200, 6,800) = 1,188.44.
 */
export function npv(rate: number, values: readonly number[]): number {
  checkRate(rate);
  checkFlows(values);
  let sum = 0;
  for (let i = values.length - 1; i >= 0; i--) sum = (sum + values[i]) / (1 + rate);
  return sum;
}

/**
 * Present value with flows[0] at t = 0, undiscounted: Σ flows[t] / (1 + rate)^t. The convention
 * of the app's business cases and of numpy-financial's npv:
 * presentValue(0.08, [−40,000, 5,000, 8,000, 12,000, 30,000]) = 3,065.22.
 */
export function presentValue(rate: number, flows: readonly number[]): number {
  checkRate(rate);
  checkFlows(flows, 'flows');
  let sum = 0;
  for (let t = flows.length - 1; t >= 0; t--) sum = sum / (1 + rate) + flows[t];
  return sum;
}

export type IrrOptions = RootSearch;

function irrResult(roots: number[], changes: number): IrrResult {
  return { value: roots.length === 1 ? roots[0] : null, roots, signChanges: changes };
}

/**
 * Internal rate of return of flows at periods 0, 1, 2, …: every rate r > −1 with
 * presentValue(r, values) = 0. Flows that change sign more than once can have several such rates
 * (Descartes: at most `signChanges`), so all are reported in `roots` (ascending) and `value` is set
 * only when there is exactly one; with none (no sign change, or no real root) value is null and
 * roots []. Excel docs: IRR(−70,000, 12,000, 15,000, 18,000, 21,000, 26,000) = 8.7 %.
 * No guess is needed: the whole range lower…upper (default −99.9999 % … 10^9) is searched.
 */
export function irr(values: readonly number[], opts: IrrOptions = {}): IrrResult {
  checkFlows(values);
  const changes = signChanges(values);
  if (changes === 0) return irrResult([], 0);
  return irrResult(pvRoots({ values, times: values.map((_, t) => t) }, true, opts), changes);
}

/**
 * Modified IRR (Excel MIRR): negative flows are discounted to t = 0 at `financeRate`, positive
 * flows compounded to the last period at `reinvestRate`, and
 * MIRR = (FV(positives) / −PV(negatives))^(1 / (n − 1)) − 1, n = number of flows.
 * Null when there is no positive or no negative flow (Excel: #DIV/0!).
 * Excel docs: −120,000, 39,000, 30,000, 21,000, 37,000, 46,000 at 10 % / 12 % → 12.61 %.
 */
export function mirr(values: readonly number[], financeRate: number, reinvestRate: number): number | null {
  checkFlows(values);
  checkRate(financeRate, 'financeRate');
  checkRate(reinvestRate, 'reinvestRate');
  const n = values.length;
  let pvNeg = 0, fvPos = 0;
  values.forEach((v, t) => {
    if (v < 0) pvNeg += v / (1 + financeRate) ** t;
    else fvPos += v * (1 + reinvestRate) ** (n - 1 - t);
  });
  if (pvNeg === 0 || fvPos === 0 || n < 2) return null;
  return (fvPos / -pvNeg) ** (1 / (n - 1)) - 1;
}

export type DateInput = string | Date;
const DAY_MS = 86_400_000;

/** A calendar day as whole days since 1970-01-01. Strings are 'YYYY-MM-DD'; a Date counts by its UTC day. */
function dayNumber(date: DateInput, name = 'date'): number {
  if (date instanceof Date) {
    const ms = date.getTime();
    if (!Number.isFinite(ms)) throw new RangeError(`${name} is an invalid Date`);
    return Math.floor(ms / DAY_MS);
  }
  const m = typeof date === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(date) : null;
  if (!m) throw new RangeError(`${name} must be a date written YYYY-MM-DD (got ${JSON.stringify(date)})`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) throw new RangeError(`${name} ${date} is not a calendar date`);
  return ms / DAY_MS;
}

/** Years (days / 365) of each date after the first; throws when one precedes the first (Excel: #NUM!). */
function yearsFromFirst(values: readonly number[], dates: readonly DateInput[]): number[] {
  checkFlows(values);
  if (!Array.isArray(dates) || dates.length !== values.length) throw new RangeError(`values and dates must have the same length (${values.length} values, ${Array.isArray(dates) ? dates.length : 0} dates)`);
  const days = dates.map((d, i) => dayNumber(d, `dates[${i}]`));
  return days.map((d, i) => {
    if (d < days[0]) throw new RangeError(`dates[${i}] precedes the first date`);
    return (d - days[0]) / 365;
  });
}

/**
 * Excel XNPV: Σ values[i] / (1 + rate)^((dates[i] − dates[0]) / 365). The first flow is at t = 0.
 * Excel docs: 9 %, −10,000 on 2008-01-01 … 2,750 on 2009-04-01 → 2,086.65.
 */
export function xnpv(rate: number, values: readonly number[], dates: readonly DateInput[]): number {
  checkRate(rate);
  const years = yearsFromFirst(values, dates);
  let sum = 0;
  values.forEach((v, i) => { sum += v / (1 + rate) ** years[i]; });
  return sum;
}

/**
 * Excel XIRR: every annual rate r > −1 with xnpv(r, values, dates) = 0, reported like `irr`
 * (all roots; `value` only when there is exactly one). Excel docs example → 0.373362535.
 */
export function xirr(values: readonly number[], dates: readonly DateInput[], opts: IrrOptions = {}): IrrResult {
  const times = yearsFromFirst(values, dates);
  const changes = signChanges(values);
  if (changes === 0) return irrResult([], 0);
  return irrResult(pvRoots({ values, times }, false, opts), changes);
}

/**
 * Payback period of flows at periods 0, 1, 2, … (flows[0] at t = 0): the number of periods until
 * the cumulative flow — discounted by (1 + rate)^t when `rate` is given — turns ≥ 0 and stays ≥ 0
 * to the end of the flows. Fractional: within the period where it last crosses zero, linear
 * interpolation (k + −C_k / (C_{k+1} − C_k)). 0 when it never dips below zero; null when it is
 * still negative at the last flow (no payback within the horizon).
 */
export function payback(flows: readonly number[], opts: { rate?: number } = {}): number | null {
  checkFlows(flows, 'flows');
  if (opts.rate !== undefined) checkRate(opts.rate);
  const factor = opts.rate === undefined ? 1 : 1 / (1 + opts.rate);
  const cumulative: number[] = [];
  let sum = 0, discount = 1;
  for (const f of flows) { sum += f * discount; cumulative.push(sum); discount *= factor; }
  let lastNegative = -1;
  cumulative.forEach((c, t) => { if (c < 0) lastNegative = t; });
  if (lastNegative === -1) return 0;
  if (lastNegative === flows.length - 1) return null;
  const before = cumulative[lastNegative], after = cumulative[lastNegative + 1];
  return lastNegative + -before / (after - before);
}

/**
 * Return on investment: (gain − cost) / cost, where gain is the total benefit (not the profit).
 * A fraction: 0.5 = 50 %. Null when cost is 0.
 */
export function roi(gain: number, cost: number): number | null {
  if (!Number.isFinite(gain) || !Number.isFinite(cost)) throw new RangeError('gain and cost must be finite numbers');
  if (cost === 0) return null;
  return (gain - cost) / cost;
}
