/** HTTP face of Customer 360: event intake, people (search, profile, timeline), merges and trait definitions. */
import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { CustomerSearchQuery, EventBatch, ManualMergeInput, TimelineQuery, TraitDefinitionInput, TraitKey } from '@touchpoint/shared';
import type { Deps } from '../../deps.js';
import { workspaceOf } from '../../platform/http/access.js';
import { ingestEvents } from './intake.service.js';
import { queueEvents, queueStatus } from './intake-queue.js';
import type { IntakeDrainer } from './intake-drainer.js';
import { getProfile, searchCustomers } from './profiles.service.js';
import { timeline } from './timeline.service.js';
import { listMerges, listTraitDefinitions, mergeByHand, putTraitDefinition, unmerge } from './merges.service.js';
import { createImport, getImport, listImports } from './imports.service.js';
import { erasePerson, exportPerson } from './privacy.service.js';
import type { ImportRunner } from './imports.runner.js';
import type { Readable } from 'node:stream';

/** Import uploads arrive as a stream (CSV, JSONL, or JSON lines sent as application/json) and go straight to disk. */
const IMPORT_TYPES = ['text/csv', 'text/plain', 'application/x-ndjson', 'application/jsonl', 'application/json', 'application/octet-stream'];
const ImportQuery = z.object({
  format: z.enum(['csv', 'jsonl']).optional(),
  name: z.string().trim().min(1).max(200).default('upload'),
}).strict();

const Wid = z.object({ wid: z.string().min(1).max(64) });
const WidId = Wid.extend({ id: z.string().min(1).max(64) });
const IdempotencyHeader = z.object({ 'idempotency-key': z.string().min(1).max(100).optional() });
const EventsQuery = z.object({
  /** true: resolve and store before answering, with each event's profile id (slower; for integrations that need the ids). */
  wait: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
}).strict();

