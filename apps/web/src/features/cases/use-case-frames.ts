/**
 * `cases` frames on the workspace stream (GET /stream: { caseId, kind, at } whenever a case is
 * created or changes). Frames that arrive together are handed over at once after a short window,
 * so a burst (a rule opening twenty cases) costs one refetch. After a reconnect, frames sent while
 * the stream was down are lost: the callback runs once with `missed` so the view catches up.
 */
import { useEffect, useRef, useState } from 'react';
import { ws } from '../../lib/api';

export interface CaseFrame { caseId: string; kind: string; at: string }

const COALESCE_MS = 400;

export function parseCaseFrame(data: string): CaseFrame | null {
  try {
    const f = JSON.parse(data) as Partial<CaseFrame>;
    return typeof f.caseId === 'string' && f.caseId ? { caseId: f.caseId, kind: String(f.kind ?? ''), at: String(f.at ?? '') } : null;
  } catch {
    return null;
  }
}

export function useCaseFrames(wid: string, onFrames: (frames: CaseFrame[], missed: boolean) => void): { connected: boolean } {
  const [connected, setConnected] = useState(false);
  const callback = useRef(onFrames);
  callback.current = onFrames;
  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    const es = new EventSource(ws(wid, 'stream'));
    let timer: ReturnType<typeof setTimeout> | undefined;
    let pending: CaseFrame[] = [];
    let wasDown = false;
    es.onopen = () => {
      setConnected(true);
      if (wasDown) { wasDown = false; callback.current([], true); }
    };
    es.onerror = () => { wasDown = true; setConnected(false); };
    es.addEventListener('cases', (e) => {
      const frame = parseCaseFrame((e as MessageEvent<string>).data);
      if (!frame) return;
      pending.push(frame);
      if (timer) return;
      timer = setTimeout(() => {
        timer = undefined;
        const frames = pending;
        pending = [];
        callback.current(frames, false);
      }, COALESCE_MS);
    });
    return () => { es.close(); clearTimeout(timer); setConnected(false); };
  }, [wid]);
  return { connected };
}
