// @vitest-environment node
/** Closed-loop tiles: their requests, their refusal without cases.read, their names, settings, CSV rows and strings. */
import { describe, expect, it } from 'vitest';
import type { TFunction } from 'i18next';
import { Tile as TileSchema, type LoopMetrics, type LoopNumbers } from '@touchpoint/shared';
import en from '../../lib/locales/en.json';
import zhHant from '../../lib/locales/zh-Hant.json';
import zhHans from '../../lib/locales/zh-Hans.json';
import { tileRows } from './csv';
import { isKpiKey } from './customer-kpis';
import { tileTitle } from './labels';
import { isLoopKey, loopCsvRows, namedLoop, needsThemeNames, noCases, refusedLoopStates } from './loop-tiles';
import { planQueries, queryKey } from './query-plan';
import { TILE_TYPE_GROUPS, TILE_TYPES, addTile, changeTile } from './tile-edit';
import { DEFAULT_VIEW } from './url-state';
import type { Tile } from './types';

const tile = (type: Tile['type'], extra: Partial<Tile> = {}): Tile => ({ id: type, type, metric: 'nps', interval: 'week', size: 'm', ...extra });
const RANGE = { from: '2026-03-01', to: '2026-03-31' };

const numbers = (over: Partial<LoopNumbers> = {}): LoopNumbers => ({
  opened: 4, closed: 3, closureRate: 0.75, timeToFirstResponse: 42, timeToClose: 1500.25,
  slaAttainment: 2 / 3, slaDecided: 6, recoveryRate: 0.5, detractors: 2, recovered: 1, ...over,
});
const metrics = (over: Partial<LoopMetrics> = {}): LoopMetrics => ({
  from: RANGE.from, to: RANGE.to, overall: numbers(),
  groups: [{ key: 'tm1', label: 'Care', ...numbers() }, { key: '', label: '', ...numbers({ opened: 1, closed: 0, closureRate: 0, recoveryRate: null, detractors: 0, recovered: 0 }) }],
  pareto: [{ rootCause: 'delivery', label: 'delivery', count: 2, cumulative: 2 / 3 }, { rootCause: 'price', label: 'price', count: 1, cumulative: 1 }],
  ...over,
});
const NAMES = { themeName: (id: string) => ({ delivery: 'Delivery', price: 'Price' })[id] ?? id, none: (by: string) => `(no ${by})` };

describe('loop tiles: requests', () => {
  it('the numbers and the Pareto share one request; each grouping of a breakdown adds one', () => {
    const tiles = [tile('value'), tile('loop_kpis'), tile('loop_pareto'), tile('loop_breakdown', { loopBy: 'agent' }), tile('loop_breakdown', { id: 'b2', loopBy: 'agent' }), tile('loop_breakdown', { id: 'b3' })];
    const plan = planQueries('w1', tiles, DEFAULT_VIEW, RANGE);
    const loop = plan.filter((q) => isLoopKey(q.key));
    expect(loop.map((q) => q.key)).toEqual(['cases:', 'cases:agent', 'cases:team']);
    expect(loop.map((q) => q.path)).toEqual([
      '/api/workspaces/w1/cases/metrics?from=2026-03-01&to=2026-03-31',
      '/api/workspaces/w1/cases/metrics?from=2026-03-01&to=2026-03-31&by=agent',
      '/api/workspaces/w1/cases/metrics?from=2026-03-01&to=2026-03-31&by=team',
    ]);
    expect(plan.filter((q) => !isLoopKey(q.key)).map((q) => q.key)).toEqual(['total']);
    expect(loop.some((q) => isKpiKey(q.key))).toBe(false);
  });

  it('send only the range and its zone: the answer filters do not apply to cases', () => {
    const view = { ...DEFAULT_VIEW, tz: 'Asia/Taipei', surveys: ['s1'], channels: ['email'], meta: { key: 'plan', value: 'pro' }, segment: 'seg1' };
    const [q] = planQueries('w1', [tile('loop_kpis')], view, RANGE);
    expect(q.path).toBe('/api/workspaces/w1/cases/metrics?from=2026-03-01&to=2026-03-31&tz=Asia%2FTaipei');
  });

  it('without cases.read every loop tile has its refusal as its answer, and nothing else is refused', () => {
    const tiles = [tile('value'), tile('loop_kpis'), tile('loop_breakdown', { loopBy: 'theme' })];
    const states = refusedLoopStates(tiles);
    expect(Object.keys(states).sort()).toEqual(['cases:', 'cases:theme']);
    for (const s of Object.values(states)) expect(s).toMatchObject({ loading: false, error: { status: 403 } });
    // Each refused tile finds its state under its own key: none is left waiting.
    for (const x of tiles.filter((y) => y.type.startsWith('loop_'))) expect(states[queryKey(x)]).toBeDefined();
  });

  it('ask for theme names only when a tile shows themes', () => {
    expect([tile('loop_kpis'), tile('loop_pareto'), tile('loop_breakdown'), tile('loop_breakdown', { loopBy: 'theme' })].map(needsThemeNames)).toEqual([false, true, false, true]);
  });
});

