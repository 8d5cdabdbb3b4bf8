/** SQL of the strategy module: gap analyses, SMART goals with check-ins, target-market worksheets. */
import type { Db, Trx } from '../../schema.js';
import type { StrategyGapAnalysesTable, StrategyGoalCheckInsTable, StrategyGoalsTable, StrategyWorksheetsTable } from './strategy.tables.js';

type Q = Db | Trx;
type Versioned = 'strategy_gap_analyses' | 'strategy_goals' | 'strategy_worksheets';

// ── gap analyses ──
export const insertAnalysis = (db: Q, row: StrategyGapAnalysesTable) => db.insertInto('strategy_gap_analyses').values(row).execute();
export const findAnalysis = (db: Q, workspaceId: string, id: string) =>
  db.selectFrom('strategy_gap_analyses').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
export const listAnalyses = (db: Q, workspaceId: string) =>
  db.selectFrom('strategy_gap_analyses').selectAll().where('workspace_id', '=', workspaceId).orderBy('updated_at', 'desc').orderBy('id').limit(500).execute();

// ── goals ──
export const insertGoal = (db: Q, row: StrategyGoalsTable) => db.insertInto('strategy_goals').values(row).execute();
export const findGoal = (db: Q, workspaceId: string, id: string) =>
  db.selectFrom('strategy_goals').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
export const listGoals = (db: Q, workspaceId: string) =>
  db.selectFrom('strategy_goals').selectAll().where('workspace_id', '=', workspaceId).orderBy('deadline').orderBy('id').limit(200).execute();
export const insertCheckIn = (db: Q, row: StrategyGoalCheckInsTable) => db.insertInto('strategy_goal_check_ins').values(row).execute();
export const checkInsOf = (db: Q, workspaceId: string, goalIds: string[]) => goalIds.length
  ? db.selectFrom('strategy_goal_check_ins').selectAll().where('workspace_id', '=', workspaceId).where('goal_id', 'in', goalIds).orderBy('date').orderBy('id').execute()
  : Promise.resolve([] as StrategyGoalCheckInsTable[]);
export const findCheckIn = (db: Q, workspaceId: string, id: string) =>
  db.selectFrom('strategy_goal_check_ins').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
export const deleteCheckIn = (db: Q, workspaceId: string, id: string) =>
  db.deleteFrom('strategy_goal_check_ins').where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
/** A check-in changes the goal's progress: its version moves so open editors notice. */
export const touchGoal = (db: Q, workspaceId: string, id: string, at: string) =>
  db.updateTable('strategy_goals').set((eb) => ({ version: eb('version', '+', 1), updated_at: at })).where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();

// ── worksheets ──
export const insertWorksheet = (db: Q, row: StrategyWorksheetsTable) => db.insertInto('strategy_worksheets').values(row).execute();
export const findWorksheet = (db: Q, workspaceId: string, id: string) =>
  db.selectFrom('strategy_worksheets').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
export const listWorksheets = (db: Q, workspaceId: string) =>
  db.selectFrom('strategy_worksheets').selectAll().where('workspace_id', '=', workspaceId).orderBy('updated_at', 'desc').orderBy('id').limit(500).execute();

// ── shared ──
/** Writes at the version the caller read; false when someone else wrote first. */
export async function updateAtVersion<T extends Versioned>(db: Q, table: T, workspaceId: string, id: string, version: number, set: Record<string, unknown>): Promise<boolean> {
  const r = await (db as Db).updateTable(table as 'strategy_goals').set({ ...set, version: version + 1 } as never)
    .where('workspace_id', '=', workspaceId).where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
export async function deleteRow(db: Q, table: Versioned, workspaceId: string, id: string): Promise<boolean> {
  const r = await (db as Db).deleteFrom(table as 'strategy_goals').where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
  return Number(r.numDeletedRows) === 1;
}
