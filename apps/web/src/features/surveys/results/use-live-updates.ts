/**
 * Subscribes to a survey's Server-Sent Events. Events that arrive close together (a burst of
 * submissions, a batch import) are coalesced: one refresh at most every ~300 ms, so a busy
 * survey never triggers a request per response. EventSource reconnects by itself after errors.
 */
import { useEffect, useRef, useState } from 'react';
import { ws } from '../../../lib/api';

const COALESCE_MS = 300;
const FLASH_MS = 6000;

export interface LiveState {
  connected: boolean;
  /** Responses that arrived recently, for the "N new responses" flash (0 = hide). */
  recent: number;
}

export function useLiveUpdates(wid: string, surveyId: string, onChange: () => void): LiveState {
  const [connected, setConnected] = useState(false);
  const [recent, setRecent] = useState(0);
  const callback = useRef(onChange);
  callback.current = onChange;

  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    const es = new EventSource(ws(wid, 'surveys', surveyId, 'stream'));
    let pending = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let flashTimer: ReturnType<typeof setTimeout> | undefined;

    const arrived = (n: number) => {
      pending += n;
      if (timer) return;
      timer = setTimeout(() => {
        timer = undefined;
        const count = pending;
        pending = 0;
        setRecent((r) => r + count);
        clearTimeout(flashTimer);
        flashTimer = setTimeout(() => setRecent(0), FLASH_MS);
        callback.current();
      }, COALESCE_MS);
    };

    es.onopen = () => setConnected(true);
    es.onerror = () => setConnected(false);
    es.addEventListener('response', () => arrived(1));
    es.addEventListener('batch', (e) => {
      let n = 1;
      try { n = Number(JSON.parse((e as MessageEvent<string>).data).count) || 1; } catch { /* count unknown: 1 */ }
      arrived(n);
    });
    return () => { es.close(); clearTimeout(timer); clearTimeout(flashTimer); };
  }, [wid, surveyId]);

  return { connected, recent };
}
