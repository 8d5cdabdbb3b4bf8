/** HTTP face of text analytics: the explorer, the taxonomy (themes) and its suggestions, status. */
import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AdoptSuggestionInput, DRIVER_METRICS, TextJobProgress, TextStatus, DriversView, TextExplorerQuery, ThemeId, ThemeInput, ThemePatch, ThemeSuggestionsQuery } from '@touchpoint/shared';
import type { Deps } from '../../deps.js';
import { workspaceOf } from '../../platform/http/access.js';
import { preferredUiLanguage } from '../../platform/http/ui-language.js';
import { createTheme, deleteTheme, getTaxonomy, updateTheme } from './taxonomy.service.js';
import { exploreTexts, textStatus, themeSuggestions } from './explorer.service.js';
import { themeDrivers } from './drivers.service.js';
import { startReanalysis } from './reanalyze.service.js';
import { dashboardQuery, splitMeta } from '../metrics/index.js';
import type { TextWorker } from './text.worker.js';

const Wid = z.object({ wid: z.string().min(1).max(64) });
const WidId = Wid.extend({ id: ThemeId });
/** The same filters as GET …/metrics (and the dashboards), plus the metric. */
const DriversQuery = dashboardQuery({ metric: z.enum(DRIVER_METRICS).default('nps') });

export function textRoutes(app: FastifyInstance, deps: Deps, worker: TextWorker) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['text'];
  const read = { access: { kind: 'workspace' as const, permission: 'responses.read' as const } };
  const manage = { access: { kind: 'workspace' as const, permission: 'themes.manage' as const } };
  const W = '/api/workspaces/:wid/text';

  r.get(`${W}/analyses`, {
    config: read, schema: { tags, params: Wid, querystring: TextExplorerQuery, summary: 'Analysed open-text answers, newest first, filtered; facet counts on the first page' },
  }, async (req) => exploreTexts(deps, workspaceOf(req).workspaceId, req.query, preferredUiLanguage(req.headers['accept-language'])));

  r.get(`${W}/drivers`, {
    config: read,
    schema: {
      tags, params: Wid, querystring: DriversQuery, response: { 200: DriversView },
      summary: 'Themes by how much they pull NPS, CSAT or CES down or up, under the dashboard filters',
      description: 'Per theme: responses mentioning it, the metric among them and among the rest (95 % intervals), the significance of the difference, '
        + '`impact` (how much higher the overall metric would be had the theme\'s unhappy answers been neutral) and `lift` (overall − rest; positive pulls the metric up). Sorted by impact.',
    },
  }, async (req) => {
    const q = req.query;
    return themeDrivers(deps, workspaceOf(req).workspaceId, {
      metric: q.metric, from: q.from, to: q.to, timeZone: q.tz, surveyIds: q.survey, channels: q.channel, meta: splitMeta(q.meta), segmentId: q.segment,
    }, preferredUiLanguage(req.headers['accept-language']));
  });

  r.get(`${W}/status`, { config: read, schema: { tags, params: Wid, response: { 200: TextStatus }, summary: 'Model version, analysis backlog, re-tag and re-analysis progress' } },
    async (req) => textStatus(deps, workspaceOf(req).workspaceId, worker.enabled));

  r.post(`${W}/reanalyze`, {
    config: manage,
    schema: {
      tags, params: Wid, response: { 202: z.object({ reanalysis: TextJobProgress }) },
      summary: 'Re-analyse every text analysed by an older model, in the background',
      description: 'Results keep the model version that made them until a re-run is asked for. Asking again restarts the run; `reanalysis` is null when every text is current.',
    },
  }, async (req, reply) => {
    const reanalysis = await startReanalysis(deps, workspaceOf(req));
    if (reanalysis) worker.kickReanalysis(workspaceOf(req).workspaceId);
    return reply.status(202).send({ reanalysis });
  });

  r.get(`${W}/themes`, { config: read, schema: { tags, params: Wid, summary: 'The taxonomy: themes, version and the re-tag under way' } },
    async (req) => getTaxonomy(deps, workspaceOf(req).workspaceId));

  r.post(`${W}/themes`, {
    config: manage, schema: { tags, params: Wid, body: ThemeInput, summary: 'Add a theme; history is re-tagged in the background' },
  }, async (req, reply) => {
    const theme = await createTheme(deps, workspaceOf(req), req.body);
    worker.kickRetag(workspaceOf(req).workspaceId);
    return reply.status(201).send(theme);
  });

  r.patch(`${W}/themes/:id`, {
    config: manage, schema: { tags, params: WidId, body: ThemePatch, summary: 'Change a theme\'s name, keywords or examples; history is re-tagged' },
  }, async (req) => {
    const theme = await updateTheme(deps, workspaceOf(req), req.params.id, req.body);
    worker.kickRetag(workspaceOf(req).workspaceId);
    return theme;
  });

  r.delete(`${W}/themes/:id`, { config: manage, schema: { tags, params: WidId, summary: 'Remove a theme; history is re-tagged' } },
    async (req, reply) => {
      await deleteTheme(deps, workspaceOf(req), req.params.id);
      worker.kickRetag(workspaceOf(req).workspaceId);
      return reply.status(204).send();
    });

  r.get(`${W}/themes/suggestions`, {
    config: read, schema: { tags, params: Wid, querystring: ThemeSuggestionsQuery, summary: 'Clusters of frequent key phrases the taxonomy does not cover' },
  }, async (req) => themeSuggestions(deps, workspaceOf(req).workspaceId, req.query));

  r.post(`${W}/themes/suggestions/adopt`, {
    config: manage, schema: { tags, params: Wid, body: AdoptSuggestionInput, summary: 'Make a suggested cluster a theme (its phrases become keywords)' },
  }, async (req, reply) => {
    const b = req.body;
    const theme = await createTheme(deps, workspaceOf(req), { id: b.id, name: b.name ?? b.label, names: {}, keywords: b.phrases, examples: [] });
    worker.kickRetag(workspaceOf(req).workspaceId);
    return reply.status(201).send(theme);
  });
}
