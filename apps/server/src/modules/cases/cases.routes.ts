/** HTTP face of closed-loop cases: the inbox, one case and its changes, notes, replies, and inbound mail. */
import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { CaseCreateInput, CaseListQuery, CaseNoteInput, CasePatch, CaseReplyInput, LoopMetricsQuery } from '@touchpoint/shared';
import type { Deps } from '../../deps.js';
import { workspaceOf } from '../../platform/http/access.js';
import { addNote, assignToMe, getCase, listCases, patchCase } from './cases.service.js';
import { receiveMail, sendReply, workspaceOfInbound } from './case-mail.service.js';
import { MAX_INBOUND_BYTES } from './mail-inbound.js';
import { sendResurvey } from './resurvey.service.js';
import { loopMetrics } from './loop-metrics.service.js';
import { createManualCase } from './manual-case.service.js';

const Wid = z.object({ wid: z.string().min(1).max(64) });
const WidCase = Wid.extend({ id: z.string().min(1).max(64) });

export function caseRoutes(app: FastifyInstance, deps: Deps, log: (err: unknown, msg: string) => void) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['cases'];
  const read = { access: { kind: 'workspace' as const, permission: 'cases.read' as const } };
  const work = { access: { kind: 'workspace' as const, permission: 'cases.work' as const } };

  r.get('/api/workspaces/:wid/cases', { config: read, schema: { tags, params: Wid, querystring: CaseListQuery, summary: 'The case inbox: filters, counts per status category, pages (cursor)' } },
    async (req) => listCases(deps, workspaceOf(req), req.query));

  r.post('/api/workspaces/:wid/cases', { config: work, schema: { tags, params: Wid, body: CaseCreateInput, summary: 'Open a case by hand (409 open_case_exists when the customer has one open on the theme)' } },
    async (req, reply) => reply.status(201).send(await createManualCase(deps, workspaceOf(req), req.body)));

  r.get('/api/workspaces/:wid/cases/metrics', { config: read, schema: { tags, params: Wid, querystring: LoopMetricsQuery, summary: 'Loop numbers of the cases opened in a period: closure rate, times to first response and close, SLA attainment, recovery rate, root-cause Pareto' } },
    async (req) => loopMetrics(deps, workspaceOf(req).workspaceId, req.query));

  r.get('/api/workspaces/:wid/cases/:id', { config: read, schema: { tags, params: WidCase, summary: 'One case with its linked answers and timeline' } },
    async (req) => getCase(deps, workspaceOf(req).workspaceId, req.params.id));

  r.patch('/api/workspaces/:wid/cases/:id', {
    config: work, schema: { tags, params: WidCase, body: CasePatch, summary: 'Change status, priority, owner, team, tags, root cause (409 case_changed on a stale version; closing needs a root cause and a resolution code)' },
  }, async (req) => {
    const ctx = workspaceOf(req);
    const { detail, resurvey } = await patchCase(deps, ctx, req.params.id, req.body);
    if (!resurvey) return detail;
    // The close is committed; the follow-up mail goes after it (its outcome lands on the timeline).
    await sendResurvey(deps, ctx, req.params.id).catch((err) => log(err, 'case re-survey failed'));
    return getCase(deps, ctx.workspaceId, req.params.id);
  });

  r.post('/api/workspaces/:wid/cases/:id/notes', { config: work, schema: { tags, params: WidCase, body: CaseNoteInput, summary: 'An internal note on the timeline' } },
    async (req, reply) => reply.status(201).send(await addNote(deps, workspaceOf(req), req.params.id, req.body.body)));

  r.post('/api/workspaces/:wid/cases/:id/replies', { config: work, schema: { tags, params: WidCase, body: CaseReplyInput, summary: 'Email the customer (stored first, then sent through SMTP; a failed send is recorded on the timeline)' } },
    async (req, reply) => reply.status(201).send(await sendReply(deps, workspaceOf(req), req.params.id, req.body)));

  r.post('/api/workspaces/:wid/cases/:id/assign-me', { config: work, schema: { tags, params: WidCase, summary: 'Take the case' } },
    async (req) => assignToMe(deps, workspaceOf(req), req.params.id));

  // Raw MIME from a mail forwarder (or a script piping mail): the secret path names the workspace.
  app.register(async (scope) => {
    scope.addContentTypeParser(['message/rfc822', 'application/octet-stream'], { parseAs: 'buffer', bodyLimit: MAX_INBOUND_BYTES }, (_req, body, done) => done(null, body));
    scope.withTypeProvider<ZodTypeProvider>().post('/api/public/cases/inbound/:token', {
      config: { access: { kind: 'public' }, rateLimit: { max: 600, timeWindow: '1 minute' } },
      bodyLimit: MAX_INBOUND_BYTES,
      schema: { tags, params: z.object({ token: z.string().min(8).max(100) }), summary: 'A customer\'s email (raw MIME, message/rfc822) into its case: by reply address, thread, or subject tag' },
    }, async (req, reply) => {
      const workspaceId = await workspaceOfInbound(deps, req.params.token);
      const body = req.body as Buffer;
      const result = await receiveMail(deps, workspaceId, Buffer.isBuffer(body) ? body : Buffer.from(String(body ?? '')));
      return reply.status(202).send(result);
    });
  });
}
