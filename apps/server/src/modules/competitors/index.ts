/** The competitors module's public face. */
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../deps.js';
import { registerCompetitorRoutes } from './competitors.routes.js';

export function competitorRoutes(app: FastifyInstance, deps: Deps): void {
  registerCompetitorRoutes(app, deps);
}
export { seedDemoCompetitors } from './demo-competitors.js';
