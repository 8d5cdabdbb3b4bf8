import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ws } from '../../lib/api';
import { currentUiLanguage } from '../../lib/i18n';
import type { Items, Survey } from '../../lib/types';
import { useApi } from '../../lib/use-api';
import { navigate, useLocation } from '../../app/router';
import { PageHeader } from '../../app/Shell';
import { useWorkspace } from '../../app/workspace-context';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { EmptyState } from '../../ui/EmptyState';
import { Loading } from '../../ui/Spinner';
import { useToast } from '../../ui/Toast';
import { tileRows } from './csv';
import { DashboardGrid } from './DashboardGrid';
import { DeleteDialog, NameDialog } from './DashboardDialogs';
import { DashboardToolbar, type ExportKind } from './DashboardToolbar';
import { downloadCsv, downloadPdf, downloadPng, fileBase } from './export';
import { FilterBar } from './FilterBar';
import { FilterSummary } from './FilterSummary';
import { groupLabel, tileTitle } from './labels';
import { todayIn } from './periods';
import { openTextLimit, planQueries, queryKey } from './query-plan';
import { copyName } from './tile-edit';
import type { Benchmark, DashboardItem, MetricSettings, Target, Tile } from './types';
import { decodeView, encodeView, resolveRange, type DashboardView } from './url-state';
import { useDashboardData } from './use-dashboard-data';
import { useWorkspaceStream, type RecountFrame } from './use-workspace-stream';
import { RecountBanner } from './RecountBanner';
import { isKpiKey } from './customer-kpis';
import { isLoopKey, isLoopTile, needsThemeNames, refusedLoopStates } from './loop-tiles';
import { useThemeNames } from '../cases/settings/use-case-directory';
import './dashboards.css';

type Dialog = null | 'new' | 'copy' | 'rename' | 'delete';

