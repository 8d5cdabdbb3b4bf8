/**
 * One initiative: its Template 2 fields, the actual change after launch, and its business case,
 * edited with results computed in the browser as the user types (the same `analyzeBusinessCase`
 * the server runs) and saved with PUT; the case downloads as a PDF report in the UI language.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BusinessCaseAnalysis, Initiative, InitiativePatch, Segment } from '@touchpoint/shared';
import { api, ApiError, withQuery, ws } from '../../lib/api';
import { currentUiLanguage } from '../../lib/i18n';
import { formatDateTime } from '../../lib/format';
import type { Items, Member } from '../../lib/types';
import { useApi } from '../../lib/use-api';
import { PageHeader } from '../../app/Shell';
import { navigate } from '../../app/router';
import { StrategySections } from '../../app/StrategySections';
import { useWorkspace } from '../../app/workspace-context';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { EmptyState } from '../../ui/EmptyState';
import { Modal } from '../../ui/Modal';
import { Loading } from '../../ui/Spinner';
import { useToast } from '../../ui/Toast';
import { downloadReportPdf } from '../../ui/report-pdf';
import { ActualVsExpected } from './ActualVsExpected';
import { BusinessCaseEditor } from './BusinessCaseEditor';
import { CaseReport } from './CaseReport';
import { CashFlowChart, KpiCards, ScenariosTable, TornadoChart } from './CaseResults';
import { InitiativeForm } from './InitiativeForm';
import { analyze, emptyCase, validateDraft, type Draft } from './business-case-draft';
import { PRIORITY_TONE, STATUS_TONE } from './initiative-format';
import './initiatives.css';

const today = () => new Date().toISOString().slice(0, 10);

export function InitiativePage({ initiativeId }: { initiativeId: string }) {
  const { t } = useTranslation();
  const lang = currentUiLanguage();
  const toast = useToast();
  const { workspace, can } = useWorkspace();
  const manage = can('strategy.manage');
  const path = ws(workspace.id, 'initiatives', initiativeId);
  const state = useApi<Initiative>(path);
  const members = useApi<Items<Member>>(can('members.read') ? ws(workspace.id, 'members') : null);
  const segments = useApi<Items<Segment>>(can('customers.read') ? ws(workspace.id, 'segments') : null);
  const initiative = state.data;

  const [draft, setDraft] = useState<Draft | null>(null);
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [dirty, setDirty] = useState(false);
  const [saving, setSaving] = useState(false);
  const [exporting, setExporting] = useState(false);
  const [deleting, setDeleting] = useState<'ask' | 'busy' | null>(null);
  const report = useRef<HTMLDivElement>(null);

  // A loaded (or saved) case replaces the working copy, unless the user is mid-edit.
  const loadedKey = initiative ? `${initiative.id}:${initiative.businessCaseUpdatedAt ?? ''}` : '';
  useEffect(() => {
    if (!initiative || dirty) return;
    setDraft(initiative.businessCase ? structuredClone(initiative.businessCase) : null);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [loadedKey]);

  const checked = useMemo(() => (draft ? validateDraft(draft) : { input: null, errors: {} }), [draft]);
  const live = useMemo(() => analyze(checked.input), [checked.input]);
  const lastGood = useRef<{ analysis: BusinessCaseAnalysis; input: NonNullable<typeof checked.input> } | null>(null);
  if (live && checked.input) lastGood.current = { analysis: live, input: checked.input };
  const shown = live && checked.input ? { analysis: live, input: checked.input } : lastGood.current;
  const errors = { ...serverErrors, ...checked.errors };

  if (state.loading && !initiative) return <Loading />;
  if (!initiative) return <EmptyState title={t('initiatives.notFound')} text={state.error?.message ?? ''} testId="initiative-missing" />;

  const edit = (next: Draft) => { setDraft(next); setDirty(true); setServerErrors({}); };

  async function saveDetails(patch: InitiativePatch) {
    try {
      const saved = await api<Initiative>(path, { method: 'PATCH', body: { ...patch, version: initiative!.version } });
      state.setData(saved);
      toast.success(t('initiatives.saved'));
    } catch (e) {
      if (!(e instanceof ApiError && e.details.length)) toast.error(e);
      throw e;
    }
  }

  async function saveCase() {
    if (!checked.input) return;
    setSaving(true);
    try {
      const saved = await api<Initiative>(withQuery(`${path}/business-case`, { version: initiative!.version }), { method: 'PUT', body: checked.input });
      setDirty(false);
      setServerErrors({});
      setDraft(saved.businessCase ? structuredClone(saved.businessCase) : null);
      state.setData(saved);
      toast.success(t('initiatives.case.saved'));
    } catch (e) {
      if (e instanceof ApiError && e.details.length) setServerErrors(Object.fromEntries(e.details.map((d) => [d.path.replace(/^body\./, ''), d.message])));
      else toast.error(e);
    } finally { setSaving(false); }
  }

  async function downloadPdf() {
    setExporting(true);
    try {
      // Let the report mount and its charts draw (no animation) before the capture.
      await new Promise((r) => setTimeout(r, 600));
      if (report.current) await downloadReportPdf(report.current, `${initiative!.name.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '') || 'business-case'}.pdf`, t('initiatives.report.title', { name: initiative!.name }));
    } catch (e) { toast.error(e); } finally { setExporting(false); }
  }

  async function remove() {
    setDeleting('busy');
    try {
      await api(path, { method: 'DELETE' });
      toast.success(t('initiatives.deleted', { name: initiative!.name }));
      navigate(`/w/${workspace.id}/initiatives`);
    } catch (e) { toast.error(e); setDeleting('ask'); }
  }

  const canExport = !!shown && !!initiative.businessCase;
  return (
    <>
      <PageHeader
        title={initiative.name}
        back={{ to: `/w/${workspace.id}/initiatives`, label: t('initiatives.title') }}
        subtitle={<span className="row-wrap">
          <Badge tone={PRIORITY_TONE[initiative.priority]}>{t(`initiatives.priority.${initiative.priority}`)}</Badge>
          <Badge tone={STATUS_TONE[initiative.status]}>{t(`initiatives.status.${initiative.status}`)}</Badge>
          <span className="muted small">{t(`initiatives.area.${initiative.area}`)}</span>
        </span>}
        actions={<>
          {manage && <Button variant="ghost" onClick={() => setDeleting('ask')} testId="delete-initiative">{t('common.delete')}</Button>}
          {canExport && <Button icon={<span aria-hidden="true">⤓</span>} busy={exporting} onClick={() => void downloadPdf()} testId="download-pdf" data-export="skip">{t('initiatives.report.download')}</Button>}
        </>}
      />
      <StrategySections group="plan" />
      <div className="stack-lg initiative-page">
        <InitiativeForm key={`${initiative.id}:${initiative.version}`} initiative={initiative} readOnly={!manage} members={members.data?.items ?? null} segments={segments.data?.items ?? null} onSave={saveDetails} />
        {initiative.actual && <ActualVsExpected actual={initiative.actual} />}

        <section className="stack" aria-labelledby="case-title">
          <div className="section-head">
            <h2 className="section-title" id="case-title">{t('initiatives.case.title')}</h2>
            {initiative.businessCaseUpdatedAt && !manage && <span className="muted small">{t('initiatives.case.savedAt', { at: formatDateTime(lang, initiative.businessCaseUpdatedAt) })}</span>}
          </div>
          {manage && draft && (
            <div className="case-save-bar row-between" data-export="skip">
              <span className="muted small" data-testid="case-state">
                {Object.keys(errors).length ? t('initiatives.case.fixErrors') : dirty ? t('initiatives.case.unsaved')
                  : initiative.businessCaseUpdatedAt ? t('initiatives.case.savedAt', { at: formatDateTime(lang, initiative.businessCaseUpdatedAt) }) : t('initiatives.case.upToDate')}
              </span>
              <Button variant="primary" busy={saving} disabled={!checked.input || !dirty} onClick={() => void saveCase()} testId="save-case">{t('initiatives.case.save')}</Button>
            </div>
          )}
          {!draft ? (
            <EmptyState title={t('initiatives.case.none')} text={t('initiatives.case.noneText')} testId="case-empty"
              action={manage ? <Button variant="primary" onClick={() => edit(emptyCase(today(), { cost: t('initiatives.case.newCost'), benefit: t('initiatives.case.newBenefit') }, initiative.budget?.currency ?? 'USD'))} testId="start-case">{t('initiatives.case.start')}</Button> : undefined} />
          ) : <>
            {shown && <>
              <div className={!live ? 'case-stale' : undefined} data-testid="case-results">
                <KpiCards analysis={shown.analysis} input={shown.input} />
              </div>
              <div className="chart-grid">
                <div className="card chart-card"><div className="chart-head"><h3 className="card-title">{t('initiatives.chart.cashFlow')}</h3></div><CashFlowChart analysis={shown.analysis} /></div>
                <div className="card chart-card"><div className="chart-head"><h3 className="card-title">{t('initiatives.chart.tornado')}</h3></div><TornadoChart analysis={shown.analysis} input={shown.input} /></div>
              </div>
              <div className="card stack-sm"><h3 className="card-title">{t('initiatives.scenario.title')}</h3><ScenariosTable analysis={shown.analysis} input={shown.input} /></div>
            </>}
            {initiative.measurements.length > 0 && (
              <p className="muted small" data-testid="measured-note">{t('initiatives.driver.measuredAt', { at: formatDateTime(lang, initiative.measurements[0].measuredAt), count: initiative.measurements.length })}</p>
            )}
            <BusinessCaseEditor draft={draft} onChange={edit} errors={errors} readOnly={!manage} segments={segments.data?.items ?? null} />
          </>}
        </section>
      </div>
      <Modal open={!!deleting} onClose={() => setDeleting(null)} title={t('initiatives.deleteTitle')} testId="delete-initiative-modal"
        footer={<><Button onClick={() => setDeleting(null)}>{t('common.cancel')}</Button><Button variant="danger" busy={deleting === 'busy'} onClick={() => void remove()} testId="confirm-delete-initiative">{t('common.delete')}</Button></>}>
        <p>{t('initiatives.deleteText', { name: initiative.name })}</p>
      </Modal>
      {exporting && shown && initiative.businessCase && (
        <div className="case-report-stage" aria-hidden="true">
          <CaseReport ref={report} initiative={initiative} input={shown.input} analysis={shown.analysis} />
        </div>
      )}
    </>
  );
}
