/**
 * SMART goals: a metric (or manual values), a baseline, a target and a deadline, with progress read
 * live. The baseline of a live goal is read at creation over the 30 days before the start date (and
 * may be edited). Progress and status come from `goal-progress.ts`.
 */
import { GoalInput, GoalTemplateKey, LIVE_METRIC_INFO, type Goal, type GoalCheckInInput, type GoalPatch, type LiveMetric, type LiveMetricValue } from '@touchpoint/shared';
import type { Deps } from '../../deps.js';
import { conflict, notFound, validationError } from '../../platform/http/errors.js';
import { newId } from '../../platform/crypto/tokens.js';
import { writeAudit } from '../../platform/audit.js';
import type { StrategyGoalCheckInsTable, StrategyGoalsTable } from './strategy.tables.js';
import * as repo from './strategy.repo.js';
import { readLive } from './live-read.js';
import { shiftDay } from './goal-projection.js';
import { goalProgress } from './goal-progress.js';
import { workspaceToday } from './strategy-time.js';
import type { Ctx } from './gap.service.js';

/** The baseline window: the 30 days before the start date. */
export const BASELINE_DAYS = 30;

export function baselineOf(deps: Deps, workspaceId: string, metric: LiveMetric, startDate: string, segmentId?: string | null): Promise<LiveMetricValue> {
  return readLive(deps, workspaceId, metric, { from: shiftDay(startDate, -BASELINE_DAYS), to: shiftDay(startDate, -1), segmentId });
}

type Notes = Pick<Goal, 'specific' | 'measurable' | 'achievable' | 'relevant' | 'timeBound'>;

function present(row: StrategyGoalsTable, checkIns: StrategyGoalCheckInsTable[]): Omit<Goal, 'progress'> {
  const notes = JSON.parse(row.notes) as Notes;
  const metric = row.metric as LiveMetric | null;
  return {
    id: row.id, title: row.title, metric, segmentId: row.segment_id, unit: row.unit,
    higherIsBetter: metric ? LIVE_METRIC_INFO[metric].higherIsBetter : !!row.higher_is_better,
    baseline: { value: row.baseline_value, date: row.baseline_date }, target: row.target, startDate: row.start_date, deadline: row.deadline,
    ownerId: row.owner_id, specific: notes.specific ?? '', measurable: notes.measurable ?? '', achievable: notes.achievable ?? '', relevant: notes.relevant ?? '', timeBound: notes.timeBound ?? '',
    template: (row.template as GoalTemplateKey | null) ?? null,
    checkIns: checkIns.map((c) => ({ id: c.id, date: c.date, value: c.value, note: c.note })),
    version: row.version, createdAt: row.created_at, updatedAt: row.updated_at,
  };
}

async function withProgress(deps: Deps, workspaceId: string, rows: StrategyGoalsTable[]): Promise<Goal[]> {
  const today = await workspaceToday(deps, workspaceId);
  const checkIns = await repo.checkInsOf(deps.db, workspaceId, rows.map((r) => r.id));
  return Promise.all(rows.map(async (row) => {
    const goal = present(row, checkIns.filter((c) => c.goal_id === row.id));
    return { ...goal, progress: await goalProgress(deps, workspaceId, goal, today) };
  }));
}

export async function listGoals(deps: Deps, workspaceId: string): Promise<{ items: Goal[] }> {
  return { items: await withProgress(deps, workspaceId, await repo.listGoals(deps.db, workspaceId)) };
}

export async function getGoal(deps: Deps, workspaceId: string, id: string): Promise<Goal> {
  const row = await repo.findGoal(deps.db, workspaceId, id);
  if (!row) throw notFound('goal');
  return (await withProgress(deps, workspaceId, [row]))[0];
}

const notesOf = (g: Partial<Notes>, old?: Notes): Notes => ({
  specific: g.specific ?? old?.specific ?? '', measurable: g.measurable ?? old?.measurable ?? '', achievable: g.achievable ?? old?.achievable ?? '',
  relevant: g.relevant ?? old?.relevant ?? '', timeBound: g.timeBound ?? old?.timeBound ?? '',
});

export async function createGoal(deps: Deps, ctx: Ctx, body: GoalInput): Promise<Goal> {
  const input = GoalInput.parse(body);
  let baseline = input.baselineValue ?? null;
  if (input.metric && input.baselineValue === undefined) baseline = (await baselineOf(deps, ctx.workspaceId, input.metric, input.startDate, input.segmentId)).value;
  let target = input.target;
  if (target === undefined) {
    if (baseline === null) throw validationError([{ path: 'body.targetChangePercent', message: 'nothing measured before the start date to apply the change to: enter a target or a baseline' }]);
    target = baseline * (1 + input.targetChangePercent! / 100);
  }
  const now = new Date().toISOString();
  const row: StrategyGoalsTable = {
    id: newId(), workspace_id: ctx.workspaceId, title: input.title, metric: input.metric, segment_id: input.segmentId,
    unit: input.unit, higher_is_better: input.higherIsBetter ? 1 : 0, baseline_value: baseline,
    baseline_date: input.baselineDate ?? shiftDay(input.startDate, -1), target, start_date: input.startDate, deadline: input.deadline,
    owner_id: input.ownerId, notes: JSON.stringify(notesOf(input)), template: input.template, version: 1, created_at: now, updated_at: now,
  };
  await deps.db.transaction().execute(async (trx) => {
    await repo.insertGoal(trx, row);
    for (const c of input.checkIns) await repo.insertCheckIn(trx, { id: newId(), workspace_id: ctx.workspaceId, goal_id: row.id, date: c.date, value: c.value, note: c.note, created_at: now });
    await writeAudit(trx, { workspaceId: ctx.workspaceId, actor: ctx.actor, action: 'goal.created', targetType: 'goal', targetId: row.id, details: { title: row.title, metric: row.metric, baseline, target, deadline: row.deadline } });
  });
  return getGoal(deps, ctx.workspaceId, row.id);
}

