import { Readable } from 'node:stream';
import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { stringify } from 'csv-stringify/sync';
import { BatchRequest } from '@touchpoint/shared';
import type { Deps } from '../../deps.js';
import { workspaceOf } from '../../platform/http/access.js';
import { getSurvey } from '../surveys/index.js';
import { storeBatch, submitBatch } from './batch.service.js';
import { deleteResponse } from './erase.service.js';
import { parseCsv, rowsToResponses } from './csv-import.js';
import { surveyResults } from './results.service.js';
import { allResponses, csvHeader, csvRow, listResponses } from './browse.service.js';
import { sendSurveyInvites } from './survey-invites.service.js';

const WidSid = z.object({ wid: z.string().min(1).max(64), sid: z.string().min(1).max(64) });

export function responseRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['responses'];

  r.post('/api/workspaces/:wid/surveys/:sid/responses/batch', {
    config: { access: { kind: 'workspace', permission: 'responses.write' }, keepRawBody: true },
    bodyLimit: 8 * 1024 * 1024,
    schema: { tags, summary: 'Store up to 1,000 responses at once (all valid or none stored; idempotent per key)', params: WidSid, body: BatchRequest },
  }, async (req, reply) => {
    const pending = submitBatch(deps, workspaceOf(req), req.params.sid, req.body.responses, req.rawBody);
    // Until the commit answers, nothing needs the parsed body: let the young GC generation have it.
    (req as { body: unknown }).body = undefined;
    req.rawBody = undefined;
    return reply.status(201).send(await pending);
  });

  r.delete('/api/workspaces/:wid/surveys/:sid/responses/:id', {
    config: { access: { kind: 'workspace', permission: 'responses.write' } },
    schema: { tags, summary: 'Delete one response (its metrics follow in the same transaction)', params: WidSid.extend({ id: z.string().min(1).max(64) }) },
  }, async (req, reply) => { await deleteResponse(deps, workspaceOf(req), req.params.sid, req.params.id); return reply.status(204).send(); });

  r.post('/api/workspaces/:wid/surveys/:sid/responses/import', {
    config: { access: { kind: 'workspace', permission: 'responses.write' } },
    bodyLimit: 32 * 1024 * 1024,
    schema: {
      tags, summary: 'Import a CSV (text/csv body); valid rows are stored, invalid rows reported', params: WidSid,
      querystring: z.object({ firstRow: z.coerce.number().int().min(2).default(2) }),
    },
  }, async (req) => {
    const ctx = workspaceOf(req);
    const survey = await getSurvey(deps, ctx.workspaceId, req.params.sid);
    const parsed = rowsToResponses(survey, parseCsv(String(req.body ?? '')), req.query.firstRow);
    const stored = parsed.items.length ? await storeBatch(deps, ctx, survey, parsed.items, 'import') : { accepted: 0, duplicates: 0 };
    return { rows: parsed.total, imported: stored.accepted, duplicates: stored.duplicates, errors: parsed.errors.slice(0, 200), errorCount: parsed.errors.length };
  });

  r.get('/api/workspaces/:wid/surveys/:sid/results', {
    config: { access: { kind: 'workspace', permission: 'responses.read' } },
    schema: { tags, summary: 'Counts, completion rate, NPS/CSAT/CES with 95 % intervals, distributions', params: WidSid,
      querystring: z.object({ from: z.iso.datetime().optional(), to: z.iso.datetime().optional(), channel: z.string().max(40).optional(), language: z.string().max(20).optional(), headline: z.stringbool().optional() }) },
  }, async (req) => surveyResults(deps, req.params.wid, req.params.sid, req.query));

  r.get('/api/workspaces/:wid/surveys/:sid/responses', {
    config: { access: { kind: 'workspace', permission: 'responses.read' } },
    schema: { tags, summary: 'Responses, newest first, with filters', params: WidSid,
      querystring: z.object({
        q: z.string().max(200).optional(), language: z.string().max(20).optional(), channel: z.string().max(40).optional(),
        status: z.enum(['partial', 'complete']).optional(), npsBand: z.enum(['detractor', 'passive', 'promoter']).optional(),
        withText: z.stringbool().optional(), before: z.string().max(200).optional(), limit: z.coerce.number().int().min(1).max(500).default(50),
      }) },
  }, async (req) => listResponses(deps, await getSurvey(deps, req.params.wid, req.params.sid), req.query));

  r.get('/api/workspaces/:wid/surveys/:sid/responses/export', {
    config: { access: { kind: 'workspace', permission: 'responses.export' } },
    schema: { tags, summary: 'Every response as CSV or JSON', params: WidSid, querystring: z.object({ format: z.enum(['csv', 'json']).default('csv') }) },
  }, async (req, reply) => {
    const survey = await getSurvey(deps, req.params.wid, req.params.sid);
    const csv = req.query.format === 'csv';
    reply.header('content-type', csv ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8');
    reply.header('content-disposition', `attachment; filename="responses-${survey.publicId}.${req.query.format}"`);
    async function* body() {
      if (csv) yield '\ufeff' + stringify([csvHeader(survey)]);
      else yield '[';
      let first = true;
      for await (const row of allResponses(deps, survey)) {
        yield csv ? stringify([csvRow(survey, row)]) : (first ? '' : ',') + JSON.stringify(row);
        first = false;
      }
      if (!csv) yield ']';
    }
    return reply.send(Readable.from(body()));
  });

  r.get('/api/workspaces/:wid/surveys/:sid/stream', {
    config: { access: { kind: 'workspace', permission: 'responses.read' } },
    schema: { tags, summary: 'Server-Sent Events: a "response" event after each stored response', params: WidSid },
  }, async (req, reply) => {
    await getSurvey(deps, req.params.wid, req.params.sid);
    reply.hijack();
    deps.hub.subscribe(`survey:${req.params.sid}`, reply);
  });

  r.post('/api/workspaces/:wid/surveys/:sid/invitations', {
    config: { access: { kind: 'workspace', permission: 'surveys.distribute' } },
    schema: { tags: ['surveys'], summary: 'Email invitations with single-use links (recontact throttle applies; people who refused surveys or email are skipped: noConsent)', params: WidSid,
      body: z.object({ recipients: z.array(z.object({ email: z.string().trim().email().max(320), name: z.string().max(200).optional(), language: z.string().max(20).optional(), customerExternalId: z.string().max(200).optional() }).strict()).min(1).max(1000) }).strict() },
  }, async (req) => { const { invited: _invited, ...result } = await sendSurveyInvites(deps, workspaceOf(req), req.params.sid, req.body.recipients); return result; });
}
