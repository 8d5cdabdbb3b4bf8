import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button';
import { Field } from '../../ui/Field';
import { Modal } from '../../ui/Modal';

/** Asks for a dashboard name: creating, renaming and "save a copy" all use it. */
export function NameDialog({ open, title, initial, submitLabel, onSubmit, onClose }: {
  open: boolean; title: string; initial: string; submitLabel: string;
  onSubmit: (name: string) => Promise<void>; onClose: () => void;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState(initial);
  const [busy, setBusy] = useState(false);
  useEffect(() => { if (open) setName(initial); }, [open, initial]);
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!name.trim()) return;
    setBusy(true);
    try { await onSubmit(name.trim()); } finally { setBusy(false); }
  }
  return (
    <Modal open={open} title={title} onClose={onClose} testId="dashboard-name-dialog">
      <form className="stack" onSubmit={submit}>
        <Field label={t('dashboards.manage.name')}>
          {(p) => <input {...p} className="input" value={name} onChange={(e) => setName(e.target.value)} maxLength={120} required autoFocus data-testid="dashboard-name-input" />}
        </Field>
        <div className="row-end">
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="submit" variant="primary" busy={busy} disabled={!name.trim()} testId="dashboard-name-submit">{submitLabel}</Button>
        </div>
      </form>
    </Modal>
  );
}

export function DeleteDialog({ open, name, onConfirm, onClose }: { open: boolean; name: string; onConfirm: () => Promise<void>; onClose: () => void }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  return (
    <Modal
      open={open} title={t('dashboards.manage.deleteTitle')} onClose={onClose} testId="dashboard-delete-dialog"
      footer={
        <>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button variant="danger" busy={busy} testId="dashboard-delete-confirm"
            onClick={async () => { setBusy(true); try { await onConfirm(); } finally { setBusy(false); } }}>{t('common.delete')}</Button>
        </>
      }
    >
      <p>{t('dashboards.manage.deleteText', { name })}</p>
    </Modal>
  );
}
