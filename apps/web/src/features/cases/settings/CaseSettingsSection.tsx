import { useEffect, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseSettings } from '@touchpoint/shared';
import { api, ws } from '../../../lib/api';
import { errorsUnder, fieldErrors } from '../../../lib/errors';
import { useApi } from '../../../lib/use-api';
import { Button } from '../../../ui/Button';
import { CopyButton } from '../../../ui/CopyButton';
import { InlineError } from '../../../ui/Field';
import { Loading } from '../../../ui/Spinner';
import { useToast } from '../../../ui/Toast';
import { issueText } from './issue-text';
import { LoadError } from './LoadError';
import { checkSettings, settingsDraft, type SettingsDraft } from './settings-draft';
import { StatusesEditor } from './StatusesEditor';
import { TemplatesEditor } from './TemplatesEditor';

/** Statuses, resolution codes, reply templates, the re-survey default, and where replies come in. */
export function CaseSettingsSection({ wid, manage }: { wid: string; manage: boolean }) {
  const { t } = useTranslation();
  const toast = useToast();
  const path = ws(wid, 'cases', 'settings');
  const settings = useApi<CaseSettings>(path);
  const [d, setD] = useState<SettingsDraft | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  useEffect(() => { if (settings.data) setD(settingsDraft(settings.data)); }, [settings.data]);

  if (settings.error && !settings.data) return <LoadError error={settings.error} onRetry={() => void settings.reload()} />;
  if (!d || !settings.data) return <Loading />;
  const draft = d;
  const saved = settings.data;
  const dirty = JSON.stringify(draft) !== JSON.stringify(settingsDraft(saved));
  const set = <K extends keyof SettingsDraft>(k: K, v: SettingsDraft[K]) => setD({ ...draft, [k]: v });

  async function save() {
    const c = checkSettings(draft);
    setErrors(c.errors);
    if (!c.body) { toast.error(t('casesAdmin.settings.fixErrors')); return; }
    setBusy(true);
    try {
      settings.setData(await api<CaseSettings>(path, { method: 'PUT', body: c.body }));
      toast.success(t('casesAdmin.settings.saved'));
    } catch (err) { setErrors(fieldErrors(err)); toast.error(err); } finally { setBusy(false); }
  }

  return (
    <div className="stack">
      <section className="card stack-sm" aria-labelledby="cases-inbound" data-testid="inbound-card">
        <h2 className="card-title" id="cases-inbound">{t('casesAdmin.settings.inbound')}</h2>
        <p className="muted small">{t('casesAdmin.settings.inboundHint')}</p>
        <div className="cases-copy">
          <span className="field-label">{t('casesAdmin.settings.replyAddress')}</span>
          <div className="copy-row"><code className="cases-code" data-testid="reply-address">{saved.replyAddress}</code><CopyButton text={saved.replyAddress} testId="copy-reply-address" /></div>
          <p className="field-hint">{t('casesAdmin.settings.replyAddressHint')}</p>
        </div>
        <div className="cases-copy">
          <span className="field-label">{t('casesAdmin.settings.inboundUrl')}</span>
          <div className="copy-row"><code className="cases-code" data-testid="inbound-url">{saved.inboundUrl}</code><CopyButton text={saved.inboundUrl} testId="copy-inbound-url" /></div>
          <p className="field-hint">{t('casesAdmin.settings.inboundUrlHint')}</p>
        </div>
      </section>
      <StatusesEditor value={draft.statuses} onChange={(v) => set('statuses', v)} errors={errors} readOnly={!manage} />
      <CodesEditor value={draft.resolutionCodes} onChange={(v) => set('resolutionCodes', v)} errors={errors} readOnly={!manage} />
      <TemplatesEditor value={draft.templates} onChange={(v) => set('templates', v)} errors={errors} readOnly={!manage} />
      <section className="card stack-sm" aria-labelledby="cases-resurvey">
        <h2 className="card-title" id="cases-resurvey">{t('casesAdmin.settings.resurvey')}</h2>
        <label className="check">
          <input type="checkbox" checked={draft.resurveyByDefault} disabled={!manage} onChange={(e) => set('resurveyByDefault', e.target.checked)} data-testid="resurvey-default" />
          <span>{t('casesAdmin.settings.resurveyByDefault')}</span>
        </label>
        <p className="muted small">{t('casesAdmin.settings.resurveyHint')}</p>
      </section>
      {manage && (
        <div className="row-wrap cases-save-bar">
          <Button variant="primary" busy={busy} disabled={!dirty} onClick={() => void save()} testId="case-settings-save">{t('common.save')}</Button>
          {dirty && <Button variant="ghost" onClick={() => { setD(settingsDraft(saved)); setErrors({}); }} testId="case-settings-reset">{t('casesAdmin.agents.reset')}</Button>}
          {dirty && <span className="muted small">{t('casesAdmin.settings.unsaved')}</span>}
        </div>
      )}
    </div>
  );
}

const MAX_CODES = 50;

/** Resolution codes: the list a closing agent picks from (at least one). */
function CodesEditor({ value, onChange, errors, readOnly }: { value: string[]; onChange: (next: string[]) => void; errors: Record<string, string>; readOnly: boolean }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const add = () => { const c = text.trim(); if (c && !value.includes(c)) onChange([...value, c]); setText(''); };
  const onKey = (e: KeyboardEvent) => { if (e.key === 'Enter') { e.preventDefault(); add(); } };
  const messages = errorsUnder(errors, 'resolutionCodes').map((m) => { const at = m.indexOf(': '); return at < 0 ? issueText(t, m)! : `${m.slice(0, at)}: ${issueText(t, m.slice(at + 2))}`; });
  return (
    <section className="card stack-sm" aria-labelledby="cases-codes" data-testid="codes-editor">
      <h2 className="card-title" id="cases-codes">{t('casesAdmin.settings.codes')}</h2>
      <p className="muted small">{t('casesAdmin.settings.codesHint')}</p>
      <ul className="cases-chips">
        {value.map((c) => (
          <li key={c} className="cases-chip" data-testid="code">
            {c}
            {!readOnly && <button type="button" className="icon-btn" aria-label={t('casesAdmin.settings.removeCode', { code: c })} onClick={() => onChange(value.filter((x) => x !== c))}>×</button>}
          </li>
        ))}
      </ul>
      {!readOnly && value.length < MAX_CODES && (
        <div className="row-wrap">
          <input className="input input-sm" value={text} maxLength={60} placeholder={t('casesAdmin.settings.codePlaceholder')} aria-label={t('casesAdmin.settings.addCode')}
            onChange={(e) => setText(e.target.value)} onKeyDown={onKey} data-testid="code-input" />
          <Button size="sm" onClick={add} disabled={!text.trim() || value.includes(text.trim())} testId="code-add">{t('casesAdmin.settings.addCode')}</Button>
        </div>
      )}
      <InlineError messages={messages} />
    </section>
  );
}
