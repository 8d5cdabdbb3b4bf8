/**
 * /w/:wid/cases/loop: is the loop closing? Closure, speed, SLA and recovery for a period, compared
 * across teams, agents or themes, and the root causes behind closed cases. The view is in the URL.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { type LoopMetrics } from '@touchpoint/shared';
import { PageHeader } from '../../../app/Shell';
import { Link, navigate, useLocation } from '../../../app/router';
import { useWorkspace } from '../../../app/workspace-context';
import { withQuery, ws } from '../../../lib/api';
import { useApi } from '../../../lib/use-api';
import { Button } from '../../../ui/Button';
import { EmptyState } from '../../../ui/EmptyState';
import { Loading } from '../../../ui/Spinner';
import { todayIn } from '../../dashboards/periods';
import { LoadError } from '../settings/LoadError';
import { browserTimeZone } from '../settings/team-draft';
import { useThemeNames } from '../settings/use-case-directory';
import { GroupComparison, GroupTable, RootCausePareto } from './LoopCharts';
import { LoopKpis } from './LoopKpis';
import { namedCauses, namedGroups } from './loop-charts';
import { GROUP_BYS, PERIOD_PRESETS, decodeLoopView, encodeLoopView, lastDays, presetOf, type LoopView } from './loop-view';
import './loop.css';

export function LoopMetricsPage() {
  const { t } = useTranslation();
  const { workspace, can } = useWorkspace();
  const wid = workspace.id;
  const { pathname, search } = useLocation();
  const today = useMemo(() => todayIn(browserTimeZone()), []);
  const view = decodeLoopView(search, today);
  const path = can('cases.read') ? withQuery(ws(wid, 'cases', 'metrics'), { from: view.from, to: view.to, by: view.by }) : null;
  const metrics = useApi<LoopMetrics>(path);
  const { themeName } = useThemeNames(wid, can('cases.read'));
  const preset = presetOf(view, today);

  const update = (patch: Partial<LoopView>) => {
    const next = { ...view, ...patch };
    // A period typed backwards is read the way it was meant.
    if (next.from > next.to) [next.from, next.to] = [next.to, next.from];
    const q = encodeLoopView(next, today);
    navigate(`${pathname}${q ? `?${q}` : ''}`, { replace: true });
  };

  const header = (
    <PageHeader title={t('casesAdmin.loop.title')} subtitle={t('casesAdmin.loop.subtitle')} back={{ to: `/w/${wid}/cases`, label: t('casesAdmin.backToCases') }}
      actions={can('cases.read') && <Link to={`/w/${wid}/cases/setup/rules`} className="btn btn-secondary" data-testid="loop-setup-link">{t('casesAdmin.setupLink')}</Link>} />
  );
  if (!can('cases.read')) return <>{header}<EmptyState title={t('casesAdmin.noAccess')} text={t('casesAdmin.noAccessText', { role: t(`roles.${workspace.role}`) })} testId="no-access" /></>;

  const data = metrics.data;
  const groups = data ? namedGroups(data.groups, view.by, themeName, t(`casesAdmin.loop.none.${view.by}`)) : [];
  const empty = data && data.overall.opened === 0 && data.overall.closed === 0;
  return (
    <>
      {header}
      <div className="filters loop-filters" data-testid="loop-filters">
        <div className="presets" role="group" aria-label={t('casesAdmin.loop.period')}>
          {PERIOD_PRESETS.map((d) => (
            <button key={d} type="button" className={preset === d ? 'chip chip-active' : 'chip'} aria-pressed={preset === d} data-testid={`loop-preset-${d}`}
              onClick={() => update(lastDays(today, d))}>{t('casesAdmin.loop.lastDays', { count: d })}</button>
          ))}
        </div>
        <label className="loop-date">
          <span className="muted small">{t('casesAdmin.loop.from')}</span>
          <input type="date" className="input input-sm" value={view.from} max={today} required data-testid="loop-from" onChange={(e) => e.target.value && update({ from: e.target.value })} />
        </label>
        <label className="loop-date">
          <span className="muted small">{t('casesAdmin.loop.to')}</span>
          <input type="date" className="input input-sm" value={view.to} max={today} required data-testid="loop-to" onChange={(e) => e.target.value && update({ to: e.target.value })} />
        </label>
        <label className="loop-date">
          <span className="muted small">{t('casesAdmin.loop.groupBy')}</span>
          <select className="input input-sm select" value={view.by} data-testid="loop-by" onChange={(e) => update({ by: e.target.value as LoopView['by'] })}>
            {GROUP_BYS.map((b) => <option key={b} value={b}>{t(`casesAdmin.loop.by.${b}`)}</option>)}
          </select>
        </label>
        <Button size="sm" variant="ghost" onClick={() => void metrics.reload()} busy={metrics.loading && !!data} testId="loop-refresh">{t('casesAdmin.loop.refresh')}</Button>
      </div>
      {metrics.error && !data ? <LoadError error={metrics.error} onRetry={() => void metrics.reload()} />
        : !data ? <Loading />
        : empty ? <EmptyState title={t('casesAdmin.loop.empty')} text={t('casesAdmin.loop.emptyText')} testId="loop-empty" />
        : (
          <div className="stack loop-page" data-testid="loop-metrics" aria-busy={metrics.loading || undefined}>
            <LoopKpis n={data.overall} />
            <div className="chart-grid loop-charts">
              <GroupComparison groups={groups} by={view.by} />
              <RootCausePareto rows={namedCauses(data.pareto, themeName)} />
            </div>
            <GroupTable groups={groups} by={view.by} />
          </div>
        )}
    </>
  );
}
