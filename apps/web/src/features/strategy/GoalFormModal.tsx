/** Creates or edits a SMART goal: the course's templates, metric or manual values, baseline, target, dates, owner, notes. */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { GOAL_TEMPLATES, LIVE_METRICS, type Goal, type GoalTemplateKey, type LiveMetricValue, type Segment } from '@touchpoint/shared';
import { api, withQuery, ws } from '../../lib/api';
import { useApi } from '../../lib/use-api';
import { currentUiLanguage } from '../../lib/i18n';
import { fieldErrors } from '../../lib/errors';
import type { Member } from '../../lib/types';
import { Button } from '../../ui/Button';
import { Field } from '../../ui/Field';
import { Modal } from '../../ui/Modal';
import { useToast } from '../../ui/Toast';
import { metricUnit, saveErrorText, shiftIso, todayIso, valueText } from './strategy-format';

const NOTES = ['specific', 'measurable', 'achievable', 'relevant', 'timeBound'] as const;
type Note = (typeof NOTES)[number];

interface Draft {
  template: GoalTemplateKey | ''; title: string; metric: string; segmentId: string; unit: string; higherIsBetter: boolean;
  baseline: string; targetMode: 'value' | 'percent'; target: string; change: string; startDate: string; deadline: string; ownerId: string;
  notes: Record<Note, string>;
}

function draftOf(g: Goal | null): Draft {
  const today = todayIso();
  return {
    template: g?.template ?? '', title: g?.title ?? '', metric: g ? g.metric ?? '' : 'csat', segmentId: g?.segmentId ?? '', unit: g?.unit ?? '', higherIsBetter: g?.higherIsBetter ?? true,
    baseline: g?.baseline.value === null || g?.baseline.value === undefined ? '' : String(g.baseline.value), targetMode: g ? 'value' : 'percent', target: g ? String(g.target) : '', change: '10',
    startDate: g?.startDate ?? today, deadline: g?.deadline ?? shiftIso(today, 180), ownerId: g?.ownerId ?? '',
    notes: { specific: g?.specific ?? '', measurable: g?.measurable ?? '', achievable: g?.achievable ?? '', relevant: g?.relevant ?? '', timeBound: g?.timeBound ?? '' },
  };
}

const num = (s: string) => (s.trim() === '' ? undefined : Number(s));

