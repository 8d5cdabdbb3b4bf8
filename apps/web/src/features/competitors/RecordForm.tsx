/** The competitor record (course Template 1): methods, prices, promotions, descriptions, surprises, suggestions, sources. */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { RESEARCH_METHODS, type Competitor } from '@touchpoint/shared';
import { api, ApiError } from '../../lib/api';
import { errorsUnder, fieldErrors } from '../../lib/errors';
import { Button } from '../../ui/Button';
import { Field } from '../../ui/Field';
import { useToast } from '../../ui/Toast';
import { competitorsApi, emptyPrice, emptyPromotion, emptySource, toDraft, toPatch, type PriceDraft, type PromotionDraft, type RecordDraft, type SourceDraft } from './competitors-data';
import { RowsEditor } from './RowsEditor';

interface Props { wid: string; record: Competitor; readOnly: boolean; onSaved: (c: Competitor) => void; onReload: () => void }

export function RecordForm({ wid, record, readOnly, onSaved, onReload }: Props) {
  const { t } = useTranslation();
  const toast = useToast();
  const [draft, setDraft] = useState<RecordDraft>(() => toDraft(record));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [stale, setStale] = useState(false);
  const set = <K extends keyof RecordDraft>(key: K, value: RecordDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  async function save(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    try {
      const saved = await api<Competitor>(competitorsApi(wid, record.id), { method: 'PATCH', body: toPatch(draft, record.version) });
      setErrors({});
      setStale(false);
      onSaved(saved);
      toast.success(t('competitors.saved'));
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) setStale(true);
      else if (Object.keys(fieldErrors(err)).length) { setErrors(fieldErrors(err)); toast.error(err); }
      else toast.error(err);
    } finally {
      setBusy(false);
    }
  }

  const text = (key: 'market' | 'productDescriptions' | 'surprises' | 'suggestions' | 'notes', rows = 3) => (
    <Field label={t(`competitors.field.${key}`)} hint={readOnly ? undefined : t(`competitors.hint.${key}`)} error={errors[key]}>
      {(p) => readOnly ? <p className="record-text" id={p.id}>{draft[key] || '–'}</p>
        : <textarea {...p} className="input" rows={rows} value={draft[key]} onChange={(e) => set(key, e.target.value)} data-testid={`field-${key}`} />}
    </Field>
  );
  const col = (key: string) => t(`competitors.column.${key}`);

  return (
    <form className="stack-lg" onSubmit={save} data-testid="competitor-form">
      {stale && (
        <div className="form-error row-between" role="alert" data-testid="version-conflict">
          <span>{t('competitors.conflict')}</span>
          <Button size="sm" onClick={onReload}>{t('competitors.reload')}</Button>
        </div>
      )}
      <section className="card stack">
        <h2 className="card-title">{t('competitors.section.basics')}</h2>
        <div className="record-grid">
          <Field label={t('competitors.field.name')} error={errors.name}>
            {(p) => <input {...p} className="input" value={draft.name} readOnly={readOnly} onChange={(e) => set('name', e.target.value)} data-testid="field-name" />}
          </Field>
          <Field label={t('competitors.field.website')} error={errors.website}>
            {(p) => readOnly
              ? <p id={p.id}>{draft.website ? <a href={draft.website} target="_blank" rel="noopener noreferrer">{draft.website}</a> : '–'}</p>
              : <input {...p} className="input" type="url" placeholder="https://" value={draft.website} onChange={(e) => set('website', e.target.value)} data-testid="field-website" />}
          </Field>
          <Field label={t('competitors.field.researchedAt')} error={errors.researchedAt}>
            {(p) => <input {...p} className="input" type="date" value={draft.researchedAt} readOnly={readOnly} onChange={(e) => set('researchedAt', e.target.value)} data-testid="field-researchedAt" />}
          </Field>
        </div>
        {text('market', 2)}
        <fieldset className="methods" data-testid="field-methods">
          <legend className="field-label">{t('competitors.field.methods')}</legend>
          <div className="methods-grid">
            {RESEARCH_METHODS.map((m) => (
              <label key={m} className="check">
                <input type="checkbox" disabled={readOnly} checked={draft.methods.includes(m)} data-testid={`method-${m}`}
                  onChange={(e) => set('methods', e.target.checked ? RESEARCH_METHODS.filter((x) => x === m || draft.methods.includes(x)) : draft.methods.filter((x) => x !== m))} />
                {t(`competitors.method.${m}`)}
              </label>
            ))}
          </div>
          {errorsUnder(errors, 'methods').map((m) => <p key={m} className="field-error">{m}</p>)}
        </fieldset>
      </section>

      <section className="card stack">
        <h2 className="card-title">{t('competitors.section.prices')}</h2>
        <RowsEditor<PriceDraft & Record<string, string>> name="prices" rows={draft.prices as (PriceDraft & Record<string, string>)[]} readOnly={readOnly} errors={errors}
          onChange={(rows) => set('prices', rows)} make={() => emptyPrice() as PriceDraft & Record<string, string>} addLabel={t('competitors.addPrice')} emptyText={t('competitors.noPrices')}
          columns={[{ key: 'item', label: col('item') }, { key: 'amount', label: col('amount'), type: 'number', width: '8rem' }, { key: 'currency', label: col('currency'), width: '6rem' }, { key: 'observedOn', label: col('observedOn'), type: 'date', width: '10rem' }, { key: 'source', label: col('source') }]} />
      </section>

      <section className="card stack">
        <h2 className="card-title">{t('competitors.section.promotions')}</h2>
        <RowsEditor<PromotionDraft & Record<string, string>> name="promotions" rows={draft.promotions as (PromotionDraft & Record<string, string>)[]} readOnly={readOnly} errors={errors}
          onChange={(rows) => set('promotions', rows)} make={() => emptyPromotion() as PromotionDraft & Record<string, string>} addLabel={t('competitors.addPromotion')} emptyText={t('competitors.noPromotions')}
          columns={[{ key: 'description', label: col('description') }, { key: 'from', label: col('from'), type: 'date', width: '10rem' }, { key: 'to', label: col('to'), type: 'date', width: '10rem' }, { key: 'observedOn', label: col('observedOn'), type: 'date', width: '10rem' }, { key: 'source', label: col('source') }]} />
      </section>

      <section className="card stack">
        <h2 className="card-title">{t('competitors.section.findings')}</h2>
        {text('productDescriptions', 4)}
        {text('surprises')}
        {text('suggestions')}
        {text('notes', 2)}
      </section>

      <section className="card stack">
        <h2 className="card-title">{t('competitors.section.sources')}</h2>
        <RowsEditor<SourceDraft & Record<string, string>> name="sources" rows={draft.sources as (SourceDraft & Record<string, string>)[]} readOnly={readOnly} errors={errors}
          onChange={(rows) => set('sources', rows)} make={() => emptySource() as SourceDraft & Record<string, string>} addLabel={t('competitors.addSource')} emptyText={t('competitors.noSources')}
          columns={[{ key: 'label', label: col('label') }, { key: 'url', label: col('url'), type: 'url' }, { key: 'accessedOn', label: col('accessedOn'), type: 'date', width: '10rem' }]} />
      </section>

      {!readOnly && (
        <div className="row-end record-actions">
          <span className="muted">{t('competitors.version', { version: record.version })}</span>
          <Button type="submit" variant="primary" busy={busy} testId="save-competitor">{t('common.save')}</Button>
        </div>
      )}
    </form>
  );
}
