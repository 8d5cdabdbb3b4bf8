/** HTTP face of customer segments: list, create, edit, delete, preview, members, trend, snapshot, rebuild. */
import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { SegmentDefinition, SegmentInput, SegmentPreviewInput } from '@touchpoint/shared';
import type { Deps } from '../../deps.js';
import { workspaceOf } from '../../platform/http/access.js';
import { createSegment, deleteSegment, getSegment, listSegments, previewSegment, rebuildSegment, segmentMembers, segmentsOfPerson, segmentTrend, snapshotSegment, updateSegment } from './segments.service.js';

const Wid = z.object({ wid: z.string().min(1).max(64) });
const WidId = Wid.extend({ id: z.string().min(1).max(64) });
const SegmentPatch = z.object({
  name: z.string().trim().min(1).max(120).optional(),
  description: z.string().trim().max(1000).optional(),
  definition: SegmentDefinition.optional(),
}).strict();
const MembersQuery = z.object({ cursor: z.string().max(64).optional(), limit: z.coerce.number().int().min(1).max(200).default(50) }).strict();
const TrendQuery = z.object({ days: z.coerce.number().int().min(1).max(730).default(90) }).strict();
const SnapshotInput = z.object({ name: z.string().trim().min(1).max(120).optional() }).strict();

export function segmentRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['segments'];
  const read = { access: { kind: 'workspace' as const, permission: 'customers.read' as const } };
  const write = { access: { kind: 'workspace' as const, permission: 'customers.write' as const } };

  r.get('/api/workspaces/:wid/segments', { config: read, schema: { tags, params: Wid, summary: 'Segments with their member counts (a maintained count: one row read) and build progress' } },
    async (req) => listSegments(deps, workspaceOf(req).workspaceId));
  r.post('/api/workspaces/:wid/segments', { config: write, schema: { tags, params: Wid, body: SegmentInput, summary: 'Create a live or static segment; its members are evaluated in the background (progress on the segment)' } },
    async (req, reply) => reply.status(201).send(await createSegment(deps, workspaceOf(req), req.body)));
  r.post('/api/workspaces/:wid/segments/preview', { config: read, schema: { tags, params: Wid, body: SegmentPreviewInput, summary: 'How many people a definition holds now (exact, or estimated from a sample when that takes over 1.5 s), with a few of them' } },
    async (req) => previewSegment(deps, workspaceOf(req).workspaceId, req.body.definition));
  r.get('/api/workspaces/:wid/segments/:id', { config: read, schema: { tags, params: WidId, summary: 'One segment' } },
    async (req) => getSegment(deps, workspaceOf(req).workspaceId, req.params.id));
  r.patch('/api/workspaces/:wid/segments/:id', { config: write, schema: { tags, params: WidId, body: SegmentPatch, summary: 'Rename, describe or redefine a segment (a new definition re-evaluates everyone)' } },
    async (req) => updateSegment(deps, workspaceOf(req), req.params.id, req.body));
  r.delete('/api/workspaces/:wid/segments/:id', { config: write, schema: { tags, params: WidId, summary: 'Delete a segment and its members list' } },
    async (req, reply) => { await deleteSegment(deps, workspaceOf(req), req.params.id); return reply.status(204).send(); });
  r.get('/api/workspaces/:wid/segments/:id/members', { config: read, schema: { tags, params: WidId, querystring: MembersQuery, summary: 'The people in a segment, a page at a time' } },
    async (req) => segmentMembers(deps, workspaceOf(req).workspaceId, req.params.id, req.query.cursor, req.query.limit));
  r.get('/api/workspaces/:wid/segments/:id/trend', { config: read, schema: { tags, params: WidId, querystring: TrendQuery, summary: 'Member count per day (UTC) over the last `days` days' } },
    async (req) => segmentTrend(deps, workspaceOf(req).workspaceId, req.params.id, req.query.days));
  r.post('/api/workspaces/:wid/segments/:id/snapshot', { config: write, schema: { tags, params: WidId, body: SnapshotInput, summary: 'Freeze the current members into a new static segment' } },
    async (req, reply) => reply.status(201).send(await snapshotSegment(deps, workspaceOf(req), req.params.id, req.body.name)));
  r.get('/api/workspaces/:wid/customers/:id/segments', { config: read, schema: { tags, params: WidId, summary: 'The segments a person is in now' } },
    async (req) => segmentsOfPerson(deps, workspaceOf(req).workspaceId, req.params.id));
  r.post('/api/workspaces/:wid/segments/:id/rebuild', { config: write, schema: { tags, params: WidId, summary: 'Re-evaluate everyone in a live segment now' } },
    async (req, reply) => reply.status(202).send(await rebuildSegment(deps, workspaceOf(req), req.params.id)));
}
