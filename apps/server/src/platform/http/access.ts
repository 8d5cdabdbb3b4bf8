/**
 * Who is calling and what they may do. Every route declares its access in `config.access`:
 *   public     – anyone (respondent page, public submit);
 *   session    – a signed-in person, no workspace (profile, list of my workspaces);
 *   workspace  – a member (cookie session) or an API key of the workspace in `:wid`, holding
 *                the named permission from the shared permission table.
 * The server refuses to start with a route that declares none (see assertEveryRouteHasAccess).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { roleAllows, scopesAllow, type ApiKeyScope, type Permission, type Role } from '@touchpoint/shared';
import { AppError, forbidden, notFound, unauthorized } from './errors.js';
import { safeEqual } from '../crypto/tokens.js';

export type Access = { kind: 'public' } | { kind: 'session' } | { kind: 'workspace'; permission: Permission };

export interface Actor {
  type: 'user' | 'api_key' | 'public' | 'system';
  id: string;
  /** What the audit log shows: an email or an API key's name. */
  label: string;
}

export interface AuthState {
  actor: Actor;
  /** Set for cookie sessions: mutating requests must echo it in x-csrf-token. */
  csrfToken?: string;
  /** Set for API keys: the one workspace the key belongs to. */
  apiKey?: { workspaceId: string; scopes: ApiKeyScope[] };
  /** Set on workspace routes once access is granted. */
  workspaceId?: string;
  role?: Role;
}

/** Implemented by the accounts module and handed in at wiring time (platform never imports modules). */
export interface Authenticator {
  fromSessionToken(token: string): Promise<{ actor: Actor; csrfToken: string } | null>;
  fromApiKey(key: string): Promise<{ actor: Actor; workspaceId: string; scopes: ApiKeyScope[] } | null>;
  roleOf(userId: string, workspaceId: string): Promise<Role | null>;
}

export const SESSION_COOKIE = 'tp_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

declare module 'fastify' {
  interface FastifyContextConfig { access?: Access }
  interface FastifyRequest { auth: AuthState | null }
}

export function installAccess(app: FastifyInstance, auth: Authenticator): void {
  app.decorateRequest('auth', null);
  app.addHook('onRequest', async (request) => {
    const access = request.routeOptions.config?.access;
    if (!access || access.kind === 'public') return;
    request.auth = await identify(request, auth);
    if (!request.auth) throw unauthorized();
    if (access.kind === 'session') {
      if (request.auth.actor.type !== 'user') throw forbidden('this route needs a signed-in person, not an API key');
      return;
    }
    const wid = (request.params as { wid?: string }).wid;
    if (!wid) throw new AppError(500, 'route_misconfigured', 'workspace route without :wid');
    await authorizeWorkspace(request.auth, wid, access.permission, auth);
  });
}

async function identify(request: FastifyRequest, auth: Authenticator): Promise<AuthState | null> {
  const header = request.headers.authorization;
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw unauthorized('Authorization must be "Bearer <api key>"');
    const key = await auth.fromApiKey(match[1]);
    if (!key) throw unauthorized('unknown or revoked API key');
    return { actor: key.actor, apiKey: { workspaceId: key.workspaceId, scopes: key.scopes } };
  }
  const token = request.cookies?.[SESSION_COOKIE];
  if (!token) return null;
  const session = await auth.fromSessionToken(token);
  if (!session) return null;
  if (!SAFE_METHODS.has(request.method)) {
    const sent = request.headers['x-csrf-token'];
    if (typeof sent !== 'string' || !safeEqual(sent, session.csrfToken))
      throw new AppError(403, 'csrf_failed', 'missing or wrong x-csrf-token header');
  }
  return { actor: session.actor, csrfToken: session.csrfToken };
}

async function authorizeWorkspace(state: AuthState, wid: string, permission: Permission, auth: Authenticator) {
  if (state.apiKey) {
    // A key of another workspace learns nothing about this one: same answer as a missing workspace.
    if (state.apiKey.workspaceId !== wid) throw notFound('workspace');
    if (!scopesAllow(state.apiKey.scopes, permission)) throw forbidden(`the API key lacks a scope granting ${permission}`);
    state.workspaceId = wid;
    return;
  }
  const role = await auth.roleOf(state.actor.id, wid);
  if (!role) throw notFound('workspace');
  if (!roleAllows(role, permission)) throw forbidden(`the ${role} role may not ${permission}`);
  state.workspaceId = wid;
  state.role = role;
}

/** Every /api route must say who may call it; checked when routes register. */
export function assertRouteDeclaresAccess(app: FastifyInstance): void {
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/') || route.url.startsWith('/api/docs') || route.url === '/api/openapi.json') return;
    const access = (route.config as { access?: Access } | undefined)?.access;
    if (!access) throw new Error(`route ${route.method} ${route.url} declares no access`);
    if (access.kind === 'workspace' && !route.url.includes(':wid'))
      throw new Error(`workspace route ${route.url} must carry :wid`);
  });
}

/** The request's workspace context; only valid on workspace routes after access was granted. */
export function workspaceOf(request: FastifyRequest): { workspaceId: string; actor: Actor; role?: Role } {
  const a = request.auth;
  if (!a?.workspaceId) throw new AppError(500, 'route_misconfigured', 'no workspace context');
  return { workspaceId: a.workspaceId, actor: a.actor, role: a.role };
}
