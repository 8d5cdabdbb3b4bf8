import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CASE_PRIORITIES, type CasePriority, type SlaPolicy } from '@touchpoint/shared';
import { api, ws } from '../../../lib/api';
import { fieldErrors } from '../../../lib/errors';
import { useApi } from '../../../lib/use-api';
import { Button } from '../../../ui/Button';
import { InlineError } from '../../../ui/Field';
import { Loading } from '../../../ui/Spinner';
import { Table } from '../../../ui/Table';
import { useToast } from '../../../ui/Toast';
import { DURATION_UNITS, type DurationDraft } from './durations';
import { issueText } from './issue-text';
import { LoadError } from './LoadError';
import { checkSla, slaDraft, type SlaDraft, type SlaRowDraft } from './sla-draft';

const ESCALATIONS = ['raisePriority', 'reassign', 'notifyLead'] as const;

/** Targets per priority: first response and resolution, when to warn, and what a breach sets off. */
export function SlaSection({ wid, manage }: { wid: string; manage: boolean }) {
  const { t } = useTranslation();
  const toast = useToast();
  const path = ws(wid, 'cases', 'sla');
  const policies = useApi<SlaPolicy[]>(path);
  const [d, setD] = useState<SlaDraft | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  useEffect(() => { if (policies.data) setD(slaDraft(policies.data)); }, [policies.data]);

  if (policies.error && !policies.data) return <LoadError error={policies.error} onRetry={() => void policies.reload()} />;
  if (!d || !policies.data) return <Loading />;
  const draft = d;
  const dirty = JSON.stringify(draft) !== JSON.stringify(slaDraft(policies.data));
  const setRow = (p: CasePriority, patch: Partial<SlaRowDraft>) => setD({ ...draft, [p]: { ...draft[p], ...patch } });

  async function save() {
    const c = checkSla(draft);
    setErrors(c.errors);
    if (!c.body) return;
    setBusy(true);
    try {
      policies.setData(await api<SlaPolicy[]>(path, { method: 'PUT', body: c.body }));
      toast.success(t('casesAdmin.sla.saved'));
    } catch (err) { setErrors(fieldErrors(err)); toast.error(err); } finally { setBusy(false); }
  }

  const duration = (p: CasePriority, field: 'firstResponse' | 'resolution') => {
    const value = draft[p][field];
    const errorPath = `${p}.${field}Minutes`;
    const label = t(`casesAdmin.sla.${field}`);
    const change = (next: DurationDraft) => setRow(p, { [field]: next });
    return (
      <div className="stack-sm">
        <div className="cases-duration">
          <input className="input input-sm input-num" inputMode="decimal" value={value.value} disabled={!manage} aria-invalid={errors[errorPath] ? true : undefined}
            aria-label={t('casesAdmin.sla.valueFor', { target: label, priority: t(`casesAdmin.priority.${p}`) })} data-testid={`sla-${p}-${field}`}
            onChange={(e) => change({ ...value, value: e.target.value })} />
          <select className="input input-sm select" value={value.unit} disabled={!manage} data-testid={`sla-${p}-${field}-unit`}
            aria-label={t('casesAdmin.sla.unitFor', { target: label, priority: t(`casesAdmin.priority.${p}`) })}
            onChange={(e) => change({ ...value, unit: e.target.value as DurationDraft['unit'] })}>
            {DURATION_UNITS.map((u) => <option key={u} value={u}>{t(`casesAdmin.sla.unit.${u}`)}</option>)}
          </select>
        </div>
        <InlineError messages={errors[errorPath] ? [issueText(t, errors[errorPath])!] : []} />
      </div>
    );
  };

  return (
    <div className="stack">
      <p className="notice" data-testid="sla-note">{t('casesAdmin.sla.note')}</p>
      <Table caption={t('casesAdmin.tabs.sla')} testId="sla-table">
        <thead><tr>
          <th>{t('casesAdmin.sla.priority')}</th><th>{t('casesAdmin.sla.firstResponse')}</th><th>{t('casesAdmin.sla.resolution')}</th>
          <th>{t('casesAdmin.sla.warnAt')}</th><th>{t('casesAdmin.sla.escalation')}</th>
        </tr></thead>
        <tbody>
          {CASE_PRIORITIES.map((p) => (
            <tr key={p} data-testid={`sla-row-${p}`}>
              <th scope="row">{t(`casesAdmin.priority.${p}`)}</th>
              <td>{duration(p, 'firstResponse')}</td>
              <td>{duration(p, 'resolution')}</td>
              <td>
                <span className="cases-duration">
                  <input className="input input-sm cases-percent" inputMode="numeric" value={draft[p].warnAtPercent} disabled={!manage} data-testid={`sla-${p}-warn`}
                    aria-invalid={errors[`${p}.warnAtPercent`] ? true : undefined} aria-label={t('casesAdmin.sla.warnFor', { priority: t(`casesAdmin.priority.${p}`) })}
                    onChange={(e) => setRow(p, { warnAtPercent: e.target.value })} />
                  <span className="muted">%</span>
                </span>
                <InlineError messages={errors[`${p}.warnAtPercent`] ? [issueText(t, errors[`${p}.warnAtPercent`])!] : []} />
              </td>
              <td>
                <div className="cases-escalations">
                  {ESCALATIONS.map((e) => (
                    <label key={e} className="check small">
                      <input type="checkbox" checked={draft[p][e]} disabled={!manage} onChange={(ev) => setRow(p, { [e]: ev.target.checked })} data-testid={`sla-${p}-${e}`} />
                      <span>{t(`casesAdmin.sla.${e}`)}</span>
                    </label>
                  ))}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </Table>
      <p className="muted small">{t('casesAdmin.sla.unitHint')}</p>
      {manage && (
        <div className="row-wrap">
          <Button variant="primary" busy={busy} disabled={!dirty} onClick={() => void save()} testId="sla-save">{t('common.save')}</Button>
          {dirty && <Button variant="ghost" onClick={() => { setD(slaDraft(policies.data!)); setErrors({}); }} testId="sla-reset">{t('casesAdmin.agents.reset')}</Button>}
        </div>
      )}
    </div>
  );
}
