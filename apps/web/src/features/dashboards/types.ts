/** Shapes of the metrics and dashboards JSON (see the server's metrics and dashboards modules). */
import type { Benchmark, Dashboard, MetricName, MetricSettingsView, Target, Tile } from '@touchpoint/shared';
import type { Interval } from '../../lib/types';

export type { Benchmark, MetricName, Target, Tile };
export type TileType = Tile['type'];
export type TileInterval = Tile['interval'];
/** The headline metrics that have an interval, targets and benchmarks. */
export type ScoreMetric = 'nps' | 'csat' | 'ces' | 'cx_index';

export interface Summary {
  responses: number;
  complete: number;
  nps: { n: number; nps: number | null; ci: Interval | null; promoters: number; passives: number; detractors: number };
  csat: { n: number; csat: number | null; ci: Interval | null; satisfied: number };
  ces: { n: number; mean: number | null; easyShare: number | null; ci: Interval | null };
  cxIndex: { value: number | null; ci: Interval | null; components: { nps: number | null; csat: number | null; ces: number | null } };
  distribution: { nps: number[]; csat: number[]; ces: number[] };
}

export interface Change { delta: number | null; ci: Interval | null; pValue: number | null; significant: boolean }

export interface MetricsResult {
  source: 'cube' | 'rows';
  timeZone: string;
  interval: 'day' | 'week' | 'month' | 'total';
  by: string | null;
  from: string;
  to: string;
  cxIndexVersion: number;
  total: Summary;
  series: { group: string | null; points: (Summary & { period: string })[] }[];
  previous: null | { from: string; to: string; total: Summary; change: { nps: Change; csat: Change; ces: Change } };
}

export interface OpenTextItem {
  responseId: string; surveyId: string; surveyName: string; questionId: string; text: string;
  nps: number | null; channel: string; language: string | null; createdAt: string;
}

export interface DashboardItem extends Dashboard { builtIn: boolean }

/** GET/PUT …/metrics/settings; `recount` is set while the metrics are being recounted. */
export type MetricSettings = MetricSettingsView;

export interface CxIndexState {
  version: number;
  weights: { nps: number; csat: number; ces: number };
  history: { version: number; weights: { nps: number; csat: number; ces: number }; createdAt: string; createdBy: string }[];
}
