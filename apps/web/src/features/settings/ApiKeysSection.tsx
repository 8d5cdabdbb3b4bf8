import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ws } from '../../lib/api';
import { formatDate, formatRelative } from '../../lib/format';
import { currentUiLanguage } from '../../lib/i18n';
import type { ApiKey, Items } from '../../lib/types';
import { useApi } from '../../lib/use-api';
import { useWorkspace } from '../../app/workspace-context';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { EmptyState } from '../../ui/EmptyState';
import { Icon } from '../../ui/icons';
import { Modal } from '../../ui/Modal';
import { Loading } from '../../ui/Spinner';
import { Table } from '../../ui/Table';
import { useToast } from '../../ui/Toast';
import { CreateApiKeyModal } from './CreateApiKeyModal';

export function ApiKeysSection() {
  const { t } = useTranslation();
  const lang = currentUiLanguage();
  const { workspace } = useWorkspace();
  const toast = useToast();
  const { data, loading, reload } = useApi<Items<ApiKey>>(ws(workspace.id, 'api-keys'));
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<ApiKey | null>(null);
  const [busy, setBusy] = useState(false);

  async function revoke() {
    if (!revoking) return;
    setBusy(true);
    try {
      await api(ws(workspace.id, 'api-keys', revoking.id), { method: 'DELETE' });
      toast.success(t('apiKeys.revoked', { name: revoking.name }));
      setRevoking(null);
      await reload();
    } catch (err) { toast.error(err); } finally { setBusy(false); }
  }

  return (
    <div className="stack">
      <div className="row-between">
        <p className="muted">{t('apiKeys.hint')}</p>
        <Button variant="primary" icon={<Icon name="plus" />} onClick={() => setCreating(true)} testId="new-api-key">{t('apiKeys.create')}</Button>
      </div>
      {loading && !data ? <Loading /> : !data?.items.length ? <EmptyState title={t('apiKeys.none')} testId="api-keys-empty" /> : (
        <Table testId="api-key-table" caption={t('settings.apiKeys')}>
          <thead><tr><th>{t('apiKeys.name')}</th><th>{t('apiKeys.prefix')}</th><th>{t('apiKeys.scopes')}</th><th>{t('apiKeys.created')}</th><th>{t('apiKeys.lastUsed')}</th><th><span className="sr-only">{t('common.actions')}</span></th></tr></thead>
          <tbody>
            {data.items.map((k) => (
              <tr key={k.id} data-testid="api-key-row" className={k.revokedAt ? 'row-muted' : undefined}>
                <td>{k.name} {k.revokedAt && <Badge>{t('apiKeys.revokedBadge')}</Badge>}</td>
                <td className="mono">{k.prefix}…</td>
                <td><span className="badge-list">{k.scopes.map((s) => <Badge key={s} tone="info">{s}</Badge>)}</span></td>
                <td className="muted nowrap">{formatDate(lang, k.createdAt)}</td>
                <td className="muted nowrap">{k.lastUsedAt ? formatRelative(lang, k.lastUsedAt) : t('apiKeys.never')}</td>
                <td className="right">{!k.revokedAt && <Button size="sm" variant="ghost" onClick={() => setRevoking(k)} testId="revoke-api-key">{t('apiKeys.revoke')}</Button>}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      <CreateApiKeyModal wid={workspace.id} open={creating} onClose={() => setCreating(false)} onCreated={() => void reload()} />
      <Modal open={!!revoking} onClose={() => setRevoking(null)} title={t('apiKeys.revokeTitle')} testId="revoke-api-key-modal"
        footer={<><Button onClick={() => setRevoking(null)}>{t('common.cancel')}</Button><Button variant="danger" busy={busy} onClick={revoke} testId="confirm-revoke-api-key">{t('apiKeys.revoke')}</Button></>}>
        <p>{t('apiKeys.revokeText', { name: revoking?.name ?? '' })}</p>
      </Modal>
    </div>
  );
}
