/**
 * Bodies of the closed-loop tiles. They read GET …/cases/metrics (loop-tiles.ts) and say and draw
 * it with the loop page's own pieces (its wording of the five numbers, its Pareto and grouped-bar
 * options), so a number reads the same on a dashboard as on the loop page. What the charts draw is
 * also in a screen-reader table (canvas text is not read aloud).
 */
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { LOOP_TILE_GROUPS } from '@touchpoint/shared';
import { Link } from '../../app/router';
import { useWorkspace } from '../../app/workspace-context';
import { formatNumber, formatPercent } from '../../lib/format';
import { currentUiLanguage } from '../../lib/i18n';
import { loopKpiItems } from '../cases/loop/LoopKpis';
import { GROUP_RATES, RATE_COLORS, groupsOption, paretoData, paretoOption, type GroupRate } from '../cases/loop/loop-charts';
import { loopMetricsPath } from '../cases/loop/loop-view';
import { DashChart } from './DashChart';
import { tileTitle } from './labels';
import { loopGroupOf, namedLoop, noCases, type LoopGroup, type LoopNames } from './loop-tiles';
import type { TileContext, TileProps } from './tile-props';
import { TileEmpty } from './TileEmpty';
import type { Tile } from './types';

/** Bars a tile has room for, by size: the rest of the causes fold into "Other", the smallest groups are left to the loop page. */
const PARETO_BARS = { s: 4, m: 7, l: 10 } as const;
const GROUP_BARS = { s: 4, m: 8, l: 16 } as const;

const loopNames = (t: TFunction, ctx: TileContext): LoopNames => ({
  themeName: ctx.themeName ?? ((id) => id),
  none: (by) => t(`casesAdmin.loop.none.${by}`),
});

/** The line under a loop tile's title: which cases it counts. */
export const loopTileSub = (t: TFunction) => t('dashboards.loop.sub');

const NoCases = () => {
  const { t } = useTranslation();
  return <TileEmpty text={t('casesAdmin.loop.empty')} hint={t('dashboards.loop.emptyHint')} />;
};

/** To the loop page for the same days (and grouping), where every group and number is listed. */
function MoreLink({ tile, ctx, text }: { tile: Tile; ctx: TileContext; text: string }) {
  const { workspace } = useWorkspace();
  const to = loopMetricsPath(workspace.id, { ...ctx.range, by: loopGroupOf(tile) ?? undefined });
  return <p className="loop-tile-more small" data-export="skip"><Link to={to} data-testid="loop-tile-link">{text}</Link></p>;
}

/** Closure rate, median first response and time to close, SLA attainment, recovery rate, each with its counts. */
export function LoopKpisTile({ tile, loop, ctx }: TileProps) {
  const { t } = useTranslation();
  if (!loop) return null;
  if (noCases(loop)) return <NoCases />;
  return (
    <>
      <dl className="loop-tile-kpis" data-testid="loop-tile-kpis">
        {loopKpiItems(t, currentUiLanguage(), loop.overall).map((k) => (
          <div key={k.id} className="loop-tile-kpi" data-testid={`loop-tile-${k.id}`}>
            <dt className="loop-tile-label">{k.label}</dt>
            <dd className="loop-tile-value" data-testid="loop-tile-value">{k.value}</dd>
            <dd className="loop-tile-meta">{k.meta}</dd>
          </div>
        ))}
      </dl>
      <MoreLink tile={tile} ctx={ctx} text={t('dashboards.loop.open')} />
    </>
  );
}

