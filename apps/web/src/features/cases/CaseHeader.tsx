import { useState, type FormEvent, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CASE_CATEGORIES, CASE_PRIORITIES, type CaseDetail, type CasePatch, type CasePriority } from '@touchpoint/shared';
import { currentUiLanguage } from '../../lib/i18n';
import { Button } from '../../ui/Button';
import { needsClosing, statusLabel, statusOptions } from './case-labels';
import type { CaseMeta } from './use-cases';

/** Sends one change; true when it was stored (a stale version reloads the case and answers false). */
export type PatchCase = (patch: Omit<CasePatch, 'version'>) => Promise<boolean>;

/** "#42 Slow refund" with an edit button; Enter saves, Escape cancels. */
export function CaseTitle({ c, canEdit, onPatch }: { c: CaseDetail; canEdit: boolean; onPatch: PatchCase }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [title, setTitle] = useState(c.title);
  const [busy, setBusy] = useState(false);

  async function save(e: FormEvent) {
    e.preventDefault();
    const next = title.trim();
    if (!next || next === c.title) { setEditing(false); return; }
    setBusy(true);
    if (await onPatch({ title: next })) setEditing(false);
    setBusy(false);
  }
  const onKey = (e: KeyboardEvent) => { if (e.key === 'Escape') { e.preventDefault(); e.stopPropagation(); setEditing(false); } };

  if (editing) {
    return (
      <form className="case-title-form" onSubmit={(e) => void save(e)}>
        <span className="case-number">#{c.number}</span>
        <input className="input input-lg" value={title} maxLength={200} autoFocus aria-label={t('cases.header.title')} onKeyDown={onKey}
          onChange={(e) => setTitle(e.target.value)} data-testid="case-title-input" />
        <Button type="submit" variant="primary" size="sm" busy={busy} testId="case-title-save">{t('common.save')}</Button>
        <Button size="sm" variant="ghost" onClick={() => setEditing(false)}>{t('common.cancel')}</Button>
      </form>
    );
  }
  return (
    <span className="case-title">
      <span className="case-number">#{c.number}</span> <span data-testid="case-title">{c.title}</span>
      {canEdit && (
        <button type="button" className="btn btn-ghost btn-sm case-title-edit" onClick={() => { setTitle(c.title); setEditing(true); }} data-testid="case-title-edit">
          {t('common.edit')}
        </button>
      )}
    </span>
  );
}

interface ControlsProps {
  c: CaseDetail;
  meta: CaseMeta;
  canEdit: boolean;
  onPatch: PatchCase;
  /** A status that ends the work goes through the close dialog (root cause and resolution code). */
  onCloseWith: (status: string) => void;
}

