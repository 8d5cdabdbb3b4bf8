/** HTTP face of dashboards, plus the workspace's live stream that keeps their tiles current. */
import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { DashboardInput } from '@touchpoint/shared';
import type { Deps } from '../../deps.js';
import { workspaceOf } from '../../platform/http/access.js';
import { createDashboard, deleteDashboard, getDashboard, listDashboards, updateDashboard } from './dashboards.service.js';

const Wid = z.object({ wid: z.string().min(1).max(64) });
const WidId = Wid.extend({ id: z.string().min(1).max(64) });

export function dashboardRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['dashboards'];
  const read = { access: { kind: 'workspace' as const, permission: 'responses.read' as const } };
  const manage = { access: { kind: 'workspace' as const, permission: 'dashboards.manage' as const } };

  r.get('/api/workspaces/:wid/dashboards', { config: read, schema: { tags, params: Wid, summary: 'The built-in Overview and the workspace\'s own dashboards' } },
    async (req) => listDashboards(deps, workspaceOf(req).workspaceId));
  r.post('/api/workspaces/:wid/dashboards', { config: manage, schema: { tags, params: Wid, body: DashboardInput, summary: 'Create a dashboard' } },
    async (req, reply) => reply.status(201).send(await createDashboard(deps, workspaceOf(req), req.body)));
  r.get('/api/workspaces/:wid/dashboards/:id', { config: read, schema: { tags, params: WidId, summary: 'A dashboard and its tiles' } },
    async (req) => getDashboard(deps, workspaceOf(req).workspaceId, req.params.id));
  r.put('/api/workspaces/:wid/dashboards/:id', { config: manage, schema: { tags, params: WidId, body: DashboardInput, summary: 'Rename a dashboard or change its tiles' } },
    async (req) => updateDashboard(deps, workspaceOf(req), req.params.id, req.body));
  r.delete('/api/workspaces/:wid/dashboards/:id', { config: manage, schema: { tags, params: WidId, summary: 'Delete a dashboard' } },
    async (req, reply) => { await deleteDashboard(deps, workspaceOf(req), req.params.id); return reply.status(204).send(); });

  // Server-Sent Events for the whole workspace: 'metrics' when responses land (at most twice a
  // second), 'alert' when an alert fires. Dashboards refetch their tiles on 'metrics'.
  r.get('/api/workspaces/:wid/stream', { config: read, schema: { tags, params: Wid, summary: 'Live workspace events (text/event-stream)' } },
    async (req, reply) => { reply.hijack(); deps.hub.subscribe(`workspace:${workspaceOf(req).workspaceId}`, reply); });
}
