import { useTranslation } from 'react-i18next';
import type { EventQueueStatus } from '@touchpoint/shared';
import { formatDateTime, formatNumber, formatRelative } from '../../lib/format';
import { currentUiLanguage } from '../../lib/i18n';
import { Badge } from '../../ui/Badge';
import { CopyButton } from '../../ui/CopyButton';
import { ConnectionExample } from './ConnectionCard';
import { httpExample } from './connection-examples';

/**
 * The HTTP door for events: where to send batches, and what it has acknowledged but not yet applied
 * (a burst is applied within moments; a batch that failed to apply is listed with its error and
 * when it will be tried again).
 */
export function HttpIntakeCard({ workspaceId, queue }: { workspaceId: string; queue: EventQueueStatus | undefined }) {
  const { t } = useTranslation();
  const lang = currentUiLanguage();
  const endpoint = `${window.location.origin}/api/workspaces/${workspaceId}/events`;
  const state = !queue ? null
    : queue.failing.length ? { tone: 'danger' as const, text: t('customers.connections.http.failingBadge', { count: queue.failing.length }) }
    : queue.queuedBatches ? { tone: 'info' as const, text: t('customers.connections.http.applying') }
    : { tone: 'success' as const, text: t('customers.connections.http.upToDate') };

  return (
    <article className="card stack-sm connection" data-testid="connection-http" data-queued={queue?.queuedEvents ?? ''}>
      <header className="connection-head">
        <h3 className="connection-name">{t('customers.connections.name.http')}</h3>
        {state && <Badge tone={state.tone} testId="connection-http-state">{state.text}</Badge>}
      </header>
      <p className="muted small">{t('customers.connections.about.http')}</p>
      <dl className="connection-facts">
        <dt>{t('customers.connections.http.endpoint')}</dt>
        <dd className="connection-address"><code data-testid="connection-address">{endpoint}</code><CopyButton text={endpoint} testId="connection-copy" /></dd>
        {queue && <>
          <dt>{t('customers.connections.http.waiting')}</dt>
          <dd data-testid="connection-http-waiting">{t('customers.connections.http.waitingValue', { events: formatNumber(lang, queue.queuedEvents), count: queue.queuedBatches })}</dd>
          <dt>{t('customers.connections.http.oldest')}</dt>
          <dd>{queue.oldestReceivedAt ? <time dateTime={queue.oldestReceivedAt} title={formatDateTime(lang, queue.oldestReceivedAt)}>{formatRelative(lang, queue.oldestReceivedAt)}</time> : t('customers.connections.http.nothingWaiting')}</dd>
        </>}
      </dl>
      {queue && queue.failing.length > 0 && (
        <div className="stack-sm">
          <h4 className="connection-subtitle">{t('customers.connections.http.failingTitle')}</h4>
          <ul className="plain-list connection-problems" data-testid="connection-http-failing">
            {queue.failing.map((f) => (
              <li key={f.batchId} className="small">
                <code>{f.batchId}</code> {t('customers.connections.http.failingLine', { events: formatNumber(lang, f.events), count: f.attempts })}{' '}
                <span className="text-danger">{f.error}</span>{' '}
                {f.nextAttemptAt && <span className="muted">{t('customers.connections.http.nextAttempt', { when: formatDateTime(lang, f.nextAttemptAt) })}</span>}
              </li>
            ))}
          </ul>
        </div>
      )}
      <ConnectionExample text={t('customers.connections.exampleText.http')} commands={[httpExample(window.location.origin, workspaceId)]} />
    </article>
  );
}
