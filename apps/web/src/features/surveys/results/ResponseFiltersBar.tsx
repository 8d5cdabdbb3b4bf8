import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CHANNELS } from '@touchpoint/shared';
import { languageLabel } from '../survey-text';
import type { ResponseFilters } from './use-responses';

const SEARCH_DELAY_MS = 300;

/** Search, language, channel, NPS band, "with text". Typing waits a moment before it searches. */
export function ResponseFiltersBar({ value, onChange, languages, hasNps }: { value: ResponseFilters; onChange: (f: ResponseFilters) => void; languages: string[]; hasNps: boolean }) {
  const { t } = useTranslation();
  const [q, setQ] = useState(value.q);
  // "Clear filters" resets the search box too.
  useEffect(() => { setQ(value.q); }, [value.q]);
  useEffect(() => {
    if (q === value.q) return;
    const timer = setTimeout(() => onChange({ ...value, q }), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [q, value, onChange]);

  return (
    <div className="filters" role="search" data-testid="response-filters">
      <input className="input grow" type="search" value={q} onChange={(e) => setQ(e.target.value)} placeholder={t('responses.search')} aria-label={t('responses.search')} maxLength={200} data-testid="filter-search" />
      <select className="input select" value={value.language} onChange={(e) => onChange({ ...value, language: e.target.value })} aria-label={t('responses.language')} data-testid="filter-language">
        <option value="">{t('responses.allLanguages')}</option>
        {languages.map((l) => <option key={l} value={l}>{languageLabel(l)}</option>)}
      </select>
      <select className="input select" value={value.channel} onChange={(e) => onChange({ ...value, channel: e.target.value })} aria-label={t('responses.channel')} data-testid="filter-channel">
        <option value="">{t('responses.allChannels')}</option>
        {CHANNELS.map((c) => <option key={c} value={c}>{t(`channels.${c}`)}</option>)}
      </select>
      {hasNps && (
        <select className="input select" value={value.npsBand} onChange={(e) => onChange({ ...value, npsBand: e.target.value as ResponseFilters['npsBand'] })} aria-label={t('responses.npsBand')} data-testid="filter-nps-band">
          <option value="">{t('responses.allBands')}</option>
          <option value="detractor">{t('kpi.detractors')} 0–6</option>
          <option value="passive">{t('kpi.passives')} 7–8</option>
          <option value="promoter">{t('kpi.promoters')} 9–10</option>
        </select>
      )}
      <label className="check">
        <input type="checkbox" checked={value.withText} onChange={(e) => onChange({ ...value, withText: e.target.checked })} data-testid="filter-with-text" />
        <span>{t('responses.withText')}</span>
      </label>
    </div>
  );
}
