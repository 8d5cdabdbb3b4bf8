import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api';
import { fieldErrors } from '../../lib/errors';
import { useAuth } from '../../app/auth-context';
import { navigate } from '../../app/router';
import { Button } from '../../ui/Button';
import { Field } from '../../ui/Field';
import { Modal } from '../../ui/Modal';
import { useToast } from '../../ui/Toast';

export function CreateWorkspaceModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { refresh } = useAuth();
  const toast = useToast();
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    try {
      const w = await api<{ id: string; name: string }>('/api/workspaces', { method: 'POST', body: { name } });
      await refresh();
      toast.success(t('workspaces.created', { name: w.name }));
      setName('');
      onClose();
      navigate(`/w/${w.id}`);
    } catch (err) {
      setErrors(fieldErrors(err));
      toast.error(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal open={open} onClose={onClose} title={t('workspaces.new')} testId="create-workspace-modal">
      <form onSubmit={submit} className="stack">
        <p className="muted">{t('workspaces.newHint')}</p>
        <Field label={t('workspaces.name')} error={errors.name}>
          {(p) => <input {...p} className="input" value={name} onChange={(e) => setName(e.target.value)} required maxLength={200} autoFocus data-testid="workspace-name-input" />}
        </Field>
        <div className="row-end">
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="submit" variant="primary" busy={busy} disabled={!name.trim()} testId="create-workspace">{t('workspaces.create')}</Button>
        </div>
      </form>
    </Modal>
  );
}
