import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { UI_LANGUAGES } from '@touchpoint/shared';
import { api, ws } from '../../lib/api';
import { fieldErrors } from '../../lib/errors';
import { LANGUAGE_NAMES } from '../../lib/i18n';
import type { WorkspaceDetail, WorkspaceSettings } from '../../lib/types';
import { useApi } from '../../lib/use-api';
import { useAuth } from '../../app/auth-context';
import { useWorkspace } from '../../app/workspace-context';
import { Button } from '../../ui/Button';
import { Field } from '../../ui/Field';
import { Loading } from '../../ui/Spinner';
import { useToast } from '../../ui/Toast';

/** Name, recontact cooldown and default language. Read-only for roles without workspace.manage. */
export function WorkspaceSection() {
  const { t } = useTranslation();
  const { workspace, can } = useWorkspace();
  const { refresh } = useAuth();
  const toast = useToast();
  const { data, loading, setData } = useApi<WorkspaceDetail>(ws(workspace.id));
  const [name, setName] = useState('');
  const [settings, setSettings] = useState<WorkspaceSettings | null>(null);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const readOnly = !can('workspace.manage');

  useEffect(() => {
    if (data) { setName(data.name); setSettings(data.settings); }
  }, [data]);

  async function save(e: FormEvent) {
    e.preventDefault();
    if (!settings) return;
    setBusy(true);
    setErrors({});
    try {
      const updated = await api<WorkspaceDetail>(ws(workspace.id), { method: 'PATCH', body: { name: name.trim(), settings: { recontactCooldownDays: settings.recontactCooldownDays, defaultLanguage: settings.defaultLanguage } } });
      setData((prev) => ({ ...updated, role: prev?.role ?? null }));
      toast.success(t('workspaceSettings.saved'));
      if (updated.name !== workspace.name) await refresh();
    } catch (err) {
      setErrors(fieldErrors(err));
      toast.error(err);
    } finally { setBusy(false); }
  }

  if ((loading && !data) || !settings) return <Loading />;
  return (
    <form className="card stack narrow" onSubmit={save} data-testid="workspace-settings-form">
      <Field label={t('workspaceSettings.name')} error={errors.name}>
        {(p) => <input {...p} className="input" value={name} onChange={(e) => setName(e.target.value)} required maxLength={200} disabled={readOnly} data-testid="workspace-name" />}
      </Field>
      <Field label={t('workspaceSettings.cooldown')} hint={t('workspaceSettings.cooldownHint')} error={errors['settings.recontactCooldownDays']}>
        {(p) => <input {...p} className="input input-num" type="number" min={0} max={365} value={settings.recontactCooldownDays} disabled={readOnly}
          onChange={(e) => setSettings({ ...settings, recontactCooldownDays: Math.max(0, Math.min(365, Math.round(Number(e.target.value) || 0))) })} data-testid="workspace-cooldown" />}
      </Field>
      <Field label={t('workspaceSettings.defaultLanguage')} hint={t('workspaceSettings.defaultLanguageHint')} error={errors['settings.defaultLanguage']}>
        {(p) => (
          <select {...p} className="input select" value={settings.defaultLanguage} disabled={readOnly}
            onChange={(e) => setSettings({ ...settings, defaultLanguage: e.target.value as WorkspaceSettings['defaultLanguage'] })} data-testid="workspace-default-language">
            {UI_LANGUAGES.map((l) => <option key={l} value={l}>{LANGUAGE_NAMES[l]}</option>)}
          </select>
        )}
      </Field>
      {!readOnly && <div><Button type="submit" variant="primary" busy={busy} testId="save-workspace">{t('common.save')}</Button></div>}
    </form>
  );
}
