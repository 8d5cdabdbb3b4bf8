/** HTTP face of the competitors module: records, evidence (links, files), pasted reviews and their themes. */
import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  CompetitorCompareQuery, CompetitorInput, CompetitorPatch, CompetitorReviewQuery, CompetitorReviewsPaste,
  EvidenceFileQuery, EvidenceLinkInput, MAX_EVIDENCE_FILE_BYTES,
} from '@touchpoint/shared';
import type { Deps } from '../../deps.js';
import { workspaceOf } from '../../platform/http/access.js';
import { preferredUiLanguage } from '../../platform/http/ui-language.js';
import { validationError } from '../../platform/http/errors.js';
import { createCompetitor, deleteCompetitor, getCompetitor, listCompetitors, updateCompetitor } from './competitors.service.js';
import { addFile, addLink, deleteEvidence, listEvidence, readFile } from './evidence.service.js';
import { compareThemes, competitorThemes, deleteReviews, listReviews, pasteReviews } from './reviews.service.js';
import { contentDisposition, downloadType } from './file-headers.js';

const Wid = z.object({ wid: z.string().min(1).max(64) });
const WidId = Wid.extend({ id: z.string().min(1).max(64) });
const W = '/api/workspaces/:wid';
const Id = z.string().min(1).max(64);
const ReviewDeleteQuery = z.object({ review: Id.optional(), batch: Id.optional(), all: z.enum(['true']).optional() }).strict();
/** JSON text of a large paste of Chinese reviews: 1,000,000 characters of up to 3 bytes, escaped. */
const PASTE_BODY_LIMIT = 4 * 1024 * 1024;

