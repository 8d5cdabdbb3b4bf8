/**
 * One number of the workspace over a range of local days, read live from where it is kept: survey
 * metrics through the metrics module's query (cube or rows), customer metrics through the customer
 * KPIs, loop metrics through the cases module. Gap analyses (current state), SMART goals (progress)
 * and initiatives (actual change after launch) all read through here, so they agree.
 */
import { CustomerKpisQuery, LIVE_METRIC_INFO, type LiveMetric, type LiveMetricValue } from '@touchpoint/shared';
import type { Deps } from '../../deps.js';
import { getMetricSettings, queryMetrics } from '../metrics/index.js';
import { customerKpis } from '../customers/index.js';
import { loopMetrics } from '../cases/index.js';

export interface LiveRange {
  /** Local days in the workspace's metric time zone, both included ('YYYY-MM-DD'). */
  from: string; to: string;
  /** Only answers / people of this customer segment (survey and customer metrics). */
  segmentId?: string | null;
}

const pct = (share: number | null | undefined) => (share === null || share === undefined ? null : share * 100);

async function surveyMetric(deps: Deps, workspaceId: string, metric: LiveMetric, r: LiveRange) {
  const answer = await queryMetrics(deps, workspaceId, { from: r.from, to: r.to, interval: 'month', ...(r.segmentId ? { segmentId: r.segmentId } : {}) });
  const t = answer.total;
  switch (metric) {
    case 'nps': return { value: t.nps.nps, n: t.nps.n };
    case 'csat': return { value: t.csat.csat, n: t.csat.n };
    case 'ces': return { value: t.ces.mean, n: t.ces.n };
    case 'sentiment': return { value: t.sentiment.mean, n: t.sentiment.n };
    case 'cx_index': return { value: t.cxIndex.value, n: t.responses };
    default: return { value: t.responses, n: t.responses };
  }
}

async function customerMetric(deps: Deps, workspaceId: string, metric: LiveMetric, r: LiveRange) {
  const view = await customerKpis(deps, workspaceId, CustomerKpisQuery.parse({ from: r.from, to: r.to, ...(r.segmentId ? { segment: r.segmentId } : {}) }));
  const months = view.months;
  // Retention pooled over the range's months: people kept ÷ people who could have been kept.
  let kept = 0, base = 0;
  months.forEach((m, i) => {
    if (m.retained === null) return;
    const previous = i > 0 ? months[i - 1].active : m.retention ? m.retained / m.retention : null;
    if (previous) { kept += m.retained; base += previous; }
  });
  const retention = base ? (kept / base) * 100 : null;
  const extra = { currency: view.currency };
  switch (metric) {
    case 'retention': return { value: retention, n: base };
    case 'churn': return { value: retention === null ? null : 100 - retention, n: base };
    case 'repeat_rate': return { value: pct(view.repeat.period.rate), n: view.repeat.period.buyers };
    case 'clv': return { value: view.clv.predictive.value ?? view.clv.historical.perBuyer, n: view.clv.predictive.buyers || view.clv.historical.buyers, ...extra };
    case 'revenue': return { value: months.reduce((a, m) => a + m.revenue, 0), n: months.reduce((a, m) => a + m.buyers, 0), ...extra };
    default: {
      // People active in a month, on average over the range's months.
      const value = months.length ? months.reduce((a, m) => a + m.active, 0) / months.length : null;
      return { value, n: months.length };
    }
  }
}

async function caseMetric(deps: Deps, workspaceId: string, metric: LiveMetric, r: LiveRange) {
  const tz = (await getMetricSettings(deps, workspaceId)).timeZone;
  const { overall: o } = await loopMetrics(deps, workspaceId, { from: r.from, to: r.to, tz });
  switch (metric) {
    case 'case_closure': return { value: pct(o.closureRate), n: o.opened };
    case 'sla_attainment': return { value: pct(o.slaAttainment), n: o.slaDecided };
    case 'recovery': return { value: pct(o.recoveryRate), n: o.detractors };
    default: return { value: o.timeToFirstResponse, n: o.opened };
  }
}

export async function readLiveMetric(deps: Deps, workspaceId: string, metric: LiveMetric, range: LiveRange): Promise<LiveMetricValue> {
  const info = LIVE_METRIC_INFO[metric];
  const read = info.source === 'surveys' ? surveyMetric : info.source === 'customers' ? customerMetric : caseMetric;
  const got: { value: number | null; n: number; currency?: string | null } = await read(deps, workspaceId, metric, range);
  return { metric, value: got.value, n: got.n, unit: info.unit, from: range.from, to: range.to, ...('currency' in got ? { currency: got.currency ?? null } : {}) };
}
