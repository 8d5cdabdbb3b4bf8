/** What every tile body receives: its settings, its answer, and the dashboard around it. */
import type { DashboardView } from './url-state';
import type { Benchmark, DriversView, MetricsResult, OpenTextItem, Target, Tile } from './types';
import type { CustomerKpisView } from './customer-kpis';
import type { LoopMetrics } from './loop-tiles';

export interface TileContext {
  view: DashboardView;
  range: { from: string; to: string };
  today: string;
  targets: readonly Target[];
  benchmarks: readonly Benchmark[];
  surveyNames: ReadonlyMap<string, string>;
  /** Text-analytics theme names in the UI language (loop tiles name root causes and themes). */
  themeName?: (id: string) => string;
}

export interface TileProps {
  tile: Tile;
  result?: MetricsResult;
  items?: OpenTextItem[];
  drivers?: DriversView;
  /** Customer KPI tiles: GET …/customers/kpis. */
  kpis?: CustomerKpisView;
  /** Closed-loop tiles: GET …/cases/metrics. */
  loop?: LoopMetrics;
  ctx: TileContext;
}
