import { useTranslation } from 'react-i18next';
import type { UiLanguage } from '@touchpoint/shared';
import { formatDayRange } from './labels';
import type { DashboardView } from './url-state';

/**
 * The filters in one line of words ("Oct 25 – Nov 23, 2026 · Asia/Taipei · All surveys · …"):
 * on screen under the filter bar, and printed on the PNG/PDF exports, which leave the controls out.
 */
export function FilterSummary({ view, range, zone, surveyNames, lang }: {
  view: DashboardView; range: { from: string; to: string }; zone: string; surveyNames: ReadonlyMap<string, string>; lang: UiLanguage;
}) {
  const { t } = useTranslation();
  const parts = [
    view.range === 'custom' ? formatDayRange(lang, range.from, range.to) : `${t(`dashboards.presets.${view.range}`)} (${formatDayRange(lang, range.from, range.to)})`,
    zone,
    view.surveys.length ? view.surveys.map((s) => surveyNames.get(s) ?? s).join(', ') : t('dashboards.filters.allSurveys'),
    view.channels.length ? view.channels.map((c) => t(`channels.${c}`, { defaultValue: c })).join(', ') : t('dashboards.filters.allChannels'),
    ...(view.meta ? [`${view.meta.key} = ${view.meta.value}`] : []),
    ...(view.compare ? [t('dashboards.filters.comparing')] : []),
  ];
  return <p className="filter-summary" data-testid="filter-summary">{parts.join(' · ')}</p>;
}
