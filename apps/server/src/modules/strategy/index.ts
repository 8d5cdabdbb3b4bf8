/** The strategy module's public face: gap analyses, SMART goals, target-market worksheets. */
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../deps.js';
import { registerStrategyRoutes } from './strategy.routes.js';

export { readLiveMetric, type LiveRange } from './live-metrics.js';
export { workspaceToday } from './strategy-time.js';
export { seedDemoStrategy } from './demo-strategy.js';

export function strategyRoutes(app: FastifyInstance, deps: Deps): void {
  registerStrategyRoutes(app, deps);
}
