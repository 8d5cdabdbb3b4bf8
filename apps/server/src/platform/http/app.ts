/** Builds the Fastify instance with the platform's plumbing; modules add their routes after. */
import { EventEmitter } from 'node:events';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { formatPath, installErrorHandler, validationError, type FieldIssue } from './errors.js';
import { assertRouteDeclaresAccess, installAccess, type Authenticator } from './access.js';

declare module 'fastify' {
  interface FastifyContextConfig { keepRawBody?: boolean }
  interface FastifyRequest { rawBody?: string }
}

export interface HttpOptions { logLevel: string; bodyLimit?: number }

export async function createHttpApp(opts: HttpOptions, authenticator: Authenticator): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logLevel === 'silent' ? false : { level: opts.logLevel },
    bodyLimit: opts.bodyLimit ?? 1024 * 1024,
    trustProxy: true,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app);
  app.setNotFoundHandler((req, reply) => reply.status(404).send({ error: { code: 'route_not_found', message: `no route ${req.method} ${req.url.split('?')[0]}` } }));

  // Routes with `config: { keepRawBody: true }` also get the JSON text as request.rawBody (the
  // batch API hands it to the SQLite writer thread instead of re-serialising what it parsed).
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (req, body, done) => {
    if (req.routeOptions.config?.keepRawBody) req.rawBody = body as string;
    parseJson(req, body as string, done);
  });

  // CSV import bodies arrive as text; the importer parses them.
  app.addContentTypeParser(['text/csv', 'text/plain'], { parseAs: 'string' }, (_req, body, done) => done(null, body));

  await app.register(cookie);
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_req, ctx) => ({ statusCode: 429, error: { code: 'rate_limited', message: `too many requests; retry in ${Math.ceil(ctx.ttl / 1000)} s` } }),
  });
  await app.register(swagger, {
    openapi: {
      info: { title: 'Touchpoint API', version: '0.1.0', description: 'Customer-experience management: workspaces, surveys, responses. Authenticate with the session cookie (plus x-csrf-token on writes) or `Authorization: Bearer <API key>`.' },
      components: { securitySchemes: { apiKey: { type: 'http', scheme: 'bearer' }, session: { type: 'apiKey', in: 'cookie', name: 'tp_session' } } },
      security: [{ apiKey: [] }, { session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  // The widget posts from customers' sites: public endpoints answer any origin, without credentials.
  app.addHook('onRequest', async (req, reply) => {
    if (req.url.startsWith('/api/public/')) {
      reply.header('access-control-allow-origin', '*');
      reply.header('access-control-allow-headers', 'content-type');
      reply.header('access-control-allow-methods', 'GET, POST, OPTIONS');
      reply.header('access-control-max-age', '86400');
    }
  });
  app.options('/api/public/*', { config: { access: { kind: 'public' } }, schema: { hide: true } }, async (_req, reply) => reply.status(204).send());

  // PostgreSQL text cannot hold U+0000 (a 500 deep in a query); refuse it on both stores, with its path.
  app.addHook('onRequest', async (req) => rejectNul({ params: req.params, querystring: req.query }));
  app.addHook('preValidation', async (req) => rejectNul({ body: req.body }));

  assertRouteDeclaresAccess(app);
  installAccess(app, authenticator);
  return app;
}

function rejectNul(input: Record<string, unknown>): void {
  const issues: FieldIssue[] = [];
  const walk = (v: unknown, path: (string | number)[], depth: number): void => {
    if (typeof v === 'string') { if (v.includes('\u0000')) issues.push({ path: formatPath(path), message: 'must not contain the NUL character' }); return; }
    if (!v || typeof v !== 'object' || depth > 64) return;
    // Parsed input only: a route that takes its body as a stream (file uploads) must not have the
    // socket and server behind it walked (they loop back on each other), nor a buffer byte by byte.
    if (v instanceof EventEmitter || ArrayBuffer.isView(v)) return;
    for (const [k, child] of Object.entries(v)) {
      if (k.includes('\u0000')) issues.push({ path: formatPath(path), message: 'keys must not contain the NUL character' });
      walk(child, [...path, Array.isArray(v) ? Number(k) : k], depth + 1);
    }
  };
  for (const [where, value] of Object.entries(input)) walk(value, [where], 0);
  if (issues.length) throw validationError(issues.slice(0, 50));
}
