/**
 * The case inbox keeps its filters in the query string, like the other lists (a copied link
 * reproduces the view): ?category=new&category=open (repeated; `all` for every category; absent =
 * the active ones, new + open + waiting, which is what an agent opens the inbox for), &status=,
 * &priority= (repeated), &team=, &owner=me|none|<userId>, &theme=, &tag=, &sla=, &q=, &sort=.
 * Defaults are left out and anything malformed decodes to the default. The same view converts to
 * and from a saved view's filters (GET/POST /cases/views) and to the list request (GET /cases).
 */
import { CASE_CATEGORIES, CASE_PRIORITIES, OPEN_CATEGORIES, type CaseCategory, type CasePriority, type SavedView, type SavedViewInput } from '@touchpoint/shared';

export const CASE_SORTS = ['newest', 'oldest', 'due', 'priority'] as const;
export type CaseSort = (typeof CASE_SORTS)[number];
export const SLA_FILTERS = ['warning', 'breached', 'at_risk'] as const;
export type SlaFilter = (typeof SLA_FILTERS)[number];
export const MAX_Q = 200;
export const PAGE_SIZE = 50;

export interface InboxView {
  /** Empty: every category. */
  categories: CaseCategory[];
  status: string | null;
  priorities: CasePriority[];
  teamId: string | null;
  /** A user id, 'me' or 'none' (the unassigned queue). */
  owner: string | null;
  theme: string | null;
  tag: string | null;
  sla: SlaFilter | null;
  q: string;
  sort: CaseSort;
}

export const ACTIVE_CATEGORIES: CaseCategory[] = [...OPEN_CATEGORIES];
export const DEFAULT_INBOX_VIEW: InboxView = { categories: ACTIVE_CATEGORIES, status: null, priorities: [], teamId: null, owner: null, theme: null, tag: null, sla: null, q: '', sort: 'newest' };

const ID = /^[A-Za-z0-9_.:-]{1,64}$/;
const STATUS = /^[a-z][a-z0-9_]{1,39}$/;
const THEME = /^[a-z0-9][a-z0-9-]{0,63}$/;
const oneOf = <T extends string>(list: readonly T[], v: string | null | undefined): T | null => (v != null && (list as readonly string[]).includes(v) ? v as T : null);
/** Known values of `list` among `values`, once each, in the list's own order (so equal filters encode equally). */
const subset = <T extends string>(list: readonly T[], values: readonly string[]): T[] => list.filter((x) => values.includes(x));
const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));
const idOrNull = (v: string | null | undefined, re = ID) => (v && re.test(v) ? v : null);
const cleanQ = (q: string | null | undefined) => (q ?? '').trim().slice(0, MAX_Q);

export function decodeInboxView(search: string | URLSearchParams): InboxView {
  const p = typeof search === 'string' ? new URLSearchParams(search) : search;
  const cats = p.getAll('category');
  const known = subset(CASE_CATEGORIES, cats);
  return {
    categories: cats.includes('all') ? [] : known.length ? known : ACTIVE_CATEGORIES,
    status: idOrNull(p.get('status'), STATUS),
    priorities: subset(CASE_PRIORITIES, p.getAll('priority')),
    teamId: idOrNull(p.get('team')),
    owner: idOrNull(p.get('owner')),
    theme: idOrNull(p.get('theme'), THEME),
    tag: (p.get('tag') ?? '').trim().slice(0, 40) || null,
    sla: oneOf(SLA_FILTERS, p.get('sla')),
    q: cleanQ(p.get('q')),
    sort: oneOf(CASE_SORTS, p.get('sort')) ?? 'newest',
  };
}

/** The query string without '?'; '' for the default view. */
export function encodeInboxView(v: InboxView): string {
  const p = new URLSearchParams();
  const cats = subset(CASE_CATEGORIES, v.categories);
  if (!cats.length) p.append('category', 'all');
  else if (!sameSet(cats, ACTIVE_CATEGORIES)) for (const c of cats) p.append('category', c);
  if (v.status) p.set('status', v.status);
  for (const x of subset(CASE_PRIORITIES, v.priorities)) p.append('priority', x);
  if (v.teamId) p.set('team', v.teamId);
  if (v.owner) p.set('owner', v.owner);
  if (v.theme) p.set('theme', v.theme);
  if (v.tag) p.set('tag', v.tag);
  if (v.sla) p.set('sla', v.sla);
  if (cleanQ(v.q)) p.set('q', cleanQ(v.q));
  if (v.sort !== 'newest') p.set('sort', v.sort);
  return p.toString();
}

export const sameView = (a: InboxView, b: InboxView) => encodeInboxView(a) === encodeInboxView(b);

