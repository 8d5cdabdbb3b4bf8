/** Edits one row of the CX evaluation framework: criterion, current state (live / number / text), benchmark, plan. */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { GAP_CRITERIA, GAP_PRIORITIES, GapRowInput, LIVE_METRICS, type GapRowStored, type Segment } from '@touchpoint/shared';
import { Button } from '../../ui/Button';
import { Field } from '../../ui/Field';
import { Modal } from '../../ui/Modal';

type Kind = 'live' | 'number' | 'text';
interface Draft {
  criterion: GapRowStored['criterion']; customLabel: string;
  currentKind: Kind; metric: string; segmentId: string; fallback: string; currentValue: string; currentUnit: string; currentText: string; higherIsBetter: boolean;
  benchKind: 'number' | 'text' | 'none'; benchValue: string; benchUnit: string; benchText: string; competitor: string; source: string;
  improvement: string; benefit: string; roi: string; priority: GapRowStored['priority']; owner: string; initiativeId: string;
}

function draftOf(r: GapRowStored | null): Draft {
  const c = r?.current, b = r?.benchmark;
  return {
    criterion: r?.criterion ?? 'customer_feedback', customLabel: r?.customLabel ?? '',
    currentKind: c?.kind ?? 'number', metric: c?.kind === 'live' ? c.metric : 'nps', segmentId: c?.kind === 'live' ? c.segmentId ?? '' : '',
    fallback: c?.kind === 'live' && c.fallback !== null ? String(c.fallback) : '', currentValue: c?.kind === 'number' ? String(c.value) : '',
    currentUnit: c?.kind === 'number' ? c.unit : '', currentText: c?.kind === 'text' ? c.text : '', higherIsBetter: r?.higherIsBetter ?? true,
    benchKind: b ? b.kind : 'number', benchValue: b?.kind === 'number' ? String(b.value) : '', benchUnit: b?.kind === 'number' ? b.unit : '', benchText: b?.kind === 'text' ? b.text : '',
    competitor: r?.competitor ?? '', source: r?.source ?? '', improvement: r?.improvement ?? '', benefit: r?.benefit ?? '', roi: r?.roi === null || r?.roi === undefined ? '' : String(r.roi),
    priority: r?.priority ?? 'medium', owner: r?.owner ?? '', initiativeId: r?.initiativeId ?? '',
  };
}

const num = (s: string) => (s.trim() === '' ? null : Number(s));
const orNull = (s: string) => (s.trim() ? s.trim() : null);

/** The row the API takes; numbers typed wrong come back as NaN and fail validation at their path. */
function rowOf(d: Draft, id?: string): GapRowInput {
  const current = d.currentKind === 'live' ? { kind: 'live' as const, metric: d.metric as never, segmentId: orNull(d.segmentId), fallback: num(d.fallback) }
    : d.currentKind === 'number' ? { kind: 'number' as const, value: num(d.currentValue) as number, unit: d.currentUnit.trim() }
      : { kind: 'text' as const, text: d.currentText };
  const benchmark = d.benchKind === 'none' ? null : d.benchKind === 'number' ? { kind: 'number' as const, value: num(d.benchValue) as number, unit: d.benchUnit.trim() } : { kind: 'text' as const, text: d.benchText };
  return {
    ...(id ? { id } : {}), criterion: d.criterion, customLabel: d.criterion === 'custom' ? d.customLabel : null, current, benchmark,
    competitor: orNull(d.competitor), source: orNull(d.source), higherIsBetter: d.higherIsBetter, improvement: d.improvement, benefit: d.benefit,
    roi: num(d.roi), priority: d.priority, owner: orNull(d.owner), initiativeId: orNull(d.initiativeId),
  };
}

