import { useCallback, useEffect, useMemo, useState, type FormEvent } from 'react';
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
import type { RecountProgress } from '@touchpoint/shared';
import type { MetricSettings } from '../types';
import { META_KEY } from '../url-state';
import { LoadError } from './LoadError';
import { useWorkspaceStream, type RecountFrame } from '../use-workspace-stream';

const MAX_DIMENSIONS = 10;
const POLL_MS = 5000;
const noRefresh = () => {};

/**
 * The metric time zone and the analysed metadata keys. Saving starts a recount on the server,
 * which runs in the background: its progress is polled every second until it is done.
 */
export function TimeZoneCard({ manage }: { manage: boolean }) {
  const { t } = useTranslation();
  const lang = currentUiLanguage();
  const toast = useToast();
  const { workspace } = useWorkspace();
  const path = ws(workspace.id, 'metrics', 'settings');
  const { data, error, setData } = useApi<MetricSettings>(path);
  const [zone, setZone] = useState('UTC');
  const [dims, setDims] = useState<string[]>([]);
  const [newDim, setNewDim] = useState('');
  const [busy, setBusy] = useState(false);
  const [recount, setRecount] = useState<RecountProgress | null>(null);
  const [finished, setFinished] = useState(false);
  useEffect(() => { if (data) { setZone(data.timeZone); setDims(data.dimensions); setRecount(data.recount); } }, [data]);
  // Progress arrives on the workspace's live stream; the poll below is the safety net (a recount
  // run by the CLI in another process publishes nothing here).
  useWorkspaceStream(workspace.id, noRefresh, useCallback((f: RecountFrame) => {
    if (f.finished) { setRecount(null); setFinished(true); }
    else setRecount((r) => ({ done: f.done, total: f.total, startedAt: r?.startedAt ?? new Date().toISOString() }));
  }, []));
  // Each answer sets a new progress object, which schedules the next poll; a failed poll retries.
  useEffect(() => {
    if (!recount) return;
    let live = true;
    const timer = setTimeout(() => {
      api<MetricSettings>(path).then((r) => {
        if (!live) return;
        setRecount(r.recount);
        if (!r.recount) setFinished(true);
      }, () => { if (live) setRecount({ ...recount }); });
    }, POLL_MS);
    return () => { live = false; clearTimeout(timer); };
  }, [recount, path]);
  const pct = recount ? (recount.total ? Math.min(100, Math.floor((recount.done / recount.total) * 100)) : 100) : 0;
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
      const r = await api<MetricSettings>(path, { method: 'PUT', body: { timeZone: zone, dimensions: dims } });
      setData(r);
      setFinished(false);
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
        </div>
      )}
      {recount && (
        <div className="stack-sm" role="status" data-testid="metric-recount">
          <div className="progress" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct} aria-label={t('metricSettings.recountProgress')}>
            <div className="progress-bar" style={{ width: `${pct}%` }} />
          </div>
          <p className="small">{t('metricSettings.recountRunning', { done: formatNumber(lang, recount.done), total: formatNumber(lang, Math.max(recount.total, recount.done)), pct })}</p>
          <p className="muted small">{t('metricSettings.recountHint')}</p>
        </div>
      )}
      {!recount && finished && <p className="notice" role="status" data-testid="metric-recount-done">{t('metricSettings.recountDone')}</p>}
    </section>
  );
}
