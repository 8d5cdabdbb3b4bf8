/**
 * Event file imports. The upload is streamed to a file in the data directory (hashed on the way,
 * size-limited) and recorded as a running import; then chunks of records go through the one intake
 * (storeEvents) with keys derived from the file's hash and each record's byte offset, and the
 * import's cursor moves in the same transaction as the chunk's events. So a crash or SIGKILL loses
 * nothing and repeats nothing: the next start resumes at the cursor, and even a second upload of
 * the same file stores nothing twice. Invalid records are counted and the first ones reported with
 * their record number; they never stop the import.
 */
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import type { Readable } from 'node:stream';
import type { Deps } from '../../deps.js';
import type { Actor } from '../../platform/http/access.js';
import { AppError, notFound, validationError } from '../../platform/http/errors.js';
import { newTimeOrderedId } from '../../platform/crypto/tokens.js';
import { toNumber } from '../../platform/db/dialect.js';
import { writeAudit } from '../../platform/audit.js';
import type { CustomerImportsTable } from './customers.tables.js';
import { checkColumns, csvRecordToEvent, readCsvHeader, readCsvRecords, readJsonlRecords, type ImportFormat } from './import-records.js';
import { parseEvents, storeEvents, traitDefinitionMap } from './intake.service.js';

export const IMPORT_CHUNK = 500;
export const MAX_IMPORT_BYTES = 2 * 1024 ** 3;
const MAX_REPORTED_ERRORS = 100;

export interface ImportView {
  id: string; format: ImportFormat; fileName: string; sizeBytes: number; doneBytes: number;
  status: CustomerImportsTable['status']; records: number; accepted: number; duplicates: number; invalid: number;
  errors: { record: number; path: string; message: string }[]; createdAt: string; finishedAt: string | null;
}

const view = (r: CustomerImportsTable): ImportView => ({
  id: r.id, format: r.format, fileName: r.file_name, sizeBytes: toNumber(r.size_bytes), doneBytes: toNumber(r.cursor_bytes),
  status: r.status, records: r.records, accepted: r.accepted, duplicates: r.duplicates, invalid: r.invalid,
  errors: JSON.parse(r.errors), createdAt: r.created_at, finishedAt: r.finished_at,
});

const importsDir = (deps: Deps) => path.join(deps.config.dataDir, 'imports');
const fileOf = (deps: Deps, id: string) => path.join(importsDir(deps), `${id}.dat`);

/** Streams an upload to disk and records the import; the caller starts the runner. */
export async function createImport(deps: Deps, ctx: { workspaceId: string; actor: Actor }, body: Readable, meta: { format: ImportFormat; fileName: string }): Promise<ImportView> {
  const id = newTimeOrderedId();
  fs.mkdirSync(importsDir(deps), { recursive: true });
  const file = fileOf(deps, id);
  const hash = crypto.createHash('sha256');
  let size = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      const out = fs.createWriteStream(file);
      body.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_IMPORT_BYTES) { body.destroy(); out.destroy(); reject(new AppError(413, 'payload_too_large', `an import file may have at most ${MAX_IMPORT_BYTES} bytes`)); return; }
        hash.update(chunk);
        if (!out.write(chunk)) { body.pause(); out.once('drain', () => body.resume()); }
      });
      body.on('end', () => out.end());
      body.on('error', reject);
      out.on('error', reject);
      out.on('finish', () => out.close((err) => (err ? reject(err) : resolve())));
    });
    let columns: string[] | null = null;
    let start = 0;
    if (meta.format === 'csv') {
      const header = await readCsvHeader(file);
      if (!header) throw validationError([{ path: 'body', message: 'the file is empty: a CSV needs a header row' }]);
      const problem = checkColumns(header.columns);
      if (problem) throw validationError([{ path: 'body.header', message: problem }]);
      columns = header.columns;
      start = header.end;
    }
    const now = new Date().toISOString();
    const row: CustomerImportsTable = {
      id, workspace_id: ctx.workspaceId, format: meta.format, file_name: meta.fileName, file_hash: hash.digest('hex'), size_bytes: size,
      columns: columns && JSON.stringify(columns), status: 'running', cursor_bytes: start, records: 0, accepted: 0, duplicates: 0, invalid: 0,
      errors: '[]', actor: JSON.stringify(ctx.actor), created_at: now, updated_at: now, finished_at: null,
    };
    await deps.writes.run(async (trx) => {
      await trx.insertInto('customer_imports').values(row).execute();
      await writeAudit(trx, { workspaceId: ctx.workspaceId, actor: ctx.actor, action: 'customers.import_started', targetType: 'import', targetId: id, details: { fileName: meta.fileName, format: meta.format, bytes: size } });
    });
    return view(row);
  } catch (err) {
    fs.rmSync(file, { force: true });
    throw err;
  }
}

export async function getImport(deps: Deps, workspaceId: string, id: string): Promise<ImportView> {
  const row = await deps.db.selectFrom('customer_imports').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('import');
  return view(row);
}

export async function listImports(deps: Deps, workspaceId: string): Promise<{ items: ImportView[] }> {
  const rows = await deps.db.selectFrom('customer_imports').selectAll().where('workspace_id', '=', workspaceId).orderBy('created_at', 'desc').limit(50).execute();
  return { items: rows.map(view) };
}

export async function runningImports(deps: Deps): Promise<{ id: string; workspace_id: string }[]> {
  return deps.db.selectFrom('customer_imports').select(['id', 'workspace_id']).where('status', '=', 'running').orderBy('created_at').execute();
}

/**
 * The import of this very file (same workspace, format and hash) that is still running with its
 * upload on disk: what `touchpoint import events` continues after it was killed, at its cursor,
 * instead of starting a second import that re-reads the file from the top and leaves the first
 * one 'running' for a server to repeat.
 */
