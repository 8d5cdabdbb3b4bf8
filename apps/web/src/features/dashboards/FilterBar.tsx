import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CHANNELS } from '@touchpoint/shared';
import { Button } from '../../ui/Button';
import { MultiPick } from './MultiPick';
import { RANGE_PRESETS, daysBetween, isDay } from './periods';
import { DEFAULT_VIEW, MAX_RANGE_DAYS, META_KEY, META_VALUE_MAX, encodeView, type DashboardView } from './url-state';

interface Props {
  view: DashboardView;
  onChange: (view: DashboardView) => void;
  range: { from: string; to: string };
  workspaceZone: string;
  surveys: { id: string; name: string }[];
  /** The analysed metadata keys, offered first. */
  dimensions: string[];
  /** Customer segments (none offered without customers.read). */
  segments: { id: string; name: string; memberCount: number }[];
}

function zones(current: string[]): string[] {
  let all: string[] = [];
  try { all = Intl.supportedValuesOf('timeZone'); } catch { /* very old browser: the current ones only */ }
  return [...new Set([...current.filter(Boolean), 'UTC', ...all])];
}

/** Everything that filters every tile. Each change rewrites the URL (see url-state.ts). */
export function FilterBar({ view, onChange, range, workspaceZone, surveys, dimensions, segments }: Props) {
  const { t } = useTranslation();
  const set = (patch: Partial<DashboardView>) => onChange({ ...view, ...patch });
  const zoneList = useMemo(() => zones([view.tz ?? '', workspaceZone]), [view.tz, workspaceZone]);

  // Custom dates are edited locally and applied when both make a valid range.
  const [from, setFrom] = useState(range.from);
  const [to, setTo] = useState(range.to);
  useEffect(() => { setFrom(range.from); setTo(range.to); }, [range.from, range.to]);
  const customValid = isDay(from) && isDay(to) && from <= to && daysBetween(from, to) < MAX_RANGE_DAYS;
  function applyDates(f: string, tt: string) {
    setFrom(f); setTo(tt);
    if (isDay(f) && isDay(tt) && f <= tt && daysBetween(f, tt) < MAX_RANGE_DAYS) set({ range: 'custom', from: f, to: tt });
  }

  const [metaKey, setMetaKey] = useState(view.meta?.key ?? '');
  const [metaValue, setMetaValue] = useState(view.meta?.value ?? '');
  useEffect(() => { setMetaKey(view.meta?.key ?? ''); setMetaValue(view.meta?.value ?? ''); }, [view.meta?.key, view.meta?.value]);
  const metaValid = META_KEY.test(metaKey.trim()) && metaValue.length > 0 && metaValue.length <= META_VALUE_MAX;
  function applyMeta(e: FormEvent) {
    e.preventDefault();
    if (metaValid) set({ meta: { key: metaKey.trim(), value: metaValue } });
  }

  const filtered = encodeView({ ...view, compare: true }) !== encodeView({ ...DEFAULT_VIEW, range: view.range, from: view.from, to: view.to });

  return (
    <div className="dash-filters" role="search" aria-label={t('dashboards.filters.label')} data-testid="dashboard-filters">
      <div className="filter-group">
        <label className="filter-label" htmlFor="dash-range">{t('dashboards.filters.range')}</label>
        <select id="dash-range" className="input select input-sm" value={view.range} data-testid="filter-range"
          onChange={(e) => (e.target.value === 'custom' ? set({ range: 'custom', from: range.from, to: range.to }) : set({ range: e.target.value as DashboardView['range'], from: null, to: null }))}>
          {RANGE_PRESETS.map((p) => <option key={p} value={p}>{t(`dashboards.presets.${p}`)}</option>)}
          <option value="custom">{t('dashboards.presets.custom')}</option>
        </select>
        {view.range === 'custom' && (
          <span className="date-pair">
            <input type="date" className="input input-sm" value={from} max={to || undefined} aria-label={t('dashboards.filters.from')} aria-invalid={!customValid || undefined}
              onChange={(e) => applyDates(e.target.value, to)} data-testid="filter-from" />
            <span aria-hidden="true">–</span>
            <input type="date" className="input input-sm" value={to} min={from || undefined} aria-label={t('dashboards.filters.to')} aria-invalid={!customValid || undefined}
              onChange={(e) => applyDates(from, e.target.value)} data-testid="filter-to" />
          </span>
        )}
      </div>
      <div className="filter-group">
        <label className="filter-label" htmlFor="dash-tz">{t('dashboards.filters.timeZone')}</label>
        <select id="dash-tz" className="input select input-sm tz-select" value={view.tz ?? ''} data-testid="filter-tz" onChange={(e) => set({ tz: e.target.value || null })}>
          <option value="">{t('dashboards.filters.workspaceZone', { zone: workspaceZone })}</option>
          {zoneList.map((z) => <option key={z} value={z}>{z}</option>)}
        </select>
      </div>
      <div className="filter-group">
        <span className="filter-label">{t('dashboards.filters.surveys')}</span>
        <MultiPick label={t('dashboards.filters.surveys')} allLabel={t('dashboards.filters.allSurveys')} testId="filter-surveys"
          options={surveys.map((s) => ({ value: s.id, label: s.name }))} value={view.surveys} onChange={(surveys2) => set({ surveys: surveys2 })} />
      </div>
      <div className="filter-group">
        <span className="filter-label">{t('dashboards.filters.channels')}</span>
        <MultiPick label={t('dashboards.filters.channels')} allLabel={t('dashboards.filters.allChannels')} testId="filter-channels"
          options={CHANNELS.map((c) => ({ value: c, label: t(`channels.${c}`) }))} value={view.channels} onChange={(channels) => set({ channels })} />
      </div>
      {(segments.length > 0 || view.segment) && (
        <div className="filter-group">
          <label className="filter-label" htmlFor="dash-segment">{t('dashboards.filters.segment')}</label>
          <select id="dash-segment" className="input select input-sm" value={view.segment ?? ''} data-testid="filter-segment" onChange={(e) => set({ segment: e.target.value || null })}>
            <option value="">{t('dashboards.filters.allCustomers')}</option>
            {segments.map((s) => <option key={s.id} value={s.id}>{t('dashboards.filters.segmentOption', { name: s.name, count: s.memberCount })}</option>)}
            {view.segment && !segments.some((s) => s.id === view.segment) && <option value={view.segment}>{t('dashboards.filters.unknownSegment')}</option>}
          </select>
        </div>
      )}
      <form className="filter-group" onSubmit={applyMeta}>
        <span className="filter-label">{t('dashboards.filters.metadata')}</span>
        <span className="meta-pair">
          <input className="input input-sm meta-key" list="dash-meta-keys" value={metaKey} onChange={(e) => setMetaKey(e.target.value)} placeholder={t('dashboards.filters.metaKey')}
            aria-label={t('dashboards.filters.metaKey')} maxLength={64} data-testid="filter-meta-key" />
          <datalist id="dash-meta-keys">{dimensions.map((d) => <option key={d} value={d} />)}</datalist>
          <span aria-hidden="true">=</span>
          <input className="input input-sm meta-value" value={metaValue} onChange={(e) => setMetaValue(e.target.value)} placeholder={t('dashboards.filters.metaValue')}
            aria-label={t('dashboards.filters.metaValue')} maxLength={META_VALUE_MAX} data-testid="filter-meta-value" />
          <Button type="submit" size="sm" disabled={!metaValid || (view.meta?.key === metaKey.trim() && view.meta?.value === metaValue)} testId="filter-meta-apply">{t('dashboards.filters.apply')}</Button>
          {view.meta && <button type="button" className="icon-btn" onClick={() => set({ meta: null })} aria-label={t('dashboards.filters.clearMeta')} data-testid="filter-meta-clear">×</button>}
        </span>
      </form>
      <div className="filter-group filter-end">
        <label className="check small">
          <input type="checkbox" checked={view.compare} onChange={(e) => set({ compare: e.target.checked })} data-testid="filter-compare" />
          <span>{t('dashboards.filters.compare')}</span>
        </label>
        {filtered && <Button size="sm" variant="ghost" onClick={() => set({ tz: null, surveys: [], channels: [], meta: null, segment: null })} testId="filter-reset">{t('dashboards.filters.reset')}</Button>}
      </div>
    </div>
  );
}
