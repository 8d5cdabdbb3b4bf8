import fs from 'node:fs';
import { stringify } from 'csv-stringify/sync';
import type { Deps } from '../deps.js';
import { SYSTEM_ACTOR } from '../platform/audit.js';
import { AppError } from '../platform/http/errors.js';
import { parseCsv, rowsToResponses, storeBatch, allResponses, csvHeader, csvRow } from '../modules/responses/index.js';
import { getSurvey } from '../modules/surveys/index.js';
import { progressBar } from './progress.js';

async function surveyById(deps: Deps, surveyId: string) {
  const row = await deps.db.selectFrom('surveys').select('workspace_id').where('id', '=', surveyId).executeTakeFirst();
  if (!row) throw new AppError(404, 'survey_not_found', `no survey ${surveyId}`);
  return getSurvey(deps, row.workspace_id, surveyId);
}

export async function importResponsesFile(deps: Deps, file: string, surveyId: string) {
  const survey = await surveyById(deps, surveyId);
  const records = parseCsv(fs.readFileSync(file, 'utf8'));
  const parsed = rowsToResponses(survey, records);
  const bar = progressBar('Importing', parsed.items.length);
  let imported = 0, duplicates = 0;
  for (let i = 0; i < parsed.items.length; i += 1000) {
    const r = await storeBatch(deps, { workspaceId: survey.workspaceId, actor: { ...SYSTEM_ACTOR, label: 'cli import' } }, survey, parsed.items.slice(i, i + 1000), 'import');
    imported += r.accepted;
    duplicates += r.duplicates;
    bar.update(Math.min(i + 1000, parsed.items.length));
  }
  bar.stop();
  return { rows: parsed.total, imported, duplicates, invalid: parsed.errors.length, errors: parsed.errors.slice(0, 50) };
}

export async function exportResponses(deps: Deps, surveyId: string, format: 'csv' | 'json', out: NodeJS.WritableStream) {
  const survey = await surveyById(deps, surveyId);
  const write = (s: string) => new Promise<void>((resolve) => (out.write(s) ? resolve() : out.once('drain', () => resolve())));
  let n = 0;
  if (format === 'csv') await write(stringify([csvHeader(survey)]));
  for await (const row of allResponses(deps, survey)) {
    if (format === 'csv') await write(stringify([csvRow(survey, row)]));
    else await write(JSON.stringify(row) + '\n');
    n++;
  }
  return n;
}
