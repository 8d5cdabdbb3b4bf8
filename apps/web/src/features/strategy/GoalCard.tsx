/** One SMART goal: status, progress bar, baseline → current → target, its chart, and manual check-ins. */
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Goal } from '@touchpoint/shared';
import { api, ws } from '../../lib/api';
import { currentUiLanguage } from '../../lib/i18n';
import { formatDate, formatNumber } from '../../lib/format';
import type { Member } from '../../lib/types';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { useToast } from '../../ui/Toast';
import { PlanChart } from '../../ui/PlanChart';
import { goalOption } from './strategy-charts';
import { metricUnit, saveErrorText, STATUS_TONE, todayIso, valueText } from './strategy-format';

export function GoalCard({ wid, goal, members, manage, onChanged, onEdit, onDeleted }: {
  wid: string; goal: Goal; members: Member[]; manage: boolean; onChanged: (g: Goal) => void; onEdit: () => void; onDeleted: () => void;
}) {
  const { t } = useTranslation();
  const lang = currentUiLanguage();
  const toast = useToast();
  const p = goal.progress;
  const unit = metricUnit(goal.metric, goal.unit);
  const fmt = (n: number | null) => valueText(lang, n, unit);
  const owner = members.find((m) => m.id === goal.ownerId);
  const option = useMemo(() => goalOption(goal, {
    measured: t('strategy.goals.measured'), target: t('strategy.goals.target'), projection: t('strategy.goals.projection'), format: (n) => formatNumber(lang, n, Math.abs(n) < 10 && !Number.isInteger(n) ? 1 : 0),
  }), [goal, t, lang]);

  async function remove() {
    if (!window.confirm(t('strategy.goals.confirmDelete'))) return;
    try { await api(ws(wid, 'goals', goal.id), { method: 'DELETE' }); onDeleted(); } catch (err) { toast.error(err); }
  }

  return (
    <article className="card stack-sm" data-testid="goal-card" data-status={p.status}>
      <div className="row-between">
        <h3 className="card-title" data-testid="goal-title">{goal.title}</h3>
        <Badge tone={STATUS_TONE[p.status]} testId="goal-status">{t(`strategy.status.${p.status}`)}</Badge>
      </div>
      <p className="muted small">
        {goal.metric ? t(`strategy.metric.${goal.metric}`) : t('strategy.goals.manual')}
        {' · '}{t('strategy.goals.window', { start: formatDate(lang, goal.startDate), deadline: formatDate(lang, goal.deadline) })}
        {owner && <> · {t('strategy.goals.ownerIs', { owner: owner.name || owner.email })}</>}
      </p>
      <div className="progress" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(p.percentDisplay)} aria-label={t('strategy.goals.progress')}>
        <div className="progress-bar" style={{ width: `${p.percentDisplay}%` }} />
      </div>
      <div className="goal-numbers">
        <span><span className="goal-number-label">{t('strategy.goals.baseline')}</span><strong>{fmt(goal.baseline.value)}</strong></span>
        <span data-testid="goal-current"><span className="goal-number-label">{t('strategy.goals.current')}</span><strong>{fmt(p.current.value)}</strong>{p.current.source === 'live' && <span className="muted small"> (n = {formatNumber(lang, p.current.n)})</span>}</span>
        <span><span className="goal-number-label">{t('strategy.goals.target')}</span><strong>{fmt(goal.target)}</strong></span>
      </div>
      <p className="muted small">
        {p.percent === null ? t('strategy.goals.noProgress') : t('strategy.goals.progressIs', { value: formatNumber(lang, p.percent, 0) })}
        {p.projection && <> · {t('strategy.goals.projectionIs', { value: fmt(p.projection.atDeadline) })}</>}
      </p>
      <PlanChart still option={option} height={170} label={t('strategy.goals.chartLabel', { title: goal.title })} testId="goal-chart" />
      {goal.metric === null && <CheckIns wid={wid} goal={goal} manage={manage} unit={unit} onChanged={onChanged} />}
      {(goal.specific || goal.achievable || goal.relevant) && (
        <details className="small">
          <summary>{t('strategy.goals.smartNotes')}</summary>
          <dl className="stack-sm">
            {(['specific', 'measurable', 'achievable', 'relevant', 'timeBound'] as const).filter((k) => goal[k]).map((k) => (
              <div key={k}><dt className="strong">{t(`strategy.smart.${k}`)}</dt><dd className="muted">{goal[k]}</dd></div>
            ))}
          </dl>
        </details>
      )}
      {manage && (
        <div className="row-end">
          <Button size="sm" onClick={onEdit} testId="goal-edit">{t('common.edit')}</Button>
          <Button size="sm" variant="ghost" onClick={remove}>{t('common.delete')}</Button>
        </div>
      )}
    </article>
  );
}

function CheckIns({ wid, goal, manage, unit, onChanged }: { wid: string; goal: Goal; manage: boolean; unit: string; onChanged: (g: Goal) => void }) {
  const { t } = useTranslation();
  const lang = currentUiLanguage();
  const toast = useToast();
  const [date, setDate] = useState(todayIso());
  const [value, setValue] = useState('');
  const [busy, setBusy] = useState(false);
  async function add(e: FormEvent) {
    e.preventDefault();
    if (value.trim() === '' || !Number.isFinite(Number(value))) { toast.error(t('strategy.goals.checkInValue')); return; }
    setBusy(true);
    try {
      onChanged(await api<Goal>(ws(wid, 'goals', goal.id, 'check-ins'), { method: 'POST', body: { date, value: Number(value) } }));
      setValue('');
    } catch (err) { toast.error(saveErrorText(t, err)); } finally { setBusy(false); }
  }
  async function remove(id: string) {
    try { onChanged(await api<Goal>(ws(wid, 'goal-check-ins', id), { method: 'DELETE' })); } catch (err) { toast.error(err); }
  }
  return (
    <div className="stack-sm" data-testid="goal-check-ins">
      <strong className="small">{t('strategy.goals.checkIns')}</strong>
      {goal.checkIns.length ? (
        <ul className="plain-list small">
          {goal.checkIns.map((c) => (
            <li key={c.id} className="row-between">
              <span>{formatDate(lang, c.date)} · <strong>{valueText(lang, c.value, unit)}</strong>{c.note && <span className="muted"> · {c.note}</span>}</span>
              {manage && <button type="button" className="icon-btn" onClick={() => void remove(c.id)} aria-label={t('common.delete')}>×</button>}
            </li>
          ))}
        </ul>
      ) : <p className="muted small">{t('strategy.goals.noCheckIns')}</p>}
      {manage && (
        <form className="row-wrap" style={{ gap: 8, alignItems: 'center' }} onSubmit={add}>
          <input className="input input-sm" type="date" value={date} onChange={(e) => setDate(e.target.value)} aria-label={t('strategy.goals.checkInDate')} />
          <input className="input input-sm" type="number" step="any" value={value} onChange={(e) => setValue(e.target.value)} placeholder={t('strategy.goals.checkInValue')} aria-label={t('strategy.goals.checkInValue')} data-testid="check-in-value" />
          <Button size="sm" type="submit" busy={busy} testId="check-in-add">{t('strategy.goals.addCheckIn')}</Button>
        </form>
      )}
    </div>
  );
}
