/**
 * The left navigation as data, so a new module adds one entry here (or calls registerNav) instead
 * of editing the shell. Entries without the permission are hidden for the current role.
 */
import type { Permission } from '@touchpoint/shared';

export type NavIcon = 'home' | 'surveys' | 'settings' | 'alerts' | 'dashboards' | 'texts' | 'customers' | 'cases' | 'compete' | 'plan';

export interface NavEntry {
  id: string;
  /** Translation key of the label. */
  labelKey: string;
  icon: NavIcon;
  path: (wid: string) => string;
  permission?: Permission;
  /** Whether the entry is the current section for a path (default: path prefix). */
  matches?: (pathname: string, wid: string) => boolean;
}

const entries: NavEntry[] = [
  { id: 'home', labelKey: 'nav.home', icon: 'home', path: (w) => `/w/${w}`, matches: (p, w) => p === `/w/${w}` || p === `/w/${w}/` },
  { id: 'dashboards', labelKey: 'nav.dashboards', icon: 'dashboards', path: (w) => `/w/${w}/dashboards`, permission: 'responses.read' },
  { id: 'surveys', labelKey: 'nav.surveys', icon: 'surveys', path: (w) => `/w/${w}/surveys`, permission: 'surveys.read' },
  { id: 'texts', labelKey: 'nav.texts', icon: 'texts', path: (w) => `/w/${w}/texts`, permission: 'responses.read' },
  { id: 'customers', labelKey: 'nav.customers', icon: 'customers', path: (w) => `/w/${w}/customers`, permission: 'customers.read',
    // Segment pages live beside the customers they group.
    matches: (p, w) => p.startsWith(`/w/${w}/customers`) || p.startsWith(`/w/${w}/segments`) },
  { id: 'cases', labelKey: 'cases.nav', icon: 'cases', path: (w) => `/w/${w}/cases`, permission: 'cases.read' },
  // Compete: competitor records and gap analyses; Plan: initiatives with business cases, SMART goals, target market.
  { id: 'compete', labelKey: 'nav.compete', icon: 'compete', path: (w) => `/w/${w}/competitors`, permission: 'strategy.read',
    matches: (p, w) => p.startsWith(`/w/${w}/competitors`) || p.startsWith(`/w/${w}/gap-analyses`) },
  { id: 'plan', labelKey: 'nav.plan', icon: 'plan', path: (w) => `/w/${w}/initiatives`, permission: 'strategy.read',
    matches: (p, w) => ['initiatives', 'goals', 'target-market'].some((s) => p.startsWith(`/w/${w}/${s}`)) },
  { id: 'alerts', labelKey: 'nav.alerts', icon: 'alerts', path: (w) => `/w/${w}/alerts`, permission: 'responses.read' },
  { id: 'settings', labelKey: 'nav.settings', icon: 'settings', path: (w) => `/w/${w}/settings/members`, permission: 'members.read', matches: (p, w) => p.startsWith(`/w/${w}/settings`) },
];

export function registerNav(entry: NavEntry, before?: string): void {
  const at = before ? entries.findIndex((e) => e.id === before) : -1;
  if (at < 0) entries.push(entry);
  else entries.splice(at, 0, entry);
}

export function navEntries(): readonly NavEntry[] {
  return entries;
}

export function isActive(entry: NavEntry, pathname: string, wid: string): boolean {
  return entry.matches ? entry.matches(pathname, wid) : pathname.startsWith(entry.path(wid));
}
