/** HTTP face of the strategy module: gap analyses, SMART goals and target-market worksheets. */
import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { GapAnalysisInput, GapAnalysisPatch, GoalBaselineQuery, GoalCheckInInput, GoalInput, GoalPatch, WorksheetInput, WorksheetPatch } from '@touchpoint/shared';
import type { Deps } from '../../deps.js';
import { workspaceOf } from '../../platform/http/access.js';
import { preferredUiLanguage } from '../../platform/http/ui-language.js';
import { createAnalysis, createCourseAnalysis, deleteAnalysis, getAnalysis, listAnalyses, updateAnalysis } from './gap.service.js';
import { addCheckIn, baselineOf, createGoal, deleteCheckIn, deleteGoal, getGoal, listGoals, updateGoal } from './goals.service.js';
import { createWorksheet, deleteWorksheet, getWorksheet, listWorksheets, updateWorksheet } from './worksheets.service.js';

const Wid = z.object({ wid: z.string().min(1).max(64) });
const WidId = Wid.extend({ id: z.string().min(1).max(64) });
const W = '/api/workspaces/:wid';

export function registerStrategyRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['strategy'];
  const read = { access: { kind: 'workspace' as const, permission: 'strategy.read' as const } };
  const manage = { access: { kind: 'workspace' as const, permission: 'strategy.manage' as const } };

  // ── gap analyses ──
  r.get(`${W}/gap-analyses`, { config: read, schema: { tags, params: Wid, summary: 'Gap analyses (CX evaluation frameworks), newest change first' } },
    async (req) => listAnalyses(deps, workspaceOf(req).workspaceId));
  r.post(`${W}/gap-analyses`, { config: manage, schema: { tags, params: Wid, body: GapAnalysisInput, summary: 'Create a gap analysis' } },
    async (req, reply) => reply.status(201).send(await createAnalysis(deps, workspaceOf(req), req.body)));
  r.post(`${W}/gap-analyses/templates/course`, {
    config: manage, schema: { tags, params: Wid, summary: 'Create the course\'s example framework in the request\'s language (NPS and CSAT linked live when answered)' },
  }, async (req, reply) => reply.status(201).send(await createCourseAnalysis(deps, workspaceOf(req), preferredUiLanguage(req.headers['accept-language']) ?? 'en')));
  r.get(`${W}/gap-analyses/:id`, { config: read, schema: { tags, params: WidId, summary: 'One analysis with live current states and computed gaps' } },
    async (req) => getAnalysis(deps, workspaceOf(req).workspaceId, req.params.id));
  r.patch(`${W}/gap-analyses/:id`, { config: manage, schema: { tags, params: WidId, body: GapAnalysisPatch, summary: 'Change an analysis (rows: the whole list in order; a stale version answers 409)' } },
    async (req) => updateAnalysis(deps, workspaceOf(req), req.params.id, req.body));
  r.delete(`${W}/gap-analyses/:id`, { config: manage, schema: { tags, params: WidId, summary: 'Delete an analysis' } },
    async (req, reply) => { await deleteAnalysis(deps, workspaceOf(req), req.params.id); return reply.status(204).send(); });

  // ── SMART goals ──
  r.get(`${W}/goals`, { config: read, schema: { tags, params: Wid, summary: 'SMART goals with live progress and status, by deadline' } },
    async (req) => listGoals(deps, workspaceOf(req).workspaceId));
  r.get(`${W}/goals/baseline`, { config: read, schema: { tags, params: Wid, querystring: GoalBaselineQuery, summary: 'A metric over the 30 days before a start date (a new goal\'s baseline)' } },
    async (req) => baselineOf(deps, workspaceOf(req).workspaceId, req.query.metric, req.query.startDate, req.query.segmentId));
  r.post(`${W}/goals`, { config: manage, schema: { tags, params: Wid, body: GoalInput, summary: 'Create a SMART goal (baseline read live when omitted)' } },
    async (req, reply) => reply.status(201).send(await createGoal(deps, workspaceOf(req), req.body)));
  r.get(`${W}/goals/:id`, { config: read, schema: { tags, params: WidId, summary: 'One goal with its progress, series and projection' } },
    async (req) => getGoal(deps, workspaceOf(req).workspaceId, req.params.id));
  r.patch(`${W}/goals/:id`, { config: manage, schema: { tags, params: WidId, body: GoalPatch, summary: 'Change a goal (a stale version answers 409)' } },
    async (req) => updateGoal(deps, workspaceOf(req), req.params.id, req.body));
  r.delete(`${W}/goals/:id`, { config: manage, schema: { tags, params: WidId, summary: 'Delete a goal and its check-ins' } },
    async (req, reply) => { await deleteGoal(deps, workspaceOf(req), req.params.id); return reply.status(204).send(); });
  r.post(`${W}/goals/:id/check-ins`, { config: manage, schema: { tags, params: WidId, body: GoalCheckInInput, summary: 'Enter a value of a manual goal' } },
    async (req, reply) => reply.status(201).send(await addCheckIn(deps, workspaceOf(req), req.params.id, req.body)));
  r.delete(`${W}/goal-check-ins/:id`, { config: manage, schema: { tags, params: WidId, summary: 'Remove a check-in; answers the goal' } },
    async (req) => deleteCheckIn(deps, workspaceOf(req), req.params.id));

  // ── target-market worksheets ──
  r.get(`${W}/market-worksheets`, { config: read, schema: { tags, params: Wid, summary: 'Target-market worksheets' } },
    async (req) => listWorksheets(deps, workspaceOf(req).workspaceId));
  r.post(`${W}/market-worksheets`, { config: manage, schema: { tags, params: Wid, body: WorksheetInput, summary: 'Create a target-market worksheet' } },
    async (req, reply) => reply.status(201).send(await createWorksheet(deps, workspaceOf(req), req.body)));
  r.get(`${W}/market-worksheets/:id`, { config: read, schema: { tags, params: WidId, summary: 'One worksheet with its linked segments as they are now' } },
    async (req) => getWorksheet(deps, workspaceOf(req).workspaceId, req.params.id));
  r.patch(`${W}/market-worksheets/:id`, { config: manage, schema: { tags, params: WidId, body: WorksheetPatch, summary: 'Change a worksheet (a stale version answers 409)' } },
    async (req) => updateWorksheet(deps, workspaceOf(req), req.params.id, req.body));
  r.delete(`${W}/market-worksheets/:id`, { config: manage, schema: { tags, params: WidId, summary: 'Delete a worksheet' } },
    async (req, reply) => { await deleteWorksheet(deps, workspaceOf(req), req.params.id); return reply.status(204).send(); });
}
