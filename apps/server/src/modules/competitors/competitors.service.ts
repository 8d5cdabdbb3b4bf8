/** Competitor records: create, read, change under an optimistic version, delete; audit on every write. */
import type { Competitor, CompetitorListItem, CompetitorPatch, CompetitorValues } from '@touchpoint/shared';
import type { Deps } from '../../deps.js';
import type { Actor } from '../../platform/http/access.js';
import { conflict, notFound } from '../../platform/http/errors.js';
import { writeAudit } from '../../platform/audit.js';
import { newId } from '../../platform/crypto/tokens.js';
import type { CompetitorsTable } from './competitors.tables.js';
import * as repo from './competitors.repo.js';
import { summary } from './review-figures.js';

export interface Ctx { workspaceId: string; actor: Actor }

type Counts = Awaited<ReturnType<typeof repo.reviewCounts>>[number] | undefined;

function sentimentOf(c: Counts) {
  return summary({ n: Number(c?.n ?? 0), sum: Number(c?.sum ?? 0), positives: Number(c?.pos ?? 0), negatives: Number(c?.neg ?? 0) });
}

export function present(r: CompetitorsTable, counts: Counts): Competitor {
  return {
    id: r.id, name: r.name, website: r.website, market: r.market, notes: r.notes,
    methods: JSON.parse(r.methods), prices: JSON.parse(r.prices), promotions: JSON.parse(r.promotions),
    productDescriptions: r.product_descriptions, surprises: r.surprises, suggestions: r.suggestions,
    sources: JSON.parse(r.sources), researchedAt: r.researched_at, version: r.version,
    reviewCount: Number(counts?.n ?? 0), sentiment: sentimentOf(counts), createdAt: r.created_at, updatedAt: r.updated_at,
  };
}

/** Table columns of the given fields (only those present). */
function columns(v: Partial<CompetitorValues>): Partial<CompetitorsTable> {
  const c: Partial<CompetitorsTable> = {};
  if (v.name !== undefined) c.name = v.name;
  if (v.website !== undefined) c.website = v.website;
  if (v.market !== undefined) c.market = v.market;
  if (v.notes !== undefined) c.notes = v.notes;
  if (v.methods !== undefined) c.methods = JSON.stringify(v.methods);
  if (v.prices !== undefined) c.prices = JSON.stringify(v.prices);
  if (v.promotions !== undefined) c.promotions = JSON.stringify(v.promotions);
  if (v.productDescriptions !== undefined) c.product_descriptions = v.productDescriptions;
  if (v.surprises !== undefined) c.surprises = v.surprises;
  if (v.suggestions !== undefined) c.suggestions = v.suggestions;
  if (v.sources !== undefined) c.sources = JSON.stringify(v.sources);
  if (v.researchedAt !== undefined) c.researched_at = v.researchedAt;
  return c;
}

export async function listCompetitors(deps: Deps, workspaceId: string): Promise<CompetitorListItem[]> {
  const [rows, counts] = await Promise.all([repo.listCompetitors(deps.db, workspaceId), repo.reviewCounts(deps.db, workspaceId)]);
  const byId = new Map(counts.map((c) => [c.competitor_id, c]));
  return rows.map((r) => {
    const c = present(r, byId.get(r.id));
    return { id: c.id, name: c.name, website: c.website, methods: c.methods, researchedAt: c.researchedAt, reviewCount: c.reviewCount, sentiment: c.sentiment, updatedAt: c.updatedAt };
  });
}

export async function getCompetitor(deps: Deps, workspaceId: string, id: string): Promise<Competitor> {
  const r = await repo.findCompetitor(deps.db, workspaceId, id);
  if (!r) throw notFound('competitor');
  return present(r, (await repo.reviewCounts(deps.db, workspaceId, id))[0]);
}

/** The competitor must exist in this workspace (404 otherwise, also for other workspaces' ids). */
export async function assertCompetitor(deps: Deps, workspaceId: string, id: string): Promise<CompetitorsTable> {
  const r = await repo.findCompetitor(deps.db, workspaceId, id);
  if (!r) throw notFound('competitor');
  return r;
}

export async function createCompetitor(deps: Deps, ctx: Ctx, input: CompetitorValues): Promise<Competitor> {
  const now = new Date().toISOString();
  const row: CompetitorsTable = {
    id: newId(), workspace_id: ctx.workspaceId, name: input.name, website: null, market: '', notes: '', methods: '[]', prices: '[]', promotions: '[]',
    product_descriptions: '', surprises: '', suggestions: '', sources: '[]', researched_at: null,
    ...columns(input), version: 1, created_by: ctx.actor.id, created_at: now, updated_at: now,
  };
  await deps.db.transaction().execute(async (trx) => {
    await repo.insertCompetitor(trx, row);
    await writeAudit(trx, { workspaceId: ctx.workspaceId, actor: ctx.actor, action: 'competitor.created', targetType: 'competitor', targetId: row.id, details: { name: row.name } });
  });
  return getCompetitor(deps, ctx.workspaceId, row.id);
}

export async function updateCompetitor(deps: Deps, ctx: Ctx, id: string, patch: CompetitorPatch): Promise<Competitor> {
  const { version, ...fields } = patch;
  const cols = columns(fields);
  // Nothing to change cannot conflict with anyone: the record as it stands.
  if (!Object.keys(cols).length) return getCompetitor(deps, ctx.workspaceId, id);
  await deps.db.transaction().execute(async (trx) => {
    const changed = await repo.updateCompetitor(trx, ctx.workspaceId, id, version, { ...cols, updated_at: new Date().toISOString() });
    if (!changed) {
      const current = await repo.findCompetitor(trx, ctx.workspaceId, id);
      if (!current) throw notFound('competitor');
      throw conflict('version_conflict', `the record changed since you read it (version ${current.version}, yours ${version}); reload and apply your change again`);
    }
    await writeAudit(trx, { workspaceId: ctx.workspaceId, actor: ctx.actor, action: 'competitor.updated', targetType: 'competitor', targetId: id, details: { fields: Object.keys(fields), version: version + 1 } });
  });
  return getCompetitor(deps, ctx.workspaceId, id);
}

export async function deleteCompetitor(deps: Deps, ctx: Ctx, id: string): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const r = await repo.findCompetitor(trx, ctx.workspaceId, id);
    if (!r) throw notFound('competitor');
    await repo.deleteCompetitor(trx, ctx.workspaceId, id);
    await writeAudit(trx, { workspaceId: ctx.workspaceId, actor: ctx.actor, action: 'competitor.deleted', targetType: 'competitor', targetId: id, details: { name: r.name } });
  });
}
