import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { GENERAL_THEME, type CaseDetail, type CaseSettings, type Theme } from '@touchpoint/shared';
import { api } from '../../lib/api';
import { currentUiLanguage } from '../../lib/i18n';
import { Button } from '../../ui/Button';
import { Field } from '../../ui/Field';
import { Modal } from '../../ui/Modal';
import { statusLabel, themeLabel } from './case-labels';
import { checkClosing, closingPatch, closingServerErrors, closingStatuses, initialClosing, isCode, type ClosingErrors, type ClosingForm } from './close-form';
import { casesApi } from './use-cases';

interface Props {
  wid: string;
  c: CaseDetail;
  settings: CaseSettings | undefined;
  themes: Theme[];
  /** The status picked to open the dialog (null: closed). */
  status: string | null;
  onClose: () => void;
  onDone: (updated: CaseDetail) => void;
  /** Someone else changed the case: read it again (the dialog stays open on the new version). */
  onStale: () => Promise<void>;
}

/** Resolve or close: root cause and resolution code are required, the re-survey is offered. */
export function CloseCaseDialog({ wid, c, settings, themes, status, onClose, onDone, onStale }: Props) {
  const { t } = useTranslation();
  const lang = currentUiLanguage();
  const open = status !== null;
  const [form, setForm] = useState<ClosingForm>(() => initialClosing(c, settings, status ?? 'resolved'));
  const [errors, setErrors] = useState<ClosingErrors>({});
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  // Each opening starts from the case as it is now.
  useEffect(() => {
    if (!open) return;
    setForm(initialClosing(c, settings, status ?? 'resolved'));
    setErrors({});
    setNotice(null);
    // Only on opening, not on every refresh of the case: that would wipe what the agent chose.
  }, [open, status]);

  const set = (patch: Partial<ClosingForm>) => { setForm((f) => ({ ...f, ...patch })); setErrors((e) => ({ ...e, ...Object.fromEntries(Object.keys(patch).map((k) => [k, undefined])), form: undefined })); };

  async function submit(e: FormEvent) {
    e.preventDefault();
    const missing = checkClosing(t, form);
    if (Object.keys(missing).length) { setErrors(missing); return; }
    setBusy(true);
    setNotice(null);
    try {
      const updated = await api<CaseDetail>(casesApi(wid, c.id), { method: 'PATCH', body: closingPatch(c, form) });
      onDone(updated);
    } catch (err) {
      if (isCode(err, 'case_changed')) {
        await onStale();
        setNotice(t('cases.close.reloaded'));
      } else setErrors(closingServerErrors(t, err));
    } finally { setBusy(false); }
  }

  const codes = settings?.resolutionCodes ?? [];
  const causes: [string, string][] = [[GENERAL_THEME, t('cases.theme.general')], ...themes.map((th): [string, string] => [th.id, themeLabel(t, lang, th.id, themes)])];
  if (form.rootCause && !causes.some(([id]) => id === form.rootCause)) causes.push([form.rootCause, themeLabel(t, lang, form.rootCause, themes)]);

  return (
    <Modal open={open} title={t('cases.close.title', { number: c.number })} onClose={onClose} testId="case-close-dialog"
      footer={<>
        <Button variant="ghost" onClick={onClose}>{t('common.cancel')}</Button>
        <Button variant="primary" type="submit" form="case-close-form" busy={busy} testId="case-close-submit">{t('cases.close.submit')}</Button>
      </>}>
      <form id="case-close-form" className="stack" onSubmit={(e) => void submit(e)} noValidate>
        {notice && <p className="notice notice-warning" role="status" data-testid="case-close-reloaded">{notice}</p>}
        <Field label={t('cases.close.status')} error={errors.status}>
          {(p) => (
            <select {...p} className="input select" value={form.status} onChange={(e) => set({ status: e.target.value })} data-testid="case-close-status">
              {closingStatuses(settings).map((s) => <option key={s.key} value={s.key}>{statusLabel(t, lang, s.key, settings)}</option>)}
            </select>
          )}
        </Field>
        <Field label={t('cases.close.rootCause')} hint={t('cases.close.rootCauseHint')} error={errors.rootCause}>
          {(p) => (
            <select {...p} className="input select" value={form.rootCause} onChange={(e) => set({ rootCause: e.target.value })} data-testid="case-close-root-cause">
              <option value="">{t('cases.close.choose')}</option>
              {causes.map(([id, label]) => <option key={id} value={id}>{label}</option>)}
            </select>
          )}
        </Field>
        <Field label={t('cases.close.resolutionCode')} error={errors.resolutionCode}>
          {(p) => codes.length ? (
            <select {...p} className="input select" value={form.resolutionCode} onChange={(e) => set({ resolutionCode: e.target.value })} data-testid="case-close-code">
              <option value="">{t('cases.close.choose')}</option>
              {codes.map((code) => <option key={code} value={code}>{code}</option>)}
            </select>
          ) : (
            // Settings could not be read: the code can still be typed.
            <input {...p} className="input" value={form.resolutionCode} maxLength={60} onChange={(e) => set({ resolutionCode: e.target.value })} data-testid="case-close-code" />
          )}
        </Field>
        <label className="check">
          <input type="checkbox" checked={form.resurvey} onChange={(e) => set({ resurvey: e.target.checked })} data-testid="case-close-resurvey" />
          <span>{t('cases.close.resurvey')}</span>
        </label>
        {form.resurvey && !c.customer.email && <p className="muted small">{t('cases.close.resurveyNoEmail')}</p>}
        {errors.form && <p className="form-error" role="alert" data-testid="case-close-error">{errors.form}</p>}
      </form>
    </Modal>
  );
}