export function GoalFormModal({ wid, goal, members, segments, onClose, onSaved }: { wid: string; goal: Goal | null; members: Member[]; segments: Segment[] | null; onClose: () => void; onSaved: (g: Goal) => void }) {
  const { t } = useTranslation();
  const lang = currentUiLanguage();
  const toast = useToast();
  const [d, setD] = useState<Draft>(() => draftOf(goal));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => setD((x) => ({ ...x, [k]: v }));
  const live = d.metric !== '';
  const preview = useApi<LiveMetricValue>(live && !goal && /^\d{4}-\d{2}-\d{2}$/.test(d.startDate)
    ? withQuery(ws(wid, 'goals', 'baseline'), { metric: d.metric, startDate: d.startDate, segmentId: d.segmentId || undefined }) : null);

  function applyTemplate(key: GoalTemplateKey | '') {
    const tpl = GOAL_TEMPLATES.find((x) => x.key === key);
    if (!tpl) { set('template', ''); return; }
    setD((x) => ({
      ...x, template: tpl.key, title: t(`strategy.templates.${tpl.key}.title`), metric: tpl.metric ?? '', unit: tpl.metric ? '' : tpl.unit === 'money' ? 'TWD' : '%',
      higherIsBetter: tpl.higherIsBetter, targetMode: tpl.metric ? 'percent' : 'value', change: String(tpl.change),
      notes: { ...x.notes, specific: t(`strategy.templates.${tpl.key}.specific`), measurable: t(`strategy.templates.${tpl.key}.measurable`) },
    }));
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setErrors({});
    const baselineValue = num(d.baseline);
    const common = { title: d.title, segmentId: d.segmentId || null, unit: d.unit, higherIsBetter: d.higherIsBetter, startDate: d.startDate, deadline: d.deadline, ownerId: d.ownerId || null, ...d.notes };
    try {
      const saved = goal
        ? await api<Goal>(ws(wid, 'goals', goal.id), { method: 'PATCH', body: { ...common, baselineValue: baselineValue ?? null, target: num(d.target), version: goal.version } })
        : await api<Goal>(ws(wid, 'goals'), {
          method: 'POST',
          body: {
            ...common, metric: live ? d.metric : null, template: d.template || null,
            ...(baselineValue !== undefined ? { baselineValue } : {}),
            ...(d.targetMode === 'percent' ? { targetChangePercent: num(d.change) } : { target: num(d.target) }),
          },
        });
      onSaved(saved);
    } catch (err) { setErrors(fieldErrors(err)); toast.error(saveErrorText(t, err)); } finally { setBusy(false); }
  }

  const input = (k: 'title' | 'unit' | 'baseline' | 'target' | 'change' | 'startDate' | 'deadline', label: string, opts: { type?: string; error?: string; hint?: string } = {}) => (
    <Field label={label} error={opts.error} hint={opts.hint}>
      {(p) => <input {...p} className="input" type={opts.type ?? 'text'} step="any" value={d[k]} onChange={(e) => set(k, e.target.value)} data-testid={`goal-${k}`} />}
    </Field>
  );
  const unit = metricUnit(live ? (d.metric as Goal['metric']) : null, d.unit);

  return (
    <Modal open title={goal ? t('strategy.goals.edit') : t('strategy.goals.new')} onClose={onClose} testId="goal-modal">
      <form className="stack" onSubmit={submit} noValidate>
        {!goal && (
          <Field label={t('strategy.goals.template')} hint={t('strategy.goals.templateHint')}>
            {(p) => (
              <select {...p} className="input select" value={d.template} onChange={(e) => applyTemplate(e.target.value as GoalTemplateKey | '')} data-testid="goal-template">
                <option value="">{t('strategy.goals.noTemplate')}</option>
                {GOAL_TEMPLATES.map((x) => <option key={x.key} value={x.key}>{t(`strategy.templates.${x.key}.title`)}</option>)}
              </select>
            )}
          </Field>
        )}
        {input('title', t('strategy.goals.title_field'), { error: errors.title })}
        <div className="form-row">
          <Field label={t('strategy.goals.metric')} hint={live ? undefined : t('strategy.goals.manualHint')}>
            {(p) => (
              <select {...p} className="input select" value={d.metric} disabled={!!goal} onChange={(e) => set('metric', e.target.value)} data-testid="goal-metric">
                {LIVE_METRICS.map((m) => <option key={m} value={m}>{t(`strategy.metric.${m}`)}</option>)}
                <option value="">{t('strategy.goals.manual')}</option>
              </select>
            )}
          </Field>
          {live && segments && (
            <Field label={t('strategy.row.segment')}>
              {(p) => <select {...p} className="input select" value={d.segmentId} onChange={(e) => set('segmentId', e.target.value)}><option value="">{t('strategy.row.everyone')}</option>{segments.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}</select>}
            </Field>
          )}
          {!live && input('unit', t('strategy.row.unit'))}
          {!live && <label className="check"><input type="checkbox" checked={d.higherIsBetter} onChange={(e) => set('higherIsBetter', e.target.checked)} /><span>{t('strategy.row.higherIsBetter')}</span></label>}
        </div>
        <div className="form-row">
          {input('startDate', t('strategy.goals.startDate'), { type: 'date', error: errors.startDate })}
          {input('deadline', t('strategy.goals.deadline'), { type: 'date', error: errors.deadline })}
        </div>
        <div className="form-row">
          {input('baseline', t('strategy.goals.baseline'), {
            type: 'number', error: errors.baselineValue,
            hint: live && !goal ? (preview.data ? t('strategy.goals.baselineLive', { value: valueText(lang, preview.data.value, unit), count: preview.data.n }) : t('strategy.goals.baselineHint')) : undefined,
          })}
          {!goal && (
            <Field label={t('strategy.goals.targetMode')}>
              {(p) => (
                <select {...p} className="input select" value={d.targetMode} onChange={(e) => set('targetMode', e.target.value as Draft['targetMode'])} data-testid="goal-targetMode">
                  <option value="percent">{t('strategy.goals.targetPercent')}</option>
                  <option value="value">{t('strategy.goals.targetValue')}</option>
                </select>
              )}
            </Field>
          )}
          {d.targetMode === 'percent' && !goal
            ? input('change', t('strategy.goals.change'), { type: 'number', error: errors.targetChangePercent })
            : input('target', t('strategy.goals.target'), { type: 'number', error: errors.target })}
        </div>
        <Field label={t('strategy.goals.owner')}>
          {(p) => <select {...p} className="input select" value={d.ownerId} onChange={(e) => set('ownerId', e.target.value)} data-testid="goal-owner"><option value="">—</option>{members.map((m) => <option key={m.id} value={m.id}>{m.name || m.email}</option>)}</select>}
        </Field>
        <fieldset className="stack-sm">
          <legend className="field-label">{t('strategy.goals.smartNotes')}</legend>
          {NOTES.map((k) => (
            <Field key={k} label={t(`strategy.smart.${k}`)} hint={t(`strategy.smart.${k}Hint`)}>
              {(p) => <textarea {...p} className="input" rows={2} value={d.notes[k]} onChange={(e) => set('notes', { ...d.notes, [k]: e.target.value })} data-testid={`goal-${k}`} />}
            </Field>
          ))}
        </fieldset>
        <div className="row-end">
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="submit" variant="primary" busy={busy} testId="goal-save">{t('common.save')}</Button>
        </div>
      </form>
    </Modal>
  );
}
