/** Targets, benchmarks, CX index weights and the open-text tile: routes beside the metrics. */
import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { BenchmarkInput, CxIndexWeights, TargetInput } from '@touchpoint/shared';
import type { Deps } from '../../deps.js';
import { workspaceOf } from '../../platform/http/access.js';
import { createBenchmark, createTarget, currentWeights, cxIndexHistory, deleteConfig, listBenchmarks, listTargets, setWeights } from './config.service.js';
import { latestOpenText } from './open-text.service.js';
import { OpenTextQuerySchema, splitMeta } from './metrics.routes.js';

const Wid = z.object({ wid: z.string().min(1).max(64) });
const WidId = Wid.extend({ id: z.string().min(1).max(64) });

export function metricsConfigRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['metrics'];
  const read = { access: { kind: 'workspace' as const, permission: 'responses.read' as const } };
  const manage = { access: { kind: 'workspace' as const, permission: 'workspace.manage' as const } };

  r.get('/api/workspaces/:wid/metrics/targets', { config: read, schema: { tags, params: Wid, summary: 'Metric targets' } },
    async (req) => listTargets(deps, workspaceOf(req).workspaceId));
  r.post('/api/workspaces/:wid/metrics/targets', { config: manage, schema: { tags, params: Wid, body: TargetInput, summary: 'Add a target, e.g. NPS ≥ 50 by 2027-06-30' } },
    async (req, reply) => reply.status(201).send(await createTarget(deps, workspaceOf(req), req.body)));
  r.delete('/api/workspaces/:wid/metrics/targets/:id', { config: manage, schema: { tags, params: WidId, summary: 'Remove a target' } },
    async (req, reply) => { await deleteConfig(deps, workspaceOf(req), 'metric_targets', req.params.id); return reply.status(204).send(); });

  r.get('/api/workspaces/:wid/metrics/benchmarks', { config: read, schema: { tags, params: Wid, summary: 'Industry and competitor reference values' } },
    async (req) => listBenchmarks(deps, workspaceOf(req).workspaceId));
  r.post('/api/workspaces/:wid/metrics/benchmarks', { config: manage, schema: { tags, params: Wid, body: BenchmarkInput, summary: 'Add a reference value with its source and date' } },
    async (req, reply) => reply.status(201).send(await createBenchmark(deps, workspaceOf(req), req.body)));
  r.delete('/api/workspaces/:wid/metrics/benchmarks/:id', { config: manage, schema: { tags, params: WidId, summary: 'Remove a reference value' } },
    async (req, reply) => { await deleteConfig(deps, workspaceOf(req), 'metric_benchmarks', req.params.id); return reply.status(204).send(); });

  r.get('/api/workspaces/:wid/metrics/cx-index', { config: read, schema: { tags, params: Wid, summary: 'The composite CX index weights in force and their history' } },
    async (req) => {
      const wid = workspaceOf(req).workspaceId;
      return { ...(await currentWeights(deps.db, wid)), history: await cxIndexHistory(deps.db, wid) };
    });
  r.put('/api/workspaces/:wid/metrics/cx-index', { config: manage, schema: { tags, params: Wid, body: CxIndexWeights, summary: 'Set new weights (kept as a new version)' } },
    async (req) => setWeights(deps, workspaceOf(req), req.body));

  r.get('/api/workspaces/:wid/metrics/open-text', { config: read, schema: { tags, params: Wid, querystring: OpenTextQuerySchema, summary: 'The newest open-text answers under the dashboard filters' } },
    async (req) => {
      const q = req.query;
      return latestOpenText(deps, workspaceOf(req).workspaceId, {
        from: q.from, to: q.to, timeZone: q.tz, surveyIds: q.survey, channels: q.channel, limit: q.limit, meta: splitMeta(q.meta), segmentId: q.segment,
      });
    });
}
