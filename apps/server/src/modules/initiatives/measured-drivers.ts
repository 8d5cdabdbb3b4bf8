/**
 * Benefit lines stated as "retention +N points in segment S" with `source: 'measured'`: the server
 * fills the driver's `customers` (the segment's members, or every customer) and `valuePerCustomer`
 * (the CLV of customer 360 over the last 12 months, in the case's currency: predictive when it can
 * be estimated, else historical revenue per buyer). When no CLV is measured in that currency the
 * request is refused (400 at the driver's path) rather than silently keeping typed values: the
 * analyst then switches the line to typed inputs, knowingly.
 */
import { CustomerKpisQuery, type BusinessCaseInput, type DriverMeasurement } from '@touchpoint/shared';
import type { Deps } from '../../deps.js';
import { AppError, validationError, type FieldIssue } from '../../platform/http/errors.js';
import { customerKpis } from '../customers/index.js';
import { addDays } from '../metrics/index.js';
import { workspaceToday } from '../strategy/index.js';

export async function fillMeasuredDrivers(deps: Deps, workspaceId: string, input: BusinessCaseInput): Promise<{ input: BusinessCaseInput; measurements: DriverMeasurement[] }> {
  const measured = input.benefits.map((b, i) => ({ b, i })).filter(({ b }) => b.driver?.source === 'measured');
  if (!measured.length) return { input, measurements: [] };
  const to = await workspaceToday(deps, workspaceId);
  const from = addDays(to, -364);
  const now = new Date().toISOString();
  const issues: FieldIssue[] = [];
  const measurements: DriverMeasurement[] = [];
  const benefits = [...input.benefits];
  const cache = new Map<string, Awaited<ReturnType<typeof customerKpis>> | null>();
  for (const { b, i } of measured) {
    const driver = b.driver!;
    const key = driver.segmentId ?? '';
    if (!cache.has(key)) {
      try {
        cache.set(key, await customerKpis(deps, workspaceId, CustomerKpisQuery.parse({ from, to, currency: input.currency, ...(driver.segmentId ? { segment: driver.segmentId } : {}) })));
      } catch (err) {
        if (!(err instanceof AppError) || err.statusCode !== 404) throw err;
        cache.set(key, null);
      }
    }
    const view = cache.get(key);
    if (!view) { issues.push({ path: `body.benefits[${i}].driver.segmentId`, message: 'no such segment in this workspace' }); continue; }
    const predictive = view.clv.predictive.value;
    const value = predictive ?? view.clv.historical.perBuyer;
    const customers = view.revenueBySegment[0]?.members ?? 0;
    if (value === null || !Number.isFinite(value)) {
      issues.push({ path: `body.benefits[${i}].driver.source`, message: `no customer lifetime value is measured in ${input.currency} for these customers over the last 12 months: type the value per customer instead` });
      continue;
    }
    const valuePerCustomer = Math.round(value * 100) / 100;
    benefits[i] = { ...b, driver: { ...driver, customers, valuePerCustomer } };
    measurements.push({ lineId: b.id, segmentId: driver.segmentId, customers, valuePerCustomer, currency: input.currency, from, to, clvMethod: predictive !== null ? 'predictive' : 'historical', measuredAt: now });
  }
  if (issues.length) throw validationError(issues);
  return { input: { ...input, benefits }, measurements };
}
