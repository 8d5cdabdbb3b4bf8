import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { pickLanguage } from '@touchpoint/shared';
import type { Deps } from '../../deps.js';
import { getPublicSurvey } from './surveys.service.js';
import { renderRespondentPage } from './respondent-page.js';

const PublicId = z.object({ publicId: z.string().regex(/^[A-Za-z0-9_-]{4,40}$/) });

/** What respondents load: the survey as JSON (widget) and the respondent page (link, QR, email). */
export function publicSurveyRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/public/surveys/:publicId', {
    config: { access: { kind: 'public' }, rateLimit: { max: deps.config.publicRateLimit * 2, timeWindow: '1 minute' } },
    schema: { tags: ['public'], summary: 'A live survey as respondents see it', params: PublicId },
  }, async (req, reply) => {
    const { id: _id, workspaceId: _w, ...survey } = await getPublicSurvey(deps, req.params.publicId);
    reply.header('cache-control', 'public, max-age=30');
    reply.header('access-control-allow-origin', '*');
    return survey;
  });

  r.get('/s/:publicId', {
    config: { access: { kind: 'public' } },
    schema: { hide: true, params: PublicId, querystring: z.object({ lang: z.string().max(20).optional() }).passthrough() },
  }, async (req, reply) => {
    const { id: _id, workspaceId: _w, ...survey } = await getPublicSurvey(deps, req.params.publicId);
    const wanted = [req.query.lang, ...(req.headers['accept-language'] ?? '').split(',').map((p) => p.split(';')[0])].filter(Boolean) as string[];
    const lang = pickLanguage(survey.definition.languages, wanted, survey.definition.defaultLanguage);
    reply.header('content-type', 'text/html; charset=utf-8');
    reply.header('cache-control', 'no-store');
    return renderRespondentPage({ survey, context: {}, lang, scriptUrl: '/public/respond.js' });
  });
}
