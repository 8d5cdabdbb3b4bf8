/** HTTP face of the cases set-up: rules and their dry run, teams, agents, SLA policies, settings, saved views. */
import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AgentInput, CaseRuleInput, CaseSettingsInput, SavedViewInput, SlaPoliciesInput, TeamInput } from '@touchpoint/shared';
import type { Deps } from '../../deps.js';
import { workspaceOf } from '../../platform/http/access.js';
import { createRule, deleteRule, dryRun, listRules, updateRule } from './rules.service.js';
import { createView, deleteTeam, deleteView, getSettings, listAgents, listPolicies, listTeams, listViews, putPolicies, putSettings, saveAgent, saveTeam, setAvailability } from './setup.service.js';

const Wid = z.object({ wid: z.string().min(1).max(64) });
const WidId = Wid.extend({ id: z.string().min(1).max(64) });

export function caseSetupRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['cases'];
  const read = { access: { kind: 'workspace' as const, permission: 'cases.read' as const } };
  const work = { access: { kind: 'workspace' as const, permission: 'cases.work' as const } };
  const manage = { access: { kind: 'workspace' as const, permission: 'cases.manage' as const } };
  const base = '/api/workspaces/:wid/cases';

  r.get(`${base}/rules`, { config: read, schema: { tags, params: Wid, summary: 'Case rules in the order they are judged' } }, async (req) => listRules(deps, workspaceOf(req).workspaceId));
  r.post(`${base}/rules`, { config: manage, schema: { tags, params: Wid, body: CaseRuleInput, summary: 'Create a case rule' } },
    async (req, reply) => reply.status(201).send(await createRule(deps, workspaceOf(req), req.body)));
  r.post(`${base}/rules/dry-run`, { config: manage, schema: { tags, params: Wid, body: CaseRuleInput, summary: 'How many cases an (unsaved) rule would have opened over the last 30 days' } },
    async (req) => dryRun(deps, workspaceOf(req).workspaceId, req.body));
  r.put(`${base}/rules/:id`, { config: manage, schema: { tags, params: WidId, body: CaseRuleInput, summary: 'Replace a case rule (omit webhookSecret to keep it)' } },
    async (req) => updateRule(deps, workspaceOf(req), req.params.id, req.body));
  r.delete(`${base}/rules/:id`, { config: manage, schema: { tags, params: WidId, summary: 'Delete a case rule (its cases stay)' } },
    async (req, reply) => { await deleteRule(deps, workspaceOf(req), req.params.id); return reply.status(204).send(); });

  r.get(`${base}/teams`, { config: read, schema: { tags, params: Wid, summary: 'Teams with business hours, holidays and assignment method' } }, async (req) => listTeams(deps, workspaceOf(req).workspaceId));
  r.post(`${base}/teams`, { config: manage, schema: { tags, params: Wid, body: TeamInput, summary: 'Create a team' } },
    async (req, reply) => reply.status(201).send(await saveTeam(deps, workspaceOf(req), null, req.body)));
  r.put(`${base}/teams/:id`, { config: manage, schema: { tags, params: WidId, body: TeamInput, summary: 'Replace a team' } },
    async (req) => saveTeam(deps, workspaceOf(req), req.params.id, req.body));
  r.delete(`${base}/teams/:id`, { config: manage, schema: { tags, params: WidId, summary: 'Delete a team' } },
    async (req, reply) => { await deleteTeam(deps, workspaceOf(req), req.params.id); return reply.status(204).send(); });

  r.get(`${base}/agents`, { config: read, schema: { tags, params: Wid, summary: 'Members who work cases: team, languages, skills, capacity, availability, open cases' } }, async (req) => listAgents(deps, workspaceOf(req).workspaceId));
  r.put(`${base}/agents/me/availability`, { config: work, schema: { tags, params: Wid, body: z.object({ availability: z.enum(['online', 'away']) }).strict(), summary: 'Set one\'s own availability' } },
    async (req) => setAvailability(deps, workspaceOf(req), req.body.availability));
  r.put(`${base}/agents/:id`, { config: manage, schema: { tags, params: WidId, body: AgentInput, summary: 'An agent\'s team, languages, skills, capacity and availability' } },
    async (req) => saveAgent(deps, workspaceOf(req), req.params.id, req.body));

  r.get(`${base}/sla`, { config: read, schema: { tags, params: Wid, summary: 'SLA policies per priority' } }, async (req) => listPolicies(deps, deps.db, workspaceOf(req).workspaceId));
  r.put(`${base}/sla`, { config: manage, schema: { tags, params: Wid, body: SlaPoliciesInput, summary: 'Replace the SLA policies (every priority)' } },
    async (req) => putPolicies(deps, workspaceOf(req), req.body));

  r.get(`${base}/settings`, { config: read, schema: { tags, params: Wid, summary: 'Custom statuses, resolution codes, reply templates, re-survey default, inbound address' } }, async (req) => getSettings(deps, workspaceOf(req).workspaceId));
  r.put(`${base}/settings`, { config: manage, schema: { tags, params: Wid, body: CaseSettingsInput, summary: 'Replace the case settings' } },
    async (req) => putSettings(deps, workspaceOf(req), req.body));

  r.get(`${base}/views`, { config: read, schema: { tags, params: Wid, summary: 'Saved inbox views: one\'s own and shared ones' } }, async (req) => { const ctx = workspaceOf(req); return listViews(deps, ctx.workspaceId, ctx.actor.id); });
  r.post(`${base}/views`, { config: read, schema: { tags, params: Wid, body: SavedViewInput, summary: 'Save the inbox filters as a view' } },
    async (req, reply) => reply.status(201).send(await createView(deps, workspaceOf(req), req.body)));
  r.delete(`${base}/views/:id`, { config: read, schema: { tags, params: WidId, summary: 'Delete one\'s own view' } },
    async (req, reply) => { await deleteView(deps, workspaceOf(req), req.params.id); return reply.status(204).send(); });
}
