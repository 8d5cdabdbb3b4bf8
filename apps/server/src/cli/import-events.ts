/**
 * `touchpoint import events <file>`: a CSV or JSONL file of customer events through the same import
 * as the API (streamed to the data directory, chunks behind a byte cursor), in the foreground with
 * a progress bar. Interrupted (Ctrl-C, a crash, SIGKILL), run it again: it continues the same
 * import at its cursor; and the same file imported again stores nothing twice.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Deps } from '../deps.js';
import { SYSTEM_ACTOR } from '../platform/audit.js';
import { AppError } from '../platform/http/errors.js';
import { createImport, getImport, importChunk, runningImportOf } from '../modules/customers/index.js';
import { progressBar } from './progress.js';

async function sha256Of(file: string): Promise<string> {
  const hash = crypto.createHash('sha256');
  for await (const chunk of fs.createReadStream(file, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

export async function importEventsFile(deps: Deps, file: string, workspaceId: string, format?: 'csv' | 'jsonl') {
  if (!fs.existsSync(file)) throw new AppError(404, 'file_not_found', `no file ${file}`);
  const workspace = await deps.db.selectFrom('workspaces').select('id').where('id', '=', workspaceId).executeTakeFirst();
  if (!workspace) throw new AppError(404, 'workspace_not_found', `no workspace ${workspaceId}`);
  const fmt = format ?? (file.toLowerCase().endsWith('.csv') ? 'csv' : 'jsonl');
  const actor = { ...SYSTEM_ACTOR, label: 'cli import' };
  const resumed = await runningImportOf(deps, workspaceId, await sha256Of(file), fmt);
  let state = resumed ?? (await createImport(deps, { workspaceId, actor }, fs.createReadStream(file), { format: fmt, fileName: path.basename(file) }));
  if (resumed) process.stderr.write(`Resuming import ${resumed.id} at byte ${resumed.doneBytes} of ${resumed.sizeBytes}\n`);
  const bar = progressBar('Importing events', state.sizeBytes);
  while (state.status === 'running') {
    try {
      state = await importChunk(deps, state.id);
    } catch (err) {
      // A server's runner took the same chunk first (its cursor moved): carry on from where it is.
      if (!(err instanceof AppError && err.code === 'import_moved')) throw err;
      state = await getImport(deps, workspaceId, state.id);
    }
    bar.update(state.doneBytes);
  }
  bar.update(state.sizeBytes);
  bar.stop();
  const { id, records, accepted, duplicates, invalid, errors } = state;
  return { id, records, accepted, duplicates, invalid, errors: errors.slice(0, 50), ...(resumed ? { resumed: true } : {}) };
}