/** The category tab a view shows as selected: one category, all, the active ones, or none (a mixed set). */
export type CategoryTab = CaseCategory | 'active' | 'all';
export function categoryTab(v: InboxView): CategoryTab | null {
  const cats = subset(CASE_CATEGORIES, v.categories);
  if (!cats.length) return 'all';
  if (sameSet(cats, ACTIVE_CATEGORIES)) return 'active';
  return cats.length === 1 ? cats[0] : null;
}
export function withCategoryTab(v: InboxView, tab: CategoryTab): InboxView {
  // A custom status belongs to one category: keeping it while changing tab would show nothing.
  const categories = tab === 'all' ? [] : tab === 'active' ? ACTIVE_CATEGORIES : [tab];
  return { ...v, categories, status: null };
}

/** The number a tab shows, from CaseList.counts (counted under the other filters). */
export function tabCount(counts: Record<CaseCategory, number> | undefined, tab: CategoryTab): number | undefined {
  if (!counts) return undefined;
  const cats: readonly CaseCategory[] = tab === 'all' ? CASE_CATEGORIES : tab === 'active' ? ACTIVE_CATEGORIES : [tab];
  let n = 0;
  for (const c of cats) n += counts[c] ?? 0;
  return n;
}

/** GET /cases parameters: arrays repeat (?category=new&category=open). */
export function listParams(v: InboxView, page: { cursor?: string | null; limit?: number } = {}): URLSearchParams {
  const p = new URLSearchParams();
  for (const c of subset(CASE_CATEGORIES, v.categories)) p.append('category', c);
  if (v.status) p.set('status', v.status);
  for (const x of subset(CASE_PRIORITIES, v.priorities)) p.append('priority', x);
  if (v.teamId) p.set('teamId', v.teamId);
  if (v.owner) p.set('owner', v.owner);
  if (v.theme) p.set('theme', v.theme);
  if (v.tag) p.set('tag', v.tag);
  if (v.sla) p.set('sla', v.sla);
  if (cleanQ(v.q)) p.set('q', cleanQ(v.q));
  p.set('sort', v.sort);
  if (page.cursor) p.set('cursor', page.cursor);
  p.set('limit', String(page.limit ?? PAGE_SIZE));
  return p;
}

export type ViewFilters = SavedViewInput['filters'];

/** A saved view's filters for the current view: only what is set (no categories = all). */
export function viewToFilters(v: InboxView): ViewFilters {
  const f: ViewFilters = { sort: v.sort };
  const cats = subset(CASE_CATEGORIES, v.categories);
  if (cats.length) f.category = cats;
  if (v.status) f.status = v.status;
  const pr = subset(CASE_PRIORITIES, v.priorities);
  if (pr.length) f.priority = pr;
  if (v.teamId) f.teamId = v.teamId;
  if (v.owner) f.owner = v.owner;
  if (v.theme) f.theme = v.theme;
  if (v.tag) f.tag = v.tag;
  if (v.sla) f.sla = v.sla;
  if (cleanQ(v.q)) f.q = cleanQ(v.q);
  return f;
}

const list = <T>(x: T | T[] | undefined): T[] => (x === undefined ? [] : Array.isArray(x) ? x : [x]);

/** The view a saved view's filters stand for (categories absent: every category, as the server reads it). */
export function filtersToView(f: SavedView['filters'] | ViewFilters): InboxView {
  return {
    categories: subset(CASE_CATEGORIES, list(f.category)),
    status: f.status ?? null,
    priorities: subset(CASE_PRIORITIES, list(f.priority)),
    teamId: f.teamId ?? null,
    owner: f.owner ?? null,
    theme: f.theme ?? null,
    tag: f.tag ?? null,
    sla: f.sla ?? null,
    q: cleanQ(f.q),
    sort: oneOf(CASE_SORTS, f.sort) ?? 'newest',
  };
}

/** Views every workspace has without saving anything: the agent's own queue and the shared ones. */
export const BUILT_IN_VIEWS = [
  { id: 'mine', view: { ...DEFAULT_INBOX_VIEW, owner: 'me' } },
  { id: 'unassigned', view: { ...DEFAULT_INBOX_VIEW, owner: 'none' } },
  { id: 'atRisk', view: { ...DEFAULT_INBOX_VIEW, sla: 'at_risk', sort: 'due' } },
  { id: 'allOpen', view: DEFAULT_INBOX_VIEW },
] as const satisfies readonly { id: string; view: InboxView }[];

/** Whether any filter beyond the default tab and sort is set (for the "clear filters" button). */
export function hasFilters(v: InboxView): boolean {
  return sameView({ ...v, categories: DEFAULT_INBOX_VIEW.categories, sort: 'newest' }, DEFAULT_INBOX_VIEW) === false;
}
