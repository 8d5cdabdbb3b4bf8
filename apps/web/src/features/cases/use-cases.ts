/**
 * The inbox's data: the list (first page, "Load more" by cursor, a quiet refetch of what is shown
 * when the stream says cases changed, with the changed rows marked for a moment), and what both
 * pages need to name things: settings (custom statuses, codes, templates), agents, teams, themes.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Agent, CaseList, CaseSettings, CaseSummary, SavedView, TaxonomyView, Team } from '@touchpoint/shared';
import { api, ApiError, ws } from '../../lib/api';
import { useApi } from '../../lib/use-api';
import { appendPage, changedCaseIds } from './case-list';
import { listParams, PAGE_SIZE, type InboxView } from './inbox-url';

const HIGHLIGHT_MS = 4000;
/** The most a refetch asks for at once (the API's limit): more loaded rows fall back to the first pages. */
const MAX_LIMIT = 200;

export const casesPath = (wid: string) => `/w/${wid}/cases`;
export const casePath = (wid: string, caseId: string) => `/w/${wid}/cases/${encodeURIComponent(caseId)}`;
export const casesApi = (wid: string, ...parts: string[]) => ws(wid, 'cases', ...parts);

const asApiError = (err: unknown) => (err instanceof ApiError ? err : new ApiError(0, 'unknown', String(err)));

export interface CaseListState {
  cases: CaseSummary[];
  counts: CaseList['counts'] | undefined;
  nextCursor: string | null;
  loading: boolean;
  loadingMore: boolean;
  error: ApiError | undefined;
  highlighted: ReadonlySet<string>;
}

export function useCaseList(wid: string, view: InboxView) {
  const key = listParams(view).toString();
  const [state, setState] = useState<CaseListState>({ cases: [], counts: undefined, nextCursor: null, loading: true, loadingMore: false, error: undefined, highlighted: new Set() });
  const controller = useRef<AbortController | null>(null);
  const shown = useRef<CaseSummary[]>([]);
  shown.current = state.cases;
  const clearTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const fetchPage = useCallback((params: URLSearchParams, signal: AbortSignal) =>
    api<CaseList>(`${casesApi(wid)}?${params.toString()}`, { signal }), [wid]);

  /** quiet: a live refetch of as many rows as are shown, keeping the list on screen and marking what changed. */
  const load = useCallback(async (quiet = false, alsoMark: Iterable<string> = []) => {
    controller.current?.abort();
    const c = new AbortController();
    controller.current = c;
    if (!quiet) setState((s) => ({ ...s, loading: true }));
    const base = new URLSearchParams(key);
    if (quiet) base.set('limit', String(Math.min(MAX_LIMIT, Math.max(PAGE_SIZE, shown.current.length))));
    try {
      const page = await fetchPage(base, c.signal);
      if (c.signal.aborted) return;
      const marked = quiet ? new Set([...changedCaseIds(shown.current, page.cases), ...alsoMark]) : new Set<string>();
      setState({ cases: page.cases, counts: page.counts, nextCursor: page.nextCursor, loading: false, loadingMore: false, error: undefined, highlighted: marked });
      if (marked.size) {
        clearTimeout(clearTimer.current);
        clearTimer.current = setTimeout(() => setState((s) => ({ ...s, highlighted: new Set() })), HIGHLIGHT_MS);
      }
    } catch (err) {
      if (c.signal.aborted) return;
      setState((s) => ({ ...s, loading: false, error: asApiError(err) }));
    }
  }, [key, fetchPage]);

  useEffect(() => {
    void load();
    return () => controller.current?.abort();
  }, [load]);
  useEffect(() => () => clearTimeout(clearTimer.current), []);

  const loadMore = useCallback(async () => {
    if (!state.nextCursor || state.loadingMore) return;
    const c = new AbortController();
    controller.current = c;
    setState((s) => ({ ...s, loadingMore: true }));
    const params = new URLSearchParams(key);
    params.set('cursor', state.nextCursor);
    try {
      const page = await fetchPage(params, c.signal);
      if (c.signal.aborted) return;
      setState((s) => ({ ...s, cases: appendPage(s.cases, page.cases), nextCursor: page.nextCursor, loadingMore: false, error: undefined }));
    } catch (err) {
      if (c.signal.aborted) return;
      setState((s) => ({ ...s, loadingMore: false, error: asApiError(err) }));
    }
  }, [key, fetchPage, state.nextCursor, state.loadingMore]);

  /** A row changed by this page's own action (assign to me): replace it in place. */
  const replace = useCallback((c: CaseSummary) => setState((s) => ({ ...s, cases: s.cases.map((x) => (x.id === c.id ? c : x)) })), []);

  return { ...state, reload: load, loadMore, replace };
}

export interface CaseMeta {
  settings: CaseSettings | undefined;
  agents: Agent[];
  teams: Team[];
  themes: TaxonomyView['themes'];
  settingsError: ApiError | undefined;
  reloadSettings: () => Promise<void>;
}

/** Lists that name what cases hold; each may fail alone (a missing name falls back to the id). */
export function useCaseMeta(wid: string): CaseMeta {
  const settings = useApi<CaseSettings>(casesApi(wid, 'settings'));
  const agents = useApi<Agent[]>(casesApi(wid, 'agents'));
  const teams = useApi<Team[]>(casesApi(wid, 'teams'));
  // Every theme carries its names per UI language: themeLabel picks the reader's.
  const themes = useApi<TaxonomyView>(ws(wid, 'text', 'themes'));
  return useMemo(() => ({
    settings: settings.data,
    agents: agents.data ?? [],
    teams: teams.data ?? [],
    themes: themes.data?.themes ?? [],
    settingsError: settings.error,
    reloadSettings: settings.reload,
  }), [settings.data, settings.error, settings.reload, agents.data, teams.data, themes.data]);
}

export function useSavedViews(wid: string) {
  return useApi<SavedView[]>(casesApi(wid, 'views'));
}

const INBOX_KEY = 'touchpoint.casesInbox.';

/** The inbox's filters as last shown, so "back" (Escape on a case) returns to the same list. */
export function rememberInbox(wid: string, query: string): void {
  try { sessionStorage.setItem(INBOX_KEY + wid, query); } catch { /* private mode: back goes to the default list */ }
}

export function inboxReturnPath(wid: string): string {
  let q = '';
  try { q = sessionStorage.getItem(INBOX_KEY + wid) ?? ''; } catch { /* ignore */ }
  return `${casesPath(wid)}${q ? `?${q}` : ''}`;
}
