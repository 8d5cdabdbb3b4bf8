import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ws } from '../../../lib/api';
import { fieldErrors } from '../../../lib/errors';
import { formatDate } from '../../../lib/format';
import { currentUiLanguage } from '../../../lib/i18n';
import { useApi } from '../../../lib/use-api';
import { useWorkspace } from '../../../app/workspace-context';
import { Button } from '../../../ui/Button';
import { Field } from '../../../ui/Field';
import { Loading } from '../../../ui/Spinner';
import { Table } from '../../../ui/Table';
import { useToast } from '../../../ui/Toast';
import { metricLabel } from '../labels';
import { SCORE_METRICS, formatMetric } from '../metric-values';
import { todayIn } from '../periods';
import type { Benchmark, ScoreMetric } from '../types';
import { LoadError } from './LoadError';

const EMPTY = { metric: 'nps' as ScoreMetric, kind: 'industry' as Benchmark['kind'], label: '', value: '', source: '', asOf: '' };

/** Outside reference values with where they come from and when; value tiles show the gap to them. */
export function BenchmarksCard({ manage }: { manage: boolean }) {
  const { t } = useTranslation();
  const lang = currentUiLanguage();
  const toast = useToast();
  const { workspace } = useWorkspace();
  const { data, error, reload } = useApi<Benchmark[]>(ws(workspace.id, 'metrics', 'benchmarks'));
  const [form, setForm] = useState({ ...EMPTY, asOf: todayIn('UTC') });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState<string | null>(null);
  const set = (patch: Partial<typeof form>) => setForm({ ...form, ...patch });

  async function add(e: FormEvent) {
    e.preventDefault();
    setBusy('add'); setErrors({});
    try {
      await api(ws(workspace.id, 'metrics', 'benchmarks'), { method: 'POST', body: { ...form, label: form.label.trim(), source: form.source.trim(), value: Number(form.value) } });
      toast.success(t('metricSettings.benchmarkAdded'));
      setForm({ ...form, label: '', value: '', source: '' });
      await reload();
    } catch (err) { setErrors(fieldErrors(err)); toast.error(err); } finally { setBusy(null); }
  }
  async function remove(id: string) {
    setBusy(id);
    try { await api(ws(workspace.id, 'metrics', 'benchmarks', id), { method: 'DELETE' }); await reload(); } catch (err) { toast.error(err); } finally { setBusy(null); }
  }

  if (error && !data) return <LoadError error={error} />;
  if (!data) return <Loading />;
  return (
    <section className="card" aria-labelledby="ms-bench" data-testid="benchmarks-card">
      <div>
        <h2 className="card-title" id="ms-bench">{t('metricSettings.benchmarksTitle')}</h2>
        <p className="muted small">{t('metricSettings.benchmarksHint')}</p>
      </div>
      {data.length ? (
        <Table caption={t('metricSettings.benchmarksTitle')} testId="benchmarks-table">
          <thead><tr><th>{t('metricSettings.metric')}</th><th>{t('metricSettings.label')}</th><th>{t('metricSettings.value')}</th><th>{t('metricSettings.source')}</th><th>{t('metricSettings.asOf')}</th>{manage && <th><span className="sr-only">{t('common.actions')}</span></th>}</tr></thead>
          <tbody>
            {data.map((b) => (
              <tr key={b.id} data-testid="benchmark-row">
                <td>{metricLabel(t, b.metric)}</td>
                <td>{b.label} <span className="muted small">· {t(`dashboards.benchmarkKind.${b.kind}`)}</span></td>
                <td className="num">{formatMetric(lang, b.metric, b.value)}</td>
                <td className="details-cell" title={b.source}>{b.source}</td>
                <td className="nowrap muted">{formatDate(lang, b.asOf)}</td>
                {manage && <td className="right"><Button size="sm" variant="ghost" busy={busy === b.id} onClick={() => void remove(b.id)} testId="benchmark-delete">{t('common.delete')}</Button></td>}
              </tr>
            ))}
          </tbody>
        </Table>
      ) : <p className="muted small">{t('metricSettings.noBenchmarks')}</p>}
      {manage && (
        <form className="inline-form" onSubmit={add} data-testid="benchmark-form">
          <Field label={t('metricSettings.metric')}>
            {(p) => <select {...p} className="input select" value={form.metric} onChange={(e) => set({ metric: e.target.value as ScoreMetric })}>
              {SCORE_METRICS.map((m) => <option key={m} value={m}>{metricLabel(t, m)}</option>)}
            </select>}
          </Field>
          <Field label={t('metricSettings.kind')}>
            {(p) => <select {...p} className="input select" value={form.kind} onChange={(e) => set({ kind: e.target.value as Benchmark['kind'] })}>
              <option value="industry">{t('dashboards.benchmarkKind.industry')}</option>
              <option value="competitor">{t('dashboards.benchmarkKind.competitor')}</option>
            </select>}
          </Field>
          <Field label={t('metricSettings.label')} error={errors.label}>
            {(p) => <input {...p} className="input" required maxLength={120} value={form.label} onChange={(e) => set({ label: e.target.value })} placeholder={t('metricSettings.labelPlaceholder')} data-testid="benchmark-label" />}
          </Field>
          <Field label={t('metricSettings.value')} error={errors.value}>
            {(p) => <input {...p} className="input input-num" type="number" step="any" min={form.metric === 'sentiment' ? -1 : -100} max={form.metric === 'sentiment' ? 1 : 100} required value={form.value} onChange={(e) => set({ value: e.target.value })} data-testid="benchmark-value" />}
          </Field>
          <Field label={t('metricSettings.source')} error={errors.source}>
            {(p) => <input {...p} className="input" required maxLength={500} value={form.source} onChange={(e) => set({ source: e.target.value })} placeholder={t('metricSettings.sourcePlaceholder')} data-testid="benchmark-source" />}
          </Field>
          <Field label={t('metricSettings.asOf')} error={errors.asOf}>
            {(p) => <input {...p} className="input" type="date" required value={form.asOf} onChange={(e) => set({ asOf: e.target.value })} />}
          </Field>
          <Button type="submit" variant="primary" busy={busy === 'add'} disabled={!form.label.trim() || !form.source.trim() || form.value === ''} testId="benchmark-add">{t('metricSettings.addBenchmark')}</Button>
        </form>
      )}
    </section>
  );
}
