import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { API_KEY_SCOPES, type ApiKeyScope } from '@touchpoint/shared';
import { api, ws } from '../../lib/api';
import { fieldErrors } from '../../lib/errors';
import type { CreatedApiKey } from '../../lib/types';
import { Button } from '../../ui/Button';
import { CopyButton } from '../../ui/CopyButton';
import { Field, InlineError } from '../../ui/Field';
import { Modal } from '../../ui/Modal';
import { useToast } from '../../ui/Toast';

/**
 * Create a key, then show it exactly once. The server keeps only a hash, so the modal cannot be
 * dismissed by Escape or a stray click while the key is on screen: "Done" is a deliberate act.
 */
export function CreateApiKeyModal({ wid, open, onClose, onCreated }: { wid: string; open: boolean; onClose: () => void; onCreated: () => void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<ApiKeyScope[]>(['responses:read']);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [created, setCreated] = useState<CreatedApiKey | null>(null);

  function finish() {
    setCreated(null);
    setName('');
    setScopes(['responses:read']);
    setErrors({});
    onClose();
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    try {
      const key = await api<CreatedApiKey>(ws(wid, 'api-keys'), { method: 'POST', body: { name: name.trim(), scopes } });
      setCreated(key);
      onCreated();
    } catch (err) {
      setErrors(fieldErrors(err));
      toast.error(err);
    } finally { setBusy(false); }
  }

  const toggle = (s: ApiKeyScope, on: boolean) => setScopes((list) => (on ? [...list, s] : list.filter((x) => x !== s)));

  return (
    <Modal open={open} onClose={finish} dismissible={!created} title={created ? t('apiKeys.createdTitle') : t('apiKeys.create')} testId="api-key-modal"
      footer={created && <Button variant="primary" onClick={finish} testId="api-key-done">{t('apiKeys.done')}</Button>}>
      {created ? (
        <div className="stack">
          <p className="notice notice-warning">{t('apiKeys.showOnce')}</p>
          <div className="copy-row">
            <input className="input input-mono" readOnly value={created.key} aria-label={t('apiKeys.key')} data-testid="api-key-secret" onFocus={(e) => e.currentTarget.select()} />
            <CopyButton text={created.key} testId="copy-api-key" />
          </div>
          <p className="muted small">{t('apiKeys.usage')}</p>
          <pre className="code small"><code>{`curl -H "Authorization: Bearer ${created.prefix}…" ${location.origin}/api/workspaces/${wid}/surveys`}</code></pre>
        </div>
      ) : (
        <form onSubmit={submit} className="stack">
          <Field label={t('apiKeys.name')} hint={t('apiKeys.nameHint')} error={errors.name}>
            {(p) => <input {...p} className="input" value={name} onChange={(e) => setName(e.target.value)} required maxLength={100} autoFocus data-testid="api-key-name" />}
          </Field>
          <fieldset className="checks">
            <legend className="field-label">{t('apiKeys.scopes')}</legend>
            {API_KEY_SCOPES.map((s) => (
              <label key={s} className="check">
                <input type="checkbox" checked={scopes.includes(s)} onChange={(e) => toggle(s, e.target.checked)} data-testid={`api-key-scope-${s}`} />
                <span><code>{s}</code> <span className="muted small">{t(`apiKeys.scope.${s.replace(':', '_')}`)}</span></span>
              </label>
            ))}
            <InlineError messages={errors.scopes ? [errors.scopes] : []} />
          </fieldset>
          <div className="row-end">
            <Button onClick={finish}>{t('common.cancel')}</Button>
            <Button type="submit" variant="primary" busy={busy} disabled={!name.trim() || !scopes.length} testId="create-api-key">{t('apiKeys.create')}</Button>
          </div>
        </form>
      )}
    </Modal>
  );
}
