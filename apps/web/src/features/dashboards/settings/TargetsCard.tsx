import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ws } from '../../../lib/api';
import { fieldErrors } from '../../../lib/errors';
import { formatDate } from '../../../lib/format';
import { currentUiLanguage } from '../../../lib/i18n';
import type { Items, Survey } from '../../../lib/types';
import { useApi } from '../../../lib/use-api';
import { useWorkspace } from '../../../app/workspace-context';
import { Button } from '../../../ui/Button';
import { Field } from '../../../ui/Field';
import { Loading } from '../../../ui/Spinner';
import { Table } from '../../../ui/Table';
import { useToast } from '../../../ui/Toast';
import { metricLabel } from '../labels';
import { SCORE_METRICS, formatMetric } from '../metric-values';
import { addMonths, todayIn } from '../periods';
import type { ScoreMetric, Target } from '../types';
import { LoadError } from './LoadError';

const EMPTY = { metric: 'nps' as ScoreMetric, operator: '>=' as Target['operator'], value: '', due: '', surveyId: '' };

/** "NPS ≥ 50 by 2027-06-30": shown on value tiles (progress) and trend tiles (a line). */
export function TargetsCard({ manage }: { manage: boolean }) {
  const { t } = useTranslation();
  const lang = currentUiLanguage();
  const toast = useToast();
  const { workspace } = useWorkspace();
  const { data, error, reload } = useApi<Target[]>(ws(workspace.id, 'metrics', 'targets'));
  const surveys = useApi<Items<Survey>>(ws(workspace.id, 'surveys'));
  const names = new Map((surveys.data?.items ?? []).map((s) => [s.id, s.name]));
  const [form, setForm] = useState({ ...EMPTY, due: addMonths(todayIn('UTC'), 6) });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState<string | null>(null);

  async function add(e: FormEvent) {
    e.preventDefault();
    setBusy('add'); setErrors({});
    try {
      await api(ws(workspace.id, 'metrics', 'targets'), { method: 'POST', body: { metric: form.metric, operator: form.operator, value: Number(form.value), due: form.due, surveyId: form.surveyId || null } });
      toast.success(t('metricSettings.targetAdded'));
      setForm({ ...form, value: '' });
      await reload();
    } catch (err) { setErrors(fieldErrors(err)); toast.error(err); } finally { setBusy(null); }
  }
  async function remove(id: string) {
    setBusy(id);
    try { await api(ws(workspace.id, 'metrics', 'targets', id), { method: 'DELETE' }); await reload(); } catch (err) { toast.error(err); } finally { setBusy(null); }
  }

  if (error && !data) return <LoadError error={error} />;
  if (!data) return <Loading />;
  return (
    <section className="card" aria-labelledby="ms-targets" data-testid="targets-card">
      <div>
        <h2 className="card-title" id="ms-targets">{t('metricSettings.targetsTitle')}</h2>
        <p className="muted small">{t('metricSettings.targetsHint')}</p>
      </div>
      {data.length ? (
        <Table caption={t('metricSettings.targetsTitle')} testId="targets-table">
          <thead><tr><th>{t('metricSettings.metric')}</th><th>{t('metricSettings.goal')}</th><th>{t('metricSettings.due')}</th><th>{t('metricSettings.scope')}</th>{manage && <th><span className="sr-only">{t('common.actions')}</span></th>}</tr></thead>
          <tbody>
            {data.map((x) => (
              <tr key={x.id} data-testid="target-row">
                <td>{metricLabel(t, x.metric)}</td>
                <td className="num">{x.operator === '>=' ? '≥' : '≤'} {formatMetric(lang, x.metric, x.value)}</td>
                <td className="nowrap">{formatDate(lang, x.due)}</td>
                <td className="muted">{x.surveyId ? names.get(x.surveyId) ?? x.surveyId : t('metricSettings.allSurveys')}</td>
                {manage && <td className="right"><Button size="sm" variant="ghost" busy={busy === x.id} onClick={() => void remove(x.id)} testId="target-delete">{t('common.delete')}</Button></td>}
              </tr>
            ))}
          </tbody>
        </Table>
      ) : <p className="muted small">{t('metricSettings.noTargets')}</p>}
      {manage && (
        <form className="inline-form" onSubmit={add} data-testid="target-form">
          <Field label={t('metricSettings.metric')}>
            {(p) => <select {...p} className="input select" value={form.metric} onChange={(e) => setForm({ ...form, metric: e.target.value as ScoreMetric })} data-testid="target-metric">
              {SCORE_METRICS.map((m) => <option key={m} value={m}>{metricLabel(t, m)}</option>)}
            </select>}
          </Field>
          <Field label={t('metricSettings.operator')}>
            {(p) => <select {...p} className="input select" value={form.operator} onChange={(e) => setForm({ ...form, operator: e.target.value as Target['operator'] })}>
              <option value=">=">≥</option><option value="<=">≤</option>
            </select>}
          </Field>
          <Field label={t('metricSettings.value')} error={errors.value}>
            {(p) => <input {...p} className="input input-num" type="number" step="any" min={form.metric === 'sentiment' ? -1 : -100} max={form.metric === 'sentiment' ? 1 : 100} required value={form.value} onChange={(e) => setForm({ ...form, value: e.target.value })} data-testid="target-value" />}
          </Field>
          <Field label={t('metricSettings.due')} error={errors.due}>
            {(p) => <input {...p} className="input" type="date" required value={form.due} onChange={(e) => setForm({ ...form, due: e.target.value })} data-testid="target-due" />}
          </Field>
          <Field label={t('metricSettings.scope')}>
            {(p) => <select {...p} className="input select" value={form.surveyId} onChange={(e) => setForm({ ...form, surveyId: e.target.value })}>
              <option value="">{t('metricSettings.allSurveys')}</option>
              {(surveys.data?.items ?? []).map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
            </select>}
          </Field>
          <Button type="submit" variant="primary" busy={busy === 'add'} disabled={form.value === '' || !form.due} testId="target-add">{t('metricSettings.addTarget')}</Button>
        </form>
      )}
    </section>
  );
}
