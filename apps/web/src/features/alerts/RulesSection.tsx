import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AlertEvent, AlertRule } from '@touchpoint/shared';
import { api, ws } from '../../lib/api';
import { formatRelative } from '../../lib/format';
import { currentUiLanguage } from '../../lib/i18n';
import type { Items } from '../../lib/types';
import type { ApiState } from '../../lib/use-api';
import { useWorkspace } from '../../app/workspace-context';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { EmptyState } from '../../ui/EmptyState';
import { Modal } from '../../ui/Modal';
import { Loading } from '../../ui/Spinner';
import { Table } from '../../ui/Table';
import { useToast } from '../../ui/Toast';
import { conditionText, segmentText, valueText } from './alert-text';

interface Props {
  rules: ApiState<Items<AlertRule>>;
  surveyName: (id: string) => string | undefined;
  onEdit: (rule: AlertRule) => void;
}

/** The workspace's rules: what each watches, its number now, and (for managers) the actions. */
export function RulesSection({ rules, surveyName, onEdit }: Props) {
  const { t } = useTranslation();
  const lang = currentUiLanguage();
  const { workspace, can } = useWorkspace();
  const toast = useToast();
  const manage = can('workspace.manage');
  const [busy, setBusy] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<AlertRule | null>(null);

  async function run(id: string, action: () => Promise<void>) {
    setBusy(id);
    try { await action(); } catch (err) { toast.error(err); } finally { setBusy(null); }
  }
  const toggle = (r: AlertRule) => run(r.id, async () => {
    await api(ws(workspace.id, 'alerts', 'rules', r.id), { method: 'PATCH', body: { enabled: !r.enabled } });
    await rules.reload();
  });
  const test = (r: AlertRule) => run(r.id, async () => {
    const sent = await api<AlertEvent>(ws(workspace.id, 'alerts', 'rules', r.id, 'test'), { method: 'POST' });
    const failed = [sent.email, sent.webhook].some((d) => d.status === 'retrying' || d.status === 'failed');
    if (failed) toast.error(t('alerts.rules.testFailed', { error: sent.lastError ?? '' }));
    else toast.success(t('alerts.rules.testSent'));
  });
  const remove = () => deleting && run(deleting.id, async () => {
    await api(ws(workspace.id, 'alerts', 'rules', deleting.id), { method: 'DELETE' });
    toast.success(t('alerts.rules.deleted', { name: deleting.name }));
    setDeleting(null);
    await rules.reload();
  });

  if (rules.loading && !rules.data) return <Loading />;
  if (!rules.data?.items.length) return <EmptyState title={t('alerts.rules.none')} text={t('alerts.rules.noneText')} testId="rules-empty" />;
  return (
    <>
      <Table testId="rule-table" caption={t('alerts.tabs.rules')}>
        <thead><tr>
          <th>{t('alerts.rules.name')}</th><th>{t('alerts.rules.condition')}</th><th>{t('alerts.rules.now')}</th><th>{t('alerts.rules.lastFired')}</th>
          {manage && <th><span className="sr-only">{t('common.actions')}</span></th>}
        </tr></thead>
        <tbody>
          {rules.data.items.map((r) => (
            <tr key={r.id} data-testid="rule-row" className={r.enabled ? undefined : 'row-muted'}>
              <td>
                <div>{r.name} {!r.enabled && <Badge>{t('alerts.rules.off')}</Badge>}</div>
                <div className="muted small">{segmentText(t, r.filters, surveyName)}</div>
              </td>
              <td className="small">{conditionText(t, lang, r)}</td>
              <td className="nowrap">
                {r.lastResult ? <>
                  <div className="num">{valueText(t, lang, r.metric, r.lastResult.value, r.lastResult.n)}</div>
                  <div className="muted small">{formatRelative(lang, r.lastEvaluatedAt)}</div>
                </> : <span className="muted small">{t('alerts.rules.notEvaluated')}</span>}
              </td>
              <td className="muted nowrap">{r.lastFiredAt ? formatRelative(lang, r.lastFiredAt) : t('alerts.rules.never')}</td>
              {manage && (
                <td className="right nowrap">
                  <span className="row-actions">
                    <Button size="sm" variant="ghost" onClick={() => void toggle(r)} busy={busy === r.id} testId="toggle-rule">{r.enabled ? t('alerts.rules.turnOff') : t('alerts.rules.turnOn')}</Button>
                    <Button size="sm" variant="ghost" onClick={() => void test(r)} disabled={busy === r.id} testId="test-rule">{t('alerts.rules.test')}</Button>
                    <Button size="sm" variant="ghost" onClick={() => onEdit(r)} testId="edit-rule">{t('common.edit')}</Button>
                    <Button size="sm" variant="ghost" onClick={() => setDeleting(r)} testId="delete-rule">{t('common.delete')}</Button>
                  </span>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </Table>
      <Modal open={!!deleting} onClose={() => setDeleting(null)} title={t('alerts.rules.deleteTitle')} testId="delete-rule-modal"
        footer={<><Button onClick={() => setDeleting(null)}>{t('common.cancel')}</Button><Button variant="danger" busy={!!deleting && busy === deleting.id} onClick={() => void remove()} testId="confirm-delete-rule">{t('common.delete')}</Button></>}>
        <p>{t('alerts.rules.deleteText', { name: deleting?.name ?? '' })}</p>
      </Modal>
    </>
  );
}
