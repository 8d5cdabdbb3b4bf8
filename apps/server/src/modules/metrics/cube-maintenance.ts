/**
 * Keeps the metric cube exact: every path that stores, changes or removes a response calls
 * recordResponseChanges inside its own transaction (on SQLite batches, the writer thread does
 * the same through responses/batch-body.compile.ts and cubeUpserts), so the cube and the rows
 * commit together.
 *
 * While a recount runs (recount.service.ts), the cube holds only the responses up to its cursor:
 * a writer adds or removes a response's counts only when the response is at or before the cursor
 * (CubeDelta.add checks each one); one after it is counted by a later chunk as it is then.
 * Writers and chunks must therefore agree on the cursor. On SQLite write transactions run one at
 * a time. On PostgreSQL (READ COMMITTED) a writer reads the settings row FOR SHARE *after* its
 * own write, and a chunk takes the row FOR UPDATE before it reads responses: either the chunk
 * starts after the writer committed and sees its rows, or the writer waits for the chunk and
 * sees the cursor it left. Either way each response is counted exactly once.
 *
 * A removed response takes the sentiment of its analysed answers with it: call this *before*
 * deleting it (its analyses go with it, by foreign key).
 */
import type { Trx } from '../../schema.js';
import { CubeDelta, UPSERT_CELL_SQL, cellParams, type CubeSettings, type CubeSource } from './cube.js';
import { applyDelta, DEFAULT_SETTINGS, lockSettings } from './metrics.repo.js';
import { shareUntilCommit } from '../../platform/db/group-commit.js';
import { lockResponses, sentimentOf } from './sentiment.repo.js';

/** The workspace's settings and recount cursor, locked against recount chunks until this transaction commits. */
export async function cubeSettings(trx: Trx, workspaceId: string): Promise<CubeSettings> {
  const { timeZone, dimensions, recountCursor } = (await lockSettings(trx, workspaceId, 'share', true))!;
  return { timeZone, dimensions, recountCursor };
}

const SHARED_CUBE_WORK = {};

/**
 * In a grouped transaction (platform/db/group-commit.ts) every unit adds to one delta, with each
 * workspace's settings read once, and the cube is written once before the COMMIT: 32 concurrent
 * public submits cost one settings read and one upsert instead of 32 of each.
 */
export async function recordResponseChanges(trx: Trx, workspaceId: string, change: { added?: CubeSource[]; removed?: CubeSource[] }): Promise<void> {
  if (!change.added?.length && !change.removed?.length) return;
  const shared = shareUntilCommit(trx, SHARED_CUBE_WORK,
    () => ({ delta: new CubeDelta(), settings: new Map<string, CubeSettings>() }),
    ({ delta }) => applyDelta(trx, delta).then(() => undefined));
  const delta = shared?.delta ?? new CubeDelta();
  // The removed responses' rows first, then the settings row, as the analysis store takes them.
  const removed = await withSentiment(trx, change.removed ?? []);
  // Read after the caller's write (see the header). Later units of a grouped transaction reuse
  // this read: the lock it took holds every chunk off until the COMMIT, so the cursor stays put.
  let settings = shared?.settings.get(workspaceId);
  if (!settings) { settings = await cubeSettings(trx, workspaceId); shared?.settings.set(workspaceId, settings); }
  // A response that moves (removed, then added as it is now) keeps its analyses.
  const moved = new Map(removed.map((r) => [r.id, r.sentiment]));
  for (const r of removed) delta.add(r, settings, -1);
  for (const r of change.added ?? []) delta.add(moved.get(r.id) ? { ...r, sentiment: moved.get(r.id) } : r, settings, 1);
  if (!shared) await applyDelta(trx, delta);
}

/** The responses with the sums of their analysed answers, read under a row lock (see sentiment-cube.ts). */
async function withSentiment(trx: Trx, rows: CubeSource[]): Promise<CubeSource[]> {
  if (!rows.length) return rows;
  const ids = rows.map((r) => r.id);
  await lockResponses(trx, ids);
  const sums = await sentimentOf(trx, ids);
  return rows.map((r) => (sums.has(r.id) ? { ...r, sentiment: sums.get(r.id) } : r));
}

const READ_SETTINGS_SQL = 'SELECT time_zone, dimensions, recount_after_at, recount_after_id FROM metric_settings WHERE workspace_id = ?';
type SettingsRow = { time_zone: string; dimensions: string; recount_after_at: string | null; recount_after_id: string | null };

/**
 * For the SQLite writer thread: the cube upserts for rows it just inserted, with each workspace's
 * settings and recount cursor read by `read` inside the same transaction (SQLite: no chunk or
 * settings change can slip in between).
 */
export function cubeUpserts(added: CubeSource[], read: (sql: string, params: unknown[]) => unknown): { sql: string; params: unknown[] }[] {
  const settings = new Map<string, CubeSettings>();
  const delta = new CubeDelta();
  for (const r of added) {
    let s = settings.get(r.workspace_id);
    if (!s) {
      const row = read(READ_SETTINGS_SQL, [r.workspace_id]) as SettingsRow | undefined;
      s = row ? {
        timeZone: row.time_zone, dimensions: JSON.parse(row.dimensions),
        recountCursor: row.recount_after_at === null ? null : { createdAt: row.recount_after_at, id: row.recount_after_id ?? '' },
      } : DEFAULT_SETTINGS;
      settings.set(r.workspace_id, s);
    }
    delta.add(r, s);
  }
  return delta.entries().map((c) => ({ sql: UPSERT_CELL_SQL, params: cellParams(c) }));
}

/**
 * A survey and its responses are gone (deleted with it): drop its cells in the same transaction.
 * The settings lock first, as for any writer: a recount chunk that read the survey's responses
 * before they went commits first, and its cells are dropped too.
 */
export async function forgetSurvey(trx: Trx, workspaceId: string, surveyId: string): Promise<void> {
  await lockSettings(trx, workspaceId, 'share', true);
  await trx.deleteFrom('metric_cube').where('workspace_id', '=', workspaceId).where('survey_id', '=', surveyId).execute();
}
