/** Evidence of a competitor record: links and uploaded files (bytes in the store); audit on writes. */
import type { CompetitorEvidence } from '@touchpoint/shared';
import { MAX_EVIDENCE_FILE_BYTES } from '@touchpoint/shared';
import type { Deps } from '../../deps.js';
import { AppError, notFound, validationError } from '../../platform/http/errors.js';
import { writeAudit } from '../../platform/audit.js';
import { newId } from '../../platform/crypto/tokens.js';
import type { CompetitorEvidenceTable } from './competitors.tables.js';
import * as repo from './competitors.repo.js';
import { assertCompetitor, type Ctx } from './competitors.service.js';
import { cleanFileName, mediaType } from './file-headers.js';

export function presentEvidence(r: CompetitorEvidenceTable): CompetitorEvidence {
  return { id: r.id, kind: r.kind, title: r.title, note: r.note, url: r.url, fileName: r.file_name, contentType: r.content_type, size: r.size === null ? null : Number(r.size), createdBy: r.created_by, createdAt: r.created_at };
}

export async function listEvidence(deps: Deps, workspaceId: string, competitorId: string): Promise<CompetitorEvidence[]> {
  await assertCompetitor(deps, workspaceId, competitorId);
  return (await repo.listEvidence(deps.db, workspaceId, competitorId)).map(presentEvidence);
}

async function store(deps: Deps, ctx: Ctx, row: CompetitorEvidenceTable, content?: Buffer): Promise<CompetitorEvidence> {
  await deps.db.transaction().execute(async (trx) => {
    await repo.insertEvidence(trx, row, content?.toString('base64'));
    await writeAudit(trx, { workspaceId: ctx.workspaceId, actor: ctx.actor, action: `competitor_evidence.${row.kind}_added`, targetType: 'competitor', targetId: row.competitor_id, details: { evidenceId: row.id, title: row.title, size: row.size } });
  });
  return presentEvidence(row);
}

export async function addLink(deps: Deps, ctx: Ctx, competitorId: string, input: { url: string; title: string; note: string }): Promise<CompetitorEvidence> {
  await assertCompetitor(deps, ctx.workspaceId, competitorId);
  return store(deps, ctx, {
    id: newId(), workspace_id: ctx.workspaceId, competitor_id: competitorId, kind: 'link', title: input.title, note: input.note, url: input.url,
    file_name: null, content_type: null, size: null, created_by: ctx.actor.id, created_at: new Date().toISOString(),
  });
}

export async function addFile(deps: Deps, ctx: Ctx, competitorId: string, file: { name: string; contentType: string | undefined; body: unknown }): Promise<CompetitorEvidence> {
  await assertCompetitor(deps, ctx.workspaceId, competitorId);
  const bytes = Buffer.isBuffer(file.body) ? file.body : null;
  if (!bytes || bytes.length === 0) throw validationError([{ path: 'body', message: 'send the file\'s bytes as the request body' }]);
  if (bytes.length > MAX_EVIDENCE_FILE_BYTES) throw new AppError(413, 'payload_too_large', `files are limited to ${MAX_EVIDENCE_FILE_BYTES} bytes`);
  const name = cleanFileName(file.name);
  return store(deps, ctx, {
    id: newId(), workspace_id: ctx.workspaceId, competitor_id: competitorId, kind: 'file', title: name, note: '', url: null,
    file_name: name, content_type: mediaType(file.contentType), size: bytes.length, created_by: ctx.actor.id, created_at: new Date().toISOString(),
  }, bytes);
}

export async function readFile(deps: Deps, workspaceId: string, evidenceId: string): Promise<{ name: string; contentType: string | null; bytes: Buffer }> {
  const ev = await repo.findEvidence(deps.db, workspaceId, evidenceId);
  const content = ev?.kind === 'file' ? await repo.fileContent(deps.db, workspaceId, evidenceId) : undefined;
  if (!ev || !content) throw notFound('competitor_file');
  return { name: ev.file_name ?? 'file', contentType: ev.content_type, bytes: Buffer.from(content.content_base64, 'base64') };
}

export async function deleteEvidence(deps: Deps, ctx: Ctx, evidenceId: string): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const ev = await repo.findEvidence(trx, ctx.workspaceId, evidenceId);
    if (!ev) throw notFound('competitor_evidence');
    await repo.deleteEvidence(trx, ctx.workspaceId, evidenceId);
    await writeAudit(trx, { workspaceId: ctx.workspaceId, actor: ctx.actor, action: 'competitor_evidence.deleted', targetType: 'competitor', targetId: ev.competitor_id, details: { evidenceId, kind: ev.kind, title: ev.title } });
  });
}
