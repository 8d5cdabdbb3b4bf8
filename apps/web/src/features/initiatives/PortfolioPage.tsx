/**
 * The innovation portfolio (the course's Template 2): every initiative with its priority, status,
 * budget and expected ROI beside the ROI its business case computes; the starter templates; and
 * the value-against-cost 2×2 (quick wins, big bets, fill-ins, money pits), a click opening one.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { INITIATIVE_AREAS, INITIATIVE_PRIORITIES, INITIATIVE_STATUSES, type Initiative, type InitiativeSummary } from '@touchpoint/shared';
import { api, withQuery, ws } from '../../lib/api';
import { currentUiLanguage } from '../../lib/i18n';
import type { Items } from '../../lib/types';
import { useApi } from '../../lib/use-api';
import { PageHeader } from '../../app/Shell';
import { Link, navigate } from '../../app/router';
import { StrategySections } from '../../app/StrategySections';
import { useWorkspace } from '../../app/workspace-context';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { EmptyState } from '../../ui/EmptyState';
import { Loading } from '../../ui/Spinner';
import { Table } from '../../ui/Table';
import { useToast } from '../../ui/Toast';
import { PlanChart } from '../../ui/PlanChart';
import { matrixOption } from './initiative-charts';
import { PRIORITY_TONE, STATUS_TONE, formatMoney, formatPeriods, formatRatio, quadrantOf } from './initiative-format';
import './initiatives.css';

type Filters = { status?: string; priority?: string; area?: string };

export function PortfolioPage() {
  const { t } = useTranslation();
  const lang = currentUiLanguage();
  const toast = useToast();
  const { workspace, can } = useWorkspace();
  const manage = can('strategy.manage');
  const [filters, setFilters] = useState<Filters>({});
  const list = useApi<Items<InitiativeSummary>>(withQuery(ws(workspace.id, 'initiatives'), filters));
  const [busy, setBusy] = useState<string | null>(null);
  const [name, setName] = useState('');
  const open = (id: string) => navigate(`/w/${workspace.id}/initiatives/${id}`);

  async function run(key: string, action: () => Promise<void>) {
    setBusy(key);
    try { await action(); } catch (e) { toast.error(e); } finally { setBusy(null); }
  }
  const loadAreas = () => run('areas', async () => {
    await api(ws(workspace.id, 'initiatives', 'templates', 'innovation-areas'), { method: 'POST' });
    toast.success(t('initiatives.templates.areasLoaded'));
    await list.reload();
  });
  const loadShopee = () => run('shopee', async () => {
    await api<Initiative>(ws(workspace.id, 'initiatives', 'templates', 'shopee'), { method: 'POST' });
    toast.success(t('initiatives.templates.shopeeLoaded'));
    await list.reload();
  });
  const add = () => run('add', async () => {
    const made = await api<Initiative>(ws(workspace.id, 'initiatives'), { method: 'POST', body: { name: name.trim() } });
    setName('');
    open(made.id);
  });

  const items = list.data?.items ?? [];
  const filterSelect = (key: keyof Filters, values: readonly string[], prefix: string) => (
    <label className="small muted initiative-filter">{t(`initiatives.field.${key}`)}
      <select className="input input-sm select" value={filters[key] ?? ''} onChange={(e) => setFilters((f) => ({ ...f, [key]: e.target.value || undefined }))} data-testid={`filter-${key}`}>
        <option value="">{t('initiatives.filters.all')}</option>
        {values.map((v) => <option key={v} value={v}>{t(`${prefix}.${v}`)}</option>)}
      </select>
    </label>
  );

  return (
    <>
      <PageHeader
        title={t('initiatives.title')}
        subtitle={t('initiatives.subtitle')}
        actions={manage && <>
          <Button busy={busy === 'areas'} onClick={() => void loadAreas()} testId="load-areas">{t('initiatives.templates.areas')}</Button>
          <Button busy={busy === 'shopee'} onClick={() => void loadShopee()} testId="load-shopee">{t('initiatives.templates.shopee')}</Button>
        </>}
      />
      <StrategySections group="plan" />
      <div className="stack-lg">
        {manage && (
          <form className="row-wrap" onSubmit={(e) => { e.preventDefault(); if (name.trim()) void add(); }}>
            <input className="input initiative-new" value={name} onChange={(e) => setName(e.target.value)} placeholder={t('initiatives.newPlaceholder')} aria-label={t('initiatives.field.name')} maxLength={200} data-testid="new-initiative-name" />
            <Button type="submit" variant="primary" busy={busy === 'add'} disabled={!name.trim()} testId="add-initiative">{t('initiatives.add')}</Button>
          </form>
        )}
        <div className="row-wrap initiative-filters">
          {filterSelect('status', INITIATIVE_STATUSES, 'initiatives.status')}
          {filterSelect('priority', INITIATIVE_PRIORITIES, 'initiatives.priority')}
          {filterSelect('area', INITIATIVE_AREAS, 'initiatives.area')}
        </div>
        {list.loading && !list.data ? <Loading /> : items.length === 0 ? (
          <EmptyState title={t('initiatives.empty')} text={t('initiatives.emptyText')} testId="initiatives-empty" />
        ) : <>
          <Table testId="initiative-table" caption={t('initiatives.title')}>
            <thead><tr>
              <th>{t('initiatives.field.name')}</th><th>{t('initiatives.field.priority')}</th><th>{t('initiatives.field.status')}</th>
              <th className="right">{t('initiatives.field.budget')}</th><th className="right">{t('initiatives.field.expectedRoi')}</th>
              <th className="right">{t('initiatives.list.computedRoi')}</th><th className="right">{t('initiatives.kpi.npv')}</th><th className="right">{t('initiatives.kpi.payback')}</th>
              <th>{t('initiatives.list.quadrant')}</th>
            </tr></thead>
            <tbody>
              {items.map((i) => (
                <tr key={i.id} data-testid="initiative-row">
                  <td>
                    <Link to={`/w/${workspace.id}/initiatives/${i.id}`} className="strong-link">{i.name}</Link>
                    <div className="muted small">{t(`initiatives.area.${i.area}`)}</div>
                  </td>
                  <td><Badge tone={PRIORITY_TONE[i.priority]}>{t(`initiatives.priority.${i.priority}`)}</Badge></td>
                  <td><Badge tone={STATUS_TONE[i.status]}>{t(`initiatives.status.${i.status}`)}</Badge></td>
                  <td className="right num nowrap">{i.budget ? `${formatMoney(lang, i.budget.min, i.budget.currency, true)} – ${formatMoney(lang, i.budget.max, i.budget.currency, true)}` : '–'}</td>
                  <td className="right num">{formatRatio(lang, i.expectedRoi)}</td>
                  <td className="right num" data-testid="computed-roi">{i.summary ? formatRatio(lang, i.summary.roi) : <span className="muted small">{t('initiatives.list.noCase')}</span>}</td>
                  <td className="right num nowrap">{i.summary ? formatMoney(lang, i.summary.npv, i.summary.currency, true) : '–'}</td>
                  <td className="right nowrap small">{i.summary ? formatPeriods(t, lang, i.summary.paybackSimple, i.summary.periodUnit) : '–'}</td>
                  <td className="small nowrap">{t(`initiatives.quadrant.${quadrantOf(i.valueScore, i.costScore)}`)}</td>
                </tr>
              ))}
            </tbody>
          </Table>
          <div className="card chart-card">
            <div className="chart-head">
              <h2 className="card-title">{t('initiatives.matrix.title')}</h2>
              <p className="muted small">{t('initiatives.matrix.hint')}</p>
            </div>
            <PlanChart testId="initiative-matrix" height={420} label={t('initiatives.matrix.title')} onPick={open}
              option={matrixOption({
                points: items.map((i) => ({ id: i.id, name: i.name, cost: i.costScore, value: i.valueScore, priority: i.priority })),
                names: { must_have: t('initiatives.priority.must_have'), good_to_have: t('initiatives.priority.good_to_have') },
                axes: { x: t('initiatives.field.costScore'), y: t('initiatives.field.valueScore') },
                quadrants: { quickWins: t('initiatives.quadrant.quickWins'), bigBets: t('initiatives.quadrant.bigBets'), fillIns: t('initiatives.quadrant.fillIns'), moneyPits: t('initiatives.quadrant.moneyPits') },
              })} />
          </div>
        </>}
      </div>
    </>
  );
}
