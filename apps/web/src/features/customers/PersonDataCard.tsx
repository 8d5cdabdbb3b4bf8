import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ws } from '../../lib/api';
import { navigate } from '../../app/router';
import { useWorkspace } from '../../app/workspace-context';
import { Button } from '../../ui/Button';
import { Modal } from '../../ui/Modal';
import { useToast } from '../../ui/Toast';
import { downloadBlob } from '../dashboards/export';
import type { Profile } from './use-customer-data';

type Erased = { profiles: number; events: number; responses: number; respondents: number };

/**
 * The person's rights over their data, for those who manage customers: everything stored about them
 * as a JSON file, and an erasure behind a confirmation that asks for the profile id to be typed
 * (it cannot be undone). Both are audited by the server.
 */
export function PersonDataCard({ profile }: { profile: Profile }) {
  const { t } = useTranslation();
  const toast = useToast();
  const { workspace, can } = useWorkspace();
  const [exporting, setExporting] = useState(false);
  const [erasing, setErasing] = useState(false);
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  if (!can('customers.manage')) return null;

  async function exportJson() {
    setExporting(true);
    try {
      const data = await api<unknown>(ws(workspace.id, 'customers', profile.id, 'export'));
      downloadBlob(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }), `customer-${profile.id}.json`);
    } catch (err) { toast.error(err); } finally { setExporting(false); }
  }

  async function erase() {
    setBusy(true);
    try {
      const r = await api<Erased>(ws(workspace.id, 'customers', profile.id), { method: 'DELETE' });
      toast.success(t('customers.privacy.erased', r));
      navigate(`/w/${workspace.id}/customers`);
    } catch (err) { toast.error(err); setBusy(false); }
  }

  return (
    <section className="card stack" aria-labelledby="privacy-title" data-testid="person-data">
      <h2 className="card-title" id="privacy-title">{t('customers.privacy.title')}</h2>
      <p className="muted small">{t('customers.privacy.text')}</p>
      <div className="row-wrap">
        <Button onClick={() => void exportJson()} busy={exporting} testId="person-export">{t('customers.privacy.export')}</Button>
        <Button variant="danger" onClick={() => { setTyped(''); setErasing(true); }} testId="person-erase">{t('customers.privacy.erase')}</Button>
      </div>
      <Modal open={erasing} onClose={() => setErasing(false)} title={t('customers.privacy.confirmTitle')} testId="erase-modal"
        footer={<><Button onClick={() => setErasing(false)}>{t('common.cancel')}</Button>
          <Button variant="danger" busy={busy} disabled={typed.trim() !== profile.id} onClick={() => void erase()} testId="confirm-erase">{t('customers.privacy.erase')}</Button></>}>
        <p>{t('customers.privacy.confirmText', { name: profile.name ?? profile.id })}</p>
        <label className="stack-sm">
          <span className="small">{t('customers.privacy.typeId', { id: profile.id })}</span>
          <input className="input input-mono" value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="off" data-testid="erase-id" />
        </label>
      </Modal>
    </section>
  );
}
