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

export interface QueryState {
  data?: MetricsResult | OpenTextItem[] | DriversView;
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

  const load = useCallback(async (quiet: boolean) => {
    const queries = current.current;
    if (!queries) return;
    const gen = ++generation.current;
    controller.current?.abort();
    const c = new AbortController();
    controller.current = c;
    if (!quiet) {
      setStates((prev) => Object.fromEntries(queries.map((q) => [q.key, { ...prev[q.key], loading: true }])));
    }
    await Promise.all(queries.map(async (q) => {
      try {
        const data = await api<MetricsResult | OpenTextItem[] | DriversView>(q.path, { signal: c.signal });
        if (gen !== generation.current) return;
        setStates((prev) => ({ ...prev, [q.key]: { data, loading: false } }));
      } catch (err) {
        if (c.signal.aborted || gen !== generation.current) return;
        const error = err instanceof ApiError ? err : new ApiError(0, 'unknown', String(err));
        // A failed live refresh keeps the numbers already shown; the next event tries again.
        setStates((prev) => ({ ...prev, [q.key]: quiet && prev[q.key]?.data ? { ...prev[q.key], loading: false } : { error, loading: false } }));
      }
    }));
    if (gen === generation.current) setUpdatedAt(Date.now());
  }, []);

  useEffect(() => {
    if (signature) void load(false);
  }, [signature, load]);
  useEffect(() => () => controller.current?.abort(), []);

  const refresh = useCallback(() => load(true), [load]);
  return { states, refresh, updatedAt };
}