/** Root causes of the closed cases: bars by count, most frequent first, and the cumulative share. */
export function LoopParetoTile({ tile, loop, ctx }: TileProps) {
  const { t } = useTranslation();
  const lang = currentUiLanguage();
  if (!loop) return null;
  if (noCases(loop)) return <NoCases />;
  const data = paretoData(namedLoop(loop, null, loopNames(t, ctx)).pareto, t('casesAdmin.loop.otherCauses'), PARETO_BARS[tile.size]);
  if (!data.counts.length) return <TileEmpty text={t('casesAdmin.loop.noCauses')} hint={t('casesAdmin.loop.noCausesText')} />;
  const names = { count: t('casesAdmin.loop.cases'), cumulative: t('casesAdmin.loop.cumulative') };
  return (
    <>
      <DashChart option={paretoOption(data, names, (s) => formatPercent(lang, s))} height={tile.size === 'l' ? 280 : 240} label={tileTitle(t, tile)} testId="loop-tile-pareto-chart" />
      <table className="sr-only" data-testid="loop-tile-pareto-table">
        <thead><tr><th>{t('casesAdmin.loop.rootCause')}</th><th>{names.count}</th><th>{names.cumulative}</th></tr></thead>
        <tbody>
          {data.labels.map((label, i) => (
            <tr key={label}><th>{label}</th><td>{formatNumber(lang, data.counts[i])}</td><td>{formatPercent(lang, data.cumulative[i] / 100, 1)}</td></tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

/** Closure rate, SLA attainment and recovery rate side by side for each team, agent or theme. */
export function LoopBreakdownTile({ tile, loop, ctx }: TileProps) {
  const { t } = useTranslation();
  const lang = currentUiLanguage();
  if (!loop) return null;
  if (noCases(loop)) return <NoCases />;
  const by = loopGroupOf(tile) ?? 'team';
  const all = namedLoop(loop, by, loopNames(t, ctx)).groups;
  if (!all.length) return <TileEmpty text={t('casesAdmin.loop.noGroups')} hint={t('dashboards.loop.emptyHint')} />;
  const groups = all.slice(0, GROUP_BARS[tile.size]);
  const rates = Object.fromEntries(GROUP_RATES.map((r) => [r, t(`casesAdmin.loop.rate.${r}`)])) as Record<GroupRate, string>;
  const pct = (v: number | null) => formatPercent(lang, v);
  return (
    <>
      <DashChart option={groupsOption(groups, rates, (s) => formatPercent(lang, s))} height={tile.size === 'l' ? 280 : 240} label={tileTitle(t, tile)} testId="loop-tile-groups-chart" />
      <ul className="tile-legend" aria-hidden="true">
        {GROUP_RATES.map((r) => <li key={r}><span className="dot" style={{ background: RATE_COLORS[r] }} />{rates[r]}</li>)}
      </ul>
      <table className="sr-only" data-testid="loop-tile-groups-table">
        <thead><tr><th>{t(`casesAdmin.loop.by.${by}`)}</th><th>{t('casesAdmin.loop.opened')}</th>{GROUP_RATES.map((r) => <th key={r}>{rates[r]}</th>)}</tr></thead>
        <tbody>
          {groups.map((g) => (
            <tr key={g.key} data-group={g.key}><th>{g.label}</th><td>{formatNumber(lang, g.opened)}</td><td>{pct(g.closureRate)}</td><td>{pct(g.slaAttainment)}</td><td>{pct(g.recoveryRate)}</td></tr>
          ))}
        </tbody>
      </table>
      <MoreLink tile={tile} ctx={ctx} text={all.length > groups.length ? t('dashboards.loop.moreGroups', { count: all.length - groups.length }) : t('dashboards.loop.open')} />
    </>
  );
}

/** Edit-mode setting of a loop breakdown tile: what it compares. */
export function LoopTileFields({ tile, id, onChange }: { tile: Tile; id: string; onChange: (patch: Partial<Tile>) => void }) {
  const { t } = useTranslation();
  if (tile.type !== 'loop_breakdown') return null;
  return (
    <label className="mini-field" htmlFor={`${id}-loop-by`}>
      <span>{t('casesAdmin.loop.groupBy')}</span>
      <select id={`${id}-loop-by`} className="input select input-sm" value={tile.loopBy ?? 'team'} onChange={(e) => onChange({ loopBy: e.target.value as LoopGroup })} data-testid="tile-loop-by">
        {LOOP_TILE_GROUPS.map((b) => <option key={b} value={b}>{t(`casesAdmin.loop.by.${b}`)}</option>)}
      </select>
    </label>
  );
}