export function registerCompetitorRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['competitors'];
  const read = { access: { kind: 'workspace' as const, permission: 'strategy.read' as const } };
  const manage = { access: { kind: 'workspace' as const, permission: 'strategy.manage' as const } };
  const lang = (req: { headers: Record<string, string | string[] | undefined> }) => preferredUiLanguage(req.headers['accept-language']);

  r.get(`${W}/competitors`, { config: read, schema: { tags, params: Wid, summary: 'Competitor records with research methods, review count and overall review sentiment' } },
    async (req) => ({ items: await listCompetitors(deps, workspaceOf(req).workspaceId) }));
  r.post(`${W}/competitors`, { config: manage, schema: { tags, params: Wid, body: CompetitorInput, summary: 'Create a competitor record (Template 1: methods, prices, promotions, descriptions, surprises, suggestions, sources)' } },
    async (req, reply) => reply.status(201).send(await createCompetitor(deps, workspaceOf(req), req.body)));
  r.get(`${W}/competitors/compare`, {
    config: read, schema: { tags, params: Wid, querystring: CompetitorCompareQuery, summary: 'Per theme: our analysed answers in [from, to] (UTC days; default the last 90) beside each competitor\'s reviews' },
  }, async (req) => compareThemes(deps, workspaceOf(req).workspaceId, req.query, lang(req)));
  r.get(`${W}/competitors/:id`, { config: read, schema: { tags, params: WidId, summary: 'One competitor record' } },
    async (req) => getCompetitor(deps, workspaceOf(req).workspaceId, req.params.id));
  r.patch(`${W}/competitors/:id`, { config: manage, schema: { tags, params: WidId, body: CompetitorPatch, summary: 'Change fields of a record; `version` is the one read (409 when it changed meanwhile)' } },
    async (req) => updateCompetitor(deps, workspaceOf(req), req.params.id, req.body));
  r.delete(`${W}/competitors/:id`, { config: manage, schema: { tags, params: WidId, summary: 'Delete a record with its evidence and reviews' } },
    async (req, reply) => { await deleteCompetitor(deps, workspaceOf(req), req.params.id); return reply.status(204).send(); });

  r.get(`${W}/competitors/:id/evidence`, { config: read, schema: { tags, params: WidId, summary: 'Links and files attached to a record, newest first' } },
    async (req) => ({ items: await listEvidence(deps, workspaceOf(req).workspaceId, req.params.id) }));
  r.post(`${W}/competitors/:id/links`, { config: manage, schema: { tags, params: WidId, body: EvidenceLinkInput, summary: 'Attach a web link (http/https) with a title and note' } },
    async (req, reply) => reply.status(201).send(await addLink(deps, workspaceOf(req), req.params.id, req.body)));

  // A file is the raw request body (any type, up to 5 MB → 413 beyond): this scope reads every
  // content type as bytes, JSON and text included, without touching other routes' parsers.
  void app.register(async (scope) => {
    scope.removeContentTypeParser(['application/json', 'text/plain', 'text/csv']);
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: MAX_EVIDENCE_FILE_BYTES }, (_req, body, done) => done(null, body));
    scope.withTypeProvider<ZodTypeProvider>().post(`${W}/competitors/:id/files`, {
      config: manage, bodyLimit: MAX_EVIDENCE_FILE_BYTES,
      schema: { tags, params: WidId, querystring: EvidenceFileQuery, summary: 'Upload a file (the raw bytes as the body, ?name=<file name>; 5 MB at most)' },
    }, async (req, reply) => reply.status(201).send(await addFile(deps, workspaceOf(req), req.params.id, { name: req.query.name, contentType: req.headers['content-type'], body: req.body })));
  });
  r.get(`${W}/competitor-files/:id`, { config: read, schema: { tags, params: WidId, summary: 'Download an evidence file (always as an attachment)' } }, async (req, reply) => {
    const f = await readFile(deps, workspaceOf(req).workspaceId, req.params.id);
    return reply.headers({
      'content-type': downloadType(f.contentType), 'content-disposition': contentDisposition(f.name),
      'x-content-type-options': 'nosniff', 'content-security-policy': "default-src 'none'; sandbox", 'cache-control': 'private, no-store',
    }).send(f.bytes);
  });
  r.delete(`${W}/competitor-evidence/:id`, { config: manage, schema: { tags, params: WidId, summary: 'Remove a link or file' } },
    async (req, reply) => { await deleteEvidence(deps, workspaceOf(req), req.params.id); return reply.status(204).send(); });

  r.post(`${W}/competitors/:id/reviews`, {
    config: manage, bodyLimit: PASTE_BODY_LIMIT,
    schema: { tags, params: WidId, body: CompetitorReviewsPaste, summary: 'Paste reviews (text split by lines or paragraphs, or a list with ratings and dates; 2,000 at most): each is analysed now (language, sentiment, themes, key phrases) and stored' },
  }, async (req, reply) => reply.status(201).send(await pasteReviews(deps, workspaceOf(req), req.params.id, req.body, lang(req))));
  r.get(`${W}/competitors/:id/reviews`, { config: read, schema: { tags, params: WidId, querystring: CompetitorReviewQuery, summary: 'Pasted reviews with their analysis, newest paste first' } },
    async (req) => listReviews(deps, workspaceOf(req).workspaceId, req.params.id, req.query, lang(req)));
  r.delete(`${W}/competitors/:id/reviews`, {
    config: manage, schema: { tags, params: WidId, querystring: ReviewDeleteQuery, summary: 'Delete one review (?review=<id>), one paste (?batch=<batchId>) or all of them (?all=true)' },
  }, async (req) => {
    const q = req.query;
    const given = [q.review, q.batch, q.all].filter((v) => v !== undefined).length;
    if (given !== 1) throw validationError([{ path: 'querystring.review', message: 'give exactly one of review, batch or all=true' }]);
    const which = q.review ? { review: q.review } : q.batch ? { batch: q.batch } : { all: true as const };
    return deleteReviews(deps, workspaceOf(req), req.params.id, which);
  });
  r.get(`${W}/competitors/:id/themes`, { config: read, schema: { tags, params: WidId, summary: 'Per theme of a competitor\'s reviews: reviews, share, mean sentiment, negative share, top key phrases; and overall sentiment' } },
    async (req) => competitorThemes(deps, workspaceOf(req).workspaceId, req.params.id, lang(req)));
}
