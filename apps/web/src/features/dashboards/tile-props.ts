/** What every tile body receives: its settings, its answer, and the dashboard around it. */
import type { DashboardView } from './url-state';
import type { Benchmark, DriversView, MetricsResult, OpenTextItem, Target, Tile } from './types';
import type { CustomerKpisView } from './customer-kpis';

export interface TileContext {
  view: DashboardView;
  range: { from: string; to: string };
  today: string;
  targets: readonly Target[];
  benchmarks: readonly Benchmark[];
  surveyNames: ReadonlyMap<string, string>;
}

export interface TileProps {
  tile: Tile;
  result?: MetricsResult;
  items?: OpenTextItem[];
  drivers?: DriversView;
  /** Customer KPI tiles: GET …/customers/kpis. */
  kpis?: CustomerKpisView;
  ctx: TileContext;
}
