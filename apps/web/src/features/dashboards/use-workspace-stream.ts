/**
 * The workspace's Server-Sent Events (GET /api/workspaces/:wid/stream). The server sends
 * 'metrics' when responses land (already coalesced to at most two a second); a short client-side
 * window merges what still arrives together, so a burst costs one refetch. EventSource reconnects
 * by itself after errors. 'recount' frames carry a metric recount's progress ({ done, total,
 * finished }) for whoever shows it; 'import' frames a customer event import's progress (their data is
 * handed over as it came, for the importer's own parser); 'customers' frames that customer events were
 * stored (the customer KPI tiles refetch, coalesced the same way); 'cases' frames that a case opened or
 * changed (the closed-loop tiles refetch, coalesced the same way).
 */
import { useEffect, useRef, useState } from 'react';
import { ws } from '../../lib/api';

const COALESCE_MS = 150;

export interface StreamState { connected: boolean; lastEventAt: number | null }

export interface RecountFrame { done: number; total: number; finished: boolean }

/** onMetrics receives the survey ids the coalesced events named ('' when an event named none). */
export function useWorkspaceStream(wid: string, onMetrics: (surveyIds: Set<string>) => void, onRecount?: (frame: RecountFrame) => void, onImport?: (data: string) => void, onCustomers?: () => void, onCases?: () => void): StreamState {
  const [connected, setConnected] = useState(false);
  const [lastEventAt, setLastEventAt] = useState<number | null>(null);
  const callback = useRef(onMetrics);
  callback.current = onMetrics;
  const recount = useRef(onRecount);
  recount.current = onRecount;
  const importFrame = useRef(onImport);
  importFrame.current = onImport;
  const customers = useRef(onCustomers);
  customers.current = onCustomers;
  const cases = useRef(onCases);
  cases.current = onCases;

  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    const es = new EventSource(ws(wid, 'stream'));
    let timer: ReturnType<typeof setTimeout> | undefined;
    let pending = new Set<string>();
    // After a reconnect, events sent while the stream was down are lost: refresh once to catch up.
    let wasDown = false;
    es.onopen = () => {
      setConnected(true);
      if (wasDown) { wasDown = false; callback.current(new Set([''])); customers.current?.(); cases.current?.(); }
    };
    es.onerror = () => { wasDown = true; setConnected(false); };
    es.addEventListener('metrics', (e) => {
      let surveyId = '';
      try { surveyId = String(JSON.parse((e as MessageEvent<string>).data)?.surveyId ?? ''); } catch { /* unknown: refresh anyway */ }
      pending.add(surveyId);
      if (timer) return;
      timer = setTimeout(() => {
        timer = undefined;
        const ids = pending;
        pending = new Set();
        setLastEventAt(Date.now());
        callback.current(ids);
      }, COALESCE_MS);
    });
    es.addEventListener('recount', (e) => {
      try {
        const f = JSON.parse((e as MessageEvent<string>).data) as RecountFrame;
        if (Number.isFinite(f.done) && Number.isFinite(f.total)) recount.current?.({ done: f.done, total: f.total, finished: !!f.finished });
      } catch { /* a malformed frame: the next one or the settings say where it is */ }
    });
    es.addEventListener('import', (e) => importFrame.current?.((e as MessageEvent<string>).data));
    let customerTimer: ReturnType<typeof setTimeout> | undefined;
    es.addEventListener('customers', () => {
      if (customerTimer) return;
      customerTimer = setTimeout(() => { customerTimer = undefined; setLastEventAt(Date.now()); customers.current?.(); }, COALESCE_MS);
    });
    let caseTimer: ReturnType<typeof setTimeout> | undefined;
    es.addEventListener('cases', () => {
      if (caseTimer) return;
      caseTimer = setTimeout(() => { caseTimer = undefined; setLastEventAt(Date.now()); cases.current?.(); }, COALESCE_MS);
    });
    return () => { es.close(); clearTimeout(timer); clearTimeout(customerTimer); clearTimeout(caseTimer); };
  }, [wid]);

  return { connected, lastEventAt };
}