describe('loop tiles: settings', () => {
  it('a breakdown compares teams unless told otherwise; other types carry no grouping', () => {
    const [b] = addTile([], 'loop_breakdown');
    expect(b).toMatchObject({ type: 'loop_breakdown', loopBy: 'team', size: 'm' });
    const [agent] = changeTile([b], b.id, { loopBy: 'agent' });
    expect(agent.loopBy).toBe('agent');
    const [kpis] = changeTile([agent], b.id, { type: 'loop_kpis' });
    expect(kpis).not.toHaveProperty('loopBy');
    expect(TileSchema.parse(kpis)).toEqual(kpis);
    // A small number tile turned into the five loop numbers gets the full width they need.
    expect(changeTile([tile('clv', { size: 's' })], 'clv', { type: 'loop_kpis' })[0].size).toBe('l');
  });

  it('the server refuses a grouping it does not know', () => {
    expect(TileSchema.safeParse(tile('loop_breakdown', { loopBy: 'owner' as never })).success).toBe(false);
    expect(TileSchema.safeParse(tile('loop_breakdown', { loopBy: 'theme' })).success).toBe(true);
  });

  it('a breakdown is titled by what it compares', () => {
    const t = ((key: string) => key) as unknown as TFunction;
    expect(tileTitle(t, tile('loop_breakdown', { loopBy: 'theme' }))).toBe('dashboards.autoTitle.loop_breakdown.theme');
    expect(tileTitle(t, tile('loop_breakdown'))).toBe('dashboards.autoTitle.loop_breakdown.team');
    expect(tileTitle(t, tile('loop_kpis', { title: ' Our loop ' }))).toBe('Our loop');
  });
});

describe('loop tiles: numbers', () => {
  it('name groups and causes as the loop page does', () => {
    const byTeam = namedLoop(metrics(), 'team', NAMES);
    expect(byTeam.groups.map((g) => g.label)).toEqual(['Care', '(no team)']);
    expect(byTeam.pareto.map((c) => c.label)).toEqual(['Delivery', 'Price']);
    const byTheme = namedLoop(metrics({ groups: [{ key: 'price', label: 'price', ...numbers() }] }), 'theme', NAMES);
    expect(byTheme.groups[0].label).toBe('Price');
  });

  it('know a range without cases', () => {
    expect(noCases(metrics())).toBe(false);
    expect(noCases(metrics({ overall: numbers({ opened: 0, closed: 0, closureRate: null }), groups: [], pareto: [] }))).toBe(true);
  });

  it('write one CSV row per number', () => {
    const base = { tile: 'x' };
    expect(loopCsvRows(base, tile('loop_kpis'), metrics(), NAMES)).toEqual([
      { tile: 'x', metric: 'cases_opened', period: '2026-03-01/2026-03-31', value: 4, n: null },
      { tile: 'x', metric: 'cases_closed', period: '2026-03-01/2026-03-31', value: 3, n: null },
      { tile: 'x', metric: 'closure_rate', period: '2026-03-01/2026-03-31', value: 0.75, n: 4 },
      { tile: 'x', metric: 'time_to_first_response_min', period: '2026-03-01/2026-03-31', value: 42, n: null },
      { tile: 'x', metric: 'time_to_close_min', period: '2026-03-01/2026-03-31', value: 1500.3, n: 3 },
      { tile: 'x', metric: 'sla_attainment', period: '2026-03-01/2026-03-31', value: 0.666667, n: 6 },
      { tile: 'x', metric: 'recovery_rate', period: '2026-03-01/2026-03-31', value: 0.5, n: 2 },
    ]);
    const pareto = loopCsvRows(base, tile('loop_pareto'), metrics(), NAMES);
    expect(pareto.filter((r) => r.metric === 'root_cause_cases').map((r) => [r.group, r.group_label, r.value, r.n])).toEqual([['delivery', 'Delivery', 2, 3], ['price', 'Price', 1, 3]]);
    expect(pareto.filter((r) => r.metric === 'root_cause_cumulative').map((r) => r.value)).toEqual([0.666667, 1]);
    const groups = loopCsvRows(base, tile('loop_breakdown'), metrics(), NAMES);
    expect(groups.map((r) => `${r.metric} ${r.group_label} ${r.value} ${r.n}`)).toEqual([
      'closure_rate_by_team Care 0.75 4', 'sla_attainment_by_team Care 0.666667 6', 'recovery_rate_by_team Care 0.5 2',
      'closure_rate_by_team (no team) 0 1', 'sla_attainment_by_team (no team) 0.666667 6', 'recovery_rate_by_team (no team) null 0',
    ]);
    // Through the dashboard's CSV, with the names it is given.
    expect(tileRows(tile('loop_kpis'), metrics(), { title: 'Loop', range: RANGE, loopNames: NAMES })[0]).toMatchObject({ tile: 'loop_kpis', tile_title: 'Loop', tile_type: 'loop_kpis', metric: 'cases_opened', value: 4 });
  });
});

describe('tile type strings', () => {
  type Tree = { [k: string]: string | Tree };
  const locales = { en, 'zh-Hant': zhHant, 'zh-Hans': zhHans } as unknown as Record<string, { dashboards: Tree }>;
  it('every type has a name, a description and a title, and every group a name, in every language', () => {
    expect([...TILE_TYPES].sort()).toEqual([...TileSchema.shape.type.options].sort());
    for (const [lang, { dashboards: d }] of Object.entries(locales)) {
      const missing: string[] = [];
      for (const x of TILE_TYPES) {
        for (const family of ['types', 'typeAbout', 'autoTitle']) if (!(d[family] as Tree)[x]) missing.push(`${family}.${x}`);
      }
      for (const by of ['team', 'agent', 'theme']) if (typeof ((d.autoTitle as Tree).loop_breakdown as Tree)[by] !== 'string') missing.push(`autoTitle.loop_breakdown.${by}`);
      for (const g of TILE_TYPE_GROUPS) if (!(d.typeGroups as Tree)[g.id]) missing.push(`typeGroups.${g.id}`);
      expect(missing, lang).toEqual([]);
    }
  });
});
