/** A workspace's broker transports: their status for the UI, and the switch that lets one in. */
import { BROKER_TRANSPORTS, type BrokerTransport, type TransportError, type TransportStatus } from '@touchpoint/shared';
import type { Deps } from '../../../deps.js';
import type { Actor } from '../../../platform/http/access.js';
import { writeAudit } from '../../../platform/audit.js';
import * as repo from './transports.repo.js';
import type { CustomerTransports } from './transports.runner.js';

export async function transportStatus(deps: Deps, transports: CustomerTransports, workspaceId: string): Promise<{ transports: TransportStatus[] }> {
  const rows = new Map((await repo.transportRows(deps.db, workspaceId)).map((r) => [r.transport, r]));
  return {
    transports: BROKER_TRANSPORTS.map((t) => {
      const r = rows.get(t);
      return {
        transport: t,
        ...transports.runtime(t, workspaceId),
        enabled: r?.enabled === 1,
        messages: Number(r?.messages ?? 0), accepted: Number(r?.accepted ?? 0), duplicates: Number(r?.duplicates ?? 0), invalid: Number(r?.invalid ?? 0),
        errors: r ? (JSON.parse(r.errors) as TransportError[]) : [],
        lastMessageAt: r?.last_message_at ?? null,
      };
    }),
  };
}

/** Turns a transport on or off for the workspace (audited); this node stops or starts taking its messages at once. */
export async function setTransportEnabled(deps: Deps, transports: CustomerTransports, ctx: { workspaceId: string; actor: Actor }, transport: BrokerTransport, enabled: boolean) {
  const now = new Date().toISOString();
  await deps.writes.run(async (trx) => {
    await repo.setEnabled(trx, ctx.workspaceId, transport, enabled, now);
    await writeAudit(trx, { workspaceId: ctx.workspaceId, actor: ctx.actor, action: enabled ? 'customers.transport_enabled' : 'customers.transport_disabled', targetType: 'workspace', targetId: ctx.workspaceId, details: { transport } });
  });
  transports.intake.forget(ctx.workspaceId, transport);
  return transportStatus(deps, transports, ctx.workspaceId);
}
