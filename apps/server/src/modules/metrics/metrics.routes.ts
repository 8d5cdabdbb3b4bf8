/** HTTP face of the metrics module: the numbers (with the dashboard's filters) and the cube settings. */
import { z } from 'zod';
import { BreakdownName, Day, MetaKeyName, MetricSettingsView } from '@touchpoint/shared';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../../deps.js';
import { workspaceOf } from '../../platform/http/access.js';
import { isValidTimeZone } from '../../platform/time/local-day.js';
import { INTERVALS, daysBetween } from './periods.js';
import { queryMetrics, type Breakdown } from './metrics.service.js';
import { getMetricSettings, updateMetricSettings } from './settings.service.js';
import type { MetricsRecounter } from './recount.runner.js';

const Wid = z.object({ wid: z.string().min(1).max(64) });
const TimeZone = z.string().max(64).refine(isValidTimeZone, 'an IANA time zone such as Asia/Taipei or UTC');
const List = (item: z.ZodString) => z.string().max(2000).transform((s) => s.split(',').map((v) => v.trim()).filter(Boolean)).pipe(z.array(item).max(50));
const MAX_DAYS = 3700;

const QueryFields = z.object({
  from: Day, to: Day,
  tz: TimeZone.optional(),
  interval: z.enum(INTERVALS).default('month'),
  by: BreakdownName.optional(),
  survey: List(z.string().min(1).max(64)).optional(),
  channel: List(z.string().min(1).max(40)).optional(),
  meta: z.string().max(600).regex(/^[A-Za-z0-9_.:-]{1,64}=.{1,500}$/s, 'key=value, e.g. plan=pro').optional(),
  compare: z.enum(['previous']).optional(),
  segment: z.string().min(1).max(64).optional().describe('only answers from members of this customer segment (by their customer id or respondent email)'),
  a: z.string().max(500).optional().describe('with `by` and `b`: the segment to compare against (e.g. email)'),
  b: z.string().max(500).optional().describe('with `by` and `a`: the segment compared (e.g. link); the answer\'s `versus` holds b − a with its significance'),
});
const rangeCheck = (q: { from: string; to: string }, ctx: z.RefinementCtx) => {
  if (q.from > q.to) ctx.addIssue({ code: 'custom', path: ['to'], message: 'must not be before from' });
  else if (daysBetween(q.from, q.to) >= MAX_DAYS) ctx.addIssue({ code: 'custom', path: ['to'], message: `at most ${MAX_DAYS} days from from` });
};
const segmentsCheck = (q: { a?: string; b?: string; by?: string }, ctx: z.RefinementCtx) => {
  if ((q.a === undefined) !== (q.b === undefined)) ctx.addIssue({ code: 'custom', path: [q.a === undefined ? 'a' : 'b'], message: 'give both segments, a and b' });
  else if (q.a !== undefined && !q.by) ctx.addIssue({ code: 'custom', path: ['by'], message: 'required to compare segments: what a and b are values of' });
};
export const MetricsQuerySchema = QueryFields.strict().superRefine(rangeCheck).superRefine(segmentsCheck);
/** The dashboard filters alone (range, time zone, surveys, channels, one key=value, a customer segment), with the range check, plus `extra`: every query answered under a dashboard's filters. */
export const dashboardQuery = <T extends z.ZodRawShape>(extra: T) =>
  QueryFields.pick({ from: true, to: true, tz: true, survey: true, channel: true, meta: true, segment: true }).extend(extra).strict()
    .superRefine((q, ctx) => rangeCheck(q as { from: string; to: string }, ctx)); // the generic hides from/to from the checker
export const OpenTextQuerySchema = dashboardQuery({ limit: z.coerce.number().int().min(1).max(100).default(20) });
/** 'key=value' → { key, value } (the key cannot hold '='). */
export const splitMeta = (meta?: string) => {
  if (!meta) return undefined;
  const eq = meta.indexOf('=');
  return { key: meta.slice(0, eq), value: meta.slice(eq + 1) };
};

export const MetricSettingsBody = z.object({
  timeZone: TimeZone.optional(),
  dimensions: z.array(MetaKeyName).max(10).optional(),
}).strict();

/** `recounts`: runs the recount a settings change starts (recount.runner.ts). */
export function metricsRoutes(app: FastifyInstance, deps: Deps, recounts: Pick<MetricsRecounter, 'kick'>) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['metrics'];

  r.get('/api/workspaces/:wid/metrics', {
    config: { access: { kind: 'workspace', permission: 'responses.read' } },
    schema: {
      tags, params: Wid, querystring: MetricsQuerySchema,
      summary: 'NPS, CSAT, CES and sentiment with counts and 95 % intervals, by day/week/month and segment, with the same filters as the dashboards',
      description: '`sentiment` is the mean sentiment score (−1…1) of the analysed open-text answers in the filter: `n` counts texts, `ci` is its 95 % interval, `sd` the standard deviation, `positiveShare`/`negativeShare` the labelled shares in %. Texts are analysed in the background, seconds after their response is stored. `cxIndex` weighs sentiment as (s + 1) / 2 × 100.',
    },
  }, async (req) => {
    const q = req.query;
    return queryMetrics(deps, workspaceOf(req).workspaceId, {
      from: q.from, to: q.to, timeZone: q.tz, interval: q.interval, by: q.by as Breakdown | undefined,
      surveyIds: q.survey, channels: q.channel, compare: q.compare, meta: splitMeta(q.meta),
      versus: q.a !== undefined && q.b !== undefined ? [q.a, q.b] : undefined, segmentId: q.segment,
    });
  });

  r.get('/api/workspaces/:wid/metrics/settings', {
    config: { access: { kind: 'workspace', permission: 'workspace.read' } },
    schema: { tags, params: Wid, response: { 200: MetricSettingsView }, summary: 'The time zone days are counted in, the metadata keys analysed, and the progress of a recount while one runs' },
  }, async (req) => getMetricSettings(deps, workspaceOf(req).workspaceId));

  r.put('/api/workspaces/:wid/metrics/settings', {
    config: { access: { kind: 'workspace', permission: 'workspace.manage' } },
    schema: {
      tags, params: Wid, body: MetricSettingsBody, response: { 200: MetricSettingsView },
      summary: 'Change the time zone or analysed metadata keys',
      description: 'Answers at once; the workspace\'s metrics are then recounted in the background (`recount` shows the progress; GET polls it). Until it finishes, numbers are computed from the responses: exact, only slower.',
    },
  }, async (req) => updateMetricSettings(deps, workspaceOf(req), req.body, { recounts }));
}
