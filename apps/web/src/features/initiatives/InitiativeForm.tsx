/**
 * The course's Template 2 fields of one initiative: name, area, priority, why, budget range,
 * expected ROI (beside the computed one when a business case exists), status, value and cost
 * scores, owner, launch date and the expected change of a live metric. Read-only without
 * strategy.manage; saved with the version it loaded (a stale one is refused).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  INITIATIVE_AREAS, INITIATIVE_PRIORITIES, INITIATIVE_STATUSES, LIVE_METRICS, LIVE_METRIC_INFO,
  type Initiative, type InitiativePatch, type Segment,
} from '@touchpoint/shared';
import { ApiError } from '../../lib/api';
import { currentUiLanguage } from '../../lib/i18n';
import type { Member } from '../../lib/types';
import { Button } from '../../ui/Button';
import { Field } from '../../ui/Field';
import { NumInput } from './NumInput';
import { formatRatio } from './initiative-format';

interface Props {
  initiative: Initiative;
  readOnly: boolean;
  members: Member[] | null;
  segments: Segment[] | null;
  onSave: (patch: InitiativePatch) => Promise<void>;
}

type Form = Omit<InitiativePatch, 'version'>;

const fromInitiative = (i: Initiative): Form => ({
  name: i.name, area: i.area, priority: i.priority, why: i.why, budget: i.budget, expectedRoi: i.expectedRoi, status: i.status,
  valueScore: i.valueScore, costScore: i.costScore, ownerId: i.ownerId, launchDate: i.launchDate, expectedChange: i.expectedChange,
});

export function InitiativeForm({ initiative, readOnly, members, segments, onSave }: Props) {
  const { t } = useTranslation();
  const lang = currentUiLanguage();
  const [form, setForm] = useState<Form>(() => fromInitiative(initiative));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const set = (patch: Form) => setForm((f) => ({ ...f, ...patch }));
  const err = (k: string) => errors[`body.${k}`];

  async function save() {
    setBusy(true);
    setErrors({});
    try {
      await onSave(form);
    } catch (e) {
      // Field errors show at their fields; the page has told about anything else.
      if (e instanceof ApiError && e.details.length) setErrors(Object.fromEntries(e.details.map((d) => [d.path, d.message])));
    } finally { setBusy(false); }
  }

  const budget = form.budget ?? null;
  const change = form.expectedChange ?? null;
  const computedRoi = initiative.analysis?.roi ?? null;
  return (
    <div className="card stack-sm" data-testid="initiative-form">
      <div className="form-row">
        <Field label={t('initiatives.field.name')} error={err('name')} className="grow">{(c) => (
          <input {...c} className="input" value={form.name ?? ''} readOnly={readOnly} onChange={(e) => set({ name: e.target.value })} data-testid="initiative-name" />
        )}</Field>
        <Field label={t('initiatives.field.area')} error={err('area')}>{(c) => (
          <select {...c} className="input select" value={form.area} disabled={readOnly} onChange={(e) => set({ area: e.target.value as Form['area'] })}>
            {INITIATIVE_AREAS.map((a) => <option key={a} value={a}>{t(`initiatives.area.${a}`)}</option>)}
          </select>
        )}</Field>
        <Field label={t('initiatives.field.priority')} error={err('priority')}>{(c) => (
          <select {...c} className="input select" value={form.priority} disabled={readOnly} onChange={(e) => set({ priority: e.target.value as Form['priority'] })}>
            {INITIATIVE_PRIORITIES.map((p) => <option key={p} value={p}>{t(`initiatives.priority.${p}`)}</option>)}
          </select>
        )}</Field>
        <Field label={t('initiatives.field.status')} error={err('status')}>{(c) => (
          <select {...c} className="input select" value={form.status} disabled={readOnly} onChange={(e) => set({ status: e.target.value as Form['status'] })} data-testid="initiative-status">
            {INITIATIVE_STATUSES.map((s) => <option key={s} value={s}>{t(`initiatives.status.${s}`)}</option>)}
          </select>
        )}</Field>
      </div>
      <Field label={t('initiatives.field.why')} error={err('why')}>{(c) => (
        <textarea {...c} className="input" rows={2} value={form.why ?? ''} readOnly={readOnly} onChange={(e) => set({ why: e.target.value })} />
      )}</Field>
      <div className="form-row">
        <Field label={t('initiatives.field.budgetMin')} error={err('budget.min')}>{(c) => (
          <NumInput id={c.id} value={budget?.min ?? NaN} readOnly={readOnly} onChange={(n) => set({ budget: { min: n, max: budget?.max ?? n, currency: budget?.currency ?? 'USD' } })} />
        )}</Field>
        <Field label={t('initiatives.field.budgetMax')} error={err('budget.max')}>{(c) => (
          <NumInput id={c.id} value={budget?.max ?? NaN} readOnly={readOnly} onChange={(n) => set({ budget: { min: budget?.min ?? 0, max: n, currency: budget?.currency ?? 'USD' } })} />
        )}</Field>
        <Field label={t('initiatives.field.currency')} error={err('budget.currency')}>{(c) => (
          <input {...c} className="input input-sm case-currency" maxLength={3} value={budget?.currency ?? 'USD'} readOnly={readOnly}
            onChange={(e) => set({ budget: { min: budget?.min ?? 0, max: budget?.max ?? 0, currency: e.target.value.toUpperCase() } })} />
        )}</Field>
        <Field label={t('initiatives.field.expectedRoi')} error={err('expectedRoi')}
          hint={computedRoi !== null ? t('initiatives.field.computedRoi', { roi: formatRatio(lang, computedRoi) }) : undefined}>{(c) => (
          <NumInput id={c.id} value={form.expectedRoi ?? NaN} scale={100} readOnly={readOnly} onChange={(n) => set({ expectedRoi: Number.isNaN(n) ? null : n })} />
        )}</Field>
        <Field label={t('initiatives.field.valueScore')} error={err('valueScore')}>{(c) => (
          <NumInput id={c.id} value={form.valueScore ?? 5} step="1" readOnly={readOnly} onChange={(n) => set({ valueScore: n })} />
        )}</Field>
        <Field label={t('initiatives.field.costScore')} error={err('costScore')}>{(c) => (
          <NumInput id={c.id} value={form.costScore ?? 5} step="1" readOnly={readOnly} onChange={(n) => set({ costScore: n })} />
        )}</Field>
      </div>
      <div className="form-row">
        <Field label={t('initiatives.field.owner')} error={err('ownerId')}>{(c) => (
          <select {...c} className="input select" value={form.ownerId ?? ''} disabled={readOnly} onChange={(e) => set({ ownerId: e.target.value || null })}>
            <option value="">{t('initiatives.field.noOwner')}</option>
            {(members ?? []).map((m) => <option key={m.id} value={m.id}>{m.name || m.email}</option>)}
            {form.ownerId && !members?.some((m) => m.id === form.ownerId) && <option value={form.ownerId}>{form.ownerId}</option>}
          </select>
        )}</Field>
        <Field label={t('initiatives.field.launchDate')} error={err('launchDate')}>{(c) => (
          <input {...c} type="date" className="input" value={form.launchDate ?? ''} readOnly={readOnly} onChange={(e) => set({ launchDate: e.target.value || null })} data-testid="initiative-launch" />
        )}</Field>
      </div>
      <fieldset className="initiative-change">
        <legend className="field-label">{t('initiatives.field.expectedChange')}</legend>
        <div className="form-row">
          <label className="small">{t('initiatives.field.metric')}
            <select className="input input-sm select" value={change?.metric ?? ''} disabled={readOnly} data-testid="change-metric"
              onChange={(e) => set({ expectedChange: e.target.value ? { metric: e.target.value as never, segmentId: change?.segmentId ?? null, change: change?.change ?? 0, by: change?.by ?? null } : null })}>
              <option value="">{t('initiatives.field.noMetric')}</option>
              {LIVE_METRICS.map((m) => <option key={m} value={m}>{t(`initiatives.metric.${m}`)}</option>)}
            </select>
          </label>
          {change && <>
            <label className="small">{t('initiatives.field.change', { unit: t(`initiatives.metricUnit.${LIVE_METRIC_INFO[change.metric].unit}`) })}
              <NumInput value={change.change} readOnly={readOnly} label={t('initiatives.field.changeShort')} onChange={(n) => set({ expectedChange: { ...change, change: n } })} testId="change-value" />
            </label>
            <label className="small">{t('initiatives.driver.segment')}
              <select className="input input-sm select" value={change.segmentId ?? ''} disabled={readOnly} onChange={(e) => set({ expectedChange: { ...change, segmentId: e.target.value || null } })}>
                <option value="">{t('initiatives.driver.allCustomers')}</option>
                {(segments ?? []).map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
              </select>
            </label>
            <label className="small">{t('initiatives.field.by')}
              <input type="date" className="input input-sm" value={change.by ?? ''} readOnly={readOnly} onChange={(e) => set({ expectedChange: { ...change, by: e.target.value || null } })} />
            </label>
          </>}
        </div>
        {Object.entries(errors).filter(([k]) => k.startsWith('body.expectedChange')).map(([k, m]) => <p key={k} className="field-error">{m}</p>)}
      </fieldset>
      {!readOnly && <div className="row-end"><Button variant="primary" busy={busy} onClick={() => void save()} testId="save-initiative">{t('initiatives.saveDetails')}</Button></div>}
    </div>
  );
}
