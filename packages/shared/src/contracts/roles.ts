import { z } from 'zod';

export const ROLES = ['owner', 'admin', 'analyst', 'agent', 'viewer'] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

/**
 * Every permission a route can require. Routes name exactly one; the server refuses to
 * register a workspace route without one, and the role-matrix test walks this table.
 */
export const PERMISSIONS = [
  'workspace.read',
  'workspace.manage',
  'members.read',
  'members.manage',
  'apikeys.manage',
  'audit.read',
  'surveys.read',
  'surveys.write',
  'surveys.distribute',
  'responses.read',
  'responses.write',
  'responses.export',
  'dashboards.manage',
  /** The workspace's text taxonomy (themes): editing it re-tags every analysed text. */
  'themes.manage',
  /** Customer profiles, timelines and identifiers (personal data, decrypted for the reader). */
  'customers.read',
  /** Send customer events and imports (identify, track, page, order). */
  'customers.write',
  /** Merge and unmerge people, define traits. */
  'customers.manage',
  /** See closed-loop cases, their timelines and the loop's numbers. */
  'cases.read',
  /** Work cases: reply, note, change status, priority and owner; set one's own availability. */
  'cases.work',
  /** Case rules, teams, agents, SLA policies, templates and statuses. */
  'cases.manage',
  /** Competitor records, gap analyses, initiatives and their business cases, goals, target-market worksheets, and their reports. */
  'strategy.read',
  /** Create and change those. */
  'strategy.manage',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const everything: readonly Permission[] = PERMISSIONS;
const reading: readonly Permission[] = ['workspace.read', 'members.read', 'surveys.read', 'responses.read', 'strategy.read'];

/** The permission table: which role may do what. */
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  owner: everything,
  admin: everything,
  analyst: [...reading, 'surveys.write', 'surveys.distribute', 'responses.write', 'responses.export', 'dashboards.manage', 'themes.manage', 'customers.read', 'customers.write', 'cases.read', 'strategy.manage'],
  // Agents serve customers: they see who they talk to.
  agent: [...reading, 'surveys.distribute', 'responses.write', 'customers.read', 'cases.read', 'cases.work'],
  viewer: reading,
};

export function roleAllows(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

/** Scopes an API key may carry, and the permissions each grants. */
export const API_KEY_SCOPES = ['surveys:read', 'surveys:write', 'responses:read', 'responses:write', 'responses:export', 'events:write', 'customers:read'] as const;
export const ApiKeyScope = z.enum(API_KEY_SCOPES);
export type ApiKeyScope = z.infer<typeof ApiKeyScope>;

export const SCOPE_PERMISSIONS: Record<ApiKeyScope, readonly Permission[]> = {
  'surveys:read': ['workspace.read', 'surveys.read'],
  'surveys:write': ['workspace.read', 'surveys.read', 'surveys.write', 'surveys.distribute'],
  'responses:read': ['workspace.read', 'surveys.read', 'responses.read'],
  'responses:write': ['workspace.read', 'responses.write'],
  'responses:export': ['workspace.read', 'surveys.read', 'responses.export'],
  'events:write': ['workspace.read', 'customers.write'],
  'customers:read': ['workspace.read', 'customers.read'],
};

export function scopesAllow(scopes: readonly ApiKeyScope[], permission: Permission): boolean {
  return scopes.some((s) => SCOPE_PERMISSIONS[s].includes(permission));
}
