/**
 * Target-market worksheets (the course's "Template 3"): segmentation choices linked to customer
 * segments, the target persona, the digital engagement strategy per platform and the positioning
 * statement. Stored as one JSON document; linked segments are looked up when read, so their names and
 * member counts are current (and a deleted one shows as missing).
 */
import { WorksheetInput, type EngagementRow, type SegmentationRow, type Worksheet, type WorksheetPatch, type WorksheetSummary } from '@touchpoint/shared';
import type { Deps } from '../../deps.js';
import { conflict, fromZodError, notFound } from '../../platform/http/errors.js';
import { newId } from '../../platform/crypto/tokens.js';
import { writeAudit } from '../../platform/audit.js';
import { listSegments } from '../customers/index.js';
import type { StrategyWorksheetsTable } from './strategy.tables.js';
import * as repo from './strategy.repo.js';
import type { Ctx } from './gap.service.js';

type StoredSegmentation = Omit<SegmentationRow, 'segment' | 'segmentMissing'>;
interface Content { segmentation: StoredSegmentation[]; persona: string; engagement: EngagementRow[]; positioning: string; currency: string }

const rowId = () => newId().replace(/-/g, '').slice(0, 16);
function withIds<T extends { id?: string }>(rows: T[]): (T & { id: string })[] {
  const seen = new Set<string>();
  return rows.map((r) => {
    const id = r.id && !seen.has(r.id) ? r.id : rowId();
    seen.add(id);
    return { ...r, id };
  });
}

async function present(deps: Deps, row: StrategyWorksheetsTable): Promise<Worksheet> {
  const c = JSON.parse(row.content) as Content;
  const linked = c.segmentation.some((s) => s.segmentId);
  const segments = linked ? new Map((await listSegments(deps, row.workspace_id)).items.map((s) => [s.id, s])) : new Map();
  return {
    id: row.id, name: row.name, persona: c.persona, engagement: c.engagement, positioning: c.positioning, currency: c.currency,
    segmentation: c.segmentation.map((s) => {
      const seg = s.segmentId ? segments.get(s.segmentId) : undefined;
      return { ...s, segment: seg ? { id: seg.id, name: seg.name, memberCount: seg.memberCount } : null, segmentMissing: !!s.segmentId && !seg };
    }),
    version: row.version, createdAt: row.created_at, updatedAt: row.updated_at,
  };
}

const summary = (row: StrategyWorksheetsTable): WorksheetSummary => {
  const c = JSON.parse(row.content) as Content;
  return { id: row.id, name: row.name, segments: c.segmentation.length, platforms: c.engagement.map((e) => e.platform), version: row.version, updatedAt: row.updated_at };
};

export async function listWorksheets(deps: Deps, workspaceId: string): Promise<{ items: WorksheetSummary[] }> {
  return { items: (await repo.listWorksheets(deps.db, workspaceId)).map(summary) };
}

export async function getWorksheet(deps: Deps, workspaceId: string, id: string): Promise<Worksheet> {
  const row = await repo.findWorksheet(deps.db, workspaceId, id);
  if (!row) throw notFound('worksheet');
  return present(deps, row);
}

export async function createWorksheet(deps: Deps, ctx: Ctx, body: WorksheetInput): Promise<Worksheet> {
  const parsed = WorksheetInput.safeParse(body);
  if (!parsed.success) throw fromZodError(parsed.error, 'body');
  const w = parsed.data;
  const content: Content = { segmentation: withIds(w.segmentation), persona: w.persona, engagement: withIds(w.engagement), positioning: w.positioning, currency: w.currency };
  const now = new Date().toISOString();
  const row: StrategyWorksheetsTable = { id: newId(), workspace_id: ctx.workspaceId, name: w.name, content: JSON.stringify(content), version: 1, created_at: now, updated_at: now };
  await deps.db.transaction().execute(async (trx) => {
    await repo.insertWorksheet(trx, row);
    await writeAudit(trx, { workspaceId: ctx.workspaceId, actor: ctx.actor, action: 'worksheet.created', targetType: 'worksheet', targetId: row.id, details: { name: w.name, segmentation: w.segmentation.length, engagement: w.engagement.length } });
  });
  return present(deps, row);
}

export async function updateWorksheet(deps: Deps, ctx: Ctx, id: string, patch: WorksheetPatch): Promise<Worksheet> {
  const row = await repo.findWorksheet(deps.db, ctx.workspaceId, id);
  if (!row) throw notFound('worksheet');
  const old = JSON.parse(row.content) as Content;
  const content: Content = {
    segmentation: patch.segmentation ? withIds(WorksheetInput.shape.segmentation.parse(patch.segmentation)) : old.segmentation,
    persona: patch.persona ?? old.persona,
    engagement: patch.engagement ? withIds(WorksheetInput.shape.engagement.parse(patch.engagement)) : old.engagement,
    positioning: patch.positioning ?? old.positioning,
    currency: patch.currency ?? old.currency,
  };
  const set = { name: patch.name ?? row.name, content: JSON.stringify(content), updated_at: new Date().toISOString() };
  await deps.db.transaction().execute(async (trx) => {
    if (!(await repo.updateAtVersion(trx, 'strategy_worksheets', ctx.workspaceId, id, patch.version ?? row.version, set))) {
      throw conflict('worksheet_changed', 'the worksheet changed since you loaded it: reload and try again');
    }
    await writeAudit(trx, { workspaceId: ctx.workspaceId, actor: ctx.actor, action: 'worksheet.updated', targetType: 'worksheet', targetId: id, details: { fields: Object.keys(patch).filter((k) => k !== 'version') } });
  });
  return getWorksheet(deps, ctx.workspaceId, id);
}

export async function deleteWorksheet(deps: Deps, ctx: Ctx, id: string): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    if (!(await repo.deleteRow(trx, 'strategy_worksheets', ctx.workspaceId, id))) throw notFound('worksheet');
    await writeAudit(trx, { workspaceId: ctx.workspaceId, actor: ctx.actor, action: 'worksheet.deleted', targetType: 'worksheet', targetId: id });
  });
}
