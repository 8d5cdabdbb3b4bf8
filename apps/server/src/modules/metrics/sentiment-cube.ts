/**
 * Sentiment reaches the cube after the response: the background analysis stores a chunk of
 * analyses in one transaction, and recordAnalysisChanges (called by text-analytics around that
 * store, inside its transaction) moves each response's sentiment sums from what its analyses
 * held before to what they hold after, in the cells of the response as it stands. So the cube
 * follows a first analysis, a re-analysis (a new model, an edited answer) and an answer that
 * disappears; a deleted response takes its sums with it through recordResponseChanges.
 *
 * Why exact: the responses are locked first (sentiment.repo.ts), so no other store, edit or
 * erasure of them runs between the "before" read and the commit; the settings row is read FOR
 * SHARE after the writes, as every cube writer does (cube-maintenance.ts), so a recount chunk
 * either counts these responses with the new analyses or leaves them to the cursor check.
 */
import type { SentimentSums } from '@touchpoint/shared';
import type { Trx } from '../../schema.js';
import { CubeDelta, type CubeSettings } from './cube.js';
import { cubeSettings } from './cube-maintenance.js';
import { applyDelta } from './metrics.repo.js';
import { lockResponses, sentimentOf } from './sentiment.repo.js';

const same = (a?: SentimentSums, b?: SentimentSums) =>
  a?.n === b?.n && a?.sum === b?.sum && a?.sumSquares === b?.sumSquares && a?.positive === b?.positive && a?.negative === b?.negative;

/** Runs `store` (which writes the analyses of `responseIds`) and moves their sentiment in the cube. */
export async function recordAnalysisChanges<T>(trx: Trx, responseIds: readonly string[], store: () => Promise<T>): Promise<T> {
  if (!responseIds.length) return store();
  const responses = await lockResponses(trx, responseIds);
  const ids = responses.map((r) => r.id);
  const before = await sentimentOf(trx, ids);
  const result = await store();
  const after = await sentimentOf(trx, ids);
  const delta = new CubeDelta();
  const settings = new Map<string, CubeSettings>();
  for (const r of responses) {
    const a = before.get(r.id), b = after.get(r.id);
    if (same(a, b)) continue;
    let s = settings.get(r.workspace_id);
    if (!s) { s = await cubeSettings(trx, r.workspace_id); settings.set(r.workspace_id, s); }
    if (a) delta.addSentiment(r, s, a, -1);
    if (b) delta.addSentiment(r, s, b, 1);
  }
  await applyDelta(trx, delta);
  return result;
}
