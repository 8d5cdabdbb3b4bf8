/**
 * The loop's numbers for cases opened in a period (local days of `tz`, UTC by default; `to` included): closure rate, median
 * times to first response and to close, SLA attainment, recovery rate and the root-cause Pareto,
 * overall and by team, agent or theme. Pure arithmetic over the period's case rows in `loopNumbers`.
 */
import type { LoopMetrics, LoopMetricsQuery, LoopNumbers } from '@touchpoint/shared';
import type { Deps } from '../../deps.js';
import { validationError } from '../../platform/http/errors.js';
import { addDays, isValidTimeZone, startOfLocalDay } from '../../platform/time/local-day.js';
import { isNegative } from './case-rules.js';
import { isOpenCategory } from './case-present.js';
import { memberNames } from './cases.service.js';
import * as setup from './setup.repo.js';

export interface LoopRow {
  category: string; created_at: string; first_responded_at: string | null; resolved_at: string | null; closed_at: string | null;
  sla_first_state: string; sla_resolution_state: string; trigger_scores: string; recovered: number | null;
  team_id: string | null; owner_id: string | null; theme: string; root_cause: string | null;
}

const minutesBetween = (a: string, b: string) => (Date.parse(b) - Date.parse(a)) / 60_000;

export function median(values: number[]): number | null {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export function loopNumbers(rows: readonly LoopRow[]): LoopNumbers {
  const closed = rows.filter((r) => !isOpenCategory(r.category));
  const decided = rows.flatMap((r) => [r.sla_first_state, r.sla_resolution_state]).filter((s) => s === 'met' || s === 'breached');
  const detractors = rows.filter((r) => isNegative({ scores: JSON.parse(r.trigger_scores) }));
  const recovered = detractors.filter((r) => r.recovered === 1).length;
  return {
    opened: rows.length, closed: closed.length, closureRate: rows.length ? closed.length / rows.length : null,
    timeToFirstResponse: median(rows.filter((r) => r.first_responded_at).map((r) => minutesBetween(r.created_at, r.first_responded_at!))),
    timeToClose: median(closed.map((r) => minutesBetween(r.created_at, (r.resolved_at ?? r.closed_at)!)).filter((x) => Number.isFinite(x))),
    slaAttainment: decided.length ? decided.filter((s) => s === 'met').length / decided.length : null, slaDecided: decided.length,
    recoveryRate: detractors.length ? recovered / detractors.length : null, detractors: detractors.length, recovered,
  };
}

export function pareto(rows: readonly LoopRow[]): LoopMetrics['pareto'] {
  const counts = new Map<string, number>();
  for (const r of rows) if (!isOpenCategory(r.category) && r.root_cause) counts.set(r.root_cause, (counts.get(r.root_cause) ?? 0) + 1);
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  let running = 0;
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([rootCause, count]) => {
    running += count;
    return { rootCause, label: rootCause, count, cumulative: running / total };
  });
}

export async function loopMetrics(deps: Deps, workspaceId: string, q: LoopMetricsQuery): Promise<LoopMetrics> {
  if (q.from > q.to) throw validationError([{ path: 'querystring.to', message: 'the end is before the start' }]);
  const tz = q.tz ?? 'UTC';
  if (!isValidTimeZone(tz)) throw validationError([{ path: 'querystring.tz', message: 'not an IANA time zone' }]);
  const start = startOfLocalDay(q.from, tz);
  const end = startOfLocalDay(addDays(q.to, 1), tz);
  const rows: LoopRow[] = await deps.db.selectFrom('cases')
    .select(['category', 'created_at', 'first_responded_at', 'resolved_at', 'closed_at', 'sla_first_state', 'sla_resolution_state', 'trigger_scores', 'recovered', 'team_id', 'owner_id', 'theme', 'root_cause'])
    .where('workspace_id', '=', workspaceId).where('created_at', '>=', start).where('created_at', '<', end).execute();
  const groups: LoopMetrics['groups'] = [];
  if (q.by) {
    const keyOf = (r: LoopRow) => (q.by === 'team' ? r.team_id : q.by === 'agent' ? r.owner_id : r.theme) ?? '';
    const labels = q.by === 'team' ? new Map((await setup.teams(deps.db, workspaceId)).map((t) => [t.id, t.name])) : q.by === 'agent' ? await memberNames(deps, workspaceId) : new Map<string, string>();
    const byKey = new Map<string, LoopRow[]>();
    for (const r of rows) byKey.set(keyOf(r), [...(byKey.get(keyOf(r)) ?? []), r]);
    for (const [key, list] of [...byKey].sort((a, b) => b[1].length - a[1].length)) groups.push({ key, label: key ? labels.get(key) ?? key : '', ...loopNumbers(list) });
  }
  return { from: q.from, to: q.to, overall: loopNumbers(rows), groups, pareto: pareto(rows) };
}
