import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SavedView } from '@touchpoint/shared';
import { api } from '../../lib/api';
import { errorText, fieldErrors } from '../../lib/errors';
import { Button } from '../../ui/Button';
import { Field } from '../../ui/Field';
import { Modal } from '../../ui/Modal';
import { useToast } from '../../ui/Toast';
import { BUILT_IN_VIEWS, filtersToView, sameView, viewToFilters, type InboxView } from './inbox-url';
import { casesApi, useSavedViews } from './use-cases';

interface Props { wid: string; view: InboxView; onPick: (v: InboxView) => void }

/** Views beside the list: built-in queues, then saved ones (mine and shared); the current filters can be saved as one. */
export function SavedViews({ wid, view, onPick }: Props) {
  const { t } = useTranslation();
  const toast = useToast();
  const saved = useSavedViews(wid);
  const [saving, setSaving] = useState(false);
  const [deleting, setDeleting] = useState<string | null>(null);
  const views = saved.data ?? [];
  const current = (v: InboxView) => sameView(v, view);

  async function remove(v: SavedView) {
    if (!window.confirm(t('cases.views.confirmDelete', { name: v.name }))) return;
    setDeleting(v.id);
    try {
      await api(casesApi(wid, 'views', v.id), { method: 'DELETE' });
      saved.setData((list) => (list ?? []).filter((x) => x.id !== v.id));
      toast.success(t('cases.views.deleted', { name: v.name }));
    } catch (err) { toast.error(err); } finally { setDeleting(null); }
  }

  return (
    <nav className="case-views" aria-label={t('cases.views.title')} data-testid="case-views">
      <h2 className="case-views-title">{t('cases.views.title')}</h2>
      <ul>
        {BUILT_IN_VIEWS.map((b) => (
          <li key={b.id}>
            <button type="button" className="case-view" aria-current={current(b.view) || undefined} onClick={() => onPick(b.view)} data-testid={`case-view-${b.id}`}>
              {t(`cases.views.builtIn.${b.id}`)}
            </button>
          </li>
        ))}
      </ul>
      {views.length > 0 && (
        <ul className="case-views-saved" data-testid="case-views-saved">
          {views.map((v) => {
            const target = filtersToView(v.filters);
            return (
              <li key={v.id} className="case-view-row">
                <button type="button" className="case-view" aria-current={current(target) || undefined} onClick={() => onPick(target)} data-testid="case-view" data-view-id={v.id}>
                  <span className="grow">{v.name}</span>
                  {v.shared && <span className="muted small" title={t('cases.views.sharedHint')}>{t('cases.views.shared')}</span>}
                </button>
                {v.mine && (
                  <button type="button" className="icon-btn" aria-label={t('cases.views.delete', { name: v.name })} disabled={deleting === v.id} onClick={() => void remove(v)} data-testid="case-view-delete">×</button>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {saved.error && <p className="field-error">{errorText(t, saved.error)}</p>}
      <Button size="sm" variant="ghost" onClick={() => setSaving(true)} testId="case-view-save">{t('cases.views.save')}</Button>
      <SaveViewModal open={saving} wid={wid} view={view} onClose={() => setSaving(false)}
        onSaved={(v) => { saved.setData((list) => [...(list ?? []), v]); setSaving(false); toast.success(t('cases.views.saved', { name: v.name })); }} />
    </nav>
  );
}

function SaveViewModal({ open, wid, view, onClose, onSaved }: { open: boolean; wid: string; view: InboxView; onClose: () => void; onSaved: (v: SavedView) => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [shared, setShared] = useState(false);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!name.trim()) { setErrors({ name: t('cases.views.nameRequired') }); return; }
    setBusy(true);
    try {
      const created = await api<SavedView>(casesApi(wid, 'views'), { method: 'POST', body: { name: name.trim(), filters: viewToFilters(view), shared } });
      setName(''); setShared(false); setErrors({});
      onSaved(created);
    } catch (err) {
      const fields = fieldErrors(err);
      setErrors(Object.keys(fields).length ? fields : { form: errorText(t, err) });
    } finally { setBusy(false); }
  }

  const other = Object.entries(errors).filter(([k]) => k !== 'name').map(([k, m]) => (k === 'form' ? m : `${k}: ${m}`));
  return (
    <Modal open={open} title={t('cases.views.saveTitle')} onClose={onClose} testId="case-view-modal"
      footer={<>
        <Button variant="ghost" onClick={onClose}>{t('common.cancel')}</Button>
        <Button variant="primary" type="submit" form="case-view-form" busy={busy} testId="case-view-submit">{t('common.save')}</Button>
      </>}>
      <form id="case-view-form" className="stack" onSubmit={(e) => void submit(e)}>
        <Field label={t('cases.views.name')} error={errors.name}>
          {(p) => <input {...p} className="input" value={name} maxLength={80} autoFocus onChange={(e) => setName(e.target.value)} data-testid="case-view-name" />}
        </Field>
        <label className="check">
          <input type="checkbox" checked={shared} onChange={(e) => setShared(e.target.checked)} data-testid="case-view-shared" />
          <span>{t('cases.views.shareWithWorkspace')}</span>
        </label>
        {other.length > 0 && <p className="form-error" role="alert">{other.join(' · ')}</p>}
      </form>
    </Modal>
  );
}