/** Status, priority, owner, team and tags, each saved as soon as it changes. */
export function CaseControls({ c, meta, canEdit, onPatch, onCloseWith }: ControlsProps) {
  const { t } = useTranslation();
  const lang = currentUiLanguage();
  const statuses = statusOptions(meta.settings);
  // The case may hold a status the settings no longer list (deleted custom status): still show it.
  const statusList = statuses.some((s) => s.key === c.status) ? statuses : [...statuses, { key: c.status, category: c.category, custom: true }];
  const owners = meta.agents.some((a) => a.userId === c.ownerId) || !c.ownerId ? meta.agents : [...meta.agents, { userId: c.ownerId, name: c.ownerName ?? c.ownerId, email: '', availability: 'online' as const, openCases: 0 }];

  function changeStatus(next: string) {
    const s = statusList.find((x) => x.key === next);
    if (!s || next === c.status) return;
    if (needsClosing(next, meta.settings)) onCloseWith(next);
    else void onPatch({ status: next });
  }

  return (
    <div className="case-controls" data-testid="case-controls">
      <Control id="case-status-select" label={t('cases.header.status')}>
        <select id="case-status-select" className="input select input-sm" value={c.status} disabled={!canEdit} onChange={(e) => changeStatus(e.target.value)} data-testid="case-status-select">
          {CASE_CATEGORIES.map((cat) => (
            <optgroup key={cat} label={t(`cases.category.${cat}`)}>
              {statusList.filter((s) => s.category === cat).map((s) => <option key={s.key} value={s.key}>{statusLabel(t, lang, s.key, meta.settings)}</option>)}
            </optgroup>
          ))}
        </select>
      </Control>
      <Control id="case-priority-select" label={t('cases.header.priority')}>
        <select id="case-priority-select" className="input select input-sm" value={c.priority} disabled={!canEdit}
          onChange={(e) => void onPatch({ priority: e.target.value as CasePriority })} data-testid="case-priority-select">
          {CASE_PRIORITIES.map((p) => <option key={p} value={p}>{t(`cases.priority.${p}`)}</option>)}
        </select>
      </Control>
      <Control id="case-owner-select" label={t('cases.header.owner')}>
        <select id="case-owner-select" className="input select input-sm" value={c.ownerId ?? ''} disabled={!canEdit}
          onChange={(e) => void onPatch({ ownerId: e.target.value || null })} data-testid="case-owner-select">
          <option value="">{t('cases.unassigned')}</option>
          {owners.map((a) => (
            <option key={a.userId} value={a.userId}>
              {t('cases.header.agentOption', { name: a.name || a.email, open: a.openCases })}{a.availability === 'away' ? ` · ${t('cases.header.away')}` : ''}
            </option>
          ))}
        </select>
      </Control>
      <Control id="case-team-select" label={t('cases.header.team')}>
        <select id="case-team-select" className="input select input-sm" value={c.teamId ?? ''} disabled={!canEdit}
          onChange={(e) => void onPatch({ teamId: e.target.value || null })} data-testid="case-team-select">
          <option value="">{t('cases.noTeam')}</option>
          {meta.teams.map((tm) => <option key={tm.id} value={tm.id}>{tm.name}</option>)}
          {c.teamId && !meta.teams.some((tm) => tm.id === c.teamId) && <option value={c.teamId}>{c.teamId}</option>}
        </select>
      </Control>
      <TagEditor tags={c.tags} canEdit={canEdit} onChange={(tags) => onPatch({ tags })} />
    </div>
  );
}

function Control({ id, label, children }: { id: string; label: string; children: ReactNode }) {
  return (
    <div className="case-control">
      <label className="case-filter-label" htmlFor={id}>{label}</label>
      {children}
    </div>
  );
}

const MAX_TAGS = 20;

function TagEditor({ tags, canEdit, onChange }: { tags: string[]; canEdit: boolean; onChange: (tags: string[]) => Promise<boolean> }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState('');
  async function add(e: FormEvent) {
    e.preventDefault();
    const fresh = draft.split(/[,，、]/).map((x) => x.trim().slice(0, 40)).filter((x) => x && !tags.includes(x));
    if (!fresh.length) { setDraft(''); return; }
    if (await onChange([...tags, ...new Set(fresh)].slice(0, MAX_TAGS))) setDraft('');
  }
  return (
    <div className="case-control case-tags" data-testid="case-tags">
      <span className="case-filter-label">{t('cases.header.tags')}</span>
      <span className="badge-list">
        {tags.map((tag) => (
          <span key={tag} className="case-tag" data-testid="case-tag">
            {tag}
            {canEdit && <button type="button" className="case-tag-remove" aria-label={t('cases.header.removeTag', { tag })} onClick={() => void onChange(tags.filter((x) => x !== tag))}>×</button>}
          </span>
        ))}
        {canEdit && tags.length < MAX_TAGS && (
          <form onSubmit={(e) => void add(e)} className="case-tag-form">
            <input className="input input-sm" value={draft} maxLength={120} placeholder={t('cases.header.addTag')} aria-label={t('cases.header.addTag')}
              onChange={(e) => setDraft(e.target.value)} data-testid="case-tag-input" />
          </form>
        )}
        {!tags.length && !canEdit && <span className="muted small">–</span>}
      </span>
    </div>
  );
}
