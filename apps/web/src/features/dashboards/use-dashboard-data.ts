/**
 * Runs a dashboard's planned requests (query-plan.ts) in parallel and keeps their answers. A new
 * plan (filters changed) marks the answers as loading but keeps showing the old numbers until the
 * new ones arrive; a live refresh replaces them quietly, with no loading state, so tiles do not
 * flicker on every response. Older answers never overwrite newer ones.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { api, ApiError } from '../../lib/api';
import type { PlannedQuery } from './query-plan';
import type { DriversView, MetricsResult, OpenTextItem } from './types';
import type { CustomerKpisView } from './customer-kpis';
import type { LoopMetrics } from './loop-tiles';

export interface QueryState {
  data?: MetricsResult | OpenTextItem[] | DriversView | CustomerKpisView | LoopMetrics;
  error?: ApiError;
  loading: boolean;
}

export function useDashboardData(plan: readonly PlannedQuery[] | null) {
  const [states, setStates] = useState<Record<string, QueryState>>({});
  const [updatedAt, setUpdatedAt] = useState<number | null>(null);
  const generation = useRef(0);
  const controller = useRef<AbortController | null>(null);
  const signature = plan ? plan.map((q) => `${q.key} ${q.path}`).join('\n') : '';
  const current = useRef(plan);
  current.current = plan;

  /**
   * `only`: a live refresh of some requests (those the event can change); it leaves the others'
   * requests running. Each key remembers the generation that asked last, so an older answer never
   * overwrites a newer one; a full load (new plan) cancels everything still under way.
   */
  const latest = useRef(new Map<string, number>());
  const load = useCallback(async (quiet: boolean, only?: (key: string) => boolean) => {
    const queries = only ? current.current?.filter((q) => only(q.key)) : current.current;
    if (!queries?.length) return;
    const gen = ++generation.current;
    if (!only || !controller.current) {
      controller.current?.abort();
      controller.current = new AbortController();
    }
    const c = controller.current;
    for (const q of queries) latest.current.set(q.key, gen);
    const mine = (key: string) => latest.current.get(key) === gen;
    if (!quiet) {
      setStates((prev) => Object.fromEntries(queries.map((q) => [q.key, { ...prev[q.key], loading: true }])));
    }
    await Promise.all(queries.map(async (q) => {
      try {
        const data = await api<QueryState['data']>(q.path, { signal: c.signal });
        if (!mine(q.key)) return;
        setStates((prev) => ({ ...prev, [q.key]: { data, loading: false } }));
      } catch (err) {
        if (c.signal.aborted || !mine(q.key)) return;
        const error = err instanceof ApiError ? err : new ApiError(0, 'unknown', String(err));
        // A failed live refresh keeps the numbers already shown; the next event tries again.
        setStates((prev) => ({ ...prev, [q.key]: quiet && prev[q.key]?.data ? { ...prev[q.key], loading: false } : { error, loading: false } }));
      }
    }));
    if (queries.some((q) => mine(q.key))) setUpdatedAt(Date.now());
  }, []);

  useEffect(() => {
    if (signature) void load(false);
  }, [signature, load]);
  useEffect(() => () => controller.current?.abort(), []);

  const refresh = useCallback((only?: (key: string) => boolean) => load(true, only), [load]);
  return { states, refresh, updatedAt };
}
