import { useTranslation } from 'react-i18next';
import { formatNumber, formatPercent, formatSigned } from '../../lib/format';
import { currentUiLanguage } from '../../lib/i18n';
import { DashChart } from './DashChart';
import { driversOption, SIGNIFICANT_MARK } from './drivers-chart';
import { metricLabel, tileTitle } from './labels';
import { formatDelta, formatMetric } from './metric-values';
import type { TileProps } from './tile-props';
import { TileEmpty } from './TileEmpty';

const MAX_THEMES = { s: 5, m: 8, l: 12 } as const;
const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Themes of the comments by how much they pull the tile's metric up or down (GET …/text/drivers). */
export function DriversTile({ tile, drivers }: TileProps) {
  const { t } = useTranslation();
  const lang = currentUiLanguage();
  if (!drivers) return null;
  const m = drivers.metric;
  if (!drivers.themes.length) return <TileEmpty text={t('dashboards.drivers.empty', { metric: metricLabel(t, m) })} />;
  const shown = drivers.themes.slice(0, MAX_THEMES[tile.size]);
  const delta = (v: number | null) => formatDelta(lang, m, v);
  // "p < 0.001" rather than a row of zeros; otherwise "p = 0.034".
  const p = (v: number | null) => (v === null ? '–' : v < 0.001 ? `< ${formatNumber(lang, 0.001, 3)}` : `= ${formatNumber(lang, v, 3)}`);
  const bars = shown.map((d) => ({
    label: d.name,
    sublabel: t('dashboards.drivers.sublabel', { n: formatNumber(lang, d.n), impact: delta(d.impact) }),
    lift: d.lift,
    significant: d.difference.significant,
  }));
  const axis = (v: number) => formatSigned(lang, v, m === 'ces' ? 1 : 0);
  const option = driversOption(bars, delta, axis, (i) => {
    const d = shown[i];
    const rows = [
      `<b>${esc(d.name)}</b>`,
      esc(t('dashboards.drivers.mentions', { n: formatNumber(lang, d.n), share: formatPercent(lang, d.share, 1) })),
      esc(t('dashboards.drivers.among', { metric: metricLabel(t, m), mentions: formatMetric(lang, m, d.mentions.value), rest: formatMetric(lang, m, d.rest.value) })),
      `${esc(t('dashboards.drivers.lift'))}: <b>${esc(delta(d.lift))}</b>`,
      esc(t('dashboards.drivers.impact', { value: delta(d.impact), metric: metricLabel(t, m) })),
      esc(d.difference.pValue === null ? t('dashboards.drivers.untested')
        : t(d.difference.significant ? 'dashboards.drivers.significant' : 'dashboards.drivers.notSignificant', { p: p(d.difference.pValue) })),
    ];
    return rows.join('<br/>');
  });
  return (
    <>
      <DashChart option={option} height={Math.max(160, shown.length * 40 + 36)} label={tileTitle(t, tile)} testId="drivers-chart" />
      {/* The chart is a canvas: screen readers get the same bars as a list. */}
      <ul className="sr-only" data-testid="drivers-list">
        {shown.map((d, i) => (
          <li key={d.id} data-theme-id={d.id} data-lift={d.lift ?? ''} data-significant={d.difference.significant}>
            {`${bars[i].significant ? `${SIGNIFICANT_MARK} ` : ''}${d.name}: ${t('dashboards.drivers.lift')} ${delta(d.lift)}, ${bars[i].sublabel}`}
          </li>
        ))}
      </ul>
      <p className="muted small" data-testid="drivers-legend">
        {t('dashboards.drivers.legend', { mark: SIGNIFICANT_MARK, metric: metricLabel(t, m), value: formatMetric(lang, m, drivers.overall.value), n: formatNumber(lang, drivers.n) })}
        {drivers.themes.length > shown.length && ` ${t('dashboards.drivers.moreThemes', { count: drivers.themes.length - shown.length })}`}
      </p>
    </>
  );
}
