/** Shapes of the metrics and dashboards JSON (see the server's metrics and dashboards modules). */
import type { Benchmark, Dashboard, DriversView, MetricName, MetricSettingsView, Target, Tile } from '@touchpoint/shared';
import type { Interval } from '../../lib/types';

export type { Benchmark, DriversView, MetricName, Target, Tile };
export type TileType = Tile['type'];
export type TileInterval = Tile['interval'];
/** The headline metrics that have an interval, targets and benchmarks. */
export type ScoreMetric = 'nps' | 'csat' | 'ces' | 'sentiment' | 'cx_index';

export interface Summary {
  responses: number;
  complete: number;
  nps: { n: number; nps: number | null; ci: Interval | null; promoters: number; passives: number; detractors: number };
  csat: { n: number; csat: number | null; ci: Interval | null; satisfied: number };
  ces: { n: number; mean: number | null; easyShare: number | null; ci: Interval | null };
  /** Mean sentiment score (−1…1) of the analysed open-text answers; n = texts; shares in %. */
  sentiment: { n: number; mean: number | null; ci: Interval | null; sd: number | null; positive: number; negative: number; positiveShare: number | null; negativeShare: number | null };
  cxIndex: { value: number | null; ci: Interval | null; components: { nps: number | null; csat: number | null; ces: number | null; sentiment: number | null } };
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
  previous: null | { from: string; to: string; total: Summary; change: { nps: Change; csat: Change; ces: Change; sentiment: Change } };
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
  weights: { nps: number; csat: number; ces: number; sentiment: number };
  history: { version: number; weights: { nps: number; csat: number; ces: number; sentiment: number }; createdAt: string; createdBy: string }[];
}
