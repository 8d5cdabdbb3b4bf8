/** The competitors module's rows of the route table (workspace-routes.ts) and the objects its routes name. */
import crypto from 'node:crypto';
import type { RouteSpec } from '../workspace-routes.js';

const uniq = () => crypto.randomBytes(4).toString('hex');
const competitorBody = () => ({ name: `Walk competitor ${uniq()}`, methods: ['website'], prices: [{ item: 'Rice 2 kg', amount: 189, currency: 'TWD', observedOn: '2026-11-01' }] });

export const COMPETITORS_FACTORIES = {
  competitor: { path: '/competitors', body: competitorBody },
  // The second POST uploads its JSON body "{}" as a file: an evidence row with a file.
  competitorFile: { path: '/competitors', body: competitorBody, then: '/files?name=walk.txt' },
};

const W = '/api/workspaces/:wid';

export const COMPETITORS_ROUTES: Record<string, RouteSpec> = {
  [`GET ${W}/competitors`]: { permission: 'strategy.read' },
  [`POST ${W}/competitors`]: { permission: 'strategy.manage', body: competitorBody },
  [`GET ${W}/competitors/compare`]: { permission: 'strategy.read', query: 'from=2026-01-01&to=2026-12-31' },
  [`GET ${W}/competitors/:id`]: { permission: 'strategy.read', id: 'competitor' },
  // Every allowed role patches the same record: an empty change (no fields) never conflicts.
  [`PATCH ${W}/competitors/:id`]: { permission: 'strategy.manage', id: 'competitor', body: () => ({ version: 1 }) },
  [`DELETE ${W}/competitors/:id`]: { permission: 'strategy.manage', id: 'competitor' },
  [`GET ${W}/competitors/:id/evidence`]: { permission: 'strategy.read', id: 'competitor' },
  [`POST ${W}/competitors/:id/links`]: { permission: 'strategy.manage', id: 'competitor', body: () => ({ url: 'https://example.org/walk', title: 'Walk link 步行' }) },
  [`POST ${W}/competitors/:id/files`]: { permission: 'strategy.manage', id: 'competitor', query: 'name=walk.json', body: () => ({ walk: true }) },
  [`GET ${W}/competitor-files/:id`]: { permission: 'strategy.read', id: 'competitorFile' },
  [`DELETE ${W}/competitor-evidence/:id`]: { permission: 'strategy.manage', id: 'competitorFile' },
  [`POST ${W}/competitors/:id/reviews`]: { permission: 'strategy.manage', id: 'competitor', body: () => ({ text: 'Fast delivery\n價格太貴' }) },
  [`GET ${W}/competitors/:id/reviews`]: { permission: 'strategy.read', id: 'competitor' },
  [`DELETE ${W}/competitors/:id/reviews`]: { permission: 'strategy.manage', id: 'competitor', query: 'all=true' },
  [`GET ${W}/competitors/:id/themes`]: { permission: 'strategy.read', id: 'competitor' },
};
