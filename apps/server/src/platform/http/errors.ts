import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { ZodError } from 'zod';

/** An expected failure with an HTTP status and a stable snake_case code. */
export class AppError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
    /** Extra response headers (e.g. Retry-After on a 429). */
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }
}

export const notFound = (what: string) => new AppError(404, `${what}_not_found`, `${what.replace(/_/g, ' ')} not found`);
export const forbidden = (message = 'you do not have permission to do this') => new AppError(403, 'forbidden', message);
export const unauthorized = (message = 'sign in or send an API key') => new AppError(401, 'unauthorized', message);
export const conflict = (code: string, message: string) => new AppError(409, code, message);

export interface FieldIssue { path: string; message: string }

/** Formats a path such as ['responses', 0, 'answers', 'nps'] as "responses[0].answers.nps". */
export function formatPath(parts: readonly (string | number | symbol)[], prefix?: string): string {
  let out = prefix ?? '';
  for (const p of parts) {
    if (typeof p === 'number') out += `[${p}]`;
    else out += (out ? '.' : '') + String(p);
  }
  return out;
}

export function validationError(issues: FieldIssue[], message = 'the request is not valid'): AppError {
  return new AppError(400, 'validation_failed', message, issues);
}

export function fromZodError(err: ZodError, prefix?: string): AppError {
  return validationError(err.issues.map((i) => ({ path: formatPath(i.path, prefix), message: i.message })));
}

const STATUS_CODES: Record<number, string> = {
  400: 'bad_request', 401: 'unauthorized', 403: 'forbidden', 404: 'not_found', 405: 'method_not_allowed',
  406: 'not_acceptable', 409: 'conflict', 413: 'payload_too_large', 415: 'unsupported_media_type', 429: 'rate_limited',
};

/** The one error handler: every failure leaves as { error: { code, message, details } }. */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError | ZodError, request, reply) => {
    if (error instanceof AppError) {
      if (error.headers) void reply.headers(error.headers);
      return reply.status(error.statusCode).send({ error: { code: error.code, message: error.message, details: error.details } });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const where = (error as FastifyError).validationContext ?? 'body';
      const details = error.validation.map((v) => {
        const issue = (v.params as { issue?: { path?: (string | number)[] } }).issue;
        const parts = issue?.path ?? v.instancePath.split('/').filter(Boolean).map((p) => (/^\d+$/.test(p) ? Number(p) : p));
        return { path: formatPath(parts, where), message: v.message ?? 'invalid' };
      });
      return reply.status(400).send({ error: { code: 'validation_failed', message: 'the request is not valid', details } });
    }
    if (error instanceof ZodError) {
      const e = fromZodError(error);
      return reply.status(400).send({ error: { code: e.code, message: e.message, details: e.details } });
    }
    const status = (error as FastifyError).statusCode ?? 500;
    if (status >= 400 && status < 500) {
      const code = status === 400 && /JSON/i.test(error.message) ? 'invalid_json' : STATUS_CODES[status] ?? 'bad_request';
      return reply.status(status).send({ error: { code, message: error.message } });
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.status(500).send({ error: { code: 'internal_error', message: 'something went wrong on our side' } });
  });
}
