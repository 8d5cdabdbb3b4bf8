/**
 * Live segment data. The worker announces member changes as `segments` frames on the workspace
 * stream (GET /stream); views refetch their counts on them, coalesced so a burst costs one request.
 * A build in progress is also polled, so its progress bar moves even if frames are missed.
 */
import { useEffect, useRef } from 'react';
import { ws } from '../../lib/api';

const COALESCE_MS = 200;
export const BUILD_POLL_MS = 1500;

export function useSegmentFrames(wid: string, onChange: () => void): void {
  const callback = useRef(onChange);
  callback.current = onChange;
  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    const es = new EventSource(ws(wid, 'stream'));
    let timer: ReturnType<typeof setTimeout> | undefined;
    let wasDown = false;
    const fire = () => {
      if (timer) return;
      timer = setTimeout(() => { timer = undefined; callback.current(); }, COALESCE_MS);
    };
    es.addEventListener('segments', fire);
    // Frames sent while the connection was down are lost: catch up once it is back.
    es.onerror = () => { wasDown = true; };
    es.onopen = () => { if (wasDown) { wasDown = false; fire(); } };
    return () => { es.close(); clearTimeout(timer); };
  }, [wid]);
}

/** Calls `tick` every BUILD_POLL_MS while `active`. */
export function usePollWhile(active: boolean, tick: () => void): void {
  const callback = useRef(tick);
  callback.current = tick;
  useEffect(() => {
    if (!active) return;
    const id = setInterval(() => callback.current(), BUILD_POLL_MS);
    return () => clearInterval(id);
  }, [active]);
}

export const segmentPath = (wid: string, id: string) => `/w/${wid}/segments/${encodeURIComponent(id)}`;
export const segmentsListPath = (wid: string) => `/w/${wid}/customers?tab=segments`;

/** A build's share done, 0–1 (0 when the total is not known yet). */
export function buildShare(progress: { done: number; total: number } | null): number {
  if (!progress || progress.total <= 0) return 0;
  return Math.min(1, Math.max(0, progress.done / progress.total));
}
