/** Metrics answers for tests, built the way the server builds them (only the fields the UI reads matter). */
import type { MetricsResult, Summary } from './types';

export function summary(over: { responses?: number; nps?: [number, number, number]; csat?: [number, number]; ces?: [number, number]; sentiment?: [number, number, number] } = {}): Summary {
  const [p, pa, d] = over.nps ?? [0, 0, 0];
  const n = p + pa + d;
  const nps = n ? ((p - d) / n) * 100 : null;
  const [sat, cn] = over.csat ?? [0, 0];
  const [mean, en] = over.ces ?? [0, 0];
  const [sm, sn, sd] = over.sentiment ?? [0, 0, 0]; // mean, texts, standard deviation
  return {
    responses: over.responses ?? n, complete: over.responses ?? n,
    nps: { n, promoters: p, passives: pa, detractors: d, nps, ci: nps === null ? null : { low: nps - 10, high: nps + 10 } },
    csat: { n: cn, satisfied: sat, csat: cn ? (sat / cn) * 100 : null, ci: cn ? { low: 50, high: 90 } : null },
    ces: { n: en, mean: en ? mean : null, easyShare: en ? 70 : null, ci: en ? { low: mean - 0.3, high: mean + 0.3 } : null },
    sentiment: { n: sn, mean: sn ? sm : null, sd: sn ? sd : null, ci: sn ? { low: sm - 0.1, high: sm + 0.1 } : null, positive: Math.round(sn / 2), negative: Math.round(sn / 4), positiveShare: sn ? (Math.round(sn / 2) / sn) * 100 : null, negativeShare: sn ? (Math.round(sn / 4) / sn) * 100 : null },
    cxIndex: { value: n ? 60 : null, ci: n ? { low: 55, high: 65 } : null, components: { nps: null, csat: null, ces: null, sentiment: null } },
    distribution: { nps: [d, 0, 0, 0, 0, 0, 0, pa, 0, 0, p], csat: [0, 0, 0, 0, 0], ces: [0, 0, 0, 0, 0, 0, 0] },
  };
}

export function result(over: Partial<MetricsResult> = {}): MetricsResult {
  return {
    source: 'cube', timeZone: 'UTC', interval: 'total', by: null, from: '2026-11-01', to: '2026-11-30', cxIndexVersion: 0,
    total: summary(), series: [], previous: null, ...over,
  };
}
