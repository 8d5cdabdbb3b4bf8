import { z } from 'zod';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../../deps.js';
import { SESSION_COOKIE } from '../../platform/http/access.js';
import * as auth from './auth.service.js';
import * as workspaces from './workspaces.service.js';

const Email = z.string().trim().email().max(320);
const Password = z.string().min(10, 'at least 10 characters').max(200);

function setSessionCookie(deps: Deps, reply: FastifyReply, s: { token: string; maxAgeSeconds: number }) {
  reply.setCookie(SESSION_COOKIE, s.token, { httpOnly: true, sameSite: 'lax', secure: deps.config.cookieSecure, path: '/', maxAge: s.maxAgeSeconds });
}

export function authRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['auth'];

  r.post('/api/auth/login', {
    config: { access: { kind: 'public' }, rateLimit: { max: 20, timeWindow: '1 minute' } },
    schema: { tags, summary: 'Sign in with email and password; sets the session cookie', body: z.object({ email: Email, password: z.string().min(1).max(200) }) },
  }, async (req, reply) => {
    const s = await auth.login(deps, req.body.email, req.body.password);
    setSessionCookie(deps, reply, s);
    return { csrfToken: s.csrfToken };
  });

  r.post('/api/auth/logout', { config: { access: { kind: 'session' } }, schema: { tags, summary: 'Sign out' } }, async (req, reply) => {
    await auth.logout(deps, req.cookies[SESSION_COOKIE]!);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send();
  });

  r.get('/api/auth/me', { config: { access: { kind: 'session' } }, schema: { tags, summary: 'The signed-in person, their workspaces and the CSRF token' } }, async (req) => {
    return { ...(await auth.me(deps, req.auth!.actor.id)), csrfToken: req.auth!.csrfToken };
  });

  r.post('/api/auth/accept-invitation', {
    config: { access: { kind: 'public' }, rateLimit: { max: 20, timeWindow: '1 minute' } },
    schema: { tags, summary: 'Accept an invitation (creates the account when needed) and sign in', body: z.object({ token: z.string().min(10).max(200), name: z.string().trim().min(1).max(200).optional(), password: Password.optional() }) },
  }, async (req, reply) => {
    const { session, workspaceId } = await auth.acceptInvitation(deps, req.body);
    setSessionCookie(deps, reply, session);
    return { workspaceId, csrfToken: session.csrfToken };
  });

  r.get('/api/workspaces', { config: { access: { kind: 'session' } }, schema: { tags: ['workspaces'], summary: 'Workspaces I belong to' } }, async (req) => {
    return { items: (await auth.me(deps, req.auth!.actor.id)).workspaces };
  });

  r.post('/api/workspaces', {
    config: { access: { kind: 'session' } },
    schema: { tags: ['workspaces'], summary: 'Create a workspace; I become its owner', body: z.object({ name: z.string().trim().min(1).max(200) }) },
  }, async (req, reply) => {
    const w = await workspaces.createWorkspace(deps, req.auth!.actor as never, req.body.name);
    return reply.status(201).send(w);
  });
}
