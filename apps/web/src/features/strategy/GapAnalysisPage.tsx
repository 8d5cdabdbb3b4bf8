/**
 * One CX evaluation framework: the rows as an editable table (current state live with its n, or
 * typed; the computed gap red when behind, green when ahead), current against benchmark as bars, and
 * a one-click PDF of the report block in the UI language.
 */
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GapAnalysis, GapAnalysisPatch, GapPeriod, GapRow, GapRowInput, GapRowStored, Segment } from '@touchpoint/shared';
import { api, ws } from '../../lib/api';
import type { Items } from '../../lib/types';
import { useApi } from '../../lib/use-api';
import { currentUiLanguage } from '../../lib/i18n';
import { formatDate, formatNumber } from '../../lib/format';
import { PageHeader } from '../../app/Shell';
import { StrategySections } from '../../app/StrategySections';
import { navigate } from '../../app/router';
import { useWorkspace } from '../../app/workspace-context';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { EmptyState } from '../../ui/EmptyState';
import { Icon } from '../../ui/icons';
import { Spinner } from '../../ui/Spinner';
import { useToast } from '../../ui/Toast';
import { downloadReportPdf } from '../../ui/report-pdf';
import { GapRowModal } from './GapRowModal';
import { PlanChart } from '../../ui/PlanChart';
import { gapBarsOption, numericRows } from './strategy-charts';
import { criterionLabel, gapText, saveErrorText, valueText } from './strategy-format';
import './strategy.css';

const PERIODS = [30, 90, 180, 365];
/** The stored part of a row (what PATCH takes back). */
const stored = ({ resolved: _r, gap: _g, ...r }: GapRow): GapRowStored => r;

