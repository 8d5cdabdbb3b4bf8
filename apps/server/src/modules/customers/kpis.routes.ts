/** HTTP face of the customer KPIs, and the stream frame that tells open dashboards to read them again. */
import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { CustomerKpisQuery, CustomerKpisView } from '@touchpoint/shared';
import type { Deps } from '../../deps.js';
import { workspaceOf } from '../../platform/http/access.js';
import { customerKpis } from './kpis.service.js';

const Wid = z.object({ wid: z.string().min(1).max(64) });

export function customerKpiRoutes(app: FastifyInstance, deps: Deps) {
  const read = { access: { kind: 'workspace' as const, permission: 'customers.read' as const } };
  app.withTypeProvider<ZodTypeProvider>().get('/api/workspaces/:wid/customers/kpis', {
    config: read,
    schema: {
      tags: ['customers'], params: Wid, querystring: CustomerKpisQuery, response: { 200: CustomerKpisView },
      summary: 'Customer KPIs for a range of local days: cohort retention (by first event or first order), churn and retention per month, historical and predictive CLV, repeat-purchase rate, revenue by segment; optionally within one segment',
    },
  }, async (req) => customerKpis(deps, workspaceOf(req).workspaceId, req.query));
}

/**
 * Stored customer events change the KPIs: announce them on the workspace stream as `customers`
 * frames (coalesced like `metrics`), so open dashboards refetch their customer tiles only.
 */
export function announceCustomerEvents(deps: Deps) {
  deps.outbox.on('customers.events.stored', (e) => {
    deps.hub.publishCoalesced(`workspace:${e.workspaceId}`, 'customers', { at: new Date().toISOString() });
  });
}
