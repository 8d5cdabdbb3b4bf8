/**
 * Keeps the metric cube exact: every path that stores, changes or removes a response calls
 * recordResponseChanges inside its own transaction (on SQLite batches, the writer thread does
 * the same through responses/batch-body.compile.ts and cubeUpserts), so the cube and the rows
 * commit together.
 */
import type { Trx } from '../../schema.js';
import { CubeDelta, UPSERT_CELL_SQL, cellParams, type CubeSettings, type CubeSource } from './cube.js';
import { applyDelta, DEFAULT_SETTINGS, findSettings } from './metrics.repo.js';
import { shareUntilCommit } from '../../platform/db/group-commit.js';

export async function cubeSettings(trx: Trx, workspaceId: string): Promise<CubeSettings> {
  const { timeZone, dimensions } = await findSettings(trx, workspaceId);
  return { timeZone, dimensions };
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
  // Read after the caller's write, so on PostgreSQL a settings change (which locks responses
  // against writes while it recounts) either committed before this read or waits for our COMMIT.
  let settings = shared?.settings.get(workspaceId);
  if (!settings) { settings = await cubeSettings(trx, workspaceId); shared?.settings.set(workspaceId, settings); }
  for (const r of change.removed ?? []) delta.add(r, settings, -1);
  for (const r of change.added ?? []) delta.add(r, settings, 1);
  if (!shared) await applyDelta(trx, delta);
}

const READ_SETTINGS_SQL = 'SELECT time_zone, dimensions FROM metric_settings WHERE workspace_id = ?';

/**
 * For the SQLite writer thread: the cube upserts for rows it just inserted, with each workspace's
 * settings read by `read` inside the same transaction (a settings change cannot slip in between).
 */
export function cubeUpserts(added: CubeSource[], read: (sql: string, params: unknown[]) => unknown): { sql: string; params: unknown[] }[] {
  const settings = new Map<string, CubeSettings>();
  const delta = new CubeDelta();
  for (const r of added) {
    let s = settings.get(r.workspace_id);
    if (!s) {
      const row = read(READ_SETTINGS_SQL, [r.workspace_id]) as { time_zone: string; dimensions: string } | undefined;
      s = row ? { timeZone: row.time_zone, dimensions: JSON.parse(row.dimensions) } : DEFAULT_SETTINGS;
      settings.set(r.workspace_id, s);
    }
    delta.add(r, s);
  }
  return delta.entries().map((c) => ({ sql: UPSERT_CELL_SQL, params: cellParams(c) }));
}

/** A survey and its responses are gone (deleted with it): drop its cells in the same transaction. */
export async function forgetSurvey(trx: Trx, workspaceId: string, surveyId: string): Promise<void> {
  await trx.deleteFrom('metric_cube').where('workspace_id', '=', workspaceId).where('survey_id', '=', surveyId).execute();
}
