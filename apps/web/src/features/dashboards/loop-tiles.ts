/**
 * Closed-loop tiles (the loop's five numbers, the root-cause Pareto, the rates by team, agent or
 * theme): which request they read, how their groups are named, and their CSV rows. All of them
 * read GET …/cases/metrics for the dashboard's range; the numbers and the Pareto come with every
 * answer, so the tiles without a breakdown share one request and each breakdown adds its own.
 * Cases are not answers: the survey, channel, metadata and segment filters do not apply to them,
 * and the endpoint counts cases opened on the range's days (UTC), not in the dashboard's zone.
 */
import { LOOP_TILE_GROUPS, LOOP_TILE_TYPES, type LoopMetrics } from '@touchpoint/shared';
import { ApiError, withQuery, ws } from '../../lib/api';
import { namedCauses, namedGroups } from '../cases/loop/loop-charts';
import type { CsvRow } from './csv';
import type { Tile, TileType } from './types';

export type { LoopMetrics };
export type LoopTileType = (typeof LOOP_TILE_TYPES)[number];
export type LoopGroup = (typeof LOOP_TILE_GROUPS)[number];
export const LOOP_KEY_PREFIX = 'cases:';

export const isLoopTile = (type: TileType): type is LoopTileType => (LOOP_TILE_TYPES as readonly string[]).includes(type);
export const isLoopKey = (key: string) => key.startsWith(LOOP_KEY_PREFIX);
/** The group a tile compares, or null for the tiles that need none. */
export const loopGroupOf = (tile: Tile): LoopGroup | null => (tile.type === 'loop_breakdown' ? tile.loopBy ?? 'team' : null);
/** Theme ids need the taxonomy's names (the server names teams and agents itself). */
export const needsThemeNames = (tile: Tile) => tile.type === 'loop_pareto' || loopGroupOf(tile) === 'theme';

export function loopQueryKey(tile: Tile): string {
  return `${LOOP_KEY_PREFIX}${loopGroupOf(tile) ?? ''}`;
}

/** Only the range: the endpoint takes nothing else (and refuses what it does not know). */
export function loopPath(wid: string, tile: Tile, range: { from: string; to: string; tz?: string }): string {
  // The dashboard's days are the workspace zone's (or the filter's): the cases count the same days.
  return withQuery(ws(wid, 'cases', 'metrics'), { from: range.from, to: range.to, by: loopGroupOf(tile) ?? undefined, tz: range.tz || undefined });
}

/** Nothing opened (or closed) in the range: the tile says so instead of five dashes. */
export const noCases = (m: LoopMetrics) => m.overall.opened === 0 && m.overall.closed === 0;

/**
 * For a reader without cases.read the loop tiles ask nothing (the server would refuse): their
 * answers are the refusal itself, so they say so at once and the dashboard counts them as done.
 */
export function refusedLoopStates(tiles: readonly Tile[]): Record<string, { error: ApiError; loading: false }> {
  const refused = new ApiError(403, 'forbidden', 'cases.read');
  return Object.fromEntries(tiles.filter((x) => isLoopTile(x.type)).map((x) => [loopQueryKey(x), { error: refused, loading: false as const }]));
}

export interface LoopNames {
  themeName: (id: string) => string;
  /** What a case without a team, owner or theme is called in a breakdown by that group. */
  none: (by: LoopGroup) => string;
}

/** The answer with every group and cause named as the screen shows it (the loop page's rules). */
export function namedLoop(m: LoopMetrics, by: LoopGroup | null, names: LoopNames): LoopMetrics {
  return {
    ...m,
    groups: by ? namedGroups(m.groups, by, names.themeName, names.none(by)) : m.groups,
    pareto: namedCauses(m.pareto, names.themeName),
  };
}

const r6 = (v: number | null) => (v === null ? null : Math.round(v * 1e6) / 1e6);
const r1 = (v: number | null) => (v === null ? null : Math.round(v * 10) / 10);

/**
 * CSV rows of a loop tile, one number a row as for the other tiles: period = the range "from/to";
 * shares are 0…1, times are median minutes, n = what a share or median was counted over.
 * - loop_kpis: cases_opened, cases_closed, closure_rate, time_to_first_response_min, time_to_close_min, sla_attainment, recovery_rate.
 * - loop_pareto: per root cause (group = its theme id) root_cause_cases and root_cause_cumulative.
 * - loop_breakdown: per group (group = team/agent/theme id, '' for none) the three rates.
 */
export function loopCsvRows(base: CsvRow, tile: Tile, raw: LoopMetrics, names: LoopNames): CsvRow[] {
  const by = loopGroupOf(tile);
  const m = namedLoop(raw, by, names);
  const period = `${m.from}/${m.to}`;
  const o = m.overall;
  switch (tile.type) {
    case 'loop_kpis': {
      const row = (metric: string, value: number | null, n: number | null) => ({ ...base, metric, period, value, n });
      return [
        row('cases_opened', o.opened, null), row('cases_closed', o.closed, null), row('closure_rate', r6(o.closureRate), o.opened),
        row('time_to_first_response_min', r1(o.timeToFirstResponse), null), row('time_to_close_min', r1(o.timeToClose), o.closed),
        row('sla_attainment', r6(o.slaAttainment), o.slaDecided), row('recovery_rate', r6(o.recoveryRate), o.detractors),
      ];
    }
    case 'loop_pareto': {
      const total = m.pareto.reduce((s, c) => s + c.count, 0);
      return m.pareto.flatMap((c) => [
        { ...base, metric: 'root_cause_cases', period, group: c.rootCause, group_label: c.label, value: c.count, n: total },
        { ...base, metric: 'root_cause_cumulative', period, group: c.rootCause, group_label: c.label, value: r6(c.cumulative), n: total },
      ]);
    }
    case 'loop_breakdown':
      return m.groups.flatMap((g) => {
        const row = { ...base, period, group: g.key, group_label: g.label };
        return [
          { ...row, metric: `closure_rate_by_${by}`, value: r6(g.closureRate), n: g.opened },
          { ...row, metric: `sla_attainment_by_${by}`, value: r6(g.slaAttainment), n: g.slaDecided },
          { ...row, metric: `recovery_rate_by_${by}`, value: r6(g.recoveryRate), n: g.detractors },
        ];
      });
    default:
      return [];
  }
}
