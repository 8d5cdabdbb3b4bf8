/** HTTP face of the broker transports: what a workspace's MQTT and NATS intake look like, and its switches. */
import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { BrokerTransport, TransportSettingsInput, TransportStatusList } from '@touchpoint/shared';
import type { Deps } from '../../../deps.js';
import { workspaceOf } from '../../../platform/http/access.js';
import { setTransportEnabled, transportStatus } from './transports.service.js';
import type { CustomerTransports } from './transports.runner.js';

const Wid = z.object({ wid: z.string().min(1).max(64) });

export function customerTransportRoutes(app: FastifyInstance, deps: Deps, transports: CustomerTransports) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['customers'];
  r.get('/api/workspaces/:wid/customers/transports', {
    config: { access: { kind: 'workspace', permission: 'customers.read' } },
    schema: { tags, params: Wid, response: { 200: TransportStatusList }, summary: 'MQTT and NATS event intake for this workspace: on or off, the broker connection, the topic or subject to publish to, messages taken, events stored, messages refused with their last problems' },
  }, async (req) => transportStatus(deps, transports, workspaceOf(req).workspaceId));
  r.put('/api/workspaces/:wid/customers/transports/:transport', {
    config: { access: { kind: 'workspace', permission: 'customers.manage' } },
    schema: { tags, params: Wid.extend({ transport: BrokerTransport }), body: TransportSettingsInput, response: { 200: TransportStatusList }, summary: 'Let a broker transport write this workspace\'s events, or stop it (audited); its messages still need an API key with events:write' },
  }, async (req) => setTransportEnabled(deps, transports, workspaceOf(req), req.params.transport, req.body.enabled));
}