export function GapAnalysisPage({ analysisId }: { analysisId: string }) {
  const { t } = useTranslation();
  const lang = currentUiLanguage();
  const toast = useToast();
  const { workspace, can } = useWorkspace();
  const manage = can('strategy.manage');
  const path = ws(workspace.id, 'gap-analyses', analysisId);
  const { data: a, error, setData } = useApi<GapAnalysis>(path);
  const segments = useApi<Items<Segment>>(can('customers.read') ? ws(workspace.id, 'segments') : null);
  const [editing, setEditing] = useState<GapRowStored | 'new' | null>(null);
  const [busy, setBusy] = useState(false);
  const [exporting, setExporting] = useState(false);
  const report = useRef<HTMLDivElement>(null);

  async function save(patch: GapAnalysisPatch): Promise<boolean> {
    if (!a) return false;
    setBusy(true);
    try {
      setData(await api<GapAnalysis>(path, { method: 'PATCH', body: { ...patch, version: a.version } }));
      return true;
    } catch (err) { toast.error(saveErrorText(t, err)); return false; } finally { setBusy(false); }
  }
  const rowsWith = (change: (rows: GapRowStored[]) => GapRowInput[]) => save({ rows: change(a!.rows.map(stored)) });
  const move = (i: number, by: number) => rowsWith((rows) => { const r = [...rows]; [r[i], r[i + by]] = [r[i + by], r[i]]; return r; });

  async function saveRow(row: GapRowInput) {
    const ok = await rowsWith((rows) => (editing === 'new' ? [...rows, row] : rows.map((r) => (r.id === row.id ? row : r))));
    if (ok) setEditing(null);
  }
  async function remove() {
    if (!window.confirm(t('strategy.gaps.confirmDelete'))) return;
    try { await api(path, { method: 'DELETE' }); navigate(`/w/${workspace.id}/gap-analyses`); } catch (err) { toast.error(err); }
  }
  async function pdf() {
    if (!report.current || !a) return;
    setExporting(true);
    report.current.classList.add('is-exporting');
    try {
      await downloadReportPdf(report.current, `${a.name.replace(/[\\/:*?"<>|]+/g, ' ').trim() || 'gap-analysis'}.pdf`, a.name);
    } catch (err) { toast.error(err); } finally { report.current?.classList.remove('is-exporting'); setExporting(false); }
  }

  const chart = useMemo(() => a && gapBarsOption(a.rows, {
    label: (r) => criterionLabel(t, r), current: t('strategy.gap.current'), benchmark: t('strategy.gap.benchmark'), format: (n) => formatNumber(lang, n, Number.isInteger(n) ? 0 : 1),
  }), [a, t, lang]);

  if (error) return <EmptyState title={t('errors.loadFailed')} text={saveErrorText(t, error)} />;
  if (!a) return <Spinner />;
  const periodValue = a.period.kind === 'last_days' ? String(a.period.days) : 'range';

  return (
    <>
      <PageHeader
        title={a.name}
        back={{ to: `/w/${workspace.id}/gap-analyses`, label: t('strategy.gaps.title') }}
        actions={(
          <>
            <Button icon={<Icon name="download" />} onClick={pdf} busy={exporting} testId="gap-pdf">{t('strategy.gaps.downloadPdf')}</Button>
            {manage && <Button variant="danger" icon={<Icon name="trash" />} onClick={remove} testId="gap-delete">{t('common.delete')}</Button>}
          </>
        )}
      />
      <StrategySections group="compete" />
      {manage && (
        <div className="strategy-controls" data-testid="gap-controls">
          <label className="field" style={{ minWidth: 280 }}>
            <span className="field-label">{t('strategy.gaps.name')}</span>
            <input className="input" defaultValue={a.name} key={a.version} onBlur={(e) => { const v = e.target.value.trim(); if (v && v !== a.name) void save({ name: v }); }} data-testid="gap-name" />
          </label>
          <label className="field">
            <span className="field-label">{t('strategy.gaps.period')}</span>
            <select className="input select" value={periodValue} data-testid="gap-period" onChange={(e) => {
              const v = e.target.value;
              const period: GapPeriod = v === 'range' ? { kind: 'range', from: a.range.from, to: a.range.to } : { kind: 'last_days', days: Number(v) };
              void save({ period });
            }}>
              {PERIODS.map((d) => <option key={d} value={d}>{t('strategy.gaps.lastDays', { count: d })}</option>)}
              <option value="range">{t('strategy.gaps.fixedRange')}</option>
            </select>
          </label>
          {a.period.kind === 'range' && (['from', 'to'] as const).map((k) => (
            <label className="field" key={k}>
              <span className="field-label">{t(`strategy.gaps.${k}`)}</span>
              <input className="input" type="date" defaultValue={a.range[k]} key={`${k}${a.version}`} onBlur={(e) => { if (a.period.kind === 'range' && e.target.value && e.target.value !== a.range[k]) void save({ period: { ...a.period, [k]: e.target.value } }); }} data-testid={`gap-${k}`} />
            </label>
          ))}
          <Button variant="primary" icon={<Icon name="plus" />} onClick={() => setEditing('new')} testId="gap-add-row">{t('strategy.row.add')}</Button>
        </div>
      )}

      <div className="report-export strategy-report" ref={report} data-testid="gap-report">
        <div data-report-block className="stack-sm">
          <h2 className="strategy-report-title">{a.name}</h2>
          <p className="muted small" data-testid="gap-range">{t('strategy.gaps.liveRange', { from: formatDate(lang, a.range.from), to: formatDate(lang, a.range.to) })}</p>
        </div>
        <div data-report-block>
          {a.rows.length ? <GapTable rows={a.rows} manage={manage} busy={busy} onEdit={(r) => setEditing(stored(r))} onMove={move} onDelete={(i) => void rowsWith((rows) => rows.filter((_, j) => j !== i))} />
            : <EmptyState title={t('strategy.gaps.noRows')} text={t('strategy.gaps.noRowsText')} />}
        </div>
        {chart && numericRows(a.rows).length > 0 && (
          <div data-report-block className="card">
            <h3 className="card-title">{t('strategy.gaps.chartTitle')}</h3>
            <PlanChart still option={chart} height={280} label={t('strategy.gaps.chartTitle')} testId="gap-chart" />
          </div>
        )}
      </div>
      {editing && <GapRowModal row={editing === 'new' ? null : editing} segments={segments.data?.items ?? null} busy={busy} onClose={() => setEditing(null)} onSave={saveRow} />}
    </>
  );
}