export function GapRowModal({ row, segments, busy, onClose, onSave }: { row: GapRowStored | null; segments: Segment[] | null; busy: boolean; onClose: () => void; onSave: (row: GapRowInput) => void }) {
  const { t } = useTranslation();
  const [d, setD] = useState<Draft>(() => draftOf(row));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => setD((x) => ({ ...x, [k]: v }));

  function submit(e: FormEvent) {
    e.preventDefault();
    const candidate = rowOf(d, row?.id);
    const parsed = GapRowInput.safeParse(candidate);
    if (!parsed.success) {
      const out: Record<string, string> = {};
      for (const i of parsed.error.issues) out[i.path.join('.')] = t('strategy.row.invalid');
      setErrors(out);
      return;
    }
    onSave(candidate);
  }
  const input = (k: keyof Draft, label: string, opts: { type?: string; error?: string; placeholder?: string } = {}) => (
    <Field label={label} error={opts.error}>
      {(p) => <input {...p} className="input" type={opts.type ?? 'text'} step="any" value={d[k] as string} placeholder={opts.placeholder} onChange={(e) => set(k, e.target.value as never)} data-testid={`row-${k}`} />}
    </Field>
  );
  const area = (k: keyof Draft, label: string) => (
    <Field label={label}>{(p) => <textarea {...p} className="input" rows={2} value={d[k] as string} onChange={(e) => set(k, e.target.value as never)} data-testid={`row-${k}`} />}</Field>
  );
  const select = (k: keyof Draft, label: string, options: [string, string][]) => (
    <Field label={label}>
      {(p) => <select {...p} className="input select" value={d[k] as string} onChange={(e) => set(k, e.target.value as never)} data-testid={`row-${k}`}>{options.map(([v, l]) => <option key={v} value={v}>{l}</option>)}</select>}
    </Field>
  );

  return (
    <Modal open title={row ? t('strategy.row.edit') : t('strategy.row.add')} onClose={onClose} testId="gap-row-modal">
      <form className="stack" onSubmit={submit} noValidate>
        <div className="form-row">
          {select('criterion', t('strategy.row.criterion'), GAP_CRITERIA.map((c) => [c, t(`strategy.criterion.${c}`)]))}
          {d.criterion === 'custom' && input('customLabel', t('strategy.row.customLabel'), { error: errors.customLabel })}
        </div>
        <fieldset className="stack-sm">
          <legend className="field-label">{t('strategy.row.current')}</legend>
          {select('currentKind', t('strategy.row.kind'), [['live', t('strategy.row.kindLive')], ['number', t('strategy.row.kindNumber')], ['text', t('strategy.row.kindText')]])}
          {d.currentKind === 'live' && (
            <div className="form-row">
              {select('metric', t('strategy.row.metric'), LIVE_METRICS.map((m) => [m, t(`strategy.metric.${m}`)]))}
              {segments && select('segmentId', t('strategy.row.segment'), [['', t('strategy.row.everyone')], ...segments.map((s): [string, string] => [s.id, s.name])])}
              {input('fallback', t('strategy.row.fallback'), { type: 'number', error: errors['current.fallback'] })}
            </div>
          )}
          {d.currentKind === 'number' && (
            <div className="form-row">
              {input('currentValue', t('strategy.row.value'), { type: 'number', error: errors['current.value'] })}
              {input('currentUnit', t('strategy.row.unit'), { placeholder: '%' })}
              <label className="check"><input type="checkbox" checked={d.higherIsBetter} onChange={(e) => set('higherIsBetter', e.target.checked)} data-testid="row-higherIsBetter" /><span>{t('strategy.row.higherIsBetter')}</span></label>
            </div>
          )}
          {d.currentKind === 'text' && area('currentText', t('strategy.row.text'))}
        </fieldset>
        <fieldset className="stack-sm">
          <legend className="field-label">{t('strategy.row.benchmark')}</legend>
          {select('benchKind', t('strategy.row.kind'), [['number', t('strategy.row.kindNumber')], ['text', t('strategy.row.kindText')], ['none', t('strategy.row.kindNone')]])}
          {d.benchKind === 'number' && <div className="form-row">{input('benchValue', t('strategy.row.value'), { type: 'number', error: errors['benchmark.value'] })}{input('benchUnit', t('strategy.row.unit'))}</div>}
          {d.benchKind === 'text' && area('benchText', t('strategy.row.text'))}
          <div className="form-row">{input('competitor', t('strategy.row.competitor'))}{input('source', t('strategy.row.source'))}</div>
        </fieldset>
        {area('improvement', t('strategy.row.improvement'))}
        <div className="form-row">
          {input('benefit', t('strategy.row.benefit'))}
          {input('roi', t('strategy.row.roi'), { type: 'number', error: errors.roi })}
        </div>
        <div className="form-row">
          {select('priority', t('strategy.row.priority'), GAP_PRIORITIES.map((p) => [p, t(`strategy.priority.${p}`)]))}
          {input('owner', t('strategy.row.owner'))}
          {input('initiativeId', t('strategy.row.initiative'))}
        </div>
        <div className="row-end">
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="submit" variant="primary" busy={busy} testId="gap-row-save">{t('common.save')}</Button>
        </div>
      </form>
    </Modal>
  );
}
