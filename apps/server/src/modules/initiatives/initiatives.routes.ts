/** HTTP face of the initiatives module: the portfolio, its templates and each initiative's business case. */
import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { BusinessCaseBody, BusinessCaseQuery, InitiativeInput, InitiativeListQuery, InitiativePatch } from '@touchpoint/shared';
import type { Deps } from '../../deps.js';
import { workspaceOf } from '../../platform/http/access.js';
import { preferredUiLanguage } from '../../platform/http/ui-language.js';
import { createInitiative, deleteInitiative, getInitiative, listInitiatives, putBusinessCase, updateInitiative } from './initiatives.service.js';
import { createInnovationAreas, createShopeeExample } from './templates.service.js';

const Wid = z.object({ wid: z.string().min(1).max(64) });
const WidId = Wid.extend({ id: z.string().min(1).max(64) });

export function initiativeRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['initiatives'];
  const read = { access: { kind: 'workspace' as const, permission: 'strategy.read' as const } };
  const manage = { access: { kind: 'workspace' as const, permission: 'strategy.manage' as const } };
  const base = '/api/workspaces/:wid/initiatives';

  r.get(base, { config: read, schema: { tags, params: Wid, querystring: InitiativeListQuery, summary: 'The innovation portfolio, each initiative with its NPV / ROI / payback when it has a business case' } },
    async (req) => listInitiatives(deps, workspaceOf(req).workspaceId, req.query));

  r.post(base, { config: manage, schema: { tags, params: Wid, body: InitiativeInput, summary: 'Add an initiative' } },
    async (req, reply) => reply.status(201).send(await createInitiative(deps, workspaceOf(req), req.body)));

  r.post(`${base}/templates/innovation-areas`, {
    config: manage, schema: { tags, params: Wid, summary: 'Add the six innovation areas as starter initiatives (names in the Accept-Language UI language)' },
  }, async (req, reply) => reply.status(201).send(await createInnovationAreas(deps, workspaceOf(req), preferredUiLanguage(req.headers['accept-language']) ?? 'en')));

  r.post(`${base}/templates/shopee`, {
    config: manage, schema: { tags, params: Wid, summary: 'Add the Shopee recommendation-engine example with its business case' },
  }, async (req, reply) => reply.status(201).send(await createShopeeExample(deps, workspaceOf(req), preferredUiLanguage(req.headers['accept-language']) ?? 'en')));

  r.get(`${base}/:id`, { config: read, schema: { tags, params: WidId, summary: 'One initiative with its business case, analysis and, after launch, actual against expected change' } },
    async (req) => getInitiative(deps, workspaceOf(req).workspaceId, req.params.id));

  r.patch(`${base}/:id`, { config: manage, schema: { tags, params: WidId, body: InitiativePatch, summary: 'Change an initiative (send the version you loaded: 409 when stale)' } },
    async (req) => updateInitiative(deps, workspaceOf(req), req.params.id, req.body));

  r.delete(`${base}/:id`, { config: manage, schema: { tags, params: WidId, summary: 'Delete an initiative and its business case' } },
    async (req, reply) => { await deleteInitiative(deps, workspaceOf(req), req.params.id); return reply.status(204).send(); });

  r.put(`${base}/:id/business-case`, {
    config: manage, schema: { tags, params: WidId, querystring: BusinessCaseQuery, body: BusinessCaseBody, summary: 'Store the business case (measured drivers are filled from customer 360)' },
  }, async (req) => putBusinessCase(deps, workspaceOf(req), req.params.id, req.body, req.query.version));
}
