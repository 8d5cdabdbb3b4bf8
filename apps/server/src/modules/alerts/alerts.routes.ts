/** HTTP face of the alerts module: rules (CRUD, test send) and the alerts they fired. */
import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AlertListQuery, AlertRuleInput, AlertRulePatch } from '@touchpoint/shared';
import type { Deps } from '../../deps.js';
import { workspaceOf } from '../../platform/http/access.js';
import { acknowledgeAlert, listAlerts } from './events.service.js';
import { createRule, deleteRule, getRule, listRules, updateRule } from './rules.service.js';
import { sendTestAlert } from './delivery.service.js';

const Wid = z.object({ wid: z.string().min(1).max(64) });
const WidId = Wid.extend({ id: z.string().min(1).max(64) });

export function alertRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['alerts'];
  const read = { access: { kind: 'workspace' as const, permission: 'responses.read' as const } };
  const manage = { access: { kind: 'workspace' as const, permission: 'workspace.manage' as const } };

  r.get('/api/workspaces/:wid/alerts', {
    config: read, schema: { tags, params: Wid, querystring: AlertListQuery, summary: 'Fired alerts, newest first (page with ?before=<last id>)' },
  }, async (req) => listAlerts(deps, workspaceOf(req).workspaceId, req.query));

  // Acknowledging is handling an alert, the agents' work: responses.write, not workspace.manage.
  r.post('/api/workspaces/:wid/alerts/:id/acknowledge', {
    config: { access: { kind: 'workspace', permission: 'responses.write' } },
    schema: { tags, params: WidId, summary: 'Mark an alert as seen and handled (idempotent)' },
  }, async (req) => acknowledgeAlert(deps, workspaceOf(req), req.params.id));

  r.get('/api/workspaces/:wid/alerts/rules', { config: read, schema: { tags, params: Wid, summary: 'Alert rules, with what each last measured' } },
    async (req) => ({ items: await listRules(deps, workspaceOf(req).workspaceId) }));

  r.post('/api/workspaces/:wid/alerts/rules', {
    config: manage, schema: { tags, params: Wid, body: AlertRuleInput, summary: 'Create a threshold or anomaly rule on a metric for a segment' },
  }, async (req, reply) => reply.status(201).send(await createRule(deps, workspaceOf(req), req.body)));

  r.get('/api/workspaces/:wid/alerts/rules/:id', { config: read, schema: { tags, params: WidId, summary: 'One alert rule' } },
    async (req) => getRule(deps, workspaceOf(req).workspaceId, req.params.id));

  r.patch('/api/workspaces/:wid/alerts/rules/:id', {
    config: manage, schema: { tags, params: WidId, body: AlertRulePatch, summary: 'Change a rule (omit webhookSecret to keep it)' },
  }, async (req) => updateRule(deps, workspaceOf(req), req.params.id, req.body));

  r.delete('/api/workspaces/:wid/alerts/rules/:id', { config: manage, schema: { tags, params: WidId, summary: 'Delete a rule (its alerts stay in the list)' } },
    async (req, reply) => { await deleteRule(deps, workspaceOf(req), req.params.id); return reply.status(204).send(); });

  r.post('/api/workspaces/:wid/alerts/rules/:id/test', {
    config: manage, schema: { tags, params: WidId, summary: 'Send a test alert with the rule\'s current number through its email and webhook' },
  }, async (req, reply) => reply.status(201).send(await sendTestAlert(deps, workspaceOf(req), req.params.id)));
}
