import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { UI_LANGUAGES, type Theme } from '@touchpoint/shared';
import { api, ws } from '../../lib/api';
import { errorsUnder, fieldErrors } from '../../lib/errors';
import { LANGUAGE_NAMES } from '../../lib/i18n';
import { Button } from '../../ui/Button';
import { Field } from '../../ui/Field';
import { Modal } from '../../ui/Modal';
import { useToast } from '../../ui/Toast';
import { checkThemeForm, emptyThemeForm, themeToForm, type ThemeForm } from './theme-form';

interface Props { wid: string; theme: Theme | null; onClose: () => void; onSaved: () => void }

/** Add or edit a theme. Checked with the server's schema first; the API's 400 details land on their fields. */
export function ThemeFormModal({ wid, theme, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const toast = useToast();
  const [f, setF] = useState<ThemeForm>(() => (theme ? themeToForm(theme) : emptyThemeForm()));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const set = (k: Exclude<keyof ThemeForm, 'names'>, v: string) => setF((prev) => ({ ...prev, [k]: v }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    const checked = checkThemeForm(f, !!theme);
    setErrors(checked.errors);
    if (!checked.body) return;
    setBusy(true);
    try {
      if (theme) await api(ws(wid, 'text', 'themes', theme.id), { method: 'PATCH', body: checked.body });
      else await api(ws(wid, 'text', 'themes'), { method: 'POST', body: checked.body });
      toast.success(theme ? t('text.themes.saved') : t('text.themes.created'));
      onSaved();
      onClose();
    } catch (err) {
      const fields = fieldErrors(err);
      setErrors(fields);
      if (!Object.keys(fields).length) toast.error(err);
    } finally { setBusy(false); }
  }

  return (
    <Modal open onClose={onClose} title={theme ? t('text.themes.editTitle') : t('text.themes.newTitle')} testId="theme-modal">
      <form className="stack" onSubmit={submit} noValidate>
        <Field label={t('text.themes.name')} error={errors.name}>
          {(p) => <input {...p} className="input" value={f.name} maxLength={80} onChange={(e) => set('name', e.target.value)} data-testid="theme-name" />}
        </Field>
        <fieldset className="theme-names">
          <legend className="filter-label">{t('text.themes.names')}</legend>
          {UI_LANGUAGES.map((l) => (
            <Field key={l} label={LANGUAGE_NAMES[l]} error={errors[`names.${l}`]}>
              {(p) => <input {...p} className="input" value={f.names[l]} maxLength={80} placeholder={f.name} onChange={(e) => { const v = e.target.value; setF((prev) => ({ ...prev, names: { ...prev.names, [l]: v } })); }} data-testid={`theme-name-${l}`} />}
            </Field>
          ))}
        </fieldset>
        {!theme && (
          <Field label={t('text.themes.id')} hint={t('text.themes.idHint')} error={errors.id}>
            {(p) => <input {...p} className="input input-mono" value={f.id} maxLength={64} placeholder="delivery" onChange={(e) => set('id', e.target.value)} data-testid="theme-id" />}
          </Field>
        )}
        <Field label={t('text.themes.keywords')} hint={t('text.themes.keywordsHint')} error={errorsUnder(errors, 'keywords')}>
          {(p) => <textarea {...p} className="input" rows={4} value={f.keywords} onChange={(e) => set('keywords', e.target.value)} data-testid="theme-keywords" />}
        </Field>
        <Field label={t('text.themes.examples')} hint={t('text.themes.examplesHint')} error={errorsUnder(errors, 'examples')}>
          {(p) => <textarea {...p} className="input" rows={3} value={f.examples} onChange={(e) => set('examples', e.target.value)} data-testid="theme-examples" />}
        </Field>
        {errors[''] && <p className="field-error" role="alert">{errors['']}</p>}
        <div className="row-end">
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="submit" variant="primary" busy={busy} testId="theme-save">{t('common.save')}</Button>
        </div>
      </form>
    </Modal>
  );
}
