/**
 * The workspace's recent event imports, kept live: 'import' frames from the workspace stream move
 * the counts as chunks commit, and while any import runs the list is also fetched every few
 * seconds, because frames can be missed (the stream reconnecting, or the server coalescing two
 * imports' frames into one) and because only the API carries the errors and the finishing time.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { ws } from '../../lib/api';
import type { Items } from '../../lib/types';
import { useApi } from '../../lib/use-api';
import { useWorkspaceStream } from '../dashboards/use-workspace-stream';
import { applyFrame, mergeImportLists, parseImportFrame, type ImportView } from './import-progress';

export const IMPORT_POLL_MS = 3000;
const noMetrics = () => {};

export function useCustomerImports(wid: string) {
  const list = useApi<Items<ImportView>>(ws(wid, 'customers', 'imports'));
  const [items, setItems] = useState<ImportView[]>([]);
  const held = useRef(items);
  held.current = items;
  const reload = list.reload;

  useEffect(() => {
    if (list.data) setItems((prev) => mergeImportLists(prev, list.data!.items));
  }, [list.data]);

  const onImport = useCallback((data: string) => {
    const frame = parseImportFrame(data);
    if (!frame) return;
    const known = held.current.some((i) => i.id === frame.id);
    setItems((prev) => applyFrame(prev, frame));
    // An import someone else started, or one that just finished: its full state is in the list.
    if (!known || frame.status !== 'running') void reload();
  }, [reload]);
  const live = useWorkspaceStream(wid, noMetrics, undefined, onImport);

  const running = items.some((i) => i.status === 'running');
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => void reload(), IMPORT_POLL_MS);
    return () => clearInterval(timer);
  }, [running, reload]);

  /** An import the page just started (the upload's 202), shown before the next fetch lists it. */
  const add = useCallback((view: ImportView) => {
    setItems((prev) => [view, ...prev.filter((i) => i.id !== view.id)]);
  }, []);

  return { items, loaded: list.data !== undefined, loading: list.loading, error: list.error, reload, add, connected: live.connected };
}

export type CustomerImports = ReturnType<typeof useCustomerImports>;
