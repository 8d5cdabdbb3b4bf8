/** The built-in workspace dashboard every workspace has; people copy it to make their own. */
import type { Dashboard, Tile } from '@touchpoint/shared';

export const OVERVIEW_ID = 'overview';

const tiles: Tile[] = [
  { id: 'nps', type: 'value', metric: 'nps', interval: 'week', size: 's' },
  { id: 'csat', type: 'value', metric: 'csat', interval: 'week', size: 's' },
  { id: 'ces', type: 'value', metric: 'ces', interval: 'week', size: 's' },
  { id: 'index', type: 'value', metric: 'cx_index', interval: 'week', size: 's' },
  { id: 'nps-trend', type: 'trend', metric: 'nps', interval: 'week', size: 'l' },
  { id: 'nps-channel', type: 'breakdown', metric: 'nps', interval: 'week', by: 'channel', size: 'm' },
  { id: 'nps-dist', type: 'distribution', metric: 'nps', interval: 'week', size: 'm' },
  { id: 'volume', type: 'volume', metric: 'responses', interval: 'week', size: 'm' },
  { id: 'comments', type: 'open_text', metric: 'nps', interval: 'week', size: 'm' },
  // The closed loop beside the scores: a workspace without cases sees the tiles' empty state, and
  // the web app leaves them out for roles without cases.read.
  { id: 'loop', type: 'loop_kpis', metric: 'nps', interval: 'week', size: 'm' },
  { id: 'loop-causes', type: 'loop_pareto', metric: 'nps', interval: 'week', size: 'm' },
];

export function overviewDashboard(): Dashboard & { builtIn: true } {
  return { id: OVERVIEW_ID, name: 'Overview', tiles, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', builtIn: true };
}
