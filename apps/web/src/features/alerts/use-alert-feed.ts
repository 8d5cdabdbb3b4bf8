/**
 * Fired alerts, kept current: the workspace's event stream pushes each new alert (and each change
 * of its delivery or acknowledgement) as an 'alert' event; while the stream is down the first page
 * is polled every 10 s instead. Older pages load on demand.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AlertEvent } from '@touchpoint/shared';
import { api, ApiError, withQuery, ws } from '../../lib/api';

export type FeedState = 'open' | 'all';
const POLL_MS = 10_000;
const PAGE = 50;

/** Newest first by id (ids are time-ordered); incoming copies replace older ones of the same alert. */
export function mergeAlerts(list: readonly AlertEvent[], incoming: readonly AlertEvent[], state: FeedState): AlertEvent[] {
  const byId = new Map(list.map((a) => [a.id, a]));
  for (const a of incoming) byId.set(a.id, a);
  return [...byId.values()].filter((a) => state === 'all' || !a.acknowledgedAt).sort((a, b) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
}

export function useAlertFeed(wid: string, state: FeedState, onArrived?: (alert: AlertEvent) => void) {
  const [items, setItems] = useState<AlertEvent[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<ApiError | undefined>();
  const [connected, setConnected] = useState(false);
  const arrived = useRef(onArrived);
  arrived.current = onArrived;
  // The stream handler reads the list through a ref: state updaters must stay free of side effects.
  const current = useRef(items);
  current.current = items;

  const loadFirst = useCallback(async (replace: boolean) => {
    try {
      const page = await api<{ items: AlertEvent[]; next: string | null }>(withQuery(ws(wid, 'alerts'), { state, limit: PAGE }));
      setItems((prev) => (replace ? page.items : mergeAlerts(prev, page.items, state)));
      if (replace) setNext(page.next);
      setError(undefined);
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, 'unknown', String(err)));
    } finally { setLoading(false); }
  }, [wid, state]);

  const loadMore = useCallback(async () => {
    if (!next) return;
    const page = await api<{ items: AlertEvent[]; next: string | null }>(withQuery(ws(wid, 'alerts'), { state, limit: PAGE, before: next }));
    setItems((prev) => mergeAlerts(prev, page.items, state));
    setNext(page.next);
  }, [wid, state, next]);

  useEffect(() => {
    setLoading(true);
    void loadFirst(true);
  }, [loadFirst]);

  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    const es = new EventSource(ws(wid, 'stream'));
    es.onopen = () => setConnected(true);
    es.onerror = () => setConnected(false);
    es.addEventListener('alert', (e) => {
      let alert: AlertEvent;
      try { alert = JSON.parse((e as MessageEvent<string>).data) as AlertEvent; } catch { return; }
      if (!alert.test && !current.current.some((a) => a.id === alert.id)) arrived.current?.(alert);
      setItems((prev) => mergeAlerts(prev, [alert], state));
    });
    return () => { es.close(); setConnected(false); };
  }, [wid, state]);

  // The fallback: without a stream (proxy, old server, network), ask every 10 s.
  useEffect(() => {
    if (connected) return;
    const timer = setInterval(() => { if (document.visibilityState !== 'hidden') void loadFirst(false); }, POLL_MS);
    return () => clearInterval(timer);
  }, [connected, loadFirst]);

  const replace = useCallback((alert: AlertEvent) => setItems((prev) => mergeAlerts(prev, [alert], state)), [state]);
  return { items, next, loading, error, connected, loadMore, reload: () => loadFirst(true), replace };
}
