import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Segment, TraitDefinition } from '@touchpoint/shared';
import { api, ws } from '../../lib/api';
import { errorText, fieldErrors } from '../../lib/errors';
import type { Items } from '../../lib/types';
import { useApi } from '../../lib/use-api';
import { navigate } from '../../app/router';
import { PageHeader } from '../../app/Shell';
import { useWorkspace } from '../../app/workspace-context';
import { Button } from '../../ui/Button';
import { EmptyState } from '../../ui/EmptyState';
import { Field } from '../../ui/Field';
import { Loading } from '../../ui/Spinner';
import { useToast } from '../../ui/Toast';
import { SegmentActions } from './SegmentActions';
import { SegmentBuilder } from './SegmentBuilder';
import { SegmentMembers } from './SegmentMembers';
import { SegmentOverview } from './SegmentOverview';
import { SegmentPreview } from './SegmentPreview';
import { draftIssues, emptyGroup, fromDefinition, toDefinition, type GroupDraft } from './segment-draft';
import { segmentPath, segmentsListPath, usePollWhile, useSegmentFrames } from './use-segments';
import './customers.css';
import './segments.css';

/** /w/:wid/segments/new and /w/:wid/segments/:id: a new segment, or a saved one with its members. */
export function SegmentPage({ segmentId }: { segmentId?: string }) {
  const { t } = useTranslation();
  const { workspace } = useWorkspace();
  const wid = workspace.id;
  const seg = useApi<Segment>(segmentId ? ws(wid, 'segments', segmentId) : null);
  const [version, setVersion] = useState(0);
  const refresh = () => { void seg.reload(); setVersion((v) => v + 1); };
  useSegmentFrames(wid, () => { if (segmentId) refresh(); });
  usePollWhile(seg.data?.status === 'building', () => void seg.reload());
  // The build's end moves the trend and members too.
  const wasBuilding = useRef(false);
  useEffect(() => {
    const building = seg.data?.status === 'building';
    if (wasBuilding.current && !building) setVersion((v) => v + 1);
    wasBuilding.current = building;
  }, [seg.data?.status]);

  const back = { to: segmentsListPath(wid), label: t('customers.tabs.segments') };
  if (segmentId && seg.error && !seg.data) {
    return (
      <>
        <PageHeader title={t('segments.title')} back={back} />
        <EmptyState title={seg.error.status === 404 ? t('segments.notFound') : t('errors.loadFailed')} text={errorText(t, seg.error)} testId="segment-error" />
      </>
    );
  }
  if (segmentId && !seg.data) return <Loading />;
  const s = seg.data;
  return (
    <>
      <PageHeader title={s?.name ?? t('segments.new')} subtitle={s?.description || t('segments.pageSubtitle')} back={back}
        actions={s && <WriterActions wid={wid} segment={s} onChanged={refresh} />} />
      <div className="stack-lg">
        {s && <SegmentOverview wid={wid} segment={s} version={version} />}
        <SegmentEditor key={s?.id ?? 'new'} wid={wid} segment={s} version={version} onSaved={(saved) => { seg.setData(saved); setVersion((v) => v + 1); }} />
        {s && <SegmentMembers wid={wid} id={s.id} version={version} />}
      </div>
    </>
  );
}

function WriterActions({ wid, segment, onChanged }: { wid: string; segment: Segment; onChanged: () => void }) {
  const { can } = useWorkspace();
  return can('customers.write') ? <SegmentActions wid={wid} segment={segment} onChanged={onChanged} /> : null;
}

/**
 * Name, description, kind (when new) and the definition with its live count. Local checks come
 * first (nothing is sent for a half-filled row); the server's 400s land at the same paths.
 */
