import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ws } from '../../../lib/api';
import { formatDateTime, formatNumber, formatPercent } from '../../../lib/format';
import { currentUiLanguage } from '../../../lib/i18n';
import { useApi } from '../../../lib/use-api';
import { useWorkspace } from '../../../app/workspace-context';
import { Badge } from '../../../ui/Badge';
import { Button } from '../../../ui/Button';
import { Field } from '../../../ui/Field';
import { Loading } from '../../../ui/Spinner';
import { Table } from '../../../ui/Table';
import { useToast } from '../../../ui/Toast';
import type { CxIndexState } from '../types';
import { LoadError } from './LoadError';

/** Sentiment joined later: versions saved before it come back from the server with weight 0. */
const PARTS = ['nps', 'csat', 'ces', 'sentiment'] as const;
type Weights = CxIndexState['weights'];

/** The CX index weights in force, a form for new ones (each save is a new version) and the history. */
export function CxIndexCard({ manage }: { manage: boolean }) {
  const { t } = useTranslation();
  const lang = currentUiLanguage();
  const toast = useToast();
  const { workspace } = useWorkspace();
  const { data, error, reload } = useApi<CxIndexState>(ws(workspace.id, 'metrics', 'cx-index'));
  const [weights, setWeights] = useState<Weights>({ nps: 1, csat: 1, ces: 1, sentiment: 0 });
  const [busy, setBusy] = useState(false);
  useEffect(() => { if (data) setWeights(data.weights); }, [data]);
  const total = (w: Weights) => PARTS.reduce((a, p) => a + w[p], 0);
  const sum = total(weights);
  const valid = PARTS.every((p) => weights[p] >= 0 && weights[p] <= 100) && sum > 0;
  const changed = !!data && PARTS.some((p) => weights[p] !== data.weights[p]);
  const shares = (w: Weights) => PARTS.map((p) => `${t(`kpi.${p}`)} ${formatPercent(lang, w[p] / (total(w) || 1))}`).join(' · ');

  async function save() {
    setBusy(true);
    try {
      const v = await api<{ version: number }>(ws(workspace.id, 'metrics', 'cx-index'), { method: 'PUT', body: weights });
      toast.success(t('metricSettings.weightsSaved', { version: v.version }));
      await reload();
    } catch (err) { toast.error(err); } finally { setBusy(false); }
  }

  if (error && !data) return <LoadError error={error} />;
  if (!data) return <Loading />;
  return (
    <section className="card" aria-labelledby="ms-cx" data-testid="cx-index-card">
      <div>
        <h2 className="card-title" id="ms-cx">{t('metricSettings.cxTitle')} <Badge tone="accent">{data.version ? t('metricSettings.version', { version: data.version }) : t('metricSettings.defaultWeights')}</Badge></h2>
        <p className="muted small">{t('metricSettings.cxHint')}</p>
      </div>
      <div className="weights">
        {PARTS.map((p) => (
          <Field key={p} label={t(`kpi.${p}`)}>
            {(props) => <input {...props} className="input input-num" type="number" min={0} max={100} step="any" value={weights[p]} disabled={!manage}
              onChange={(e) => setWeights({ ...weights, [p]: Math.max(0, Math.min(100, Number(e.target.value) || 0)) })} data-testid={`cx-weight-${p}`} />}
          </Field>
        ))}
        {manage && <Button variant="primary" busy={busy} disabled={!valid || !changed} onClick={() => void save()} testId="cx-weights-save">{t('metricSettings.saveWeights')}</Button>}
      </div>
      <p className="muted small">{valid ? shares(weights) : t('metricSettings.weightsInvalid')}</p>
      {data.history.length > 0 && (
        <Table caption={t('metricSettings.history')} testId="cx-history">
          <thead><tr><th>{t('metricSettings.versionCol')}</th><th>{t('metricSettings.weightsCol')}</th><th>{t('metricSettings.when')}</th><th>{t('metricSettings.by')}</th></tr></thead>
          <tbody>
            {data.history.map((h) => (
              <tr key={h.version}>
                <td className="num">v{h.version}</td>
                <td>{PARTS.map((p) => `${t(`kpi.${p}`)} ${formatNumber(lang, h.weights[p], 2).replace(/\.?0+$/, '')}`).join(' · ')}</td>
                <td className="muted nowrap">{formatDateTime(lang, h.createdAt)}</td>
                <td className="muted">{h.createdBy}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </section>
  );
}
