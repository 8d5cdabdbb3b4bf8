/**
 * The latest-responses list: filters, cursor paging ("load more") and, for live updates, a
 * refresh that only adds what is new on top without dropping the pages already loaded.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { api, ws } from '../../../lib/api';
import type { Page, ResponseItem } from '../../../lib/types';

export interface ResponseFilters { q: string; language: string; channel: string; npsBand: '' | 'detractor' | 'passive' | 'promoter'; withText: boolean }
export const NO_FILTERS: ResponseFilters = { q: '', language: '', channel: '', npsBand: '', withText: false };
const PAGE = 20;

const newestFirst = (a: ResponseItem, b: ResponseItem) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id);

export function useResponses(wid: string, surveyId: string, filters: ResponseFilters) {
  const [items, setItems] = useState<ResponseItem[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [loadingMore, setLoadingMore] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const generation = useRef(0);

  const fetchPage = useCallback((before?: string) =>
    api<Page<ResponseItem>>(ws(wid, 'surveys', surveyId, 'responses'), {
      query: { ...filters, npsBand: filters.npsBand || undefined, limit: PAGE, before },
    }), [wid, surveyId, filters]);

  useEffect(() => {
    const gen = ++generation.current;
    setLoading(true);
    fetchPage()
      .then((p) => { if (gen === generation.current) { setItems(p.items); setCursor(p.nextCursor); setError(null); } })
      .catch((err) => { if (gen === generation.current) setError(err); })
      .finally(() => { if (gen === generation.current) setLoading(false); });
  }, [fetchPage]);

  const loadMore = useCallback(async () => {
    if (!cursor) return;
    const gen = generation.current;
    setLoadingMore(true);
    try {
      const p = await fetchPage(cursor);
      if (gen !== generation.current) return;
      setItems((list) => [...list, ...p.items.filter((x) => !list.some((y) => y.id === x.id))]);
      setCursor(p.nextCursor);
    } finally { setLoadingMore(false); }
  }, [cursor, fetchPage]);

  const refreshLatest = useCallback(async () => {
    const gen = generation.current;
    const p = await fetchPage();
    if (gen !== generation.current) return;
    setItems((list) => {
      const byId = new Map(list.map((x) => [x.id, x]));
      for (const x of p.items) byId.set(x.id, x); // a partial that became complete is replaced
      return [...byId.values()].sort(newestFirst);
    });
  }, [fetchPage]);

  return { items, hasMore: !!cursor, loading, loadingMore, error, loadMore, refreshLatest };
}