export function customerRoutes(app: FastifyInstance, deps: Deps, imports: ImportRunner, intake: IntakeDrainer) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['customers'];
  const read = { access: { kind: 'workspace' as const, permission: 'customers.read' as const } };
  const write = { access: { kind: 'workspace' as const, permission: 'customers.write' as const } };
  const manage = { access: { kind: 'workspace' as const, permission: 'customers.manage' as const } };

  r.post('/api/workspaces/:wid/events', {
    config: write, bodyLimit: 8 * 1024 * 1024,
    schema: {
      tags, params: Wid, headers: IdempotencyHeader, querystring: EventsQuery, body: EventBatch,
      summary: 'Accept up to 1,000 customer events (identify, track, page, order): all valid or none accepted. 202 once the batch is durably queued ({ batchId, queued }); profiles and timelines follow within moments, in arrival order (GET …/events/queue shows what waits). ?wait=true stores before answering, with each event\'s profile id. An Idempotency-Key makes a retried batch a no-op; 429 with Retry-After while the backlog is full',
    },
  }, async (req, reply) => {
    const ctx = workspaceOf(req), batchKey = req.headers['idempotency-key'];
    if (req.query.wait) return reply.status(202).send(await ingestEvents(deps, ctx, req.body.events, { transport: 'http', batchKey }));
    return reply.status(202).send(await queueEvents(deps, ctx, req.body.events, intake, batchKey));
  });
  r.get('/api/workspaces/:wid/events/queue', { config: write, schema: { tags, params: Wid, summary: 'Event batches acknowledged and not yet applied: count, oldest, and batches that failed to apply with their errors and next attempt' } },
    async (req) => queueStatus(deps, workspaceOf(req).workspaceId));

  void app.register(async (scope) => {
    scope.removeContentTypeParser(['text/csv', 'text/plain', 'application/json']);
    scope.addContentTypeParser(IMPORT_TYPES, (_req, payload, done) => done(null, payload));
    scope.withTypeProvider<ZodTypeProvider>().post('/api/workspaces/:wid/customers/imports', {
      config: write,
      schema: { tags, params: Wid, querystring: ImportQuery, summary: 'Upload a CSV or JSONL file of events (up to 2 GB); it is imported in the background with progress (202)' },
    }, async (req, reply) => {
      const type = String(req.headers['content-type'] ?? '').split(';')[0].trim();
      const format = req.query.format ?? (type === 'text/csv' ? 'csv' : 'jsonl');
      const ctx = workspaceOf(req);
      const created = await createImport(deps, ctx, req.body as Readable, { format, fileName: req.query.name });
      imports.kick(ctx.workspaceId, created.id);
      return reply.status(202).send(created);
    });
  });
  r.get('/api/workspaces/:wid/customers/imports', { config: write, schema: { tags, params: Wid, summary: 'The last 50 event imports with their progress' } },
    async (req) => listImports(deps, workspaceOf(req).workspaceId));
  r.get('/api/workspaces/:wid/customers/imports/:id', { config: write, schema: { tags, params: WidId, summary: 'One import: bytes done of the file, records stored, duplicates, invalid records with the first errors' } },
    async (req) => getImport(deps, workspaceOf(req).workspaceId, req.params.id));

  r.get('/api/workspaces/:wid/customers', { config: read, schema: { tags, params: Wid, querystring: CustomerSearchQuery.partial({ q: true }), summary: 'Find people by email, phone, id or name (any script); without q, the people seen last' } },
    async (req) => searchCustomers(deps, workspaceOf(req).workspaceId, req.query.q, req.query.limit ?? 20));
  r.get('/api/workspaces/:wid/customers/traits', { config: read, schema: { tags, params: Wid, summary: 'Declared traits: type and merge rule' } },
    async (req) => listTraitDefinitions(deps, workspaceOf(req).workspaceId));
  r.put('/api/workspaces/:wid/customers/traits/:key', { config: manage, schema: { tags, params: Wid.extend({ key: TraitKey }), body: TraitDefinitionInput, summary: 'Declare a trait\'s type and how merged profiles resolve it (latest, first or both)' } },
    async (req) => putTraitDefinition(deps, workspaceOf(req), req.params.key, req.body));
  r.get('/api/workspaces/:wid/customers/:id', { config: read, schema: { tags, params: WidId, summary: 'A person: every merged profile resolved into one (a merged profile\'s id answers with its person)' } },
    async (req) => getProfile(deps, workspaceOf(req).workspaceId, req.params.id));
  r.get('/api/workspaces/:wid/customers/:id/timeline', { config: read, schema: { tags, params: WidId, querystring: TimelineQuery, summary: 'Everything a person did and said, newest first, across merged profiles' } },
    async (req) => timeline(deps, workspaceOf(req).workspaceId, req.params.id, req.query));
  r.get('/api/workspaces/:wid/customers/:id/merges', { config: read, schema: { tags, params: WidId, summary: 'The merge history of a person' } },
    async (req) => listMerges(deps, workspaceOf(req).workspaceId, req.params.id));
  r.post('/api/workspaces/:wid/customers/:id/merge', { config: manage, schema: { tags, params: WidId, body: ManualMergeInput, summary: 'Merge another person into this one (already one person: nothing changes)' } },
    async (req) => { await mergeByHand(deps, workspaceOf(req), req.params.id, req.body.absorbedId); return getProfile(deps, workspaceOf(req).workspaceId, req.params.id); });
  r.get('/api/workspaces/:wid/customers/:id/export', { config: manage, schema: { tags, params: WidId, summary: 'Everything stored about a person, as JSON (audited): merged profiles, identifiers, events, merges, survey answers' } },
    async (req, reply) => {
      const data = await exportPerson(deps, workspaceOf(req), req.params.id);
      return reply.header('content-disposition', `attachment; filename="customer-${data.person.id}.json"`).send(data);
    });
  r.delete('/api/workspaces/:wid/customers/:id', { config: manage, schema: { tags, params: WidId, summary: 'Erase a person (audited): every merged profile, identifier, event and merge, their survey answers and respondent records; the metrics follow' } },
    async (req) => erasePerson(deps, workspaceOf(req), req.params.id));
  r.post('/api/workspaces/:wid/customers/merges/:id/unmerge', { config: manage, schema: { tags, params: WidId, summary: 'Undo a merge: both sides become the people they were (undone already: nothing changes)' } },
    async (req) => unmerge(deps, workspaceOf(req), req.params.id));
}
