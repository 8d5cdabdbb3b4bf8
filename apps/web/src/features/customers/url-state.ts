/**
 * What the Customers pages keep in the query string, so a copied link reproduces the view:
 * the search (?q=) and tab (?tab=segments, ?tab=traits, ?tab=import with the import shown as &import=<id>) of the
 * list, and the timeline's kinds on a profile
 * (?kinds=order,response). Anything malformed decodes to the default; defaults are left out.
 */
import { TIMELINE_KINDS, type TimelineKind } from '@touchpoint/shared';

export const MAX_QUERY = 200;
export type CustomersTab = 'people' | 'segments' | 'traits' | 'import';
const TABS: readonly CustomersTab[] = ['people', 'segments', 'traits', 'import'];
/** importId: the import the Import tab shows (a reload keeps following it); only on that tab. */
export interface CustomersView { tab: CustomersTab; q: string; importId?: string }

export function decodeCustomersView(search: string | URLSearchParams): CustomersView {
  const p = typeof search === 'string' ? new URLSearchParams(search) : search;
  const q = (p.get('q') ?? '').trim();
  const tab = TABS.find((x) => x === p.get('tab')) ?? 'people';
  const importId = tab === 'import' ? (p.get('import') ?? '').trim().slice(0, 64) : '';
  return { tab, q: q.length <= MAX_QUERY ? q : q.slice(0, MAX_QUERY), ...(importId ? { importId } : {}) };
}

/** The query string without '?'; '' for the default view. */
export function encodeCustomersView(v: CustomersView): string {
  const p = new URLSearchParams();
  if (v.tab !== 'people') p.set('tab', v.tab);
  if (v.q.trim()) p.set('q', v.q.trim().slice(0, MAX_QUERY));
  if (v.tab === 'import' && v.importId) p.set('import', v.importId);
  return p.toString();
}

/**
 * The timeline kinds a `kinds` parameter names, in the contract's order, unknown ones dropped.
 * An empty list means every kind (no filter): so does a parameter naming all of them.
 */
export function parseTimelineKinds(param: string | null | undefined): TimelineKind[] {
  if (!param) return [];
  const wanted = new Set(param.split(',').map((k) => k.trim()));
  const kinds = TIMELINE_KINDS.filter((k) => wanted.has(k));
  return kinds.length === TIMELINE_KINDS.length ? [] : kinds;
}

/** The `kinds` parameter for a selection; null for every kind. */
export function timelineKindsParam(kinds: readonly TimelineKind[]): string | null {
  const normal = parseTimelineKinds(kinds.join(','));
  return normal.length ? normal.join(',') : null;
}

/**
 * A click on a kind's chip: from "everything" it shows only that kind; otherwise it adds or
 * removes the kind, and removing the last one (or selecting all) goes back to everything.
 */
export function toggleTimelineKind(kinds: readonly TimelineKind[], kind: TimelineKind): TimelineKind[] {
  if (!kinds.length) return [kind];
  const next = kinds.includes(kind) ? kinds.filter((k) => k !== kind) : [...kinds, kind];
  return parseTimelineKinds(next.join(','));
}

/** A search string with the `kinds` parameter set (or removed), other parameters kept. */
export function withTimelineKinds(search: string, kinds: readonly TimelineKind[]): string {
  const p = new URLSearchParams(search);
  const param = timelineKindsParam(kinds);
  if (param) p.set('kinds', param);
  else p.delete('kinds');
  return p.toString();
}
