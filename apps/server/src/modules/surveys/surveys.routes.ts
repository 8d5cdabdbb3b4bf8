import { z } from 'zod';
import QRCode from 'qrcode';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { SurveyDefinition, SurveyInput, SurveyStatus } from '@touchpoint/shared';
import type { Deps } from '../../deps.js';
import { workspaceOf } from '../../platform/http/access.js';
import * as surveys from './surveys.service.js';

const Wid = z.object({ wid: z.string().min(1).max(64) });
const WidSid = Wid.extend({ sid: z.string().min(1).max(64) });

export function surveyRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['surveys'];

  r.get('/api/workspaces/:wid/surveys', { config: { access: { kind: 'workspace', permission: 'surveys.read' } }, schema: { tags, summary: 'All surveys', params: Wid } },
    async (req) => ({ items: await surveys.listSurveys(deps, req.params.wid) }));

  r.post('/api/workspaces/:wid/surveys', {
    config: { access: { kind: 'workspace', permission: 'surveys.write' } },
    schema: { tags, summary: 'Create a survey (as a draft)', params: Wid, body: SurveyInput },
  }, async (req, reply) => reply.status(201).send(await surveys.createSurvey(deps, workspaceOf(req), req.body)));

  r.get('/api/workspaces/:wid/surveys/:sid', { config: { access: { kind: 'workspace', permission: 'surveys.read' } }, schema: { tags, summary: 'One survey', params: WidSid } },
    async (req) => surveys.getSurvey(deps, req.params.wid, req.params.sid));

  r.patch('/api/workspaces/:wid/surveys/:sid', {
    config: { access: { kind: 'workspace', permission: 'surveys.write' } },
    schema: { tags, summary: 'Change the name or the questions', params: WidSid, body: z.object({ name: z.string().trim().min(1).max(200).optional(), definition: SurveyDefinition.optional() }).strict() },
  }, async (req) => surveys.updateSurvey(deps, workspaceOf(req), req.params.sid, req.body));

  r.post('/api/workspaces/:wid/surveys/:sid/status', {
    config: { access: { kind: 'workspace', permission: 'surveys.write' } },
    schema: { tags, summary: 'Publish (live), close or reopen', params: WidSid, body: z.object({ status: SurveyStatus }).strict() },
  }, async (req) => surveys.setStatus(deps, workspaceOf(req), req.params.sid, req.body.status));

  r.delete('/api/workspaces/:wid/surveys/:sid', { config: { access: { kind: 'workspace', permission: 'surveys.write' } }, schema: { tags, summary: 'Delete a survey and its responses', params: WidSid } },
    async (req, reply) => { await surveys.deleteSurvey(deps, workspaceOf(req), req.params.sid); return reply.status(204).send(); });

  r.get('/api/workspaces/:wid/surveys/:sid/share', {
    config: { access: { kind: 'workspace', permission: 'surveys.distribute' } },
    schema: { tags, summary: 'Public link, QR code (SVG) and widget snippet', params: WidSid },
  }, async (req) => {
    const s = await surveys.getSurvey(deps, req.params.wid, req.params.sid);
    const base = deps.publicUrl();
    const link = `${base}/s/${s.publicId}`;
    const qrSvg = await QRCode.toString(link, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
    const widgetSnippet = `<script src="${base}/public/widget.js" data-survey="${s.publicId}" data-trigger="delay:5" async></script>`;
    return { link, qrSvg, widgetSnippet, status: s.status };
  });
}
