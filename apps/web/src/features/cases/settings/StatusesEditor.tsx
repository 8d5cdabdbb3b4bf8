import { useTranslation } from 'react-i18next';
import { UI_LANGUAGES } from '@touchpoint/shared';
import { errorsUnder } from '../../../lib/errors';
import { LANGUAGE_NAMES } from '../../../lib/i18n';
import { Button } from '../../../ui/Button';
import { InlineError } from '../../../ui/Field';
import { issueText } from './issue-text';
import { keyFromName, newStatus, type StatusDraft } from './settings-draft';

const CATEGORIES = ['open', 'waiting', 'resolved'] as const;
const MAX_STATUSES = 20;

interface Props { value: StatusDraft[]; onChange: (next: StatusDraft[]) => void; errors: Record<string, string>; readOnly: boolean }

/** Custom statuses beside the five built-in ones; each counts as open, waiting or resolved. */
export function StatusesEditor({ value, onChange, errors, readOnly }: Props) {
  const { t } = useTranslation();
  const setAt = (i: number, next: StatusDraft) => onChange(value.map((s, j) => (j === i ? next : s)));
  const line = (m: string) => { const at = m.indexOf(': '); return at < 0 ? issueText(t, m)! : `${m.slice(0, at)}: ${issueText(t, m.slice(at + 2))}`; };
  return (
    <section className="card stack-sm" aria-labelledby="cases-statuses" data-testid="statuses-editor">
      <h2 className="card-title" id="cases-statuses">{t('casesAdmin.settings.statuses')}</h2>
      <p className="muted small">{t('casesAdmin.settings.statusesHint')}</p>
      <InlineError messages={errors.statuses ? [issueText(t, errors.statuses)!] : []} />
      {value.length === 0 ? <p className="muted small">{t('casesAdmin.settings.noStatuses')}</p> : (
        <ul className="cases-list">
          {value.map((s, i) => (
            <li key={i} className="cases-list-item" data-testid="status-row">
              <div className="form-row">
                <label className="cases-labelled">
                  <span className="field-label">{t('casesAdmin.settings.statusKey')}</span>
                  <input className="input input-sm input-mono" value={s.key} maxLength={40} disabled={readOnly} placeholder="on_hold" data-testid="status-key"
                    aria-invalid={errors[`statuses[${i}].key`] ? true : undefined} onChange={(e) => setAt(i, { ...s, key: e.target.value })} />
                </label>
                {UI_LANGUAGES.map((l) => (
                  <label key={l} className="cases-labelled">
                    <span className="field-label">{t('casesAdmin.settings.nameIn', { language: LANGUAGE_NAMES[l] })}</span>
                    <input className="input input-sm" lang={l} value={s.names[l]} maxLength={80} disabled={readOnly} data-testid={`status-name-${l}`}
                      aria-invalid={errors[`statuses[${i}].names.${l}`] ? true : undefined}
                      onChange={(e) => setAt(i, { ...s, names: { ...s.names, [l]: e.target.value } })}
                      // The key follows the English name until someone types a key of their own.
                      onBlur={() => { if (l === 'en' && !s.key) setAt(i, { ...s, key: keyFromName(s.names.en) }); }} />
                  </label>
                ))}
                <label className="cases-labelled">
                  <span className="field-label">{t('casesAdmin.settings.category')}</span>
                  <select className="input input-sm select" value={s.category} disabled={readOnly} data-testid="status-category"
                    onChange={(e) => setAt(i, { ...s, category: e.target.value as StatusDraft['category'] })}>
                    {CATEGORIES.map((c) => <option key={c} value={c}>{t(`casesAdmin.category.${c}`)}</option>)}
                  </select>
                </label>
                {!readOnly && (
                  <Button size="sm" variant="ghost" className="form-row-button" onClick={() => onChange(value.filter((_, j) => j !== i))} testId="status-remove"
                    aria-label={t('casesAdmin.settings.removeStatus', { name: s.names.en || s.key })}>×</Button>
                )}
              </div>
              <InlineError messages={errorsUnder(errors, `statuses[${i}]`).map(line)} />
            </li>
          ))}
        </ul>
      )}
      {!readOnly && value.length < MAX_STATUSES && (
        <div><Button size="sm" onClick={() => onChange([...value, newStatus()])} testId="status-add">+ {t('casesAdmin.settings.addStatus')}</Button></div>
      )}
    </section>
  );
}
