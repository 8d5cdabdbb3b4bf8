import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { LoopMetrics } from '@touchpoint/shared';
import { INTL_LOCALE, formatNumber, formatPercent } from '../../../lib/format';
import { currentUiLanguage } from '../../../lib/i18n';
import { EmptyState } from '../../../ui/EmptyState';
import { Table } from '../../../ui/Table';
import { DashChart } from '../../dashboards/DashChart';
import { GROUP_RATES, RATE_COLORS, formatMinutes, groupsOption, paretoData, paretoOption, type GroupRate } from './loop-charts';
import type { GroupBy } from './loop-view';

/** Teams, agents or themes side by side: the three rates as grouped bars. */
export function GroupComparison({ groups, by }: { groups: LoopMetrics['groups']; by: GroupBy }) {
  const { t } = useTranslation();
  const lang = currentUiLanguage();
  const names = rateNames(t);
  const title = t(`casesAdmin.loop.byTitle.${by}`);
  return (
    <section className="card chart-card" aria-labelledby="loop-groups" data-testid="loop-groups">
      <h2 className="card-title" id="loop-groups">{title}</h2>
      {!groups.length ? <EmptyState title={t('casesAdmin.loop.noGroups')} testId="loop-groups-empty" /> : (
        <>
          <DashChart label={title} height={260} testId="loop-groups-chart" option={groupsOption(groups, names, (s) => formatPercent(lang, s))} />
          <ul className="loop-legend" aria-hidden="true">
            {GROUP_RATES.map((r) => <li key={r}><span className="dot" style={{ background: RATE_COLORS[r] }} />{names[r]}</li>)}
          </ul>
        </>
      )}
    </section>
  );
}

/** Every number of every group, for reading exactly what the bars show (and the medians they do not). */
export function GroupTable({ groups, by }: { groups: LoopMetrics['groups']; by: GroupBy }) {
  const { t } = useTranslation();
  const lang = currentUiLanguage();
  const names = rateNames(t);
  const pct = (v: number | null) => formatPercent(lang, v);
  if (!groups.length) return null;
  return (
    <Table caption={t(`casesAdmin.loop.byTitle.${by}`)} testId="loop-groups-table">
      <thead><tr>
        <th>{t(`casesAdmin.loop.by.${by}`)}</th><th className="right">{t('casesAdmin.loop.opened')}</th><th className="right">{t('casesAdmin.loop.closed')}</th>
        <th className="right">{names.closureRate}</th><th className="right">{t('casesAdmin.loop.firstResponse')}</th><th className="right">{t('casesAdmin.loop.timeToClose')}</th>
        <th className="right">{names.slaAttainment}</th><th className="right">{names.recoveryRate}</th>
      </tr></thead>
      <tbody>
        {groups.map((g) => (
          <tr key={g.key} data-testid="loop-group-row">
            <th scope="row">{g.label}</th>
            <td className="right num">{formatNumber(lang, g.opened)}</td>
            <td className="right num">{formatNumber(lang, g.closed)}</td>
            <td className="right num">{pct(g.closureRate)}</td>
            <td className="right num nowrap">{formatMinutes(INTL_LOCALE[lang], g.timeToFirstResponse)}</td>
            <td className="right num nowrap">{formatMinutes(INTL_LOCALE[lang], g.timeToClose)}</td>
            <td className="right num" title={t('casesAdmin.loop.slaMeta', { n: formatNumber(lang, g.slaDecided) })}>{pct(g.slaAttainment)}</td>
            <td className="right num" title={t('casesAdmin.loop.recoveryMeta', { recovered: formatNumber(lang, g.recovered), detractors: formatNumber(lang, g.detractors) })}>{pct(g.recoveryRate)}</td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

const rateNames = (t: TFunction) => Object.fromEntries(GROUP_RATES.map((r) => [r, t(`casesAdmin.loop.rate.${r}`)])) as Record<GroupRate, string>;

/** Root causes of the cases closed in the period: bars by count and the cumulative share. */
export function RootCausePareto({ rows }: { rows: LoopMetrics['pareto'] }) {
  const { t } = useTranslation();
  const lang = currentUiLanguage();
  const data = paretoData(rows, t('casesAdmin.loop.otherCauses'));
  const title = t('casesAdmin.loop.pareto');
  return (
    <section className="card chart-card" aria-labelledby="loop-pareto" data-testid="loop-pareto">
      <div className="chart-head">
        <h2 className="card-title" id="loop-pareto">{title}</h2>
        <p className="muted small">{t('casesAdmin.loop.paretoHint')}</p>
      </div>
      {!data.counts.length ? <EmptyState title={t('casesAdmin.loop.noCauses')} text={t('casesAdmin.loop.noCausesText')} testId="loop-pareto-empty" /> : (
        <>
          <DashChart label={title} height={280} testId="loop-pareto-chart"
            option={paretoOption(data, { count: t('casesAdmin.loop.cases'), cumulative: t('casesAdmin.loop.cumulative') }, (s) => formatPercent(lang, s))} />
          {/* The same numbers for screen readers and copying. */}
          <table className="sr-only">
            <caption>{title}</caption>
            <thead><tr><th>{t('casesAdmin.loop.rootCause')}</th><th>{t('casesAdmin.loop.cases')}</th><th>{t('casesAdmin.loop.cumulative')}</th></tr></thead>
            <tbody>{data.labels.map((l, i) => <tr key={l}><td>{l}</td><td>{data.counts[i]}</td><td>{formatPercent(lang, data.cumulative[i] / 100, 1)}</td></tr>)}</tbody>
          </table>
        </>
      )}
    </section>
  );
}
