import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TRAIT_RULES, TRAIT_TYPES, TraitKey, type TraitDefinition, type TraitRule, type TraitType } from '@touchpoint/shared';
import { api, ws } from '../../lib/api';
import { errorText, fieldErrors } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { currentUiLanguage } from '../../lib/i18n';
import type { Items } from '../../lib/types';
import { useApi } from '../../lib/use-api';
import { useWorkspace } from '../../app/workspace-context';
import { Button } from '../../ui/Button';
import { EmptyState } from '../../ui/EmptyState';
import { Field } from '../../ui/Field';
import { Loading } from '../../ui/Spinner';
import { Table } from '../../ui/Table';
import { useToast } from '../../ui/Toast';

interface Draft { key: string; type: TraitType; rule: TraitRule }
const EMPTY: Draft = { key: '', type: 'string', rule: 'latest' };

/**
 * Declared traits: the type incoming values must have and how merged profiles resolve them.
 * Everyone who reads customers sees the list; managers (customers.manage) declare and change.
 */
export function TraitDefinitionsSection() {
  const { t } = useTranslation();
  const lang = currentUiLanguage();
  const toast = useToast();
  const { workspace, can } = useWorkspace();
  const manage = can('customers.manage');
  const defs = useApi<Items<TraitDefinition>>(ws(workspace.id, 'customers', 'traits'));
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const existing = defs.data?.items.some((d) => d.key === draft.key.trim());

  async function save(e: FormEvent) {
    e.preventDefault();
    const key = draft.key.trim();
    // The server's own schema: the same message before a round trip.
    const checked = TraitKey.safeParse(key);
    if (!checked.success) { setErrors({ key: t('customers.traits.keyInvalid') }); return; }
    setErrors({});
    setBusy(true);
    try {
      await api(ws(workspace.id, 'customers', 'traits', key), { method: 'PUT', body: { type: draft.type, rule: draft.rule } });
      toast.success(t('customers.traits.saved', { key }));
      setDraft(EMPTY);
      await defs.reload();
    } catch (err) {
      const fields = fieldErrors(err);
      setErrors({ key: fields['params.key'] ?? fields.key ?? '', type: fields.type ?? '', rule: fields.rule ?? '' });
      toast.error(err);
    } finally { setBusy(false); }
  }

  const items = defs.data?.items ?? [];
  return (
    <div className="stack-lg">
      <p className="muted">{t('customers.traits.intro')}</p>
      {defs.error && !defs.data ? <EmptyState title={t('errors.loadFailed')} text={errorText(t, defs.error)} testId="traits-error" />
        : defs.loading && !defs.data ? <Loading />
        : !items.length ? <EmptyState title={t('customers.traits.none')} text={t('customers.traits.noneText')} testId="traits-empty" />
        : (
          <Table testId="trait-table" caption={t('customers.tabs.traits')}>
            <thead><tr>
              <th>{t('customers.traits.key')}</th><th>{t('customers.traits.type')}</th><th>{t('customers.traits.rule')}</th><th>{t('customers.traits.updated')}</th>
              {manage && <th><span className="sr-only">{t('common.actions')}</span></th>}
            </tr></thead>
            <tbody>
              {items.map((d) => (
                <tr key={d.key} data-testid="trait-row" data-key={d.key}>
                  <td className="mono">{d.key}</td>
                  <td>{t(`customers.traitType.${d.type}`)}</td>
                  <td title={t(`customers.traitRuleHint.${d.rule}`)}>{t(`customers.traitRule.${d.rule}`)}</td>
                  <td className="muted nowrap">{formatDateTime(lang, d.updatedAt)}</td>
                  {manage && (
                    <td className="right">
                      <Button size="sm" variant="ghost" onClick={() => { setDraft({ key: d.key, type: d.type, rule: d.rule }); setErrors({}); }} testId="edit-trait">{t('common.edit')}</Button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      {manage && (
        <form className="card stack" onSubmit={save} noValidate data-testid="trait-form">
          <h2 className="card-title">{existing ? t('customers.traits.changeTitle', { key: draft.key.trim() }) : t('customers.traits.declareTitle')}</h2>
          <div className="form-row">
            <Field label={t('customers.traits.key')} hint={t('customers.traits.keyHint')} error={errors.key || null}>
              {(p) => <input {...p} className="input input-mono" value={draft.key} maxLength={64} placeholder="tier" autoComplete="off"
                onChange={(e) => setDraft({ ...draft, key: e.target.value })} data-testid="trait-key" />}
            </Field>
            <Field label={t('customers.traits.type')} error={errors.type || null}>
              {(p) => (
                <select {...p} className="input select" value={draft.type} onChange={(e) => setDraft({ ...draft, type: e.target.value as TraitType })} data-testid="trait-type">
                  {TRAIT_TYPES.map((ty) => <option key={ty} value={ty}>{t(`customers.traitType.${ty}`)}</option>)}
                </select>
              )}
            </Field>
            <Field label={t('customers.traits.rule')} hint={t(`customers.traitRuleHint.${draft.rule}`)} error={errors.rule || null}>
              {(p) => (
                <select {...p} className="input select" value={draft.rule} onChange={(e) => setDraft({ ...draft, rule: e.target.value as TraitRule })} data-testid="trait-rule">
                  {TRAIT_RULES.map((r) => <option key={r} value={r}>{t(`customers.traitRule.${r}`)}</option>)}
                </select>
              )}
            </Field>
          </div>
          <p className="muted small">{t('customers.traits.typeNote')}</p>
          <div className="row-end">
            {draft.key && <Button onClick={() => { setDraft(EMPTY); setErrors({}); }}>{t('common.cancel')}</Button>}
            <Button type="submit" variant="primary" busy={busy} testId="save-trait">{existing ? t('common.save') : t('customers.traits.declare')}</Button>
          </div>
        </form>
      )}
    </div>
  );
}
