/** The strategy module's rows of the route table (workspace-routes.ts) and the objects its routes name. */
import crypto from 'node:crypto';
import type { RouteSpec } from '../workspace-routes.js';

const uniq = () => crypto.randomBytes(4).toString('hex');
const W = '/api/workspaces/:wid';

const gapBody = () => ({
  name: `Walk gap ${uniq()}`,
  rows: [
    { criterion: 'customer_feedback', current: { kind: 'live', metric: 'nps', fallback: 50 }, benchmark: { kind: 'number', value: 70, unit: 'NPS' }, priority: 'high' },
    { criterion: 'support_availability', current: { kind: 'number', value: 8, unit: 'h' }, benchmark: { kind: 'number', value: 24, unit: 'h' } },
  ],
});
const goalBody = () => ({ title: `Walk goal ${uniq()}`, metric: 'csat', baselineValue: 70, target: 77, startDate: '2026-01-01', deadline: '2026-12-31' });
const manualGoalBody = () => ({
  title: `Walk cost ${uniq()}`, metric: null, unit: 'TWD', higherIsBetter: false, baselineValue: 1000, target: 900, startDate: '2026-01-01', deadline: '2026-12-31',
  checkIns: [{ date: '2026-02-01', value: 980 }],
});
const worksheetBody = () => ({
  name: `Walk worksheet ${uniq()}`,
  segmentation: [{ basis: 'geographic', description: 'Taipei 台北' }],
  engagement: [{ platform: 'LINE', tactics: 'Official account', budget: 1000 }],
});

export const STRATEGY_FACTORIES = {
  gapAnalysis: { path: '/gap-analyses', body: gapBody },
  goal: { path: '/goals', body: goalBody },
  manualGoal: { path: '/goals', body: manualGoalBody },
  goalCheckIn: { path: '/goals', body: manualGoalBody, idOf: (j: { checkIns: { id: string }[] }) => j.checkIns[0].id },
  worksheet: { path: '/market-worksheets', body: worksheetBody },
};

export const STRATEGY_ROUTES: Record<string, RouteSpec> = {
  [`GET ${W}/gap-analyses`]: { permission: 'strategy.read' },
  [`POST ${W}/gap-analyses`]: { permission: 'strategy.manage', body: gapBody },
  [`POST ${W}/gap-analyses/templates/course`]: { permission: 'strategy.manage' },
  [`GET ${W}/gap-analyses/:id`]: { permission: 'strategy.read', id: 'gapAnalysis' },
  [`PATCH ${W}/gap-analyses/:id`]: { permission: 'strategy.manage', id: 'gapAnalysis', body: () => ({ name: `Renamed gap ${uniq()}` }) },
  [`DELETE ${W}/gap-analyses/:id`]: { permission: 'strategy.manage', id: 'gapAnalysis' },
  [`GET ${W}/goals`]: { permission: 'strategy.read' },
  [`GET ${W}/goals/baseline`]: { permission: 'strategy.read', query: 'metric=csat&startDate=2026-06-01' },
  [`POST ${W}/goals`]: { permission: 'strategy.manage', body: goalBody },
  [`GET ${W}/goals/:id`]: { permission: 'strategy.read', id: 'goal' },
  [`PATCH ${W}/goals/:id`]: { permission: 'strategy.manage', id: 'goal', body: () => ({ title: `Renamed goal ${uniq()}`, target: 80 }) },
  [`DELETE ${W}/goals/:id`]: { permission: 'strategy.manage', id: 'goal' },
  [`POST ${W}/goals/:id/check-ins`]: { permission: 'strategy.manage', id: 'manualGoal', body: () => ({ date: '2026-03-01', value: 950 }) },
  [`DELETE ${W}/goal-check-ins/:id`]: { permission: 'strategy.manage', id: 'goalCheckIn' },
  [`GET ${W}/market-worksheets`]: { permission: 'strategy.read' },
  [`POST ${W}/market-worksheets`]: { permission: 'strategy.manage', body: worksheetBody },
  [`GET ${W}/market-worksheets/:id`]: { permission: 'strategy.read', id: 'worksheet' },
  [`PATCH ${W}/market-worksheets/:id`]: { permission: 'strategy.manage', id: 'worksheet', body: () => ({ positioning: `Walk positioning ${uniq()}` }) },
  [`DELETE ${W}/market-worksheets/:id`]: { permission: 'strategy.manage', id: 'worksheet' },
};
