// @vitest-environment node
/** The inbox's filters ↔ query string ↔ saved view ↔ list request. */
import { describe, expect, it } from 'vitest';
import { SavedViewInput } from '@touchpoint/shared';
import {
  ACTIVE_CATEGORIES, BUILT_IN_VIEWS, DEFAULT_INBOX_VIEW, categoryTab, decodeInboxView, encodeInboxView, filtersToView, hasFilters,
  listParams, sameView, tabCount, viewToFilters, withCategoryTab, type InboxView,
} from './inbox-url';

const full: InboxView = {
  categories: ['new', 'waiting'], status: 'on_hold', priorities: ['urgent', 'high'], teamId: 'team_1', owner: 'me',
  theme: 'delivery', tag: 'vip', sla: 'breached', q: 'refund', sort: 'due',
};

describe('inbox URL', () => {
  it('leaves the default view out of the URL, and reads an empty query as the active cases', () => {
    expect(encodeInboxView(DEFAULT_INBOX_VIEW)).toBe('');
    expect(decodeInboxView('')).toEqual(DEFAULT_INBOX_VIEW);
    expect(decodeInboxView('').categories).toEqual(['new', 'open', 'waiting']);
  });

  it('round-trips every filter, repeating array parameters', () => {
    const q = encodeInboxView(full);
    expect(q).toBe('category=new&category=waiting&status=on_hold&priority=urgent&priority=high&team=team_1&owner=me&theme=delivery&tag=vip&sla=breached&q=refund&sort=due');
    expect(decodeInboxView(q)).toEqual(full);
  });

  it('names every category explicitly as all, and keeps the same set in one canonical order', () => {
    expect(encodeInboxView({ ...DEFAULT_INBOX_VIEW, categories: [] })).toBe('category=all');
    expect(decodeInboxView('category=all').categories).toEqual([]);
    expect(encodeInboxView({ ...DEFAULT_INBOX_VIEW, categories: ['waiting', 'new', 'open'] })).toBe('');
    expect(encodeInboxView({ ...DEFAULT_INBOX_VIEW, priorities: ['low', 'urgent', 'low'] })).toBe('priority=urgent&priority=low');
  });

  it('drops malformed values instead of failing', () => {
    const v = decodeInboxView('category=bogus&priority=meh&sla=soon&sort=random&theme=Not%20A%20Slug&owner=a%20b&status=BAD&q=' + 'x'.repeat(300));
    expect(v).toEqual({ ...DEFAULT_INBOX_VIEW, q: 'x'.repeat(200) });
  });

  it('compares views by their meaning, not their spelling', () => {
    expect(sameView(decodeInboxView('priority=high&priority=urgent'), decodeInboxView('priority=urgent&priority=high'))).toBe(true);
    expect(sameView(DEFAULT_INBOX_VIEW, { ...DEFAULT_INBOX_VIEW, q: '  ' })).toBe(true);
    expect(sameView(DEFAULT_INBOX_VIEW, { ...DEFAULT_INBOX_VIEW, owner: 'me' })).toBe(false);
  });

  it('knows which filters are set beyond the tab and the sort', () => {
    expect(hasFilters(DEFAULT_INBOX_VIEW)).toBe(false);
    expect(hasFilters({ ...DEFAULT_INBOX_VIEW, categories: ['closed'], sort: 'oldest' })).toBe(false);
    expect(hasFilters({ ...DEFAULT_INBOX_VIEW, sla: 'warning' })).toBe(true);
  });
});

describe('category tabs', () => {
  it('shows the tab a view stands for, or none for a mixed set', () => {
    expect(categoryTab(DEFAULT_INBOX_VIEW)).toBe('active');
    expect(categoryTab({ ...DEFAULT_INBOX_VIEW, categories: [] })).toBe('all');
    expect(categoryTab({ ...DEFAULT_INBOX_VIEW, categories: ['closed'] })).toBe('closed');
    expect(categoryTab({ ...DEFAULT_INBOX_VIEW, categories: ['new', 'closed'] })).toBeNull();
  });

  it('changing tab drops a custom status, which belongs to one category', () => {
    const v = withCategoryTab({ ...full, status: 'on_hold' }, 'resolved');
    expect(v.categories).toEqual(['resolved']);
    expect(v.status).toBeNull();
    expect(withCategoryTab(full, 'active').categories).toEqual(ACTIVE_CATEGORIES);
    expect(withCategoryTab(full, 'all').categories).toEqual([]);
  });

  it('counts a tab from the list counts', () => {
    const counts = { new: 2, open: 5, waiting: 1, resolved: 7, closed: 30 };
    expect(tabCount(counts, 'active')).toBe(8);
    expect(tabCount(counts, 'all')).toBe(45);
    expect(tabCount(counts, 'resolved')).toBe(7);
    expect(tabCount(undefined, 'all')).toBeUndefined();
  });
});

describe('saved views and the list request', () => {
  it('turns a view into filters the API accepts, and back', () => {
    const filters = viewToFilters(full);
    expect(SavedViewInput.safeParse({ name: 'Mine', filters }).success).toBe(true);
    expect(filtersToView(SavedViewInput.parse({ name: 'x', filters }).filters)).toEqual(full);
  });

  it('reads a saved view without categories as every category (as the server does)', () => {
    expect(viewToFilters({ ...DEFAULT_INBOX_VIEW, categories: [] })).toEqual({ sort: 'newest' });
    expect(filtersToView({ sort: 'newest' }).categories).toEqual([]);
    expect(filtersToView({ category: 'waiting', priority: 'high', sort: 'oldest' })).toMatchObject({ categories: ['waiting'], priorities: ['high'], sort: 'oldest' });
  });

  it('every built-in view is valid as saved filters and distinct from the others', () => {
    for (const b of BUILT_IN_VIEWS) expect(SavedViewInput.safeParse({ name: b.id, filters: viewToFilters(b.view) }).success, b.id).toBe(true);
    expect(new Set(BUILT_IN_VIEWS.map((b) => encodeInboxView(b.view))).size).toBe(BUILT_IN_VIEWS.length);
  });

  it('asks GET /cases with the API parameter names, paging by cursor', () => {
    const p = listParams(full, { cursor: 'c_2', limit: 25 });
    expect(p.getAll('category')).toEqual(['new', 'waiting']);
    expect(p.getAll('priority')).toEqual(['urgent', 'high']);
    expect(Object.fromEntries([...p].filter(([k]) => k !== 'category' && k !== 'priority'))).toEqual({
      status: 'on_hold', teamId: 'team_1', owner: 'me', theme: 'delivery', tag: 'vip', sla: 'breached', q: 'refund', sort: 'due', cursor: 'c_2', limit: '25',
    });
    expect(listParams({ ...DEFAULT_INBOX_VIEW, categories: [] }).toString()).toBe('sort=newest&limit=50');
  });
});