function SegmentEditor({ wid, segment, version, onSaved }: { wid: string; segment?: Segment; version: number; onSaved: (s: Segment) => void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const { can } = useWorkspace();
  const writer = can('customers.write');
  const traits = useApi<Items<TraitDefinition>>(ws(wid, 'customers', 'traits'));
  const [name, setName] = useState(segment?.name ?? '');
  const [description, setDescription] = useState(segment?.description ?? '');
  const [kind, setKind] = useState<'live' | 'static'>(segment?.kind ?? 'live');
  const [draft, setDraft] = useState<GroupDraft>(() => (segment ? fromDefinition(segment.definition) : emptyGroup()));
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [showAll, setShowAll] = useState(false);
  const [busy, setBusy] = useState(false);
  // A snapshot keeps the definition it was taken with: only its name and description change.
  const definitionLocked = !writer || segment?.kind === 'static';

  const issues = useMemo(() => draftIssues(draft), [draft]);
  const definition = useMemo(() => (issues.length ? null : toDefinition(draft)), [draft, issues]);
  const errors = useMemo(() => {
    const out: Record<string, string> = {};
    // An empty box the analyst has not reached yet is not an error until they try to save.
    for (const i of issues) if (showAll || i.code !== 'required') out[i.path] ??= t(`segments.issue.${i.code}`);
    for (const [p, m] of Object.entries(serverErrors)) if (p.startsWith('definition')) out[p] ??= m;
    return out;
  }, [issues, serverErrors, showAll, t]);

  function changeDraft(next: GroupDraft) {
    setDraft(next);
    setServerErrors((e) => Object.fromEntries(Object.entries(e).filter(([p]) => !p.startsWith('definition'))));
  }

  async function save(e: FormEvent) {
    e.preventDefault();
    setShowAll(true);
    if (!name.trim()) { setServerErrors((x) => ({ ...x, name: t('segments.issue.required') })); return; }
    if (!definition) { toast.error(t('segments.issue.fixFirst')); return; }
    setBusy(true);
    try {
      const redefine = !definitionLocked && JSON.stringify(definition) !== JSON.stringify(segment?.definition);
      const saved = segment
        ? await api<Segment>(ws(wid, 'segments', segment.id), { method: 'PATCH', body: { name: name.trim(), description: description.trim(), ...(redefine ? { definition } : {}) } })
        : await api<Segment>(ws(wid, 'segments'), { method: 'POST', body: { name: name.trim(), description: description.trim(), kind, definition } });
      setServerErrors({});
      toast.success(t(segment ? 'segments.saved' : 'segments.created', { name: saved.name }));
      if (segment) onSaved(saved);
      else navigate(segmentPath(wid, saved.id), { replace: true });
    } catch (err) {
      setServerErrors(fieldErrors(err));
      toast.error(err);
    } finally { setBusy(false); }
  }

  return (
    <form className="card stack" onSubmit={save} noValidate aria-labelledby="segment-editor-title" data-testid="segment-editor">
      <h2 className="card-title" id="segment-editor-title">{t('segments.editor.title')}</h2>
      <div className="form-row">
        <Field label={t('segments.editor.name')} error={serverErrors.name || null} className="segment-name-field">
          {(p) => <input {...p} className="input" value={name} maxLength={120} disabled={!writer} onChange={(e) => { setName(e.target.value); setServerErrors(({ name: _, ...rest }) => rest); }} data-testid="segment-name" />}
        </Field>
        <Field label={t('segments.editor.description')} error={serverErrors.description || null} className="segment-description-field">
          {(p) => <input {...p} className="input" value={description} maxLength={1000} disabled={!writer} onChange={(e) => setDescription(e.target.value)} data-testid="segment-description" />}
        </Field>
      </div>
      {!segment && (
        <fieldset className="segment-kind">
          <legend className="field-label">{t('segments.col.kind')}</legend>
          {(['live', 'static'] as const).map((k) => (
            <label key={k} className="segment-kind-option">
              <input type="radio" name="segment-kind" value={k} checked={kind === k} onChange={() => setKind(k)} data-testid={`segment-kind-${k}`} />
              <span><strong>{t(`segments.kind.${k}`)}</strong> <span className="muted small">{t(`segments.kindHint.${k}`)}</span></span>
            </label>
          ))}
        </fieldset>
      )}
      {segment?.kind === 'static' && <p className="muted small">{t('segments.editor.staticNote')}</p>}
      {/* A snapshot's members are frozen: a live count of its definition beside them would mislead. */}
      <div className={segment?.kind === 'static' ? 'segment-editor segment-editor-solo' : 'segment-editor'}>
        <SegmentBuilder value={draft} onChange={changeDraft} errors={errors} readOnly={definitionLocked}
          declaredTraits={(traits.data?.items ?? []).map((d) => d.key)} />
        {segment?.kind !== 'static' && <SegmentPreview wid={wid} definition={definition} refresh={version} onErrors={(e) => setServerErrors((x) => ({ ...Object.fromEntries(Object.entries(x).filter(([p]) => !p.startsWith('definition'))), ...e }))} />}
      </div>
      {writer && (
        <div className="row-end">
          {!segment && <Button onClick={() => navigate(segmentsListPath(wid))}>{t('common.cancel')}</Button>}
          <Button type="submit" variant="primary" busy={busy} testId="segment-save">{segment ? t('common.save') : t('segments.editor.create')}</Button>
        </div>
      )}
    </form>
  );
}
