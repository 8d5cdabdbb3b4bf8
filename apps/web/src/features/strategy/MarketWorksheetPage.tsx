/**
 * One target-market worksheet: segmentation choices (each may link a customer segment, shown with
 * its current member count), the target persona, the digital engagement strategy per platform and
 * the positioning statement. Edited as a draft and saved under the version it was loaded at.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ENGAGEMENT_PLATFORMS, SEGMENTATION_BASES, type EngagementRowInput, type Segment, type SegmentationRowInput, type Worksheet } from '@touchpoint/shared';
import { api, ws } from '../../lib/api';
import type { Items } from '../../lib/types';
import { useApi } from '../../lib/use-api';
import { currentUiLanguage } from '../../lib/i18n';
import { formatNumber } from '../../lib/format';
import { fieldErrors } from '../../lib/errors';
import { PageHeader } from '../../app/Shell';
import { StrategySections } from '../../app/StrategySections';
import { navigate } from '../../app/router';
import { useWorkspace } from '../../app/workspace-context';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { EmptyState } from '../../ui/EmptyState';
import { Field } from '../../ui/Field';
import { Icon } from '../../ui/icons';
import { Spinner } from '../../ui/Spinner';
import { useToast } from '../../ui/Toast';
import { saveErrorText } from './strategy-format';
import './strategy.css';

type Seg = SegmentationRowInput & { basis: SegmentationRowInput['basis'] };
interface Draft { name: string; currency: string; persona: string; positioning: string; segmentation: Seg[]; engagement: (EngagementRowInput & { budgetText: string })[] }

const draftOf = (w: Worksheet): Draft => ({
  name: w.name, currency: w.currency, persona: w.persona, positioning: w.positioning,
  segmentation: w.segmentation.map(({ segment: _s, segmentMissing: _m, ...r }) => r),
  engagement: w.engagement.map((e) => ({ ...e, budgetText: e.budget === null ? '' : String(e.budget) })),
});

export function MarketWorksheetPage({ worksheetId }: { worksheetId: string }) {
  const { t } = useTranslation();
  const lang = currentUiLanguage();
  const toast = useToast();
  const { workspace, can } = useWorkspace();
  const manage = can('strategy.manage');
  const path = ws(workspace.id, 'market-worksheets', worksheetId);
  const { data: w, error, setData } = useApi<Worksheet>(path);
  const segments = useApi<Items<Segment>>(can('customers.read') ? ws(workspace.id, 'segments') : null);
  const [d, setD] = useState<Draft | null>(null);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  useEffect(() => { if (w) setD(draftOf(w)); }, [w]);

  if (error) return <EmptyState title={t('errors.loadFailed')} text={saveErrorText(t, error)} />;
  if (!w || !d) return <Spinner />;
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => setD({ ...d, [k]: v });
  const setSeg = (i: number, patch: Partial<Seg>) => set('segmentation', d.segmentation.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const setEng = (i: number, patch: Partial<Draft['engagement'][number]>) => set('engagement', d.engagement.map((r, j) => (j === i ? { ...r, ...patch } : r)));

  async function save() {
    setBusy(true);
    setErrors({});
    try {
      const body = {
        name: d!.name, currency: d!.currency, persona: d!.persona, positioning: d!.positioning, segmentation: d!.segmentation,
        engagement: d!.engagement.map(({ budgetText, ...e }) => ({ ...e, budget: budgetText.trim() === '' ? null : Number(budgetText) })), version: w!.version,
      };
      setData(await api<Worksheet>(path, { method: 'PATCH', body }));
      toast.success(t('strategy.sheets.saved'));
    } catch (err) { setErrors(fieldErrors(err)); toast.error(saveErrorText(t, err)); } finally { setBusy(false); }
  }
  async function remove() {
    if (!window.confirm(t('strategy.sheets.confirmDelete'))) return;
    try { await api(path, { method: 'DELETE' }); navigate(`/w/${workspace.id}/target-market`); } catch (err) { toast.error(err); }
  }
  const segOf = (id: string | null | undefined) => w.segmentation.find((r) => r.segmentId === id);
  const ro = !manage;

  return (
    <>
      <PageHeader
        title={w.name}
        back={{ to: `/w/${workspace.id}/target-market`, label: t('strategy.sheets.title') }}
        actions={manage && (
          <>
            <Button variant="danger" icon={<Icon name="trash" />} onClick={remove}>{t('common.delete')}</Button>
            <Button variant="primary" onClick={save} busy={busy} testId="sheet-save">{t('common.save')}</Button>
          </>
        )}
      />
      <StrategySections group="plan" />
      <div className="stack-lg">
        <section className="card stack">
          <div className="form-row">
            <Field label={t('strategy.sheets.name')} error={errors.name}>{(p) => <input {...p} className="input" readOnly={ro} value={d.name} onChange={(e) => set('name', e.target.value)} data-testid="sheet-name" />}</Field>
            <Field label={t('strategy.sheets.currency')} error={errors.currency}>{(p) => <input {...p} className="input" readOnly={ro} value={d.currency} maxLength={3} onChange={(e) => set('currency', e.target.value.toUpperCase())} />}</Field>
          </div>
        </section>

        <section className="card stack" data-testid="sheet-segmentation">
          <div className="row-between">
            <div><h2 className="card-title">{t('strategy.sheets.segmentation')}</h2><p className="muted small">{t('strategy.sheets.segmentationHint')}</p></div>
            {manage && <Button size="sm" icon={<Icon name="plus" />} onClick={() => set('segmentation', [...d.segmentation, { basis: 'demographic', description: '', segmentId: null, sizeEstimate: '', attractiveness: '' }])} testId="seg-add">{t('strategy.sheets.addSegmentation')}</Button>}
          </div>
          {!d.segmentation.length && <p className="muted small">{t('strategy.sheets.noSegmentation')}</p>}
          {d.segmentation.map((r, i) => {
            const stored = segOf(r.segmentId);
            // The segment as the picker knows it now (a new choice is not saved yet), else as the server read it.
            const chosen = segments.data?.items.find((x) => x.id === r.segmentId);
            const linked = chosen ? { segment: { id: chosen.id, name: chosen.name, memberCount: chosen.memberCount }, segmentMissing: false } : stored;
            return (
              <div key={r.id ?? `new${i}`} className="stack-sm strategy-divided" data-testid="seg-row">
                <div className="form-row">
                  <Field label={t('strategy.sheets.basis')}>{(p) => <select {...p} className="input select" disabled={ro} value={r.basis} onChange={(e) => setSeg(i, { basis: e.target.value as Seg['basis'] })} data-testid="seg-basis">{SEGMENTATION_BASES.map((b) => <option key={b} value={b}>{t(`strategy.basis.${b}`)}</option>)}</select>}</Field>
                  <Field label={t('strategy.sheets.linkedSegment')} hint={linked?.segmentMissing ? t('strategy.sheets.segmentMissing') : linked?.segment ? t('strategy.sheets.members', { count: linked.segment.memberCount, n: formatNumber(lang, linked.segment.memberCount) }) : undefined}>
                    {(p) => (
                      <select {...p} className="input select" disabled={ro || !segments.data} value={r.segmentId ?? ''} onChange={(e) => setSeg(i, { segmentId: e.target.value || null })} data-testid="seg-segment">
                        <option value="">{t('strategy.sheets.noSegment')}</option>
                        {(segments.data?.items ?? []).map((s) => <option key={s.id} value={s.id}>{t('strategy.sheets.segmentOption', { name: s.name, n: formatNumber(lang, s.memberCount) })}</option>)}
                        {r.segmentId && !segments.data?.items.some((s) => s.id === r.segmentId) && <option value={r.segmentId}>{linked?.segment?.name ?? t('strategy.sheets.segmentMissing')}</option>}
                      </select>
                    )}
                  </Field>
                  <Field label={t('strategy.sheets.size')}>{(p) => <input {...p} className="input" readOnly={ro} value={r.sizeEstimate ?? ''} onChange={(e) => setSeg(i, { sizeEstimate: e.target.value })} data-testid="seg-size" />}</Field>
                </div>
                <div className="form-row">
                  <Field className="strategy-grow" label={t('strategy.sheets.description')}>{(p) => <textarea {...p} className="input" rows={2} readOnly={ro} value={r.description ?? ''} onChange={(e) => setSeg(i, { description: e.target.value })} data-testid="seg-description" />}</Field>
                  <Field className="strategy-grow" label={t('strategy.sheets.attractiveness')}>{(p) => <textarea {...p} className="input" rows={2} readOnly={ro} value={r.attractiveness ?? ''} onChange={(e) => setSeg(i, { attractiveness: e.target.value })} />}</Field>
                </div>
                {linked?.segment && <div><Badge tone="info" testId="seg-linked">{t('strategy.sheets.linkedBadge', { name: linked.segment.name, n: formatNumber(lang, linked.segment.memberCount) })}</Badge></div>}
                {manage && <div className="row-end"><Button size="sm" variant="ghost" onClick={() => set('segmentation', d.segmentation.filter((_, j) => j !== i))}>{t('strategy.sheets.removeRow')}</Button></div>}
              </div>
            );
          })}
        </section>

        <section className="card stack">
          <h2 className="card-title">{t('strategy.sheets.persona')}</h2>
          <Field label={t('strategy.sheets.persona')} hint={t('strategy.sheets.personaHint')} error={errors.persona}>{(p) => <textarea {...p} className="input" rows={4} readOnly={ro} value={d.persona} onChange={(e) => set('persona', e.target.value)} data-testid="sheet-persona" />}</Field>
        </section>

        <section className="card stack" data-testid="sheet-engagement">
          <div className="row-between">
            <div><h2 className="card-title">{t('strategy.sheets.engagement')}</h2><p className="muted small">{t('strategy.sheets.engagementHint')}</p></div>
            {manage && <Button size="sm" icon={<Icon name="plus" />} onClick={() => set('engagement', [...d.engagement, { platform: '', tactics: '', content: '', kpi: '', budget: null, budgetText: '' }])} testId="eng-add">{t('strategy.sheets.addPlatform')}</Button>}
          </div>
          <datalist id="engagement-platforms">{ENGAGEMENT_PLATFORMS.map((p) => <option key={p} value={p} />)}</datalist>
          {!d.engagement.length && <p className="muted small">{t('strategy.sheets.noEngagement')}</p>}
          {d.engagement.map((r, i) => (
            <div key={r.id ?? `new${i}`} className="form-row strategy-divided" data-testid="eng-row">
              <Field label={t('strategy.sheets.platform')} error={errors[`engagement[${i}].platform`]}>{(p) => <input {...p} className="input" list="engagement-platforms" readOnly={ro} value={r.platform} onChange={(e) => setEng(i, { platform: e.target.value })} data-testid="eng-platform" />}</Field>
              <Field className="strategy-grow" label={t('strategy.sheets.tactics')}>{(p) => <textarea {...p} className="input" rows={2} readOnly={ro} value={r.tactics ?? ''} onChange={(e) => setEng(i, { tactics: e.target.value })} data-testid="eng-tactics" />}</Field>
              <Field className="strategy-grow" label={t('strategy.sheets.content')}>{(p) => <textarea {...p} className="input" rows={2} readOnly={ro} value={r.content ?? ''} onChange={(e) => setEng(i, { content: e.target.value })} />}</Field>
              <Field label={t('strategy.sheets.kpi')}>{(p) => <input {...p} className="input" readOnly={ro} value={r.kpi ?? ''} onChange={(e) => setEng(i, { kpi: e.target.value })} />}</Field>
              <Field label={t('strategy.sheets.budget', { currency: d.currency })} error={errors[`engagement[${i}].budget`]}>{(p) => <input {...p} className="input" type="number" min={0} step="any" readOnly={ro} value={r.budgetText} onChange={(e) => setEng(i, { budgetText: e.target.value })} />}</Field>
              {manage && <button type="button" className="icon-btn" style={{ marginTop: 24 }} onClick={() => set('engagement', d.engagement.filter((_, j) => j !== i))} aria-label={t('strategy.sheets.removeRow')}><Icon name="trash" /></button>}
            </div>
          ))}
          {d.engagement.some((e) => e.budgetText.trim() !== '') && (
            <p className="small right">{t('strategy.sheets.totalBudget', { value: formatNumber(lang, d.engagement.reduce((a, e) => a + (Number(e.budgetText) || 0), 0)), currency: d.currency })}</p>
          )}
        </section>

        <section className="card stack">
          <h2 className="card-title">{t('strategy.sheets.positioning')}</h2>
          <Field label={t('strategy.sheets.positioning')} hint={t('strategy.sheets.positioningHint')} error={errors.positioning}>{(p) => <textarea {...p} className="input" rows={3} readOnly={ro} value={d.positioning} onChange={(e) => set('positioning', e.target.value)} data-testid="sheet-positioning" />}</Field>
        </section>
        {manage && <div className="row-end"><Button variant="primary" onClick={save} busy={busy}>{t('common.save')}</Button></div>}
      </div>
    </>
  );
}