/** Workspace CX dashboards: the built-in Overview and custom ones, live, filtered from the URL. */
export function DashboardsPage({ dashboardId = 'overview' }: { dashboardId?: string }) {
  const { t } = useTranslation();
  const lang = currentUiLanguage();
  const toast = useToast();
  const { workspace, can } = useWorkspace();
  const wid = workspace.id;
  const { search } = useLocation();
  const query = search.toString();
  const view = useMemo(() => decodeView(query), [query]);

  const list = useApi<DashboardItem[]>(ws(wid, 'dashboards'));
  const settings = useApi<MetricSettings>(ws(wid, 'metrics', 'settings'));
  const surveys = useApi<Items<Survey>>(ws(wid, 'surveys'));
  const targets = useApi<Target[]>(ws(wid, 'metrics', 'targets'));
  const benchmarks = useApi<Benchmark[]>(ws(wid, 'metrics', 'benchmarks'));
  // Declared customer traits, offered as breakdowns (only to those who may read customers).
  const traitDefs = useApi<{ items: { key: string }[] }>(can('customers.read') ? ws(wid, 'customers', 'traits') : null);
  const segments = useApi<{ items: { id: string; name: string; memberCount: number }[] }>(can('customers.read') ? ws(wid, 'segments') : null);
  const traits = useMemo(() => (traitDefs.data?.items ?? []).map((d) => d.key), [traitDefs.data]);

  // The tiles being edited, for the dashboard they belong to (switching dashboards leaves edit mode).
  const [editing, setEditing] = useState<{ id: string; tiles: Tile[] } | null>(null);
  const draft = editing?.id === dashboardId ? editing.tiles : null;
  const setDraft = useCallback((tiles: Tile[] | null, id = dashboardId) => setEditing(tiles ? { id, tiles } : null), [dashboardId]);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [saving, setSaving] = useState(false);
  const [exporting, setExporting] = useState<ExportKind | null>(null);
  const exportArea = useRef<HTMLDivElement>(null);

  const current = list.data?.find((d) => d.id === dashboardId);
  const canCases = can('cases.read');
  // The built-in Overview leaves the closed loop out for roles that cannot see cases, rather than
  // showing them refusals they did not ask for; a dashboard someone built keeps its tiles and says why.
  const tiles = useMemo(() => {
    const all = draft ?? current?.tiles ?? [];
    return current?.builtIn && !canCases ? all.filter((x) => !isLoopTile(x.type)) : all;
  }, [draft, current, canCases]);
  const { themeName } = useThemeNames(wid, canCases && tiles.some(needsThemeNames));
  const zone = view.tz ?? settings.data?.timeZone ?? (settings.error ? 'UTC' : null);
  const today = zone ? todayIn(zone) : null;
  const range = useMemo(() => (today ? resolveRange(view, today) : null), [view, today]);
  // Queries name the zone their range was computed in: when the workspace zone has just changed and
  // these settings are not read again yet, the server must not read this range in the new zone.
  // Without cases.read the loop tiles ask nothing: their state is the refusal (loop-tiles.ts).
  const plan = useMemo(() => (range && current && zone ? planQueries(wid, tiles, { ...view, tz: view.tz ?? zone }, range).filter((q) => canCases || !isLoopKey(q.key)) : null), [wid, tiles, view, range, current, zone, canCases]);
  const data = useDashboardData(plan);
  const states = useMemo(() => (canCases ? data.states : { ...data.states, ...refusedLoopStates(tiles) }), [canCases, data.states, tiles]);
  const surveyNames = useMemo(() => new Map((surveys.data?.items ?? []).map((s) => [s.id, s.name])), [surveys.data]);

  const { refresh } = data;
  const { reload: reloadSettings } = settings;
  // A recount under way (from the settings, then from the live stream's 'recount' frames).
  const [recount, setRecount] = useState<{ done: number; total: number } | null>(null);
  useEffect(() => { setRecount(settings.data?.recount ?? null); }, [settings.data]);
  const live = useWorkspaceStream(wid, useCallback((ids: Set<string>) => {
    // Responses to surveys this view filters out cannot change its numbers.
    if (view.surveys.length && ![...ids].some((id) => !id || view.surveys.includes(id))) return;
    void refresh((key) => !isKpiKey(key) && !isLoopKey(key)); // responses move no customer KPI; cases announce themselves
  }, [view.surveys, refresh]), useCallback((f: RecountFrame) => {
    setRecount(f.finished ? null : { done: f.done, total: f.total });
    // The settings changed (a new time zone is the view's default): read them again when it ends.
    if (f.finished) void reloadSettings();
  }, [reloadSettings]), undefined, useCallback(() => { void refresh(isKpiKey); }, [refresh]),
  useCallback(() => { if (canCases) void refresh(isLoopKey); }, [canCases, refresh]));

  const go = (id: string, v: DashboardView = view, replace = false) => {
    const q = encodeView(v);
    navigate(`/w/${wid}/dashboards/${encodeURIComponent(id)}${q ? `?${q}` : ''}`, { replace });
  };
  const setView = (v: DashboardView) => go(dashboardId, v, true);

  async function write<T>(fn: () => Promise<T>): Promise<T | undefined> {
    try { return await fn(); } catch (err) { toast.error(err); return undefined; }
  }
  const create = (name: string, withTiles: Tile[]) => write(async () => {
    const d = await api<DashboardItem>(ws(wid, 'dashboards'), { method: 'POST', body: { name, tiles: withTiles } });
    await list.reload();
    setDialog(null);
    go(d.id);
    if (!withTiles.length) setDraft([], d.id);
    toast.success(t('dashboards.manage.created', { name }));
  });
  const update = (name: string, withTiles: Tile[]) => write(async () => {
    const body = { name, tiles: withTiles.map((x) => (x.title ? { ...x, title: x.title.trim() } : x)) };
    const d = await api<DashboardItem>(ws(wid, 'dashboards', dashboardId), { method: 'PUT', body });
    list.setData((prev) => (prev ?? []).map((x) => (x.id === d.id ? d : x)));
    return d;
  });

  async function saveDraft() {
    if (!current || !draft) return;
    setSaving(true);
    const ok = await update(current.name, draft);
    setSaving(false);
    if (ok) { setDraft(null); toast.success(t('dashboards.manage.saved')); }
  }

  async function runExport(kind: ExportKind) {
    if (!current || !range) return;
    const title = current.builtIn ? t('dashboards.overview') : current.name;
    const base = fileBase(title, range);
    setExporting(kind);
    try {
      if (kind === 'csv') {
        const rows = tiles.flatMap((tile) => {
          const d = data.states[queryKey(tile)]?.data;
          return tileRows(tile, Array.isArray(d) ? d.slice(0, openTextLimit(tile)) : d, {
            title: tileTitle(t, tile), range, groupLabel: (g) => groupLabel(t, tile.by ?? 'channel', g, surveyNames),
            loopNames: { themeName, none: (by) => t(`casesAdmin.loop.none.${by}`) },
          });
        });
        downloadCsv(rows, `${base}.csv`);
      } else if (exportArea.current) {
        if (kind === 'png') await downloadPng(exportArea.current, `${base}.png`);
        else await downloadPdf(exportArea.current, `${base}.pdf`, title);
      }
    } catch (err) { toast.error(err); } finally { setExporting(null); }
  }

  if (list.loading && !list.data) return <Loading />;
  if (list.error && !list.data) {
    return <EmptyState title={list.error.status === 403 ? t('dashboards.errors.forbidden') : t('errors.loadFailed')} text={list.error.status === 403 ? undefined : list.error.message}
      action={list.error.status === 403 ? undefined : <Button onClick={list.reload}>{t('common.retry')}</Button>} testId="dashboards-error" />;
  }
  if (!current) {
    return <EmptyState title={t('dashboards.notFound')} action={<Button onClick={() => go('overview')}>{t('dashboards.openOverview')}</Button>} testId="dashboard-not-found" />;
  }

  const title = current.builtIn ? t('dashboards.overview') : current.name;
  const canManage = can('dashboards.manage');
  const copyTitle = copyName(title, list.data!.map((d) => d.name), t('dashboards.manage.copyWord'));

  return (
    <div className="dashboards" data-testid="dashboards-page">
      <div ref={exportArea} className="dash-export-area">
        <PageHeader
          title={title}
          subtitle={
            <span className="inline-meta">
              {current.builtIn && <Badge tone="accent">{t('dashboards.builtIn')}</Badge>}
              <span className={`live ${live.connected ? 'live-on' : ''}`} data-testid="dashboard-live" data-export="skip" title={live.connected ? t('dashboards.liveOn') : t('results.liveOff')}>
                <i className="live-dot" aria-hidden="true" />{live.connected ? t('results.live') : t('results.offline')}
              </span>
            </span>
          }
          actions={
            <DashboardToolbar
              dashboards={list.data!} current={current} canManage={canManage} editing={!!draft} exporting={exporting}
              onSelect={(id) => { setDraft(null); go(id); }}
              onNew={() => setDialog('new')} onCopy={() => setDialog('copy')} onRename={() => setDialog('rename')} onDelete={() => setDialog('delete')}
              onEdit={() => setDraft(current.tiles)} onExport={(k) => void runExport(k)}
            />
          }
        />
        {range && zone && (
          <>
            <div data-export="skip">
              <FilterBar view={view} onChange={setView} range={range} workspaceZone={settings.data?.timeZone ?? 'UTC'}
                surveys={(surveys.data?.items ?? []).map((s) => ({ id: s.id, name: s.name }))} dimensions={settings.data?.dimensions ?? []}
                segments={segments.data?.items ?? []} />
            </div>
            <FilterSummary view={view} range={range} zone={zone} surveyNames={surveyNames} lang={lang} />
          </>
        )}
        {recount && <div data-export="skip"><RecountBanner done={recount.done} total={recount.total} /></div>}
        {draft && (
          <div className="edit-bar" data-export="skip" data-testid="edit-bar">
            <span>{t('dashboards.edit.editing')}</span>
            <span className="row-wrap">
              <Button onClick={() => setDraft(null)} testId="edit-cancel">{t('common.cancel')}</Button>
              <Button variant="primary" busy={saving} onClick={() => void saveDraft()} testId="edit-save">{t('common.save')}</Button>
            </span>
          </div>
        )}
        {!range ? <Loading /> : (
          <DashboardGrid
            tiles={tiles} states={states} draft={draft} onDraft={(x) => setDraft(x)} dimensions={settings.data?.dimensions ?? []} traits={traits}
            ctx={{ view, range, today: today!, targets: targets.data ?? [], benchmarks: benchmarks.data ?? [], surveyNames, themeName }}
            onEdit={canManage && !current.builtIn ? () => setDraft(current.tiles) : undefined}
          />
        )}
      </div>
      <NameDialog open={dialog === 'new'} title={t('dashboards.manage.new')} initial="" submitLabel={t('dashboards.manage.create')}
        onSubmit={async (name) => { await create(name, []); }} onClose={() => setDialog(null)} />
      <NameDialog open={dialog === 'copy'} title={t('dashboards.manage.copy')} initial={copyTitle} submitLabel={t('dashboards.manage.create')}
        onSubmit={async (name) => { await create(name, tiles); }} onClose={() => setDialog(null)} />
      <NameDialog open={dialog === 'rename'} title={t('dashboards.manage.rename')} initial={current.name} submitLabel={t('common.save')}
        onSubmit={async (name) => { if (await update(name, current.tiles)) setDialog(null); }} onClose={() => setDialog(null)} />
      <DeleteDialog open={dialog === 'delete'} name={current.name} onClose={() => setDialog(null)}
        onConfirm={async () => {
          await write(async () => {
            await api(ws(wid, 'dashboards', current.id), { method: 'DELETE' });
            setDialog(null);
            await list.reload();
            go('overview');
            toast.success(t('dashboards.manage.deleted', { name: current.name }));
          });
        }} />
    </div>
  );
}
