import type { Generated } from 'kysely';
import type { Measure } from './cube.js';

export type MetricCubeTable = {
  workspace_id: string; seg: string; bdim: string; bval: string; grain: string; day: string; survey_id: string; channel: string;
} & Record<Measure, number>;

/**
 * updated_at '' = a default row no one saved (created so writers have a row to lock).
 * recount_after_at/_id: the recount cursor, null when the cube is complete (see recount.service.ts).
 */
export interface MetricSettingsTable {
  workspace_id: string; time_zone: string; dimensions: string; updated_at: string;
  recount_after_at: string | null; recount_after_id: string | null;
  recount_done: Generated<number>; recount_total: Generated<number>; recount_started_at: string | null;
  generation: Generated<number>;
}

export interface MetricTargetsTable { id: string; workspace_id: string; metric: string; survey_id: string | null; operator: string; value: number; due: string; created_at: string }
export interface MetricBenchmarksTable { id: string; workspace_id: string; metric: string; kind: string; label: string; value: number; source: string; as_of: string; created_at: string }
export interface CxIndexVersionsTable { workspace_id: string; version: number; weights: string; created_by: string; created_at: string }

export interface MetricsTables {
  metric_cube: MetricCubeTable;
  metric_settings: MetricSettingsTable;
  metric_targets: MetricTargetsTable;
  metric_benchmarks: MetricBenchmarksTable;
  cx_index_versions: CxIndexVersionsTable;
}