export async function updateGoal(deps: Deps, ctx: Ctx, id: string, patch: GoalPatch): Promise<Goal> {
  const row = await repo.findGoal(deps.db, ctx.workspaceId, id);
  if (!row) throw notFound('goal');
  const start = patch.startDate ?? row.start_date, deadline = patch.deadline ?? row.deadline;
  if (deadline <= start) throw validationError([{ path: patch.deadline ? 'body.deadline' : 'body.startDate', message: 'the deadline comes after the start date' }]);
  if (!row.metric && patch.baselineValue === null) throw validationError([{ path: 'body.baselineValue', message: 'a manual goal needs a baseline value' }]);
  const set: Partial<StrategyGoalsTable> = { updated_at: new Date().toISOString(), start_date: start, deadline, notes: JSON.stringify(notesOf(patch, JSON.parse(row.notes) as Notes)) };
  if (patch.title !== undefined) set.title = patch.title;
  if (patch.segmentId !== undefined) set.segment_id = patch.segmentId;
  if (patch.unit !== undefined) set.unit = patch.unit;
  if (patch.higherIsBetter !== undefined) set.higher_is_better = patch.higherIsBetter ? 1 : 0;
  if (patch.baselineValue !== undefined) set.baseline_value = patch.baselineValue;
  if (patch.baselineDate !== undefined) set.baseline_date = patch.baselineDate;
  if (patch.target !== undefined) set.target = patch.target;
  if (patch.ownerId !== undefined) set.owner_id = patch.ownerId;
  await deps.db.transaction().execute(async (trx) => {
    if (!(await repo.updateAtVersion(trx, 'strategy_goals', ctx.workspaceId, id, patch.version ?? row.version, set))) {
      throw conflict('goal_changed', 'the goal changed since you loaded it: reload and try again');
    }
    await writeAudit(trx, { workspaceId: ctx.workspaceId, actor: ctx.actor, action: 'goal.updated', targetType: 'goal', targetId: id, details: { fields: Object.keys(patch).filter((k) => k !== 'version') } });
  });
  return getGoal(deps, ctx.workspaceId, id);
}

export async function deleteGoal(deps: Deps, ctx: Ctx, id: string): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    if (!(await repo.deleteRow(trx, 'strategy_goals', ctx.workspaceId, id))) throw notFound('goal');
    await writeAudit(trx, { workspaceId: ctx.workspaceId, actor: ctx.actor, action: 'goal.deleted', targetType: 'goal', targetId: id });
  });
}

/** A manual value (cost, decision accuracy): live goals measure themselves. */
export async function addCheckIn(deps: Deps, ctx: Ctx, goalId: string, input: GoalCheckInInput & { note: string }): Promise<Goal> {
  const goal = await repo.findGoal(deps.db, ctx.workspaceId, goalId);
  if (!goal) throw notFound('goal');
  if (goal.metric) throw validationError([{ path: 'body', message: 'this goal reads its values live; check-ins are for manual goals' }]);
  const now = new Date().toISOString();
  const row: StrategyGoalCheckInsTable = { id: newId(), workspace_id: ctx.workspaceId, goal_id: goalId, date: input.date, value: input.value, note: input.note, created_at: now };
  await deps.db.transaction().execute(async (trx) => {
    await repo.insertCheckIn(trx, row);
    await repo.touchGoal(trx, ctx.workspaceId, goalId, now);
    await writeAudit(trx, { workspaceId: ctx.workspaceId, actor: ctx.actor, action: 'goal.check_in_added', targetType: 'goal', targetId: goalId, details: { checkInId: row.id, date: row.date, value: row.value } });
  });
  return getGoal(deps, ctx.workspaceId, goalId);
}

export async function deleteCheckIn(deps: Deps, ctx: Ctx, id: string): Promise<Goal> {
  const row = await repo.findCheckIn(deps.db, ctx.workspaceId, id);
  if (!row) throw notFound('goal_check_in');
  await deps.db.transaction().execute(async (trx) => {
    if (!Number((await repo.deleteCheckIn(trx, ctx.workspaceId, id)).numDeletedRows)) throw notFound('goal_check_in');
    await repo.touchGoal(trx, ctx.workspaceId, row.goal_id, new Date().toISOString());
    await writeAudit(trx, { workspaceId: ctx.workspaceId, actor: ctx.actor, action: 'goal.check_in_deleted', targetType: 'goal', targetId: row.goal_id, details: { checkInId: id } });
  });
  return getGoal(deps, ctx.workspaceId, row.goal_id);
}
