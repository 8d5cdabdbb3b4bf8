/**
 * The business-case editor: settings (currency, period unit, horizon, start, rates, sensitivity,
 * scenarios), cost lines and benefit lines with their periods and growth, and for a benefit an
 * optional retention driver ("+N points in segment S" → money from customers × value per customer,
 * typed or measured by the server from customer 360 on save). Errors show at the contract's paths.
 */
import { useTranslation } from 'react-i18next';
import { BENEFIT_CATEGORIES, COST_CATEGORIES, PERIOD_UNITS, type BenefitLine, type CostLine, type Segment } from '@touchpoint/shared';
import { Button } from '../../ui/Button';
import { Field } from '../../ui/Field';
import { NumInput } from './NumInput';
import { newBenefit, newCost, type Draft } from './business-case-draft';

interface Props {
  draft: Draft;
  onChange: (next: Draft) => void;
  errors: Record<string, string>;
  readOnly: boolean;
  segments: Segment[] | null;
}

const errorsUnder = (errors: Record<string, string>, prefix: string) => Object.entries(errors).filter(([k]) => k === prefix || k.startsWith(`${prefix}.`) || k.startsWith(`${prefix}[`)).map(([, m]) => m);

export function BusinessCaseEditor({ draft, onChange, errors, readOnly, segments }: Props) {
  const { t } = useTranslation();
  const set = (patch: Partial<Draft>) => onChange({ ...draft, ...patch });
  const setCost = (i: number, patch: Partial<CostLine>) => set({ costs: draft.costs.map((l, j) => (j === i ? { ...l, ...patch } : l)) });
  const setBenefit = (i: number, patch: Partial<BenefitLine>) => set({ benefits: draft.benefits.map((l, j) => (j === i ? { ...l, ...patch } : l)) });
  const bad = (path: string) => !!errors[path];
  const optionalRate = (v: number) => (Number.isNaN(v) ? null : v);

  return (
    <div className="stack" data-testid="case-editor">
      <div className="card stack-sm">
        <h3 className="card-title">{t('initiatives.case.settings')}</h3>
        <div className="form-row">
          <Field label={t('initiatives.case.currency')} error={errors.currency}>{(c) => (
            <input {...c} className="input input-sm case-currency" value={draft.currency} readOnly={readOnly} maxLength={3} data-testid="case-currency"
              onChange={(e) => set({ currency: e.target.value.toUpperCase() })} />
          )}</Field>
          <Field label={t('initiatives.case.periodUnit')} error={errors.periodUnit}>{(c) => (
            <select {...c} className="input input-sm select" value={draft.periodUnit} disabled={readOnly} data-testid="case-period-unit"
              onChange={(e) => set({ periodUnit: e.target.value as Draft['periodUnit'] })}>
              {PERIOD_UNITS.map((u) => <option key={u} value={u}>{t(`initiatives.periodUnit.${u}`)}</option>)}
            </select>
          )}</Field>
          <Field label={t('initiatives.case.periods')} hint={t('initiatives.case.periodsHint')} error={errors.periods}>{(c) => (
            <NumInput id={c.id} value={draft.periods} readOnly={readOnly} invalid={bad('periods')} step="1" testId="case-periods" onChange={(n) => set({ periods: n })} />
          )}</Field>
          <Field label={t('initiatives.case.startDate')} error={errors.startDate}>{(c) => (
            <input {...c} type="date" className="input input-sm" value={draft.startDate} readOnly={readOnly} onChange={(e) => set({ startDate: e.target.value })} />
          )}</Field>
        </div>
        <div className="form-row">
          <Field label={t('initiatives.case.discountRate')} error={errors.discountRate}>{(c) => (
            <NumInput id={c.id} value={draft.discountRate} scale={100} readOnly={readOnly} invalid={bad('discountRate')} testId="case-discount" onChange={(n) => set({ discountRate: n })} />
          )}</Field>
          <Field label={t('initiatives.case.financeRate')} hint={t('initiatives.case.rateDefault')} error={errors.financeRate}>{(c) => (
            <NumInput id={c.id} value={draft.financeRate ?? NaN} scale={100} readOnly={readOnly} onChange={(n) => set({ financeRate: optionalRate(n) })} />
          )}</Field>
          <Field label={t('initiatives.case.reinvestRate')} hint={t('initiatives.case.rateDefault')} error={errors.reinvestRate}>{(c) => (
            <NumInput id={c.id} value={draft.reinvestRate ?? NaN} scale={100} readOnly={readOnly} onChange={(n) => set({ reinvestRate: optionalRate(n) })} />
          )}</Field>
          <Field label={t('initiatives.case.sensitivity')} error={errors.sensitivityPct}>{(c) => (
            <NumInput id={c.id} value={draft.sensitivityPct} readOnly={readOnly} invalid={bad('sensitivityPct')} onChange={(n) => set({ sensitivityPct: n })} />
          )}</Field>
        </div>
        <div className="form-row">
          {(['pessimistic', 'optimistic'] as const).map((s) => (
            <fieldset key={s} className="case-scenario">
              <legend className="field-label">{t(`initiatives.scenario.${s}`)}</legend>
              <label className="small muted">{t('initiatives.case.costPct')}
                <NumInput value={draft.scenarios[s].costPct} readOnly={readOnly} invalid={bad(`scenarios.${s}.costPct`)} label={`${t(`initiatives.scenario.${s}`)} ${t('initiatives.case.costPct')}`}
                  onChange={(n) => set({ scenarios: { ...draft.scenarios, [s]: { ...draft.scenarios[s], costPct: n } } })} />
              </label>
              <label className="small muted">{t('initiatives.case.benefitPct')}
                <NumInput value={draft.scenarios[s].benefitPct} readOnly={readOnly} invalid={bad(`scenarios.${s}.benefitPct`)} label={`${t(`initiatives.scenario.${s}`)} ${t('initiatives.case.benefitPct')}`}
                  onChange={(n) => set({ scenarios: { ...draft.scenarios, [s]: { ...draft.scenarios[s], benefitPct: n } } })} />
              </label>
            </fieldset>
          ))}
        </div>
      </div>

      <div className="card stack-sm">
        <div className="section-head">
          <h3 className="card-title">{t('initiatives.case.costs')}</h3>
          {!readOnly && <Button size="sm" onClick={() => set({ costs: [...draft.costs, newCost(t('initiatives.case.newCost'))] })} testId="add-cost">{t('initiatives.case.addCost')}</Button>}
        </div>
        <LineTable kind="costs" lines={draft.costs} categories={COST_CATEGORIES} errors={errors} readOnly={readOnly}
          onChange={(i, p) => setCost(i, p as Partial<CostLine>)} onRemove={(i) => set({ costs: draft.costs.filter((_, j) => j !== i) })} />
      </div>

      <div className="card stack-sm">
        <div className="section-head">
          <h3 className="card-title">{t('initiatives.case.benefits')}</h3>
          {!readOnly && <Button size="sm" onClick={() => set({ benefits: [...draft.benefits, newBenefit(t('initiatives.case.newBenefit'), draft.periods || 1)] })} testId="add-benefit">{t('initiatives.case.addBenefit')}</Button>}
        </div>
        <LineTable kind="benefits" lines={draft.benefits} categories={BENEFIT_CATEGORIES} errors={errors} readOnly={readOnly}
          onChange={(i, p) => setBenefit(i, p as Partial<BenefitLine>)} onRemove={(i) => set({ benefits: draft.benefits.filter((_, j) => j !== i) })}
          segments={segments} />
      </div>
    </div>
  );
}

