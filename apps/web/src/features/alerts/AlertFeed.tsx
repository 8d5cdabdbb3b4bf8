import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AlertEvent, DeliveryStatus } from '@touchpoint/shared';
import { api, ws } from '../../lib/api';
import { formatDateTime, formatRelative } from '../../lib/format';
import { currentUiLanguage } from '../../lib/i18n';
import { useWorkspace } from '../../app/workspace-context';
import { Badge, type Tone } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { EmptyState } from '../../ui/EmptyState';
import { Loading } from '../../ui/Spinner';
import { Table } from '../../ui/Table';
import { useToast } from '../../ui/Toast';
import { expectedText, segmentText, valueText } from './alert-text';
import { useAlertFeed, type FeedState } from './use-alert-feed';

const DELIVERY_TONE: Record<DeliveryStatus, Tone> = { none: 'neutral', pending: 'info', retrying: 'warning', delivered: 'success', failed: 'danger', skipped: 'neutral' };

/** Fired alerts, newest first, live. */
export function AlertFeed({ surveyName }: { surveyName: (id: string) => string | undefined }) {
  const { t } = useTranslation();
  const lang = currentUiLanguage();
  const { workspace, can } = useWorkspace();
  const toast = useToast();
  const [state, setState] = useState<FeedState>('all');
  const [busy, setBusy] = useState<string | null>(null);
  const feed = useAlertFeed(workspace.id, state, (a) => toast.info(t('alerts.feed.arrived', { rule: a.rule.name })));

  async function acknowledge(a: AlertEvent) {
    setBusy(a.id);
    try {
      feed.replace(await api<AlertEvent>(ws(workspace.id, 'alerts', a.id, 'acknowledge'), { method: 'POST' }));
    } catch (err) { toast.error(err); } finally { setBusy(null); }
  }

  const delivery = (label: string, d: AlertEvent['email'], testId: string) => d.status !== 'none' && (
    <Badge tone={DELIVERY_TONE[d.status]} testId={testId} title={t('alerts.delivery.attempts', { count: d.attempts })}>
      {label}: {t(`alerts.delivery.status.${d.status}`)}
    </Badge>
  );

  return (
    <div className="stack">
      <div className="row-between">
        <label className="row-wrap">
          <span className="field-label">{t('alerts.feed.show')}</span>
          <select className="input select input-sm" value={state} onChange={(e) => setState(e.target.value as FeedState)} data-testid="alert-state">
            <option value="all">{t('alerts.feed.state.all')}</option>
            <option value="open">{t('alerts.feed.state.open')}</option>
          </select>
        </label>
        <span className={`live${feed.connected ? ' live-on' : ''}`} data-testid="alerts-live">
          <i className="live-dot" aria-hidden="true" />{feed.connected ? t('alerts.feed.live') : t('alerts.feed.polling')}
        </span>
      </div>
      {feed.loading && !feed.items.length ? <Loading /> : !feed.items.length ? (
        <EmptyState title={t('alerts.feed.none')} text={t('alerts.feed.noneText')} testId="alerts-empty" />
      ) : (
        <Table testId="alert-table" caption={t('alerts.tabs.fired')}>
          <thead><tr>
            <th>{t('alerts.feed.when')}</th><th>{t('alerts.feed.rule')}</th><th>{t('alerts.feed.value')}</th><th>{t('alerts.feed.expected')}</th>
            <th>{t('alerts.feed.delivery')}</th><th><span className="sr-only">{t('common.actions')}</span></th>
          </tr></thead>
          <tbody>
            {feed.items.map((a) => (
              <tr key={a.id} data-testid="alert-row" className={a.acknowledgedAt ? 'row-muted' : undefined}>
                <td className="nowrap" title={formatDateTime(lang, a.firedAt)}>{formatRelative(lang, a.firedAt)}</td>
                <td>
                  <div>{a.rule.name} {a.test && <Badge tone="info">{t('alerts.feed.test')}</Badge>}</div>
                  <div className="muted small">{segmentText(t, a.rule.filters, surveyName)}</div>
                </td>
                <td className="nowrap num" data-testid="alert-value">{valueText(t, lang, a.rule.metric, a.value, a.n)}</td>
                <td className="muted small">{expectedText(t, lang, a)}</td>
                <td>
                  <span className="badge-list">
                    {delivery(t('alerts.delivery.email'), a.email, 'alert-email')}
                    {delivery(t('alerts.delivery.webhook'), a.webhook, 'alert-webhook')}
                  </span>
                  {a.lastError && a.webhook.status !== 'delivered' && <div className="muted small">{a.lastError}</div>}
                </td>
                <td className="right nowrap">
                  {a.acknowledgedAt ? <span className="muted small">{t('alerts.feed.acknowledgedBy', { who: a.acknowledgedBy ?? '' })}</span>
                    : can('responses.write') && <Button size="sm" onClick={() => void acknowledge(a)} busy={busy === a.id} testId="acknowledge-alert">{t('alerts.feed.acknowledge')}</Button>}
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      {feed.next && <div className="center"><Button onClick={() => void feed.loadMore().catch((err) => toast.error(err))} testId="alerts-more">{t('common.loadMore')}</Button></div>}
    </div>
  );
}