function GapTable({ rows, manage, busy, onEdit, onMove, onDelete }: { rows: GapRow[]; manage: boolean; busy: boolean; onEdit: (r: GapRow) => void; onMove: (i: number, by: number) => void; onDelete: (i: number) => void }) {
  const { t } = useTranslation();
  const lang = currentUiLanguage();
  return (
    <div className="table-wrap">
      <table className="table gap-table" data-testid="gap-table">
        <colgroup>{[14, 13, 16, 15, 16, 15, 11].map((w, i) => <col key={i} style={{ width: `${w}%` }} />)}</colgroup>
        <thead>
          <tr>
            <th>{t('strategy.row.criterion')}</th><th>{t('strategy.gap.current')}</th><th>{t('strategy.gap.benchmark')}</th><th>{t('strategy.gap.gap')}</th>
            <th>{t('strategy.row.improvement')}</th><th>{t('strategy.row.benefit')}</th><th>{t('strategy.row.priority')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => {
            const benchUnit = r.benchmark?.kind === 'number' ? r.benchmark.unit : '';
            const unit = r.resolved.unit || benchUnit;
            const g = r.gap && gapText(t, lang, r.gap, unit);
            return (
              <tr key={r.id} data-testid={`gap-row-${r.criterion}`}>
                <td className="gap-criterion">
                  <strong>{criterionLabel(t, r)}</strong>
                  {r.owner && <div className="muted small">{t('strategy.row.ownerIs', { owner: r.owner })}</div>}
                  {manage && (
                    <div className="gap-row-actions" data-export="skip">
                      <button type="button" className="icon-btn" disabled={busy} onClick={() => onEdit(r)} aria-label={t('common.edit')} title={t('common.edit')} data-testid="gap-row-edit">✎</button>
                      <button type="button" className="icon-btn" disabled={busy || i === 0} onClick={() => onMove(i, -1)} aria-label={t('strategy.row.up')} title={t('strategy.row.up')}><Icon name="up" /></button>
                      <button type="button" className="icon-btn" disabled={busy || i === rows.length - 1} onClick={() => onMove(i, 1)} aria-label={t('strategy.row.down')} title={t('strategy.row.down')}><Icon name="down" /></button>
                      <button type="button" className="icon-btn" disabled={busy} onClick={() => onDelete(i)} aria-label={t('common.delete')} title={t('common.delete')}><Icon name="trash" /></button>
                    </div>
                  )}
                </td>
                <td data-testid="gap-current">
                  {r.resolved.text ?? valueText(lang, r.resolved.value, r.resolved.unit)}
                  {r.current.kind === 'live' && (
                    <div className="small">
                      {r.resolved.source === 'live'
                        ? <Badge tone="info" testId="gap-live-badge">{t('strategy.gap.live', { metric: t(`strategy.metric.${r.current.metric}`), count: r.resolved.n ?? 0 })}</Badge>
                        : <Badge tone="warning" testId="gap-fallback-badge">{t('strategy.gap.fallback', { metric: t(`strategy.metric.${r.current.metric}`) })}</Badge>}
                    </div>
                  )}
                </td>
                <td>
                  {r.benchmark ? (r.benchmark.kind === 'number' ? valueText(lang, r.benchmark.value, r.benchmark.unit) : r.benchmark.text) : '—'}
                  {(r.competitor || r.source) && <div className="muted small">{[r.competitor, r.source].filter(Boolean).join(' · ')}</div>}
                </td>
                <td data-testid="gap-value">
                  {g ? <><Badge tone={g.tone}>{g.text}</Badge>{g.share && <div className="muted small">{g.share}</div>}</> : <span className="muted small">{t('strategy.gap.notNumeric')}</span>}
                </td>
                <td className="small">{r.improvement || '—'}</td>
                <td className="small">{r.benefit || '—'}{r.roi !== null && <div className="muted">{t('strategy.row.roiIs', { value: formatNumber(lang, r.roi, 1) })}</div>}</td>
                <td className="gap-priority"><Badge tone={r.priority === 'high' ? 'danger' : r.priority === 'medium' ? 'warning' : 'neutral'}>{t(`strategy.priority.${r.priority}`)}</Badge></td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