interface LineTableProps {
  kind: 'costs' | 'benefits';
  lines: (CostLine | BenefitLine)[];
  categories: readonly string[];
  errors: Record<string, string>;
  readOnly: boolean;
  onChange: (i: number, patch: Partial<CostLine | BenefitLine>) => void;
  onRemove: (i: number) => void;
  segments?: Segment[] | null;
}

function LineTable({ kind, lines, categories, errors, readOnly, onChange, onRemove, segments }: LineTableProps) {
  const { t } = useTranslation();
  const colSpan = readOnly ? 7 : 8;
  return (
    <div className="table-wrap">
      <table className="table case-lines" data-testid={`${kind}-table`}>
        <thead><tr>
          <th>{t('initiatives.case.label')}</th><th>{t('initiatives.case.category')}</th><th>{t('initiatives.case.amount')}</th>
          <th>{t('initiatives.case.from')}</th><th>{t('initiatives.case.to')}</th><th>{t('initiatives.case.growth')}</th>
          {kind === 'benefits' && <th>{t('initiatives.case.driver')}</th>}
          {!readOnly && <th><span className="sr-only">{t('common.actions')}</span></th>}
        </tr></thead>
        <tbody>
          {lines.map((l, i) => {
            const p = `${kind}[${i}]`;
            const driver = 'driver' in l ? l.driver : null;
            const rowErrors = [...new Set(Object.entries(errors).filter(([k]) => k.startsWith(`${p}.`) || k === p).map(([k, m]) => `${t(`initiatives.case.field.${k.slice(p.length + 1).split('.').pop()}`, { defaultValue: k.slice(p.length + 1) })}: ${m}`))];
            return [
              <tr key={l.id} data-testid={`${kind}-row`}>
                <td><input className="input input-sm case-label" value={l.label} readOnly={readOnly} aria-label={t('initiatives.case.label')} aria-invalid={!!errors[`${p}.label`] || undefined}
                  onChange={(e) => onChange(i, { label: e.target.value })} data-testid="line-label" /></td>
                <td><select className="input input-sm select" value={l.category} disabled={readOnly} aria-label={t('initiatives.case.category')}
                  onChange={(e) => onChange(i, { category: e.target.value } as Partial<CostLine>)}>
                  {categories.map((c) => <option key={c} value={c}>{t(`initiatives.category.${c}`)}</option>)}
                </select></td>
                <td>{driver ? <span className="muted small">{t('initiatives.case.fromDriver')}</span> : (
                  <NumInput value={l.amount} readOnly={readOnly} invalid={!!errors[`${p}.amount`]} label={t('initiatives.case.amount')} className="case-amount" testId="line-amount" onChange={(n) => onChange(i, { amount: n })} />
                )}</td>
                <td><NumInput value={l.from} step="1" readOnly={readOnly} invalid={!!errors[`${p}.from`]} label={t('initiatives.case.from')} className="case-period" onChange={(n) => onChange(i, { from: n })} /></td>
                <td><NumInput value={l.to} step="1" readOnly={readOnly} invalid={!!errors[`${p}.to`]} label={t('initiatives.case.to')} className="case-period" onChange={(n) => onChange(i, { to: n })} /></td>
                <td><NumInput value={l.growth} scale={100} readOnly={readOnly} invalid={!!errors[`${p}.growth`]} label={t('initiatives.case.growth')} className="case-period" onChange={(n) => onChange(i, { growth: n })} /></td>
                {kind === 'benefits' && (
                  <td>{!readOnly ? (
                    <label className="check small"><input type="checkbox" checked={!!driver} data-testid="driver-toggle"
                      onChange={(e) => onChange(i, { driver: e.target.checked ? { kind: 'retention', points: 2, segmentId: null, customers: 1000, valuePerCustomer: 100, source: 'input' } : null } as Partial<BenefitLine>)} />
                      {t('initiatives.case.retentionDriver')}</label>
                  ) : driver ? t('initiatives.case.retentionDriver') : '–'}</td>
                )}
                {!readOnly && <td className="right"><Button size="sm" variant="ghost" onClick={() => onRemove(i)} aria-label={t('common.delete')}>✕</Button></td>}
              </tr>,
              driver && (
                <tr key={`${l.id}-driver`} className="case-driver-row" data-testid="driver-row">
                  <td colSpan={colSpan}>
                    <DriverForm driver={driver} readOnly={readOnly} segments={segments ?? null} errors={errors} path={`${p}.driver`}
                      onChange={(d) => onChange(i, { driver: d } as Partial<BenefitLine>)} />
                  </td>
                </tr>
              ),
              rowErrors.length > 0 && (
                <tr key={`${l.id}-errors`} className="case-error-row"><td colSpan={colSpan}><p className="field-error" role="alert" data-testid="field-error">{rowErrors.join(' · ')}</p></td></tr>
              ),
            ];
          })}
        </tbody>
      </table>
    </div>
  );
}

