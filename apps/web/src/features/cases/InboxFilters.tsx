import { useEffect, useState, type FormEvent, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { CASE_PRIORITIES, GENERAL_THEME } from '@touchpoint/shared';
import { currentUiLanguage } from '../../lib/i18n';
import { Button } from '../../ui/Button';
import { statusLabel, statusOptions, themeLabel } from './case-labels';
import { CASE_SORTS, DEFAULT_INBOX_VIEW, MAX_Q, SLA_FILTERS, hasFilters, type InboxView } from './inbox-url';
import type { CaseMeta } from './use-cases';

interface Props {
  view: InboxView;
  onChange: (v: InboxView) => void;
  meta: CaseMeta;
  searchRef: RefObject<HTMLInputElement | null>;
}

/** The inbox's filters (all in the URL): search, priority chips, team, owner, theme, SLA, status, sort. */
export function InboxFilters({ view, onChange, meta, searchRef }: Props) {
  const { t } = useTranslation();
  const lang = currentUiLanguage();
  const set = (patch: Partial<InboxView>) => onChange({ ...view, ...patch });
  const [q, setQ] = useState(view.q);
  useEffect(() => setQ(view.q), [view.q]);
  const submit = (e: FormEvent) => { e.preventDefault(); set({ q: q.trim().slice(0, MAX_Q) }); };

  // A filter may name something the lists do not (a deleted team, a theme renamed away): keep it selectable.
  const keep = (options: [string, string][], value: string | null): [string, string][] =>
    value && !options.some(([v]) => v === value) ? [...options, [value, value]] : options;
  const owners = keep([['me', t('cases.filters.ownerMe')], ['none', t('cases.filters.ownerNone')], ...meta.agents.map((a): [string, string] => [a.userId, a.name || a.email])], view.owner);
  const themes = keep([[GENERAL_THEME, t('cases.theme.general')], ...meta.themes.map((th): [string, string] => [th.id, themeLabel(t, lang, th.id, meta.themes)])], view.theme);
  const teams = keep(meta.teams.map((tm): [string, string] => [tm.id, tm.name]), view.teamId);
  const statuses = keep(statusOptions(meta.settings).filter((s) => !view.categories.length || view.categories.includes(s.category))
    .map((s): [string, string] => [s.key, statusLabel(t, lang, s.key, meta.settings)]), view.status);

  return (
    <div className="case-filters" role="search" aria-label={t('cases.filters.label')} data-testid="case-filters">
      <form className="case-filter case-search" onSubmit={submit}>
        <label className="case-filter-label" htmlFor="case-q">{t('cases.filters.search')} <kbd>/</kbd></label>
        <span className="case-filter-pair">
          <input id="case-q" ref={searchRef} type="search" className="input input-sm" value={q} maxLength={MAX_Q} placeholder={t('cases.filters.searchPlaceholder')}
            onChange={(e) => setQ(e.target.value)} data-testid="case-search" />
          <Button type="submit" size="sm" testId="case-search-submit">{t('cases.filters.searchButton')}</Button>
        </span>
      </form>
      <fieldset className="case-filter">
        <legend className="case-filter-label">{t('cases.filters.priority')}</legend>
        <span className="facet-group" data-testid="case-filter-priority">
          {CASE_PRIORITIES.map((p) => {
            const on = view.priorities.includes(p);
            return (
              <button key={p} type="button" className={`chip${on ? ' chip-active' : ''}`} aria-pressed={on} data-value={p}
                onClick={() => set({ priorities: on ? view.priorities.filter((x) => x !== p) : [...view.priorities, p] })}>
                {t(`cases.priority.${p}`)}
              </button>
            );
          })}
        </span>
      </fieldset>
      <Select id="case-owner" label={t('cases.filters.owner')} value={view.owner} options={owners} onChange={(v) => set({ owner: v })} />
      {teams.length > 0 && <Select id="case-team" label={t('cases.filters.team')} value={view.teamId} options={teams} onChange={(v) => set({ teamId: v })} />}
      <Select id="case-theme" label={t('cases.filters.theme')} value={view.theme} options={themes} onChange={(v) => set({ theme: v })} />
      <Select id="case-sla" label={t('cases.filters.sla')} value={view.sla} options={SLA_FILTERS.map((s): [string, string] => [s, t(`cases.filters.slaOption.${s}`)])}
        onChange={(v) => set({ sla: v as InboxView['sla'] })} />
      <Select id="case-status" label={t('cases.filters.status')} value={view.status} options={statuses} onChange={(v) => set({ status: v })} />
      <div className="case-filter">
        <label className="case-filter-label" htmlFor="case-sort">{t('cases.filters.sort')}</label>
        <select id="case-sort" className="input select input-sm" value={view.sort} data-testid="case-sort" onChange={(e) => set({ sort: e.target.value as InboxView['sort'] })}>
          {CASE_SORTS.map((s) => <option key={s} value={s}>{t(`cases.sort.${s}`)}</option>)}
        </select>
      </div>
      {view.tag && (
        <div className="case-filter">
          <span className="case-filter-label">{t('cases.filters.tag')}</span>
          <button type="button" className="chip chip-active" onClick={() => set({ tag: null })} aria-label={t('cases.filters.removeTag', { tag: view.tag })} data-testid="case-filter-tag">
            {view.tag} <span aria-hidden="true">×</span>
          </button>
        </div>
      )}
      {hasFilters(view) && (
        <div className="case-filter case-filter-end">
          <Button size="sm" variant="ghost" onClick={() => onChange({ ...DEFAULT_INBOX_VIEW, categories: view.categories, sort: view.sort })} testId="case-filters-clear">
            {t('cases.filters.clear')}
          </Button>
        </div>
      )}
    </div>
  );
}

function Select({ id, label, value, options, onChange }: { id: string; label: string; value: string | null; options: [string, string][]; onChange: (v: string | null) => void }) {
  const { t } = useTranslation();
  return (
    <div className="case-filter">
      <label className="case-filter-label" htmlFor={id}>{label}</label>
      <select id={id} className="input select input-sm" value={value ?? ''} onChange={(e) => onChange(e.target.value || null)} data-testid={id}>
        <option value="">{t('cases.filters.any')}</option>
        {options.map(([v, l]) => <option key={v} value={v}>{l}</option>)}
      </select>
    </div>
  );
}
