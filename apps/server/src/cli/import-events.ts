/**
 * `touchpoint import events <file>`: a CSV or JSONL file of customer events through the same import
 * as the API (streamed to the data directory, chunks behind a byte cursor), in the foreground with
 * a progress bar. Interrupted, it can be run again: the same file stores nothing twice.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Deps } from '../deps.js';
import { SYSTEM_ACTOR } from '../platform/audit.js';
import { AppError } from '../platform/http/errors.js';
import { createImport, importChunk } from '../modules/customers/index.js';
import { progressBar } from './progress.js';

export async function importEventsFile(deps: Deps, file: string, workspaceId: string, format?: 'csv' | 'jsonl') {
  if (!fs.existsSync(file)) throw new AppError(404, 'file_not_found', `no file ${file}`);
  const workspace = await deps.db.selectFrom('workspaces').select('id').where('id', '=', workspaceId).executeTakeFirst();
  if (!workspace) throw new AppError(404, 'workspace_not_found', `no workspace ${workspaceId}`);
  const fmt = format ?? (file.toLowerCase().endsWith('.csv') ? 'csv' : 'jsonl');
  const actor = { ...SYSTEM_ACTOR, label: 'cli import' };
  let state = await createImport(deps, { workspaceId, actor }, fs.createReadStream(file), { format: fmt, fileName: path.basename(file) });
  const bar = progressBar('Importing events', state.sizeBytes);
  while (state.status === 'running') {
    state = await importChunk(deps, state.id);
    bar.update(state.doneBytes);
  }
  bar.update(state.sizeBytes);
  bar.stop();
  const { id, records, accepted, duplicates, invalid, errors } = state;
  return { id, records, accepted, duplicates, invalid, errors: errors.slice(0, 50) };
}
