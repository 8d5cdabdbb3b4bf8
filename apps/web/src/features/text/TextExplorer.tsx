import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SCORE_BANDS, SENTIMENT_LABELS, TEXT_LANGUAGES, type Theme, type TaxonomyView } from '@touchpoint/shared';
import { errorText } from '../../lib/errors';
import { ws } from '../../lib/api';
import { formatNumber } from '../../lib/format';
import { currentUiLanguage } from '../../lib/i18n';
import type { Items, Survey } from '../../lib/types';
import { useApi } from '../../lib/use-api';
import { useWorkspace } from '../../app/workspace-context';
import { Button } from '../../ui/Button';
import { EmptyState } from '../../ui/EmptyState';
import { Loading } from '../../ui/Spinner';
import { isDay } from '../dashboards/periods';
import { todayIn } from '../dashboards/periods';
import { TextItem } from './TextItem';
import { themeLabel } from './theme-form';
import { DEFAULT_TEXT_VIEW, MAX_Q, TEXT_RANGES, explorerQuery, type TextView } from './url-state';
import { useExplorer } from './use-text-data';

/** `timeZone`: the workspace's (from the status); its days are the ones the API filters on. */
interface Props { view: TextView; onChange: (v: TextView) => void; dataVersion: string; timeZone: string }

/** Filters (in the URL), facet chips with counts, and the analysed answers, newest first. */
export function TextExplorer({ view, onChange, dataVersion, timeZone }: Props) {
  const { t } = useTranslation();
  const lang = currentUiLanguage();
  const { workspace, can } = useWorkspace();
  const wid = workspace.id;
  const set = (patch: Partial<TextView>) => onChange({ ...view, ...patch });
  const taxonomy = useApi<TaxonomyView>(ws(wid, 'text', 'themes'));
  const surveys = useApi<Items<Survey>>(can('surveys.read') ? ws(wid, 'surveys') : null);
  const surveyNames = useMemo(() => new Map((surveys.data?.items ?? []).map((s) => [s.id, s.name])), [surveys.data]);
  const today = () => todayIn(timeZone);
  const query = useMemo(() => explorerQuery(view, todayIn(timeZone)), [view, timeZone]);
  // The server names themes in the UI language: a switch fetches the page again.
  const page = useExplorer(wid, query, lang);

  // New analyses or a finished re-tag: refresh the first page quietly.
  const { reload } = page;
  const seenVersion = useRef(dataVersion);
  useEffect(() => {
    if (seenVersion.current === dataVersion) return;
    seenVersion.current = dataVersion;
    if (!dataVersion.endsWith('r')) void reload(true);
  }, [dataVersion, reload]);

  const [q, setQ] = useState(view.q);
  useEffect(() => setQ(view.q), [view.q]);
  const submitSearch = (e: FormEvent) => { e.preventDefault(); set({ q: q.trim().slice(0, MAX_Q) }); };

  const [from, setFrom] = useState(view.from ?? '');
  const [to, setTo] = useState(view.to ?? '');
  useEffect(() => { setFrom(view.from ?? ''); setTo(view.to ?? ''); }, [view.from, view.to]);
  const applyDates = (f: string, tt: string) => { setFrom(f); setTo(tt); if (isDay(f) && isDay(tt) && f <= tt) set({ range: 'custom', from: f, to: tt }); };

  const themes: Theme[] = taxonomy.data?.themes ?? [];
  const facets = page.facets;
  const filtered = JSON.stringify({ ...view, tab: 'explorer' }) !== JSON.stringify(DEFAULT_TEXT_VIEW);

  return (
    <div className="stack">
      <div className="text-filters" role="search" aria-label={t('text.filters.label')} data-testid="text-filters">
        <form className="filter-group text-search" onSubmit={submitSearch}>
          <label className="filter-label" htmlFor="text-q">{t('text.filters.search')}</label>
          <span className="meta-pair">
            <input id="text-q" type="search" className="input input-sm" value={q} maxLength={MAX_Q} placeholder={t('text.filters.searchPlaceholder')}
              onChange={(e) => setQ(e.target.value)} data-testid="text-search" />
            <Button type="submit" size="sm" testId="text-search-submit">{t('text.filters.searchButton')}</Button>
          </span>
        </form>
        <div className="filter-group">
          <label className="filter-label" htmlFor="text-range">{t('text.filters.range', { timeZone })}</label>
          <select id="text-range" className="input select input-sm" value={view.range} data-testid="text-range"
            onChange={(e) => (e.target.value === 'custom'
              ? set({ range: 'custom', from: view.from ?? today(), to: view.to ?? today() })
              : set({ range: e.target.value as TextView['range'], from: null, to: null }))}>
            {TEXT_RANGES.map((r) => <option key={r} value={r}>{t(`text.range.${r}`)}</option>)}
            <option value="custom">{t('text.range.custom')}</option>
          </select>
          {view.range === 'custom' && (
            <span className="date-pair">
              <input type="date" className="input input-sm" value={from} max={to || undefined} aria-label={t('text.filters.from')} onChange={(e) => applyDates(e.target.value, to)} data-testid="text-from" />
              <span aria-hidden="true">–</span>
              <input type="date" className="input input-sm" value={to} min={from || undefined} aria-label={t('text.filters.to')} onChange={(e) => applyDates(from, e.target.value)} data-testid="text-to" />
            </span>
          )}
        </div>
        <Select id="text-sentiment" label={t('text.filters.sentiment')} value={view.sentiment ?? ''} all={t('text.filters.all')}
          options={SENTIMENT_LABELS.map((s) => [s, t(`text.sentiment.${s}`)])} onChange={(v) => set({ sentiment: (v || null) as TextView['sentiment'] })} />
        <Select id="text-language" label={t('text.filters.language')} value={view.language ?? ''} all={t('text.filters.all')}
          options={TEXT_LANGUAGES.map((l) => [l, t(`text.language.${l}`)])} onChange={(v) => set({ language: (v || null) as TextView['language'] })} />
        <Select id="text-band" label={t('text.filters.band')} value={view.band ?? ''} all={t('text.filters.all')}
          options={SCORE_BANDS.map((b) => [b, t(`text.band.${b}`)])} onChange={(v) => set({ band: (v || null) as TextView['band'] })} />
        <Select id="text-theme" label={t('text.filters.theme')} value={view.theme ?? ''} all={t('text.filters.all')}
          options={[...themes.map((th): [string, string] => [th.id, themeLabel(th, lang)]), ...(view.theme && !themes.some((th) => th.id === view.theme) ? [[view.theme, view.theme] as [string, string]] : [])]}
          onChange={(v) => set({ theme: v || null })} />
        {surveys.data && (
          <Select id="text-survey" label={t('text.filters.survey')} value={view.survey ?? ''} all={t('text.filters.allSurveys')}
            options={surveys.data.items.map((s): [string, string] => [s.id, s.name])} onChange={(v) => set({ survey: v || null })} />
        )}
        {filtered && (
          <div className="filter-group filter-end">
            <Button size="sm" variant="ghost" onClick={() => onChange({ ...DEFAULT_TEXT_VIEW })} testId="text-reset">{t('text.filters.reset')}</Button>
          </div>
        )}
      </div>

      {facets && (
        <div className="facets" data-testid="text-facets">
          <span className="facet-total" data-testid="text-total">{t('text.facets.total', { count: page.total ?? 0, n: formatNumber(lang, page.total ?? 0) })}</span>
          <FacetGroup label={t('text.filters.sentiment')} chips={SENTIMENT_LABELS.map((s) => ({ id: s, label: t(`text.sentiment.${s}`), count: facets.sentiment[s], active: view.sentiment === s, tone: s }))}
            onPick={(id) => set({ sentiment: view.sentiment === id ? null : id as TextView['sentiment'] })} testId="facet-sentiment" />
          <FacetGroup label={t('text.filters.language')} chips={Object.entries(facets.language).filter(([, n]) => n > 0).map(([l, n]) => ({ id: l, label: t(`text.language.${l}`, { defaultValue: l }), count: n, active: view.language === l }))}
            onPick={(id) => set({ language: view.language === id ? null : id as TextView['language'] })} testId="facet-language" />
          <FacetGroup label={t('text.filters.theme')} chips={facets.themes.map((th) => ({ id: th.id, label: th.name, count: th.count, active: view.theme === th.id }))}
            onPick={(id) => set({ theme: view.theme === id ? null : id })} testId="facet-theme" />
        </div>
      )}

      {page.error && !page.items.length ? (
        <EmptyState title={t('text.error.title')} text={errorText(t, page.error)} testId="text-error"
          action={<Button onClick={() => void reload()}>{t('text.error.retry')}</Button>} />
      ) : page.loading && !page.items.length ? <Loading testId="text-loading" /> : !page.items.length ? (
        <EmptyState title={filtered ? t('text.empty.filteredTitle') : t('text.empty.title')} text={filtered ? t('text.empty.filteredText') : t('text.empty.text')} testId="text-empty" />
      ) : (
        <>
          <ul className="text-list" data-testid="text-list" aria-busy={page.loading || undefined}>
            {page.items.map((item) => <TextItem key={item.id} item={item} surveyName={surveyNames.get(item.surveyId)} onTheme={(id) => set({ theme: id })} />)}
          </ul>
          {page.error && <p className="field-error" role="alert">{errorText(t, page.error)}</p>}
          {page.nextCursor && (
            <div className="row-center">
              <Button onClick={() => void page.loadMore()} busy={page.loadingMore} testId="text-load-more">{t('text.loadMore')}</Button>
            </div>
          )}
        </>
      )}
    </div>
  );
}

