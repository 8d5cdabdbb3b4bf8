import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ApiKeyScope, Role } from '@touchpoint/shared';
import type { Deps } from '../../deps.js';
import { workspaceOf } from '../../platform/http/access.js';
import * as workspaces from './workspaces.service.js';
import * as members from './members.service.js';
import * as apiKeys from './api-keys.service.js';
import { listAudit } from './audit.service.js';

const Wid = z.object({ wid: z.string().min(1).max(64) });
const WidId = Wid.extend({ id: z.string().min(1).max(64) });

export function workspaceRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['workspaces'];

  r.get('/api/workspaces/:wid', { config: { access: { kind: 'workspace', permission: 'workspace.read' } }, schema: { tags, summary: 'A workspace and its settings', params: Wid } },
    async (req) => ({ ...(await workspaces.getWorkspace(deps, req.params.wid)), role: req.auth!.role ?? null }));

  r.patch('/api/workspaces/:wid', {
    config: { access: { kind: 'workspace', permission: 'workspace.manage' } },
    schema: { tags, summary: 'Rename or change settings', params: Wid, body: z.object({ name: z.string().trim().min(1).max(200).optional(), settings: workspaces.WorkspaceSettings.partial().optional() }).strict() },
  }, async (req) => workspaces.updateWorkspace(deps, workspaceOf(req), req.body));

  r.get('/api/workspaces/:wid/members', { config: { access: { kind: 'workspace', permission: 'members.read' } }, schema: { tags: ['members'], summary: 'Members and their roles', params: Wid } },
    async (req) => ({ items: await members.listMembers(deps, req.params.wid) }));

  r.patch('/api/workspaces/:wid/members/:id', {
    config: { access: { kind: 'workspace', permission: 'members.manage' } },
    schema: { tags: ['members'], summary: "Change a member's role", params: WidId, body: z.object({ role: Role }).strict() },
  }, async (req, reply) => { await members.changeRole(deps, workspaceOf(req), req.params.id, req.body.role); return reply.status(204).send(); });

  r.delete('/api/workspaces/:wid/members/:id', { config: { access: { kind: 'workspace', permission: 'members.manage' } }, schema: { tags: ['members'], summary: 'Remove a member', params: WidId } },
    async (req, reply) => { await members.removeMember(deps, workspaceOf(req), req.params.id); return reply.status(204).send(); });

  r.get('/api/workspaces/:wid/invitations', { config: { access: { kind: 'workspace', permission: 'members.manage' } }, schema: { tags: ['members'], summary: 'Pending and past invitations', params: Wid } },
    async (req) => ({ items: await members.listInvitations(deps, req.params.wid) }));

  r.post('/api/workspaces/:wid/invitations', {
    config: { access: { kind: 'workspace', permission: 'members.manage' } },
    schema: { tags: ['members'], summary: 'Invite someone by email', params: Wid, body: z.object({ email: z.string().trim().email().max(320), role: Role }).strict() },
  }, async (req, reply) => reply.status(201).send(await members.invite(deps, workspaceOf(req), req.body)));

  r.delete('/api/workspaces/:wid/invitations/:id', { config: { access: { kind: 'workspace', permission: 'members.manage' } }, schema: { tags: ['members'], summary: 'Revoke an invitation', params: WidId } },
    async (req, reply) => { await members.revokeInvitation(deps, workspaceOf(req), req.params.id); return reply.status(204).send(); });

  r.get('/api/workspaces/:wid/api-keys', { config: { access: { kind: 'workspace', permission: 'apikeys.manage' } }, schema: { tags: ['api keys'], summary: 'API keys (never the keys themselves)', params: Wid } },
    async (req) => ({ items: await apiKeys.listApiKeys(deps, req.params.wid) }));

  r.post('/api/workspaces/:wid/api-keys', {
    config: { access: { kind: 'workspace', permission: 'apikeys.manage' } },
    schema: { tags: ['api keys'], summary: 'Create an API key; the key is shown in this answer only', params: Wid, body: z.object({ name: z.string().trim().min(1).max(100), scopes: z.array(ApiKeyScope).min(1) }).strict() },
  }, async (req, reply) => reply.status(201).send(await apiKeys.createApiKey(deps, workspaceOf(req), req.body)));

  r.delete('/api/workspaces/:wid/api-keys/:id', { config: { access: { kind: 'workspace', permission: 'apikeys.manage' } }, schema: { tags: ['api keys'], summary: 'Revoke an API key', params: WidId } },
    async (req, reply) => { await apiKeys.revokeApiKey(deps, workspaceOf(req), req.params.id); return reply.status(204).send(); });

  r.get('/api/workspaces/:wid/audit', {
    config: { access: { kind: 'workspace', permission: 'audit.read' } },
    schema: {
      tags: ['audit'], summary: 'The audit log, newest first, filterable', params: Wid,
      querystring: z.object({
        action: z.string().max(100).optional(), actor: z.string().max(320).optional(), targetType: z.string().max(50).optional(),
        from: z.iso.datetime().optional(), to: z.iso.datetime().optional(), before: z.string().max(200).optional(),
        limit: z.coerce.number().int().min(1).max(500).default(50),
      }),
    },
  }, async (req) => listAudit(deps, req.params.wid, req.query));
}
