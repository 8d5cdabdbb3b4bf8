/**
 * Runs on the SQLite writer thread (platform/db/sqlite-writer.worker.mjs), not in the server's
 * event loop: turns a batch's JSON text into response rows. Sending the text (one string) instead
 * of ~2,000 built values takes the row building, its allocations and the structured clone off
 * the thread that serves HTTP.
 *
 * The text is one the main thread has already validated against BatchRequest (or serialised from
 * items it validated), so it is not validated twice: `asParsed` applies exactly what that parse
 * changes in an input it accepts. batch-body.compile.test.ts holds the two equal on generated
 * input; a new transform in the BatchResponse contract must be added here.
 */
import type { z } from 'zod';
import type { BatchResponse, Survey } from '@touchpoint/shared';
import type { GroupFinisher, UnitCompiler } from '../../platform/db/sqlite-writer.js';
import { cubeUpserts } from '../metrics/index.js';
import { batchRows, INSERT_NEW_RESPONSE_SQL, responseParams, cubeSourceFromParams } from './response-rows.js';

export const BATCH_BODY_COMPILER = 'responses.batch-body';
/** For the composition root: the writer thread loads this module by URL. */
export const WRITER_COMPILERS = { [BATCH_BODY_COMPILER]: import.meta.url };

export interface BatchBodyInput {
  /** `{"responses": [...]}`, already valid. */
  body: string;
  survey: Pick<Survey, 'id' | 'workspaceId' | 'definition'>;
  channel: string;
  now: string;
}

/** What `BatchResponse.parse` changes in an input it accepts: trims three strings, defaults `complete`. */
export function asParsed(item: z.input<typeof BatchResponse>): BatchResponse {
  return {
    ...item,
    complete: item.complete ?? true,
    touchpoint: item.touchpoint?.trim(),
    customerExternalId: item.customerExternalId?.trim(),
    orderId: item.orderId?.trim(),
  };
}

export const compile: UnitCompiler<BatchBodyInput> = ({ body, survey, channel, now }) => {
  const { responses } = JSON.parse(body) as { responses: z.input<typeof BatchResponse>[] };
  const rows = batchRows(survey, responses.map(asParsed), channel, now);
  return { rows: { sql: INSERT_NEW_RESPONSE_SQL, params: rows.map(responseParams) }, keys: rows.map((r) => r.id) };
};

/** The metric cube follows the rows that were new, once per transaction (all batches in it). */
export const afterGroup: GroupFinisher<BatchBodyInput> = (list, read) =>
  cubeUpserts(list.flatMap((u) => u.inserted.map((i) => cubeSourceFromParams(u.params[i]))), read);