function Select({ id, label, value, all, options, onChange }: { id: string; label: string; value: string; all: string; options: [string, string][]; onChange: (v: string) => void }) {
  return (
    <div className="filter-group">
      <label className="filter-label" htmlFor={id}>{label}</label>
      <select id={id} className="input select input-sm" value={value} onChange={(e) => onChange(e.target.value)} data-testid={id}>
        <option value="">{all}</option>
        {options.map(([v, l]) => <option key={v} value={v}>{l}</option>)}
      </select>
    </div>
  );
}

interface Chip { id: string; label: string; count: number; active: boolean; tone?: string }

function FacetGroup({ label, chips, onPick, testId }: { label: string; chips: Chip[]; onPick: (id: string) => void; testId: string }) {
  const lang = currentUiLanguage();
  if (!chips.length) return null;
  return (
    <div className="facet-group" role="group" aria-label={label} data-testid={testId}>
      <span className="facet-label muted small">{label}</span>
      {chips.map((c) => (
        <button key={c.id} type="button" className={`chip${c.active ? ' chip-active' : ''}${c.tone ? ` chip-${c.tone}` : ''}`} aria-pressed={c.active}
          onClick={() => onPick(c.id)} data-testid="facet-chip" data-value={c.id}>
          <span>{c.label}</span> <span className="chip-count">{formatNumber(lang, c.count)}</span>
        </button>
      ))}
    </div>
  );
}
