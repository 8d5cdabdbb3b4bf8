/**
 * Data for the Customers pages: a debounced value for the search box, and the timeline's pages
 * (first page, then "Load more" by cursor) for a person and a set of kinds.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CustomerProfile, CustomerSummary, TimelineItem, TimelineKind, TimelinePage } from '@touchpoint/shared';
import { api, ApiError, withQuery, ws } from '../../lib/api';

/** The profile answer carries the currency of `clv` (the one with the most revenue). */
export type Profile = CustomerProfile & { currency: string | null };
/** Search rows may carry a currency too (the server may add it); without one CLV is a plain number. */
export type SummaryRow = CustomerSummary & { currency?: string | null };

export const TIMELINE_PAGE = 25;
export const SEARCH_LIMIT = 50;
export const SEARCH_DEBOUNCE_MS = 300;

/** `value`, once it has stopped changing for `ms`. */
export function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

export function customerPath(wid: string, id: string): string {
  return `/w/${wid}/customers/${encodeURIComponent(id)}`;
}

interface TimelineState { items: TimelineItem[]; nextCursor: string | null; loading: boolean; loadingMore: boolean; error: ApiError | undefined }
const asApiError = (err: unknown) => (err instanceof ApiError ? err : new ApiError(0, 'unknown', String(err)));

/** `version`: bump it after a merge or unmerge so the first page is fetched again. */
export function useTimeline(wid: string, id: string, kinds: readonly TimelineKind[], version: number) {
  const kindsKey = kinds.join(',');
  const [state, setState] = useState<TimelineState>({ items: [], nextCursor: null, loading: true, loadingMore: false, error: undefined });
  const controller = useRef<AbortController | null>(null);
  const path = ws(wid, 'customers', id, 'timeline');

  const loadFirst = useCallback(async () => {
    controller.current?.abort();
    const c = new AbortController();
    controller.current = c;
    setState((s) => ({ ...s, loading: true }));
    try {
      const page = await api<TimelinePage>(withQuery(path, { kinds: kindsKey || undefined, limit: TIMELINE_PAGE }), { signal: c.signal });
      if (c.signal.aborted) return;
      setState({ items: page.items, nextCursor: page.nextCursor, loading: false, loadingMore: false, error: undefined });
    } catch (err) {
      if (c.signal.aborted) return;
      setState((s) => ({ ...s, loading: false, error: asApiError(err) }));
    }
    // version is not read: a new one only makes a new callback, hence a refetch.
  }, [path, kindsKey, version]);

  useEffect(() => {
    void loadFirst();
    return () => controller.current?.abort();
  }, [loadFirst]);

  const loadMore = useCallback(async () => {
    if (!state.nextCursor || state.loadingMore) return;
    const c = new AbortController();
    controller.current = c;
    setState((s) => ({ ...s, loadingMore: true }));
    try {
      const page = await api<TimelinePage>(withQuery(path, { kinds: kindsKey || undefined, limit: TIMELINE_PAGE, cursor: state.nextCursor }), { signal: c.signal });
      if (c.signal.aborted) return;
      setState((s) => {
        const seen = new Set(s.items.map((i) => `${i.kind}:${i.id}`));
        return { ...s, items: [...s.items, ...page.items.filter((i) => !seen.has(`${i.kind}:${i.id}`))], nextCursor: page.nextCursor, loadingMore: false, error: undefined };
      });
    } catch (err) {
      if (c.signal.aborted) return;
      setState((s) => ({ ...s, loadingMore: false, error: asApiError(err) }));
    }
  }, [path, kindsKey, state.nextCursor, state.loadingMore]);

  return { ...state, reload: loadFirst, loadMore };
}

export type TimelineData = ReturnType<typeof useTimeline>;
