import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ws } from '../../../lib/api';
import { formatNumber } from '../../../lib/format';
import { currentUiLanguage } from '../../../lib/i18n';
import { useApi } from '../../../lib/use-api';
import { useWorkspace } from '../../../app/workspace-context';
import { Button } from '../../../ui/Button';
import { Field } from '../../../ui/Field';
import { Loading } from '../../../ui/Spinner';
import { useToast } from '../../../ui/Toast';
import type { MetricSettings, MetricSettingsSaved } from '../types';
import { META_KEY } from '../url-state';
import { LoadError } from './LoadError';

const MAX_DIMENSIONS = 10;

/** The metric time zone and the analysed metadata keys; saving recounts, and says how long it took. */
export function TimeZoneCard({ manage }: { manage: boolean }) {
  const { t } = useTranslation();
  const lang = currentUiLanguage();
  const toast = useToast();
  const { workspace } = useWorkspace();
  const { data, error, setData } = useApi<MetricSettings>(ws(workspace.id, 'metrics', 'settings'));
  const [zone, setZone] = useState('UTC');
  const [dims, setDims] = useState<string[]>([]);
  const [newDim, setNewDim] = useState('');
  const [busy, setBusy] = useState(false);
  const [rebuilt, setRebuilt] = useState<MetricSettingsSaved['rebuilt']>(null);
  useEffect(() => { if (data) { setZone(data.timeZone); setDims(data.dimensions); } }, [data]);
  const zones = useMemo(() => { try { return Intl.supportedValuesOf('timeZone'); } catch { return []; } }, []);
  const changed = !!data && (zone !== data.timeZone || dims.join(',') !== data.dimensions.join(','));

  function addDim(e: FormEvent) {
    e.preventDefault();
    const k = newDim.trim();
    if (!META_KEY.test(k) || dims.includes(k) || dims.length >= MAX_DIMENSIONS) return;
    setDims([...dims, k]);
    setNewDim('');
  }
  async function save() {
    setBusy(true);
    try {
      const r = await api<MetricSettingsSaved>(ws(workspace.id, 'metrics', 'settings'), { method: 'PUT', body: { timeZone: zone, dimensions: dims } });
      setData({ timeZone: r.timeZone, dimensions: r.dimensions, updatedAt: r.updatedAt });
      setRebuilt(r.rebuilt);
      toast.success(t('metricSettings.saved'));
    } catch (err) { toast.error(err); } finally { setBusy(false); }
  }

  if (error && !data) return <LoadError error={error} />;
  if (!data) return <Loading />;
  return (
    <section className="card" aria-labelledby="ms-zone" data-testid="metric-zone-card">
      <div>
        <h2 className="card-title" id="ms-zone">{t('metricSettings.zoneTitle')}</h2>
        <p className="muted small">{t('metricSettings.zoneHint')}</p>
      </div>
      <Field label={t('metricSettings.timeZone')}>
        {(p) => (
          <select {...p} className="input select" value={zone} onChange={(e) => setZone(e.target.value)} disabled={!manage} data-testid="metric-zone">
            {[...new Set([zone, 'UTC', ...zones])].map((z) => <option key={z} value={z}>{z}</option>)}
          </select>
        )}
      </Field>
      <div className="stack-sm">
        <span className="field-label">{t('metricSettings.dimensions', { max: MAX_DIMENSIONS })}</span>
        <p className="field-hint">{t('metricSettings.dimensionsHint')}</p>
        <div className="dims" data-testid="metric-dims">
          {dims.length ? dims.map((d) => (
            <span key={d} className="dim-chip">{d}
              {manage && <button type="button" className="icon-btn" aria-label={t('metricSettings.removeDimension', { key: d })} onClick={() => setDims(dims.filter((x) => x !== d))}>×</button>}
            </span>
          )) : <span className="muted small">{t('metricSettings.noDimensions')}</span>}
        </div>
        {manage && dims.length < MAX_DIMENSIONS && (
          <form className="inline-form" onSubmit={addDim}>
            <input className="input input-sm" value={newDim} onChange={(e) => setNewDim(e.target.value)} placeholder="plan" maxLength={64} aria-label={t('metricSettings.addDimension')} data-testid="metric-dim-input" />
            <Button type="submit" size="sm" disabled={!META_KEY.test(newDim.trim()) || dims.includes(newDim.trim())} testId="metric-dim-add">{t('metricSettings.addDimension')}</Button>
          </form>
        )}
      </div>
      {manage && (
        <div className="row-wrap">
          <Button variant="primary" busy={busy} disabled={!changed} onClick={() => void save()} testId="metric-settings-save">{t('metricSettings.saveRecount')}</Button>
          {busy && <span className="muted small">{t('metricSettings.recounting')}</span>}
        </div>
      )}
      {rebuilt && (
        <p className="notice" role="status" data-testid="metric-rebuilt">
          {t('metricSettings.rebuilt', { responses: formatNumber(lang, rebuilt.responses), cells: formatNumber(lang, rebuilt.cells), seconds: formatNumber(lang, rebuilt.seconds, 1) })}
        </p>
      )}
    </section>
  );
}