type Driver = NonNullable<BenefitLine['driver']>;

function DriverForm({ driver, onChange, readOnly, segments, errors, path }: { driver: Driver; onChange: (d: Driver) => void; readOnly: boolean; segments: Segment[] | null; errors: Record<string, string>; path: string }) {
  const { t } = useTranslation();
  const set = (patch: Partial<Driver>) => onChange({ ...driver, ...patch });
  const measured = driver.source === 'measured';
  return (
    <div className="case-driver">
      <span className="small strong">{t('initiatives.driver.title')}</span>
      <label className="small">{t('initiatives.driver.points')}
        <NumInput value={driver.points} readOnly={readOnly} invalid={!!errors[`${path}.points`]} label={t('initiatives.driver.points')} onChange={(n) => set({ points: n })} testId="driver-points" />
      </label>
      <label className="small">{t('initiatives.driver.segment')}
        <select className="input input-sm select" value={driver.segmentId ?? ''} disabled={readOnly} onChange={(e) => set({ segmentId: e.target.value || null })} data-testid="driver-segment">
          <option value="">{t('initiatives.driver.allCustomers')}</option>
          {(segments ?? []).map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
          {driver.segmentId && !segments?.some((s) => s.id === driver.segmentId) && <option value={driver.segmentId}>{driver.segmentId}</option>}
        </select>
      </label>
      <label className="small">{t('initiatives.driver.source')}
        <select className="input input-sm select" value={driver.source} disabled={readOnly} onChange={(e) => set({ source: e.target.value as Driver['source'] })} data-testid="driver-source">
          <option value="input">{t('initiatives.driver.typed')}</option>
          <option value="measured">{t('initiatives.driver.measured')}</option>
        </select>
      </label>
      <label className="small">{t('initiatives.driver.customers')}
        <NumInput value={driver.customers} step="1" readOnly={readOnly || measured} invalid={!!errors[`${path}.customers`]} label={t('initiatives.driver.customers')} onChange={(n) => set({ customers: n })} />
      </label>
      <label className="small">{t('initiatives.driver.valuePerCustomer')}
        <NumInput value={driver.valuePerCustomer} readOnly={readOnly || measured} invalid={!!errors[`${path}.valuePerCustomer`]} label={t('initiatives.driver.valuePerCustomer')} onChange={(n) => set({ valuePerCustomer: n })} />
      </label>
      {measured && <span className="muted small">{t('initiatives.driver.measuredHint')}</span>}
    </div>
  );
}
