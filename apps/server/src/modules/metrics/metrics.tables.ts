import type { Measure } from './cube.js';

export type MetricCubeTable = {
  workspace_id: string; seg: string; bdim: string; bval: string; day: string; survey_id: string; channel: string;
} & Record<Measure, number>;

export interface MetricSettingsTable { workspace_id: string; time_zone: string; dimensions: string; updated_at: string }

export interface MetricsTables {
  metric_cube: MetricCubeTable;
  metric_settings: MetricSettingsTable;
}
