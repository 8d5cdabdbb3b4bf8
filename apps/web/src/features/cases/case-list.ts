/** Pure helpers of the inbox list: which rows a refetch changed, pages merged, the keyboard selection. */
import type { CaseSummary } from '@touchpoint/shared';

/** Rows of `next` that are new or changed (another version) since `prev`: the ones to highlight. */
export function changedCaseIds(prev: readonly Pick<CaseSummary, 'id' | 'version'>[], next: readonly Pick<CaseSummary, 'id' | 'version'>[]): Set<string> {
  const before = new Map(prev.map((c) => [c.id, c.version]));
  return new Set(next.filter((c) => before.get(c.id) !== c.version).map((c) => c.id));
}

/** Another page appended: a case that moved between pages while paging is kept once, where it was first seen. */
export function appendPage<T extends { id: string }>(list: readonly T[], page: readonly T[]): T[] {
  const seen = new Set(list.map((c) => c.id));
  return [...list, ...page.filter((c) => !seen.has(c.id))];
}

/** j/k: the next selected row, staying inside the list; from no selection, j picks the first and k the last. */
export function moveSelection(index: number, delta: 1 | -1, length: number): number {
  if (length <= 0) return -1;
  if (index < 0 || index >= length) return delta > 0 ? 0 : length - 1;
  return Math.min(length - 1, Math.max(0, index + delta));
}