export async function runningImportOf(deps: Deps, workspaceId: string, fileHash: string, format: ImportFormat): Promise<ImportView | null> {
  const rows = await deps.db.selectFrom('customer_imports').selectAll().where('workspace_id', '=', workspaceId).where('status', '=', 'running')
    .where('file_hash', '=', fileHash).where('format', '=', format).orderBy('created_at', 'desc').execute();
  const row = rows.find((r) => fs.existsSync(fileOf(deps, r.id)));
  return row ? view(row) : null;
}

/** Marks a running import failed, with why (kept as its first error), and removes its file. */
export async function failImport(deps: Deps, id: string, reason: string): Promise<ImportView> {
  const imp = await deps.db.selectFrom('customer_imports').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const errors = [{ record: imp.records, path: '', message: `import stopped: ${reason.slice(0, 300)}` }, ...JSON.parse(imp.errors)].slice(0, MAX_REPORTED_ERRORS);
  const now = new Date().toISOString();
  await deps.writes.run((trx) => trx.updateTable('customer_imports').set({ status: 'failed', errors: JSON.stringify(errors), updated_at: now, finished_at: now }).where('id', '=', id).where('status', '=', 'running').execute());
  fs.rmSync(fileOf(deps, id), { force: true });
  return view({ ...imp, status: 'failed', errors: JSON.stringify(errors), finished_at: now });
}

/** Stores the next chunk of an import; returns its state after the chunk (status 'done' at the end). */
export async function importChunk(deps: Deps, id: string, max = IMPORT_CHUNK): Promise<ImportView> {
  const imp = await deps.db.selectFrom('customer_imports').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  if (imp.status !== 'running') return view(imp);
  const file = fileOf(deps, id);
  const cursor = toNumber(imp.cursor_bytes);
  const records = imp.format === 'csv' ? await readCsvRecords(file, cursor, JSON.parse(imp.columns!), max) : await readJsonlRecords(file, cursor, max);
  const defs = await traitDefinitionMap(deps, imp.workspace_id);
  const raw = records.map((r) => (r.error || imp.format === 'jsonl' ? r.value : csvRecordToEvent(r.value as Record<string, string>, defs)));
  const { events, issues, indexes } = parseRecords(raw, records.map((r) => r.error), defs);
  const errors: ImportView['errors'] = JSON.parse(imp.errors);
  for (const issue of issues) if (errors.length < MAX_REPORTED_ERRORS) errors.push({ record: imp.records + issue.index + 1, path: issue.path, message: issue.message });
  const invalid = new Set(issues.map((i) => i.index)).size;
  const prefix = `imp:${imp.file_hash.slice(0, 24)}`;
  events.forEach((e, i) => { if (!e.idempotencyKey && e.type !== 'order') e.idempotencyKey = `${prefix}:${records[indexes[i]].start}`; });
  const end = records.length ? records[records.length - 1].end : cursor;
  const done = records.length < max;
  const now = new Date().toISOString();
  const patch = (accepted: number, duplicates: number) => ({
    cursor_bytes: end, records: imp.records + records.length, accepted: imp.accepted + accepted, duplicates: imp.duplicates + duplicates,
    invalid: imp.invalid + invalid, errors: JSON.stringify(errors), updated_at: now, ...(done ? { status: 'done' as const, finished_at: now } : {}),
  });
  const actor = JSON.parse(imp.actor) as Actor;
  let next: CustomerImportsTable;
  if (events.length) {
    const r = await storeEvents(deps, { workspaceId: imp.workspace_id, actor }, events, {
      transport: 'import',
      // Only if the cursor is still where this chunk read it: a second runner cannot store a chunk twice.
      within: async (trx, result) => {
        const moved = await trx.updateTable('customer_imports').set(patch(result.accepted, result.duplicates)).where('id', '=', id).where('cursor_bytes', '=', cursor as never).executeTakeFirst();
        if (Number(moved.numUpdatedRows) !== 1) throw new AppError(409, 'import_moved', 'another runner stored this chunk');
      },
    });
    next = { ...imp, ...patch(r.accepted, r.duplicates) };
  } else {
    await deps.writes.run((trx) => trx.updateTable('customer_imports').set(patch(0, 0)).where('id', '=', id).where('cursor_bytes', '=', cursor as never).execute());
    next = { ...imp, ...patch(0, 0) };
  }
  if (done) {
    await deps.writes.run((trx) => writeAudit(trx, { workspaceId: imp.workspace_id, actor, action: 'customers.import_finished', targetType: 'import', targetId: id, details: { records: next.records, accepted: next.accepted, duplicates: next.duplicates, invalid: next.invalid } }));
    fs.rmSync(file, { force: true });
  }
  return view(next);
}

/** Events of a chunk with the index of the record each came from; issues carry the record's index. */
function parseRecords(raw: unknown[], readErrors: (string | undefined)[], defs: Awaited<ReturnType<typeof traitDefinitionMap>>) {
  const issues: { index: number; path: string; message: string }[] = [];
  const events: ReturnType<typeof parseEvents>['events'] = [];
  const indexes: number[] = [];
  raw.forEach((value, index) => {
    if (readErrors[index]) { issues.push({ index, path: '', message: readErrors[index]! }); return; }
    const parsed = parseEvents([value], defs, '');
    if (parsed.issues.length) for (const i of parsed.issues) issues.push({ index, path: i.path.replace(/^\[0\]\.?/, ''), message: i.message });
    else { events.push(parsed.events[0]); indexes.push(index); }
  });
  return { events, issues, indexes };
}
