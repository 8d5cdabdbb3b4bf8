/** Table types of the strategy module (see migrations/2026-11-24-0017-strategy.ts). */

export interface StrategyGapAnalysesTable {
  id: string;
  workspace_id: string;
  name: string;
  /** GapPeriod as JSON. */
  period: string;
  /** GapRowStored[] as JSON, in display order. */
  rows: string;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface StrategyGoalsTable {
  id: string;
  workspace_id: string;
  title: string;
  metric: string | null;
  segment_id: string | null;
  unit: string;
  higher_is_better: number;
  baseline_value: number | null;
  baseline_date: string;
  target: number;
  start_date: string;
  deadline: string;
  owner_id: string | null;
  /** { specific, measurable, achievable, relevant, timeBound } as JSON. */
  notes: string;
  template: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface StrategyGoalCheckInsTable {
  id: string;
  workspace_id: string;
  goal_id: string;
  date: string;
  value: number;
  note: string;
  created_at: string;
}

export interface StrategyWorksheetsTable {
  id: string;
  workspace_id: string;
  name: string;
  /** { segmentation, persona, engagement, positioning, currency } as JSON. */
  content: string;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface StrategyTables {
  strategy_gap_analyses: StrategyGapAnalysesTable;
  strategy_goals: StrategyGoalsTable;
  strategy_goal_check_ins: StrategyGoalCheckInsTable;
  strategy_worksheets: StrategyWorksheetsTable;
}
