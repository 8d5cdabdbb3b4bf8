import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail, CaseSummary } from '@touchpoint/shared';
import { api } from '../../lib/api';
import { errorText } from '../../lib/errors';
import { formatNumber } from '../../lib/format';
import { currentUiLanguage } from '../../lib/i18n';
import { navigate, useLocation } from '../../app/router';
import { PageHeader } from '../../app/Shell';
import { useWorkspace } from '../../app/workspace-context';
import { Button } from '../../ui/Button';
import { EmptyState } from '../../ui/EmptyState';
import { Loading } from '../../ui/Spinner';
import { Tabs } from '../../ui/Tabs';
import { useToast } from '../../ui/Toast';
import { moveSelection } from './case-list';
import { CaseTable } from './CaseTable';
import { caseErrorText } from './close-form';
import { categoryTab, decodeInboxView, encodeInboxView, hasFilters, tabCount, withCategoryTab, type CategoryTab, type InboxView } from './inbox-url';
import { InboxFilters } from './InboxFilters';
import { LoopMetricsLink } from './loop/LoopMetricsLink';
import { SavedViews } from './SavedViews';
import { CaseSetupLink } from './settings/CaseSetupLink';
import { ShortcutsButton, ShortcutsHelp } from './ShortcutsHelp';
import { casePath, casesApi, casesPath, rememberInbox, useCaseList, useCaseMeta } from './use-cases';
import { useCaseFrames } from './use-case-frames';
import { useNow } from './use-now';
import { useShortcuts } from './use-shortcuts';
import './cases.css';

const TABS: CategoryTab[] = ['active', 'new', 'open', 'waiting', 'resolved', 'closed', 'all'];
const REFETCH_MS = 600;

/** The agents' inbox: views, category tabs with counts, filters in the URL, live rows and keyboard work. */
export function CasesInboxPage() {
  const { t } = useTranslation();
  const lang = currentUiLanguage();
  const toast = useToast();
  const { workspace, can } = useWorkspace();
  const wid = workspace.id;
  const { search } = useLocation();
  const query = search.toString();
  const view = useMemo(() => decodeInboxView(query), [query]);
  const setView = useCallback((v: InboxView, replace = false) => {
    const q = encodeInboxView(v);
    navigate(`${casesPath(wid)}${q ? `?${q}` : ''}`, { replace });
  }, [wid]);
  useEffect(() => rememberInbox(wid, encodeInboxView(view)), [wid, view]);

  const meta = useCaseMeta(wid);
  const list = useCaseList(wid, view);
  const now = useNow();
  const [selected, setSelected] = useState(-1);
  const [help, setHelp] = useState(false);
  const [assigning, setAssigning] = useState<string | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  useEffect(() => setSelected(-1), [query]);

  // Live: frames arrive coalesced; a further short wait lets a burst of changes settle into one refetch.
  const { reload, replace } = list;
  const refetchTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const changed = useRef(new Set<string>());
  const live = useCaseFrames(wid, useCallback((frames) => {
    for (const f of frames) changed.current.add(f.caseId);
    clearTimeout(refetchTimer.current);
    refetchTimer.current = setTimeout(() => {
      const ids = changed.current;
      changed.current = new Set();
      void reload(true, ids);
    }, REFETCH_MS);
  }, [reload]));
  useEffect(() => () => clearTimeout(refetchTimer.current), []);

  const canWork = can('cases.work');
  const assignMe = useCallback(async (c: CaseSummary) => {
    setAssigning(c.id);
    try {
      const updated = await api<CaseDetail>(casesApi(wid, c.id, 'assign-me'), { method: 'POST' });
      replace(updated);
      toast.success(t('cases.toast.assignedToYou', { number: c.number }));
    } catch (err) { toast.error(caseErrorText(t, err)); } finally { setAssigning(null); }
  }, [wid, replace, toast, t]);

  const cases = list.cases;
  const open = (i: number) => { if (cases[i]) navigate(casePath(wid, cases[i].id)); };
  useShortcuts({
    j: () => setSelected((i) => moveSelection(i, 1, cases.length)),
    k: () => setSelected((i) => moveSelection(i, -1, cases.length)),
    o: () => open(selected),
    Enter: selected >= 0 ? () => open(selected) : undefined,
    '/': () => { searchRef.current?.focus(); searchRef.current?.select(); },
    a: canWork && cases[selected] ? () => void assignMe(cases[selected]) : undefined,
    '?': () => setHelp(true),
  });

  const tab = categoryTab(view);
  const tabLabel = (id: CategoryTab) => {
    const n = tabCount(list.counts, id);
    return <>{t(`cases.tabs.${id}`)}{n !== undefined && <span className="chip-count"> {formatNumber(lang, n)}</span>}</>;
  };
  const filtered = hasFilters(view);

  return (
    <>
      <PageHeader title={t('cases.inbox.title')} subtitle={t('cases.inbox.subtitle')}
        actions={<>
          <span className={`live${live.connected ? ' live-on' : ''}`} data-testid="case-live"><span className="live-dot" />{live.connected ? t('cases.live.on') : t('cases.live.off')}</span>
          <ShortcutsButton onClick={() => setHelp(true)} />
          <LoopMetricsLink />
          <CaseSetupLink />
        </>} />
      <div className="case-inbox">
        <SavedViews wid={wid} view={view} onPick={(v) => setView(v)} />
        <div className="case-inbox-main stack">
          <Tabs label={t('cases.tabs.label')} idPrefix="case-tab" value={tab ?? ''} onChange={(id) => setView(withCategoryTab(view, id as CategoryTab))}
            items={TABS.map((id) => ({ id, label: tabLabel(id), testId: `case-tab-${id}` }))} />
          <div role="tabpanel" aria-labelledby={tab ? `case-tab-${tab}` : undefined} className="stack">
            <InboxFilters view={view} onChange={(v) => setView(v, true)} meta={meta} searchRef={searchRef} />
            {list.error && !cases.length ? (
              <EmptyState title={t('errors.loadFailed')} text={errorText(t, list.error)} testId="case-list-error"
                action={<Button onClick={() => void list.reload()}>{t('common.retry')}</Button>} />
            ) : list.loading && !cases.length ? <Loading testId="case-list-loading" /> : !cases.length ? (
              <EmptyState title={filtered ? t('cases.inbox.emptyFiltered') : t('cases.inbox.empty')} text={filtered ? undefined : t('cases.inbox.emptyText')} testId="case-list-empty" />
            ) : (
              <>
                <div aria-busy={list.loading || undefined}>
                  <CaseTable wid={wid} cases={cases} meta={meta} selected={selected} onSelect={setSelected} highlighted={list.highlighted} now={now}
                    onAssignMe={canWork ? (c) => void assignMe(c) : undefined} assigning={assigning} onTag={(tag) => setView({ ...view, tag })} />
                </div>
                {list.error && <p className="field-error" role="alert">{errorText(t, list.error)}</p>}
                {list.nextCursor && (
                  <div className="row-center">
                    <Button onClick={() => void list.loadMore()} busy={list.loadingMore} testId="case-load-more">{t('common.loadMore')}</Button>
                  </div>
                )}
              </>
            )}
          </div>
        </div>
      </div>
      <ShortcutsHelp scope="inbox" open={help} onClose={() => setHelp(false)} />
    </>
  );
}
