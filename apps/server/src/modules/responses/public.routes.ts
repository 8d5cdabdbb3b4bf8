import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { PublicSubmission } from '@touchpoint/shared';
import type { Deps } from '../../deps.js';
import { getPublicSurvey } from '../surveys/index.js';
import { getWorkspace } from '../accounts/index.js';
import { submitPublic } from './submit.service.js';
import { recentlyContacted } from './respondents.js';

/** Public endpoints used by the respondent page and the widget; no login, rate-limited, small bodies. */
export function publicResponseRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['public'];
  const limit = { max: deps.config.publicRateLimit, timeWindow: '1 minute' };
  const PublicId = z.object({ publicId: z.string().regex(/^[A-Za-z0-9_-]{4,40}$/) });

  r.post('/api/public/surveys/:publicId/responses', {
    config: { access: { kind: 'public' }, rateLimit: limit },
    bodyLimit: 64 * 1024,
    schema: { tags, summary: 'Submit (or continue) a response; idempotent on idempotencyKey', params: PublicId, body: PublicSubmission },
  }, async (req, reply) => {
    const result = await submitPublic(deps, req.params.publicId, req.body);
    return reply.status(result.replay ? 200 : 201).send({ id: result.id, status: result.status });
  });

  r.get('/api/public/surveys/:publicId/eligibility', {
    config: { access: { kind: 'public' }, rateLimit: limit },
    schema: { tags, summary: 'May this customer be prompted now? (recontact throttle)', params: PublicId, querystring: z.object({ customerExternalId: z.string().max(200).optional() }) },
  }, async (req) => {
    const survey = await getPublicSurvey(deps, req.params.publicId);
    if (survey.status !== 'live') return { eligible: false, reason: 'survey_not_live' };
    const { settings } = await getWorkspace(deps, survey.workspaceId);
    const recent = await recentlyContacted(deps, survey.workspaceId, { externalId: req.query.customerExternalId }, settings.recontactCooldownDays);
    return recent ? { eligible: false, reason: 'recently_contacted' } : { eligible: true };
  });
}
