/** HTTP face of text analytics: the explorer, the taxonomy (themes) and its suggestions, status. */
import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AdoptSuggestionInput, TextExplorerQuery, ThemeId, ThemeInput, ThemePatch, ThemeSuggestionsQuery } from '@touchpoint/shared';
import type { Deps } from '../../deps.js';
import { workspaceOf } from '../../platform/http/access.js';
import { createTheme, deleteTheme, getTaxonomy, updateTheme } from './taxonomy.service.js';
import { exploreTexts, textStatus, themeSuggestions } from './explorer.service.js';
import type { TextWorker } from './text.worker.js';

const Wid = z.object({ wid: z.string().min(1).max(64) });
const WidId = Wid.extend({ id: ThemeId });

export function textRoutes(app: FastifyInstance, deps: Deps, worker: TextWorker) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['text'];
  const read = { access: { kind: 'workspace' as const, permission: 'responses.read' as const } };
  const manage = { access: { kind: 'workspace' as const, permission: 'themes.manage' as const } };
  const W = '/api/workspaces/:wid/text';

  r.get(`${W}/analyses`, {
    config: read, schema: { tags, params: Wid, querystring: TextExplorerQuery, summary: 'Analysed open-text answers, newest first, filtered; facet counts on the first page' },
  }, async (req) => exploreTexts(deps, workspaceOf(req).workspaceId, req.query));

  r.get(`${W}/status`, { config: read, schema: { tags, params: Wid, summary: 'Model version, analysis backlog and re-tag progress' } },
    async (req) => textStatus(deps, workspaceOf(req).workspaceId));

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
    const theme = await createTheme(deps, workspaceOf(req), { id: b.id, name: b.name ?? b.label, keywords: b.phrases, examples: [] });
    worker.kickRetag(workspaceOf(req).workspaceId);
    return reply.status(201).send(theme);
  });
}
