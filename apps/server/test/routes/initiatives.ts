/** The initiatives module's rows of the route table (workspace-routes.ts) and the objects its routes name. */
import crypto from 'node:crypto';
import type { RouteSpec } from '../workspace-routes.js';

const uniq = () => crypto.randomBytes(4).toString('hex');
const W = '/api/workspaces/:wid';

/** A small valid business case: one outlay now, two years of benefits. */
export const SMALL_CASE = {
  currency: 'USD', periodUnit: 'year', periods: 2, startDate: '2026-01-01', discountRate: 0.1,
  costs: [{ id: 'c1', label: 'Build', amount: 1000, from: 0, to: 0, category: 'technology' }],
  benefits: [{ id: 'b1', label: 'Revenue', amount: 800, from: 1, to: 2, category: 'revenue' }],
};

export const INITIATIVES_FACTORIES = {
  initiative: { path: '/initiatives', body: () => ({ name: `Walk initiative ${uniq()}`, area: 'ai_ml', priority: 'must_have', valueScore: 8, costScore: 3 }) },
};

export const INITIATIVES_ROUTES: Record<string, RouteSpec> = {
  [`GET ${W}/initiatives`]: { permission: 'strategy.read', query: 'status=idea&priority=must_have' },
  [`POST ${W}/initiatives`]: { permission: 'strategy.manage', body: () => INITIATIVES_FACTORIES.initiative.body() },
  [`POST ${W}/initiatives/templates/innovation-areas`]: { permission: 'strategy.manage' },
  [`POST ${W}/initiatives/templates/shopee`]: { permission: 'strategy.manage' },
  [`GET ${W}/initiatives/:id`]: { permission: 'strategy.read', id: 'initiative' },
  [`PATCH ${W}/initiatives/:id`]: { permission: 'strategy.manage', id: 'initiative', body: () => ({ status: 'planned', why: `walk ${uniq()}` }) },
  [`DELETE ${W}/initiatives/:id`]: { permission: 'strategy.manage', id: 'initiative' },
  [`PUT ${W}/initiatives/:id/business-case`]: { permission: 'strategy.manage', id: 'initiative', body: () => SMALL_CASE },
};
