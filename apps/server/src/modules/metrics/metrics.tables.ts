import type { Measure } from './cube.js';

export type MetricCubeTable = {
  workspace_id: string; seg: string; bdim: string; bval: string; grain: string; day: string; survey_id: string; channel: string;
} & Record<Measure, number>;

export interface MetricSettingsTable { workspace_id: string; time_zone: string; dimensions: string; updated_at: string }

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
