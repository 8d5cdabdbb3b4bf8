/**
 * An event import's state as the page holds it. It arrives two ways: whole from the API (the list
 * and the upload's 202) and as 'import' frames on the workspace stream (counts only, no errors).
 * Either can be late (a poll answered before a frame, a frame coalesced away), so the page keeps,
 * per import, whichever state is further along; pure so that rule can be tested.
 */
import type { ImportFormat } from './import-file';

export type ImportStatus = 'running' | 'done' | 'failed';
export interface ImportError { record: number; path: string; message: string }

/** The server's ImportView (customers/imports.service.ts). */
export interface ImportView {
  id: string; format: ImportFormat; fileName: string; sizeBytes: number; doneBytes: number;
  status: ImportStatus; records: number; accepted: number; duplicates: number; invalid: number;
  errors: ImportError[]; createdAt: string; finishedAt: string | null;
}

/** What the stream's 'import' frame carries. */
export type ImportFrame = Pick<ImportView, 'id' | 'status' | 'doneBytes' | 'sizeBytes' | 'records' | 'accepted' | 'duplicates' | 'invalid'>;

/** The server reports at most this many errors per import (later ones are only counted). */
export const MAX_REPORTED_ERRORS = 100;

const STATUSES: readonly ImportStatus[] = ['running', 'done', 'failed'];
const COUNTS = ['doneBytes', 'sizeBytes', 'records', 'accepted', 'duplicates', 'invalid'] as const;

/** A frame's data, or null when it is not one (a malformed frame is skipped: the poll catches up). */
export function parseImportFrame(data: string): ImportFrame | null {
  let v: Record<string, unknown>;
  try { v = JSON.parse(data) as Record<string, unknown>; } catch { return null; }
  if (!v || typeof v !== 'object' || typeof v.id !== 'string' || !STATUSES.includes(v.status as ImportStatus)) return null;
  if (!COUNTS.every((k) => typeof v[k] === 'number' && Number.isFinite(v[k]))) return null;
  return { id: v.id, status: v.status as ImportStatus, ...Object.fromEntries(COUNTS.map((k) => [k, v[k] as number])) } as ImportFrame;
}

/** How far an import has gone: a finished one is past every running one; then bytes, then records. */
function progressOf(v: Pick<ImportView, 'status' | 'doneBytes' | 'records'>): [number, number, number] {
  return [v.status === 'running' ? 0 : 1, v.doneBytes, v.records];
}

/** True when `a` is strictly further along than `b`. */
export function isAhead(a: Pick<ImportView, 'status' | 'doneBytes' | 'records'>, b: Pick<ImportView, 'status' | 'doneBytes' | 'records'>): boolean {
  const pa = progressOf(a);
  const pb = progressOf(b);
  for (let i = 0; i < pa.length; i++) if (pa[i] !== pb[i]) return pa[i] > pb[i];
  return false;
}

/** The list with the frame's counts applied to its import, unless that import is already further along. */
export function applyFrame(items: readonly ImportView[], frame: ImportFrame): ImportView[] {
  return items.map((item) => (item.id === frame.id && isAhead(frame, item) ? { ...item, ...frame } : item));
}

/**
 * The server's list (its order and members), keeping an item the page already holds when that one
 * is strictly further along (a frame arrived after the poll was answered). At equal progress the
 * server's copy wins: it carries the errors and the finishing time that frames do not.
 */
export function mergeImportLists(held: readonly ImportView[], fresh: readonly ImportView[]): ImportView[] {
  const byId = new Map(held.map((i) => [i.id, i]));
  const merged = fresh.map((item) => {
    const mine = byId.get(item.id);
    return mine && isAhead(mine, item) ? { ...item, ...pickProgress(mine) } : item;
  });
  // An import just uploaded may not be in a list fetched before it: keep it on top.
  const newest = fresh.length ? Date.parse(fresh[0].createdAt) : -Infinity;
  const missing = held.filter((i) => !fresh.some((f) => f.id === i.id) && Date.parse(i.createdAt) >= newest);
  return [...missing, ...merged];
}

function pickProgress(v: ImportView): ImportFrame {
  return { id: v.id, status: v.status, doneBytes: v.doneBytes, sizeBytes: v.sizeBytes, records: v.records, accepted: v.accepted, duplicates: v.duplicates, invalid: v.invalid };
}

/** Share of the file imported, 0–1; a finished import is whole even if its last bytes were blank. */
export function importShare(v: Pick<ImportView, 'status' | 'doneBytes' | 'sizeBytes'>): number {
  if (v.status === 'done') return 1;
  return v.sizeBytes > 0 ? Math.min(1, Math.max(0, v.doneBytes / v.sizeBytes)) : 0;
}

export function statusTone(status: ImportStatus): 'info' | 'success' | 'danger' {
  return status === 'running' ? 'info' : status === 'done' ? 'success' : 'danger';
}
