import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BrokerTransport, EventQueueStatus, TransportStatusList } from '@touchpoint/shared';
import { api, ws } from '../../lib/api';
import { errorText } from '../../lib/errors';
import { useApi } from '../../lib/use-api';
import { useWorkspace } from '../../app/workspace-context';
import { Button } from '../../ui/Button';
import { EmptyState } from '../../ui/EmptyState';
import { Loading } from '../../ui/Spinner';
import { useToast } from '../../ui/Toast';
import { ConnectionCard } from './ConnectionCard';
import { HttpIntakeCard } from './HttpIntakeCard';
import './connections.css';

/** The counters move as messages arrive; a glance every few seconds is enough for a status panel. */
export const CONNECTIONS_POLL_MS = 5000;

/**
 * Connections: events over HTTP (the door and what it has queued) and from message brokers (MQTT
 * for devices, NATS JetStream between systems). Shows, per broker transport, whether the server has the broker and is connected, where this workspace's
 * events go, what arrived and the last refused messages; managers turn a transport on or off.
 */
export function ConnectionsPanel() {
  const { t } = useTranslation();
  const toast = useToast();
  const { workspace, can } = useWorkspace();
  const status = useApi<TransportStatusList>(ws(workspace.id, 'customers', 'transports'));
  // What the HTTP door has acknowledged and not yet applied (people who may send events see it).
  const queue = useApi<EventQueueStatus>(can('customers.write') ? ws(workspace.id, 'events', 'queue') : null);
  const [busy, setBusy] = useState<BrokerTransport | null>(null);
  const reload = status.reload, reloadQueue = queue.reload;

  useEffect(() => {
    const timer = setInterval(() => { if (document.visibilityState !== 'hidden') { void reload(); void reloadQueue(); } }, CONNECTIONS_POLL_MS);
    return () => clearInterval(timer);
  }, [reload, reloadQueue]);

  async function toggle(transport: BrokerTransport, enabled: boolean) {
    setBusy(transport);
    try {
      status.setData(await api<TransportStatusList>(ws(workspace.id, 'customers', 'transports', transport), { method: 'PUT', body: { enabled } }));
      toast.success(t(enabled ? 'customers.connections.turnedOn' : 'customers.connections.turnedOff', { name: t(`customers.connections.name.${transport}`) }));
    } catch (err) {
      toast.error(err);
    } finally { setBusy(null); }
  }

  return (
    <section className="stack-sm" aria-labelledby="connections-title" data-testid="connections">
      <h2 className="card-title" id="connections-title">{t('customers.connections.title')}</h2>
      <p className="muted small">{t('customers.connections.intro')}</p>
      {status.error && !status.data ? (
        <EmptyState title={t('errors.loadFailed')} text={errorText(t, status.error)} testId="connections-error"
          action={<Button onClick={() => void reload()}>{t('common.retry')}</Button>} />
      ) : !status.data ? <Loading /> : (
        <div className="connections">
          {can('customers.write') && <HttpIntakeCard workspaceId={workspace.id} queue={queue.data} />}
          {status.data.transports.map((s) => (
            <ConnectionCard key={s.transport} status={s} canManage={can('customers.manage')} busy={busy === s.transport} onToggle={(on) => void toggle(s.transport, on)} />
          ))}
        </div>
      )}
    </section>
  );
}
