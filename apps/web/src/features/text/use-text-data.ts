/**
 * The explorer's pages (first page with facets, then "Load more" by cursor) and the analysis
 * status, polled: every second while a re-tag runs, every 2 s while answers wait for analysis,
 * otherwise every 15 s. New analyses refresh the first page.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { TextAnalysisItem, TextExplorerPage, TextFacets, TextStatus } from '@touchpoint/shared';
import { api, ApiError, withQuery, ws } from '../../lib/api';

export const PAGE_SIZE = 25;

export interface ExplorerState {
  items: TextAnalysisItem[];
  nextCursor: string | null;
  total: number | undefined;
  facets: TextFacets | undefined;
  loading: boolean;
  loadingMore: boolean;
  error: ApiError | undefined;
}

const asApiError = (err: unknown) => (err instanceof ApiError ? err : new ApiError(0, 'unknown', String(err)));

export function useExplorer(wid: string, query: Record<string, string | undefined> | null, lang = '') {
  const key = query ? JSON.stringify(query) : null;
  const [state, setState] = useState<ExplorerState>({ items: [], nextCursor: null, total: undefined, facets: undefined, loading: true, loadingMore: false, error: undefined });
  const controller = useRef<AbortController | null>(null);

  const loadFirst = useCallback(async (quiet = false) => {
    if (key === null) return;
    controller.current?.abort();
    const c = new AbortController();
    controller.current = c;
    if (!quiet) setState((s) => ({ ...s, loading: true }));
    try {
      const page = await api<TextExplorerPage>(withQuery(ws(wid, 'text', 'analyses'), { ...JSON.parse(key), limit: PAGE_SIZE, facets: 'true' }), { signal: c.signal });
      if (c.signal.aborted) return;
      setState({ items: page.items, nextCursor: page.nextCursor, total: page.total, facets: page.facets, loading: false, loadingMore: false, error: undefined });
    } catch (err) {
      if (c.signal.aborted) return;
      setState((s) => ({ ...s, loading: false, error: asApiError(err) }));
    }
    // lang: the server names themes in the UI language (Accept-Language), so a switch refetches.
  }, [wid, key, lang]);

  useEffect(() => {
    void loadFirst();
    return () => controller.current?.abort();
  }, [loadFirst]);

  const loadMore = useCallback(async () => {
    if (key === null || !state.nextCursor || state.loadingMore) return;
    const c = new AbortController();
    controller.current = c;
    setState((s) => ({ ...s, loadingMore: true }));
    try {
      const page = await api<TextExplorerPage>(withQuery(ws(wid, 'text', 'analyses'), { ...JSON.parse(key), limit: PAGE_SIZE, cursor: state.nextCursor }), { signal: c.signal });
      if (c.signal.aborted) return;
      setState((s) => {
        const seen = new Set(s.items.map((i) => i.id));
        return { ...s, items: [...s.items, ...page.items.filter((i) => !seen.has(i.id))], nextCursor: page.nextCursor, loadingMore: false, error: undefined };
      });
    } catch (err) {
      if (c.signal.aborted) return;
      setState((s) => ({ ...s, loadingMore: false, error: asApiError(err) }));
    }
  }, [wid, key, state.nextCursor, state.loadingMore]);

  return { ...state, reload: loadFirst, loadMore };
}

export function useTextStatus(wid: string) {
  const [status, setStatus] = useState<TextStatus | undefined>(undefined);
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const [tick, setTick] = useState(0);
  const refresh = useCallback(() => setTick((n) => n + 1), []);

  useEffect(() => {
    let cancelled = false;
    const c = new AbortController();
    api<TextStatus>(ws(wid, 'text', 'status'), { signal: c.signal })
      .then((s) => { if (!cancelled) { setStatus(s); setError(undefined); } })
      .catch((err) => { if (!cancelled && !c.signal.aborted) setError(asApiError(err)); });
    return () => { cancelled = true; c.abort(); };
  }, [wid, tick]);

  const delay = status?.retag || status?.reanalysis ? 1000 : status && status.backlog > 0 ? 2000 : 15_000;
  useEffect(() => {
    const timer = setTimeout(refresh, delay);
    return () => clearTimeout(timer);
  }, [tick, status, delay, refresh]);

  return { status, error, refresh };
}
